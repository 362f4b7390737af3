import { expect, test } from "@playwright/test";

/**
 * Pages that show Markdown load the one Markdown reader (mdast-util-from-markdown) in the browser
 * too: they must hydrate without an error, and show the text as the PDF prints it (decision 038).
 */
test("the standing orders and the pledge page read their Markdown in the browser without an error", async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });

  await page.goto("/founding/standing-orders");
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 2, name: "1. Purpose and how long these rules last" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "(a) adopt the party's constitution;" })).toBeVisible();
  // The rules block is for Breakaway to read; members read the words.
  await expect(page.getByText("quorum_percent")).toHaveCount(0);

  await page.goto("/pledge");
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});
