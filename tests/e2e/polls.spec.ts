import { expect, test } from "@playwright/test";
import { signIn } from "./journeys";

test("a member votes in an open poll, gets a receipt, and cannot vote twice", async ({ page }) => {
  await signIn(page, "erin.member@demo.breakaway.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Polls" }).click();
  await page.getByRole("link", { name: "Adopt the campaign statement" }).click();
  await page.getByRole("button", { name: "Continue to check your ballot" }).click();
  // Nothing chosen: the error summary says so and links to the question.
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Choose Yes, No or Abstain");
  await page.getByLabel("Yes").check();
  await page.getByRole("button", { name: "Continue to check your ballot" }).click();
  await expect(page.getByRole("heading", { name: "Check your ballot" })).toBeVisible();

  // The connection drops as the ballot is sent: the page says it cannot tell, and nothing is cast.
  await page.route("**/ballot", (route) => route.abort("connectionfailed"));
  await page.getByRole("button", { name: "Cast my vote" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Your vote could not be sent");
  await page.unroute("**/ballot");
  await page.reload();
  await expect(page.getByText("You have voted in this poll")).toHaveCount(0);

  await page.getByLabel("Yes").check();
  await page.getByRole("button", { name: "Continue to check your ballot" }).click();
  // With JavaScript the ballot goes to the ballot endpoint, and its receipt is shown in place.
  const sent = page.waitForResponse((r) => r.url().endsWith("/ballot") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Cast my vote" }).click();
  const response = await sent;
  expect(response.status()).toBe(200);
  // Served by the real server (server.ts), not the page's action: JSON, and never cached.
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["cache-control"]).toBe("no-store");
  await expect(page.getByRole("heading", { name: "Your vote has been cast" })).toBeVisible();
  const receipt = page.locator(".receipt");
  // The receipt is the encrypted ballot's tracker (issue 17): Base64 SHA-256 without its "=".
  await expect(receipt).toHaveText(/^[A-Za-z0-9+/]{43}$/);
  // Encrypted in the browser: what was sent is a Belenios ballot, never the choice (issue 17).
  const sentBody = response.request().postData() ?? "";
  expect(new URLSearchParams(sentBody).get("belenios")).toMatch(/^\{"election_uuid":/);
  expect(new URLSearchParams(sentBody).has("choice")).toBe(false);
  await expect(page.getByText("Your browser encrypted your ballot and proved it well formed before sending it")).toBeVisible();
  await expect(page.getByText("which encrypted it at once and kept no copy of your choice")).toHaveCount(0);
  // The page's data is refreshed behind the receipt, which stays.
  await expect(page.getByText(/\d (has|have) voted so far, you among them/)).toBeVisible();
  await expect(receipt).toBeVisible();
  await page.reload();
  await expect(page.getByText("You have voted in this poll")).toBeVisible();
});

test("anyone reads a closed election's stage-by-stage count and its published ballots", async ({ page }) => {
  await page.goto("/polls");
  await page.getByRole("link", { name: "Interim steering committee (3 seats)" }).click();
  await expect(page.getByRole("heading", { name: "Elected, in order" })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Stage 1");
  await expect(page.getByRole("img", { name: /First preferences/ })).toBeVisible();
  // The count sheet (issue 18): every stage's change and total, the totals row, and its PDF to sign.
  await expect(page.getByRole("heading", { name: "Count sheet" })).toBeVisible();
  const sheet = page.getByRole("table", { name: /Each stage of the count/ });
  await expect(sheet.getByRole("rowheader", { name: "Totals" })).toBeVisible();
  await expect(sheet.getByRole("columnheader", { name: "Stage 1, +/-" })).toBeAttached();
  const pdfLink = page.getByRole("link", { name: "Download the count sheet for signing (PDF)" });
  const pdf = await page.request.get(new URL((await pdfLink.getAttribute("href"))!, page.url()).toString());
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await page.getByRole("link", { name: "The published ballots" }).click();
  await expect(page.getByText("Members who voted")).toBeVisible();
  const blt = await page.request.get(page.url().replace(/ballots$/, "ballots.blt"));
  expect(blt.status()).toBe(200);
  expect(await blt.text()).toContain('"Aisha Khan"');
});

test("the returning officer creates, opens and closes a ranked poll", async ({ page }) => {
  await signIn(page, "returning.officer@demo.breakaway.test");
  await page.goto("/polls/new");
  await page.getByLabel("Title").fill("Choose the new party's name");
  await page.getByLabel("Ranked, choosing between texts (Schulze)").check();
  await page.getByLabel("Options or candidates (ranked polls)").fill("People's Alliance\nNew Commonwealth\nGrassroots Party");
  await page.getByLabel("Closes at (UK time)").fill("2099-01-01T12:00");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("heading", { name: "Choose the new party's name" })).toBeVisible();
  await page.getByRole("button", { name: "Open the poll and freeze the roll" }).click();
  await expect(page.getByText(/The poll is open\. \d+ people are on its roll\./)).toBeVisible();
  await page.getByLabel("Grassroots Party").fill("1");
  await page.getByLabel("People's Alliance").fill("2");
  await page.getByRole("button", { name: "Continue to check your ballot" }).click();
  const sent = page.waitForResponse((r) => r.url().endsWith("/ballot") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Cast my vote" }).click();
  await expect(page.getByRole("heading", { name: "Your vote has been cast" })).toBeVisible();
  // The ranking was encrypted in the browser (issue 17): a Belenios ballot was sent, no numbers,
  // and the receipt is its tracker.
  const body = new URLSearchParams((await sent).request().postData() ?? "");
  expect(body.get("belenios")).toMatch(/^\{"election_uuid":/);
  expect([...body.keys()]).toEqual(["belenios"]);
  await expect(page.locator(".receipt")).toHaveText(/^[A-Za-z0-9+/]{43}$/);
  await expect(page.getByText("Your browser encrypted your ballot and proved it well formed before sending it")).toBeVisible();
  await page.getByRole("button", { name: "Close the poll and count" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Give the reason");
  await page.getByLabel("Reason for closing before the closing time").fill("Everyone on the roll has voted.");
  await page.getByRole("button", { name: "Close the poll and count" }).click();
  await expect(page.getByRole("heading", { name: "Full ranking" })).toBeVisible();
  // A choice between texts chooses; it does not elect.
  await expect(page.getByRole("heading", { name: "Chosen", exact: true })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: /^Grassroots Party$/ })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a member ranks and casts a ballot", async ({ page }) => {
    await signIn(page, "fraser.member@demo.breakaway.test");
    await page.goto("/polls");
    await page.getByRole("link", { name: "Adopt the campaign statement" }).click();
    await page.getByLabel("No").check();
    await page.getByRole("button", { name: "Continue to check your ballot" }).click();
    await page.getByRole("button", { name: "Change my ballot" }).click();
    await expect(page.getByLabel("No")).toBeChecked();
    await page.getByRole("button", { name: "Continue to check your ballot" }).click();
    await page.getByRole("button", { name: "Cast my vote" }).click();
    await expect(page.getByRole("heading", { name: "Your vote has been cast" })).toBeVisible();
    // Without JavaScript the server encrypted the choice, and the page says so.
    await expect(page.getByText("which encrypted it at once and kept no copy of your choice")).toBeVisible();
  });
});
