import { expect, test } from "@playwright/test";
import { signIn } from "./journeys";
import { hydrated, postsOf, summaryOf } from "./page-state";

test.describe("with JavaScript", () => {
  test("a member signs in through the emailed link, sees the home page, and signs out", async ({ page }) => {
    await signIn(page, "amira.member@demo.breakaway.test");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("banner")).toContainText("Amira Hassan");
    await expect(page.getByRole("heading", { level: 1, name: "Grassroots Ultimatum" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
  });

  test("the page's own scripts run under the nonce policy, and an injected inline script does not", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) violations.push(message.text());
    });
    await page.goto("/login");
    // Hydrated: the page's own scripts have run, so any the policy refused have been reported.
    await hydrated(page);
    expect(violations).toEqual([]);
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
  });

  test("a member is refused an organiser page", async ({ page }) => {
    await signIn(page, "bill.member@demo.breakaway.test");
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have permission to see this page" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  });

  test("an organiser reads the audit log and checks its chain", async ({ page }) => {
    await signIn(page, "organiser@demo.breakaway.test");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
    await expect(page.getByRole("table")).toContainText("organiser@demo.breakaway.test");
    await expect(page.getByRole("table")).toContainText("Signed in");
    await page.getByRole("button", { name: "Check the chain" }).click();
    await expect(page.getByRole("heading", { name: "The chain is intact" })).toBeVisible();
  });

  test("a bad email is explained in an error summary that links to the field", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email address").fill("not an email");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    const summary = summaryOf(page);
    await expect(summary).toBeFocused();
    await summary.getByRole("link", { name: /Enter an email address in the correct format/ }).click();
    await expect(page.getByLabel("Email address")).toBeFocused();
  });

  test("a bad email is refused in the browser, with the server's summary, before anything is sent", async ({ page }) => {
    const posts = postsOf(page);
    await page.goto("/login");
    // Hydrated: before this the form would simply be sent, and the server would answer.
    await hydrated(page);
    await page.getByLabel("Email address").fill("not an email");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    const summary = summaryOf(page);
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Enter an email address in the correct format, like name@example.com" })).toHaveAttribute("href", "#email");
    await expect(page.locator("#email-error")).toHaveText("Error: Enter an email address in the correct format, like name@example.com");
    await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
    expect(posts).toEqual([]);
    await summary.getByRole("link", { name: /Enter an email address in the correct format/ }).click();
    await expect(page.getByLabel("Email address")).toBeFocused();
    // Corrected and sent again: the browser's refusal goes, and the server answers.
    await page.getByLabel("Email address").fill("nobody@example.com");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    await expect(summary).toHaveCount(0);
    expect(posts).toHaveLength(1);
  });

  test("the skip link is the first thing a keyboard reaches", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main-content$/);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a member signs in through the emailed link, sees the home page, and signs out", async ({ page }) => {
    await signIn(page, "ceri.member@demo.breakaway.test");
    await expect(page.getByRole("banner")).toContainText("Ceri Davies");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  });

  test("a bad email is sent, and the server's answer explains it in a summary that links to the field", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email address").fill("not an email");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Send me a sign-in link" }).click(),
    ]);
    expect(response.status()).toBe(400);
    const summary = summaryOf(page);
    await expect(summary.getByRole("link", { name: "Enter an email address in the correct format, like name@example.com" })).toHaveAttribute("href", "#email");
    await expect(page.locator("#email-error")).toHaveText("Error: Enter an email address in the correct format, like name@example.com");
  });

  test("a member is refused an organiser page", async ({ page }) => {
    await signIn(page, "dev.member@demo.breakaway.test");
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(403);
  });
});
