import { expect, test } from "@playwright/test";
import { signIn } from "./journeys";
import { hydrated, postsOf, summaryOf } from "./page-state";

// With JavaScript, the forms members use most check themselves before they are sent, with the
// server's own schema (useFormCheck): the same summary and field errors, and no request at all.
// The sign-in form's check is in sign-in.spec.ts, beside its answer without JavaScript.

test("Make the pledge explains each missing answer without sending the form", async ({ page }) => {
  await page.goto("/pledge");
  await hydrated(page);
  const posts = postsOf(page);
  await page.getByLabel("Your name").fill("Nia Evans");
  await page.getByLabel("Email address").fill("nia@example");
  await page.getByRole("button", { name: "Make the pledge" }).click();
  const summary = summaryOf(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Enter an email address in the correct format, like name@example.com",
    "Enter your postcode",
    "Say whether you are a member, a former member or a supporter",
    "You must agree to how we use your information to pledge",
  ]);
  await expect(summary.getByRole("link", { name: "Say whether you are a member, a former member or a supporter" })).toHaveAttribute("href", "#relation-member");
  await expect(page.locator("#postcode-error")).toHaveText("Error: Enter your postcode");
  // What was typed stays.
  await expect(page.getByLabel("Your name")).toHaveValue("Nia Evans");
  expect(posts).toEqual([]);
  await summary.getByRole("link", { name: "Enter your postcode" }).click();
  await expect(page.getByLabel("Postcode")).toBeFocused();
});

test("the account's new email address is checked before it is sent", async ({ page }) => {
  await signIn(page, "amira.member@demo.breakaway.test");
  await page.goto("/account");
  await hydrated(page);
  const posts = postsOf(page);
  await page.getByLabel("New email address").fill("amira at home");
  await page.getByRole("button", { name: "Send the links" }).click();
  const summary = summaryOf(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Enter an email address in the correct format, like name@example.com" })).toHaveAttribute("href", "#newEmail");
  await expect(page.getByLabel("New email address")).toHaveAttribute("aria-invalid", "true");
  expect(posts).toEqual([]);
  // Another of the page's forms, sent: the server's answer replaces the browser's refusal.
  await page.getByRole("button", { name: "Remove my information" }).click();
  await expect(summary).toContainText("Tick the box to confirm");
  await expect(summary).not.toContainText("correct format");
  expect(posts).toHaveLength(1);
});

test("New poll runs every check that needs no database before the form is sent", async ({ page }) => {
  await signIn(page, "returning.officer@demo.breakaway.test");
  await page.goto("/polls/new");
  await hydrated(page);
  const posts = postsOf(page);
  await page.getByLabel("Closes at (UK time)").fill("2099-01-01T12:00");
  await page.getByLabel("Trustees (optional)").fill("a@example.org\na@example.org");
  await page.getByRole("button", { name: "Save as draft" }).click();
  const summary = summaryOf(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText(["Enter a title for the poll", "Name each trustee once"]);
  expect(posts).toEqual([]);
  // Put right and sent: the browser's refusal goes, and the server looks the trustees up.
  await page.getByLabel("Title").fill("Adopt the campaign statement");
  await page.getByLabel("Trustees (optional)").fill("nobody@example.org");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(summary.getByRole("link")).toHaveText([/nobody@example\.org/]);
  expect(posts).toHaveLength(1);
});
