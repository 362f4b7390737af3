import { expect, type Page } from "@playwright/test";

/** As a person would: ask for a link, open the demo mailbox, follow the newest link, confirm. */
export async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.goto("/dev/outbox");
  const mail = page.locator(".mail").filter({ has: page.locator(".mail__to", { hasText: email }) }).first();
  await mail.getByRole("link").click();
  await expect(page.getByText(`You are signing in as ${email}`)).toBeVisible();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
}
