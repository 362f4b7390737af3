import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./journeys";

/** A UK wall-clock time, as a datetime-local input wants it. */
function londonInput(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

async function person(browser: Browser): Promise<Page> {
  // Phone-sized, as most members use it.
  return (await browser.newContext({ viewport: { width: 414, height: 860 } })).newPage();
}

/** With SCREENSHOTS=1 the journey also refreshes the pictures of the user guide. */
async function picture(page: Page, name: string) {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/images/${name}.png`, fullPage: true });
}

async function pledge(page: Page, who: { name: string; email: string; relation: string; postcode: string }) {
  await page.goto("/campaign");
  await page.getByRole("link", { name: "Make the pledge" }).click();
  await page.getByLabel("Your name").fill(who.name);
  await page.getByLabel("Email address").fill(who.email);
  await page.getByLabel("Postcode").fill(who.postcode);
  await page.getByLabel(who.relation).check();
  await page.getByLabel("I agree to my information being used").check();
  await picture(page, "01-pledge-form");
  await page.getByRole("button", { name: "Make the pledge" }).click();
  await expect(page.getByRole("heading", { name: "Check your email to confirm your pledge" })).toBeVisible();
  await page.goto("/dev/outbox");
  const mail = page.locator(".mail").filter({ has: page.locator(".mail__to", { hasText: who.email }) }).first();
  await mail.getByRole("link", { name: /pledge\/confirm/ }).click();
  await page.getByRole("button", { name: "Confirm my pledge" }).click();
  await expect(page.getByRole("heading", { name: "Your pledge is confirmed" })).toBeVisible();
}

test("the whole road: pledge, deadline, decision, founding, standing orders", async ({ browser }) => {
  test.setTimeout(240_000);
  const ann = await person(browser);
  const ben = await person(browser);
  await pledge(ann, { name: "Ann Road", email: "ann.road@e2e.test", relation: "I am a member of the party", postcode: "CF10 1AA" });
  await pledge(ben, { name: "Ben Road", email: "ben.road@e2e.test", relation: "I support the party", postcode: "G12 8QQ" });

  // The organiser ends the campaign, records the party's answer and opens the decision ballot.
  const org = await person(browser);
  await signIn(org, "organiser@demo.breakaway.test");
  await org.goto("/campaign/manage");
  await org.getByLabel("Deadline (UK time)").fill(londonInput(new Date(Date.now() - 60_000)));
  await org.getByRole("button", { name: "Save the campaign" }).click();
  await expect(org.getByText("The campaign's details are saved.")).toBeVisible();
  await picture(org, "02-manage-campaign");
  await org.locator("#response-1-not_met").check();
  await org.locator("#note-1").fill("Voted down at conference.");
  await org.getByRole("button", { name: "Record the response" }).first().click();
  await expect(org.getByText("recorded and published")).toBeVisible();
  await org.getByLabel("The ballot closes at (UK time)").fill(londonInput(new Date(Date.now() + 86_400_000)));
  await org.getByRole("button", { name: "Open the decision ballot" }).click();
  await expect(org.getByText(/The decision ballot is open\. \d+ pledgers are on its roll/)).toBeVisible();

  // The public page shows the response; pledging has closed.
  await ann.goto("/campaign");
  await expect(ann.getByText("Voted down at conference.")).toBeVisible();
  await picture(ann, "03-campaign-after-deadline");
  await expect(ann.getByRole("link", { name: "Make the pledge" })).toHaveCount(0);

  // Both pledgers vote to found a new party.
  for (const [page, email] of [[ann, "ann.road@e2e.test"], [ben, "ben.road@e2e.test"]] as const) {
    await signIn(page, email);
    await page.goto("/campaign");
    await page.getByRole("link", { name: "The members' decision ballot" }).click();
    await page.getByLabel("Leave and found a new party").fill("1");
    await page.getByLabel("Leave and join another party").fill("2");
    await page.getByRole("button", { name: "Continue to check your ballot" }).click();
    if (page === ann) await picture(page, "04-check-your-ballot");
    await page.getByRole("button", { name: "Cast my vote" }).click();
    await expect(page.getByRole("heading", { name: "Your vote has been cast" })).toBeVisible();
    if (page === ann) await picture(page, "05-receipt");
  }

  // Organisers cannot cut the ballot short; the returning officer can, giving a reason.
  await org.goto("/campaign");
  await org.getByRole("link", { name: "The members' decision ballot" }).click();
  await expect(org.getByText("Only the returning officer can close a poll before its closing time")).toBeVisible();
  const ro = await person(browser);
  await signIn(ro, "returning.officer@demo.breakaway.test");
  await ro.goto("/campaign");
  await ro.getByRole("link", { name: "The members' decision ballot" }).click();
  await ro.getByLabel("Reason for closing before the closing time").fill("Test run: everyone who will vote has voted.");
  await ro.getByRole("button", { name: "Close the poll and count" }).click();
  await expect(ro.getByRole("heading", { name: "Elected, in order" })).toBeVisible();
  await picture(ro, "06-decision-result");
  await org.goto("/campaign/manage");
  await org.getByRole("button", { name: "Record the members' decision" }).click();
  await expect(org.getByRole("alert", { name: "Done" })).toContainText("decided to leave and found a new party");
  await org.goto("/founding");
  await org.getByRole("button", { name: "Invite everyone who has not been invited" }).click();
  await expect(org.getByText(/\d+ invitations sent\./)).toBeVisible();
  await org.getByLabel("The leaving day").fill("2027-03-01");
  await org.getByRole("button", { name: "Set the leaving day" }).click();
  await expect(org.getByText("The leaving day is set.")).toBeVisible();

  // Ann accepts, gets her resignation letter and confirms she has resigned.
  await ann.goto("/founding");
  await picture(ann, "07-founding-invitation");
  await ann.getByLabel("I accept the founding statement").check();
  await ann.getByLabel("I agree to my information being used as described above").check();
  await ann.getByRole("button", { name: "Become a founding member" }).click();
  await expect(ann.getByText(/Welcome, founding member number \d+\./)).toBeVisible();
  await picture(ann, "08-founding-member");
  const letter = await ann.request.get("/founding/resignation-letter.txt");
  expect(letter.status()).toBe(200);
  expect(await letter.text()).toContain("Ann Road");
  const pdf = await ann.request.get("/founding/resignation-letter.pdf");
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  await ann.getByRole("button", { name: "I have resigned from the old party" }).click();
  await expect(ann.getByText("your resignation is recorded")).toBeVisible();

  // Ben accepts too; the organiser opens the standing orders vote; Ann votes.
  await ben.goto("/founding");
  await ben.getByLabel("I accept the founding statement").check();
  await ben.getByLabel("I agree to my information being used as described above").check();
  await ben.getByRole("button", { name: "Become a founding member" }).click();
  await expect(ben.getByText(/Welcome, founding member number \d+\./)).toBeVisible();
  await expect(ben.getByRole("link", { name: "resignation letter" })).toHaveCount(0);

  await org.goto("/founding");
  await org.getByLabel("The vote closes at (UK time)").fill(londonInput(new Date(Date.now() + 7 * 86_400_000)));
  await org.getByRole("button", { name: "Open the standing orders vote" }).click();
  await expect(org.getByText(/The standing orders vote is open to 2 founding members\./)).toBeVisible();
  await picture(org, "09-founding-roll");

  await ann.goto("/founding");
  await ann.getByRole("link", { name: "Vote on the interim standing orders" }).click();
  await ann.getByLabel("Yes").check();
  await ann.getByRole("button", { name: "Continue to check your ballot" }).click();
  await ann.getByRole("button", { name: "Cast my vote" }).click();
  await expect(ann.getByRole("heading", { name: "Your vote has been cast" })).toBeVisible();
});
