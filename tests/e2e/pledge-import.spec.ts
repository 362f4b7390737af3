import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./journeys";

// Nothing here is marked confirmed, so the campaign's figures (which other journeys read) stay as seeded.
function signUps(prefix: string): Buffer {
  return Buffer.from(
    [
      "Full name,Email address,Postcode,Membership status,Privacy consent",
      `Imogen Import,${prefix}.imogen@example.org,LS1 4AP,Member,yes`,
      `Imogen Import again,${prefix.toUpperCase()}.IMOGEN@example.org,LS1 4AP,Member,yes`,
      `No Postcode,${prefix}.nopostcode@example.org,,Supporter,yes`,
      "A demo pledger,pledger1@demo.breakaway.test,G1 1AA,Supporter,yes",
    ].join("\n"),
  );
}

test("an organiser imports a CSV, checks the columns, watches it finish and downloads the row with a problem", async ({ page }) => {
  await signIn(page, "organiser@demo.breakaway.test");
  await page.goto("/campaign/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "signups.csv", mimeType: "text/csv", buffer: signUps("js") });
  await page.getByRole("button", { name: "Upload and check" }).click();

  await expect(page.getByRole("heading", { name: "Check how the file will be read" })).toBeVisible();
  // The guessed mapping is shown as one labelled select per field.
  await expect(page.getByLabel("Email address", { exact: true })).toHaveValue("1");
  await expect(page.getByLabel("Postcode", { exact: true })).toHaveValue("2");
  await expect(page.getByLabel("Agreed to us keeping their details")).toHaveValue("4");
  await page.getByLabel("Agreed to be contacted").selectOption({ label: "Every row: the form could not be sent without agreeing" });
  await page.getByRole("button", { name: "Update the preview" }).click();
  const sample = page.getByRole("region", { name: /The first 4 rows/ });
  // The checks below held before the click too: the new preview is the one where Imogen agrees to be contacted.
  await expect(sample.getByRole("row", { name: /js\.imogen@example\.org/ })).toContainText("Yes");
  await expect(sample).toContainText("Same email as line 2: merged");
  await expect(sample).toContainText("Postcode: No postcode");
  await expect(page.getByLabel("Agreed to be contacted")).toHaveValue("all");

  await page.getByRole("button", { name: "Start import" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  await expect(page.locator("progress")).toHaveAttribute("value", "4");
  await expect(page.getByText("4 of 4 rows (100%)")).toBeVisible();
  await expect(page.locator(".summary-list")).toContainText("New pledges1");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the row with a problem (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^import-problems-[0-9a-f]{8}\.csv$/);
  const text = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
  expect(text.split(/\r?\n/)[0]).toBe("Line,Problem,Full name,Email address,Postcode,Membership status,Privacy consent");
  expect(text).toContain("4,Postcode: No postcode,No Postcode,js.nopostcode@example.org,,Supporter,yes");
});

test("an organiser exports the pledges as a CSV download", async ({ page }) => {
  await signIn(page, "organiser@demo.breakaway.test");
  await page.goto("/campaign/import");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all pledges as a CSV file" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^pledges-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await download.path(), "utf8");
  expect(text).toContain("pledger1@demo.breakaway.test");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an organiser uploads, starts, and the progress page refreshes itself until done", async ({ page }) => {
    await signIn(page, "organiser@demo.breakaway.test");
    await page.goto("/campaign/import");
    await page.getByLabel("CSV file").setInputFiles({ name: "signups-nojs.csv", mimeType: "text/csv", buffer: signUps("nojs") });
    await page.getByRole("button", { name: "Upload and check" }).click();
    await expect(page.getByRole("heading", { name: "Check how the file will be read" })).toBeVisible();
    await page.getByRole("button", { name: "Start import" }).click();
    await expect(page).toHaveURL(/\/campaign\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
    await expect(page.getByText("4 of 4 rows (100%)")).toBeVisible();
    await expect(page.getByRole("link", { name: "Download the row with a problem (CSV)" })).toBeVisible();
  });
});
