import { expect, test, type Browser, type Page } from "@playwright/test";
import { violations } from "./axe";
import { castClauseBallot, fillPledgeForm, londonInput, signIn } from "./journeys";

async function person(browser: Browser): Promise<Page> {
  // Phone-sized, as most members use it.
  return (await browser.newContext({ viewport: { width: 414, height: 860 } })).newPage();
}

/** With SCREENSHOTS=1 the journey also refreshes the pictures of the user guide. */
async function picture(page: Page, name: string, fullPage = true) {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/images/${name}.png`, fullPage });
}

async function pledge(page: Page, who: { name: string; email: string; relation: string; postcode: string }) {
  await page.goto("/campaign");
  await page.getByRole("link", { name: "Make the pledge" }).click();
  await fillPledgeForm(page, who);
  await picture(page, "01-pledge-form");
  await page.getByRole("button", { name: "Make the pledge" }).click();
  await expect(page.getByRole("heading", { name: "Check your email to confirm your pledge" })).toBeVisible();
  await page.goto("/dev/outbox");
  const mail = page
    .locator(".mail")
    .filter({ has: page.locator(".mail__to", { hasText: who.email }) })
    .first();
  await mail.getByRole("link", { name: /pledge\/confirm/ }).click();
  await page.getByRole("button", { name: "Confirm my pledge" }).click();
  await expect(page.getByRole("heading", { name: "Your pledge is confirmed" })).toBeVisible();
}

// The constitution journey carries on from where the road ends, in the same database.
test.describe.configure({ mode: "serial" });

/** Three more pledgers, who become founding members in the constitution journey. */
const laterFounders = [
  { name: "Cat Road", email: "cat.road@e2e.test" },
  { name: "Dev Road", email: "dev.road@e2e.test" },
  { name: "Eve Road", email: "eve.road@e2e.test" },
];

test("the whole road: pledge, deadline, decision, founding, standing orders", async ({ browser }) => {
  test.setTimeout(240_000);
  const ann = await person(browser);
  const ben = await person(browser);
  await pledge(ann, { name: "Ann Road", email: "ann.road@e2e.test", relation: "I am a member of the party", postcode: "CF10 1AA" });
  await pledge(ben, { name: "Ben Road", email: "ben.road@e2e.test", relation: "I support the party", postcode: "G12 8QQ" });
  for (const later of laterFounders) {
    const page = await person(browser);
    await pledge(page, { ...later, relation: "I support the party", postcode: "LS1 4AP" });
    await page.context().close();
  }

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
  for (const [page, email] of [
    [ann, "ann.road@e2e.test"],
    [ben, "ben.road@e2e.test"],
  ] as const) {
    await signIn(page, email);
    await page.goto("/campaign");
    await page.getByRole("link", { name: "The members' decision ballot" }).click();
    await page.getByLabel("Leave and found a new party").fill("1");
    await page.getByLabel("Leave and join another party").fill("2");
    await page.getByRole("button", { name: "Continue to check your ballot" }).click();
    await expect(page.getByRole("heading", { name: "Check your ballot" })).toBeVisible();
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
  // The members' decision chooses an option: nobody is "elected".
  await expect(ro.getByRole("heading", { name: "Chosen", exact: true })).toBeVisible();
  await picture(ro, "06-decision-result");
  await org.goto("/campaign/manage");
  await org.getByRole("button", { name: "Record the members' decision" }).click();
  await expect(org.getByRole("alert", { name: "Done" })).toContainText("decided to leave and found a new party");
  await org.goto("/founding");
  await org.getByRole("button", { name: "Invite everyone who has not been invited" }).click();
  await expect(org.getByText(/\d invitations sent\./)).toBeVisible();
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

/** Replaces words in the "Change the words" box of the amendment form, as a member edits it. */
async function changeWords(page: Page, clauseId: string, edit: (text: string) => string, reason: string) {
  await page.goto(`/constitution/clauses/${clauseId}`);
  await page.getByRole("link", { name: "Propose an amendment to this clause" }).click();
  const box = page.getByLabel("The clause as you want it to read");
  await box.fill(edit(await box.inputValue()));
  await page.locator("#words-reason").fill(reason);
  await page.getByRole("button", { name: "Propose this amendment" }).first().click();
  await expect(page.getByRole("heading", { name: "Amendment proposed" })).toBeVisible();
  return Number(/\/amendments\/(\d+)/.exec(page.url())?.[1]);
}

async function voteOnClause(page: Page, clauseId: string, answers: { yesNo?: ("Yes" | "No" | "Abstain")[]; ranks?: Record<string, string> }, shot?: string) {
  await page.goto(`/constitution/vote/${clauseId}`);
  const questions = page.locator(".question");
  let yesNo = 0;
  for (let i = 0; i < (await questions.count()); i += 1) {
    const q = questions.nth(i);
    if ((await q.locator(".rank-row").count()) > 0) {
      for (const [label, rank] of Object.entries(answers.ranks ?? {})) await q.getByLabel(label, { exact: true }).fill(rank);
    } else {
      await q.getByLabel(answers.yesNo?.[yesNo] ?? "Yes", { exact: true }).check();
      yesNo += 1;
    }
  }
  if (shot) {
    await picture(page, shot);
    expect(await violations(page), "a clause's ballot with competing amendments").toEqual([]);
  }
  await castClauseBallot(page);
}

test("the constitution: amend, support, comment, vote clause by clause, adopt version 1", async ({ browser }) => {
  test.setTimeout(420_000);
  // Three more founding members accept; the returning officer closes the standing orders vote.
  const founders: Page[] = [];
  for (const later of laterFounders) {
    const page = await person(browser);
    await signIn(page, later.email);
    await page.goto("/founding");
    await page.getByLabel("I accept the founding statement").check();
    await page.getByLabel("I agree to my information being used as described above").check();
    await page.getByRole("button", { name: "Become a founding member" }).click();
    await expect(page.getByText(/Welcome, founding member number \d+\./)).toBeVisible();
    founders.push(page);
  }
  const [cat, dev, eve] = founders as [Page, Page, Page];
  const ann = await person(browser);
  await signIn(ann, "ann.road@e2e.test");
  const ben = await person(browser);
  await signIn(ben, "ben.road@e2e.test");
  const org = await person(browser);
  await signIn(org, "organiser@demo.breakaway.test");
  const ro = await person(browser);
  await signIn(ro, "returning.officer@demo.breakaway.test");

  // No vote on the constitution before the standing orders are adopted.
  await org.goto("/constitution/manage");
  await org.getByRole("button", { name: "Start drafting from the model constitution" }).click();
  await expect(org.getByRole("heading", { name: "The draft constitution" })).toBeVisible();
  await org.goto("/constitution/manage");
  await expect(org.getByText("No vote on the constitution can open until the founding members have adopted the standing orders")).toBeVisible();
  await org.getByLabel(/must support an amendment/).fill("1");
  await org.getByRole("button", { name: "Save" }).click();
  await expect(org.getByText("The number of supporters needed is saved.")).toBeVisible();

  await ro.goto("/polls");
  await ro.getByRole("link", { name: "Adopt the interim standing orders" }).click();
  await ro.getByLabel("Reason for closing before the closing time").fill("Test run: the founding members have voted.");
  await ro.getByRole("button", { name: "Close the poll and count" }).click();
  await expect(ro.getByText("The motion was carried.")).toBeVisible();

  // Amendments: Ann adds an aim to an entrenched clause; Ann and Ben compete over the joining age.
  const aimsAmendment = await changeWords(
    ann,
    "aims",
    (t) => `${t}\n\n(3) The party works for a four-day week.`,
    "A shorter working week is our flagship policy.",
  );
  await picture(ann, "10-amendment-proposed");
  const sixteen = await changeWords(ann, "joining", (t) => t.replace("aged 14 or over", "aged 16 or over"), "Sixteen is the voting age in Scotland and Wales.");
  const fifteen = await changeWords(ben, "joining", (t) => t.replace("aged 14 or over", "aged 15 or over"), "A middle way.");

  // Support: each amendment needs one supporter besides its proposer.
  for (const [page, n] of [
    [ben, aimsAmendment],
    [ben, sixteen],
    [ann, fifteen],
  ] as const) {
    await page.goto(`/constitution/amendments/${n}`);
    await page.getByRole("button", { name: `Support A${n}` }).click();
    await expect(page.getByRole("heading", { name: "Your support is recorded." })).toBeVisible();
  }
  await ann.goto(`/constitution/amendments/${sixteen}`);
  await expect(ann.getByRole("button", { name: `Support A${sixteen}` })).toHaveCount(0);
  await expect(ann.getByText("1 of 1 needed. Ben Road")).toBeVisible();

  // Comments, threaded; member text is shown as text, never run.
  await cat.goto("/constitution/clauses/joining");
  await cat.getByLabel("Add a comment").fill("<script>window.pwned = 1</script> Is 14 too young?");
  await cat.getByRole("button", { name: "Post comment" }).last().click();
  await expect(cat.getByRole("heading", { name: "Comment posted" })).toBeVisible();
  await ann.goto("/constitution/clauses/joining");
  await expect(ann.getByText(`Competes with A${fifteen}:`)).toBeVisible();
  await expect(ann.getByText(`Competes with A${sixteen}:`)).toBeVisible();
  await expect(ann.getByText("<script>window.pwned = 1</script> Is 14 too young?")).toBeVisible();
  expect(await ann.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await ann.getByText("Reply to Cat Road", { exact: true }).click();
  await ann.getByLabel("Your reply to Cat Road").fill("Other parties take members at 14.");
  await ann.getByRole("button", { name: "Post comment" }).first().click();
  await expect(ann.getByText("Other parties take members at 14.")).toBeVisible();
  await picture(ann, "11-clause-with-amendments");
  expect(await violations(ann), "clause page with amendments and comments").toEqual([]);
  await ann.getByRole("link", { name: "Propose an amendment to this clause" }).click();
  await ann.getByRole("button", { name: "Propose this amendment" }).first().click();
  await expect(ann.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  expect(await violations(ann), "amendment form with errors").toEqual([]);

  // The drafting committee recommends; the organiser opens the vote.
  await org.goto(`/constitution/amendments/${sixteen}`);
  await org.getByText("Publish a recommendation").click();
  expect(await violations(org), "amendment page with the recommendation form").toEqual([]);
  await org.getByLabel("Support", { exact: true }).check();
  await org.getByLabel("Reasons (up to 150 words)").fill("Matches the voting age in Scotland and Wales.");
  await org.getByRole("button", { name: "Publish the recommendation" }).click();
  await expect(org.getByRole("heading", { name: "The recommendation is published." })).toBeVisible();
  await org.goto("/constitution/manage");
  await org.getByLabel("The ballot closes at (UK time)").fill(londonInput(new Date(Date.now() + 8 * 86_400_000)));
  await org.getByRole("button", { name: "Open the vote" }).click();
  await expect(org.getByRole("heading", { name: "The vote is open" })).toBeVisible();

  // Everyone votes on the two amended clauses. A1 (an entrenched clause) gets 3 yes to 2 no:
  // a majority, but short of the two thirds it needs. On joining, A16 is ranked first.
  const aimsVotes: ["Yes" | "No", Page][] = [
    ["Yes", ann],
    ["Yes", ben],
    ["Yes", cat],
    ["No", dev],
    ["No", eve],
  ];
  for (const [vote, page] of aimsVotes) await voteOnClause(page, "aims", { yesNo: [vote, "Yes"] });
  for (const page of [ann, ben, cat]) {
    const ranks = { [`Amendment A${sixteen}`]: "1", [`Amendment A${fifteen}`]: "2", "No change": "3" };
    await voteOnClause(page, "joining", { ranks, yesNo: ["Yes"] }, page === ann ? "13-clause-ballot" : undefined);
  }
  // Ann takes the rest of the ballot in a second sitting: her progress was saved.
  await ann.goto("/constitution/vote");
  await expect(ann.getByText(/You have voted on 2 of \d+ clauses\./)).toBeVisible();
  await picture(ann, "12-voting-progress");
  await ann.getByRole("link", { name: "Vote on the next clause" }).click();
  await ann.getByRole("heading", { name: /Your ballot on/ }).waitFor();
  expect(await violations(ann), "a clause's ballot").toEqual([]);
  // As a member goes: each ballot cast opens the next clause not yet voted on, with the receipts
  // of the one before, until the progress page comes back when every clause is done.
  for (let clause = ann.url(); !clause.endsWith("/constitution/vote"); clause = ann.url()) {
    for (const radio of await ann.getByLabel("Yes", { exact: true }).all()) await radio.check();
    await castClauseBallot(ann);
  }
  await expect(ann.getByText("You have voted on every clause.")).toBeVisible();

  // The organiser may not close early; the returning officer closes the round, with a reason.
  await org.goto("/constitution/results");
  await expect(org.getByRole("button", { name: /Close and count round 1/ })).toHaveCount(0);
  await ro.goto("/constitution/results");
  await ro.getByLabel(/Reason for closing before the closing time/).fill("Test run: everyone has voted.");
  await ro.getByRole("button", { name: "Close and count round 1" }).click();
  await expect(ro.getByRole("heading", { name: "Round 1 is closed and counted." })).toBeVisible();
  const aimsRow = ro.getByRole("row", { name: new RegExp(`Amendment A${aimsAmendment}`) });
  await expect(aimsRow).toContainText("3");
  await expect(aimsRow).toContainText("at least two thirds");
  await expect(aimsRow).toContainText(/not/i);
  await expect(ro.getByRole("row", { name: new RegExp(`Competing: A${sixteen}, A${fifteen}`) })).toContainText(`A${sixteen} is carried`);
  await ro.getByRole("heading", { name: /2\. Aims and values/ }).scrollIntoViewIfNeeded();
  await picture(ro, "14-round-results", false);
  expect(await violations(ro), "round results").toEqual([]);

  // The adoption vote, then version 1.
  await org.goto("/constitution/manage");
  await org.getByLabel("The adoption vote closes at (UK time)").fill(londonInput(new Date(Date.now() + 8 * 86_400_000)));
  await org.getByRole("button", { name: "Open the adoption vote" }).click();
  await expect(org.getByRole("heading", { name: "The adoption vote is open" })).toBeVisible();
  for (const page of [ann, ben]) {
    await page.goto("/constitution/results");
    await page.getByRole("link", { name: "Vote on the adoption" }).click();
    await page.getByRole("radio", { name: "Yes" }).check();
    await page.getByRole("button", { name: "Continue to check your ballot" }).click();
    await page.getByRole("button", { name: "Cast my vote" }).click();
    await expect(page.getByRole("heading", { name: "Your vote has been cast" })).toBeVisible();
  }
  await ro.goto("/constitution/results");
  await ro.getByLabel(/Reason for closing before the closing time/).fill("Test run: the founding members have voted.");
  await ro.getByRole("button", { name: "Close and count the adoption vote" }).click();
  await expect(ro.getByRole("heading", { name: "The constitution is adopted as version 1." })).toBeVisible();

  await eve.goto("/constitution");
  await expect(eve.getByRole("heading", { name: "The constitution, version 1" })).toBeVisible();
  // The contents page lists the clauses; the text is on each clause's page and the whole-text page.
  await eve.getByRole("link", { name: "Read the whole constitution on one page" }).click();
  await expect(eve.getByRole("heading", { name: "The constitution, version 1" })).toBeVisible();
  await expect(eve.getByText("is aged 16 or over")).toBeVisible();
  await expect(eve.getByText("four-day week")).toHaveCount(0);
  await picture(eve, "15-adopted-constitution", false);
  const pdf = await eve.request.get("/constitution.pdf");
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  expect((await pdf.body()).length).toBeGreaterThan(10_000);
  await dev.goto("/constitution/compare?from=original&to=v1");
  await expect(dev.getByText("1 clause differs.")).toBeVisible();
  expect(await violations(dev), "comparing versions").toEqual([]);
  await dev.goto("/constitution");
  expect(await violations(dev), "the adopted constitution").toEqual([]);
});

/** Ranks candidates on a poll's numbered ballot, checks it, and casts it. */
async function castRanked(page: Page, pollLink: string, ranks: Record<string, string>) {
  await page.goto("/elections");
  await page.getByRole("link", { name: `Vote for ${pollLink}`, exact: true }).click();
  // RON's label explains it ("Re-open nominations (…)"), so names match from the start.
  for (const [name, rank] of Object.entries(ranks)) await page.getByRole("textbox", { name: new RegExp(`^${name}`) }).fill(rank);
  await page.getByRole("button", { name: "Continue to check your ballot" }).click();
  await page.getByRole("button", { name: "Cast my vote" }).click();
  await expect(page.getByRole("heading", { name: "Your vote has been cast" })).toBeVisible();
}

// Seen passing from start to end on 5 December 2026 (the demo at the campaign, decision 035).
test("the officer elections: stand, second, withdraw, hustings, ranked ballots, RON, a tie, declaration", async ({ browser }) => {
  test.setTimeout(420_000);
  const people: Record<string, Page> = {};
  for (const name of ["ann", "ben", "cat", "dev", "eve"]) {
    const page = await person(browser);
    await signIn(page, `${name}.road@e2e.test`);
    people[name] = page;
  }
  const { ann, ben, cat, dev, eve } = people as Record<"ann" | "ben" | "cat" | "dev" | "eve", Page>;
  const org = await person(browser);
  await signIn(org, "organiser@demo.breakaway.test");
  const ro = await person(browser);
  await signIn(ro, "returning.officer@demo.breakaway.test");

  // The browser tests' demo starts at the campaign (decision 035), so there is no election yet:
  // the organisers set one up, then add a 5-seat executive committee.
  await org.goto("/elections");
  await org.getByLabel("Nominations open (UK time)").fill(londonInput(new Date(Date.now() - 60_000)));
  await org.getByLabel("Nominations close (UK time)").fill(londonInput(new Date(Date.now() + 15 * 86_400_000)));
  await org.getByLabel("Seats on the interim committee (0 for none)").fill("0");
  await org.getByRole("button", { name: "Set up the election" }).click();
  await expect(org.getByRole("link", { name: "Leader", exact: true })).toBeVisible();
  await org.getByLabel("Title (for example Chair, or Secretary)").fill("Executive committee");
  await org.getByLabel("Seats", { exact: true }).fill("5");
  await org.getByLabel("Seconders needed besides the nominator").fill("0");
  await org.getByRole("button", { name: "Add the position" }).click();
  await expect(org.getByRole("heading", { name: "The position is added." })).toBeVisible();

  // Ann stands for leader; Ben and Cat second her. A treasurer candidate must declare eligibility.
  await ann.goto("/elections");
  await ann.getByRole("link", { name: "Leader", exact: true }).click();
  await ann.getByLabel("Your statement (up to 500 words)").fill("I will **open the books** and hold a members' assembly every quarter.");
  await ann.getByLabel(/I agree to stand for this position/).check();
  await ann.getByRole("button", { name: "Stand for Leader" }).click();
  await expect(ann.getByRole("alert", { name: "There is a problem" })).toContainText("Confirm the declaration for a registered officer");
  expect(await violations(ann), "standing with an error").toEqual([]);
  await ann.getByLabel(/I agree to stand for this position/).check();
  await ann.getByLabel(/If elected, I will give the Electoral Commission/).check();
  await ann.getByRole("button", { name: "Stand for Leader" }).click();
  await expect(ann.getByRole("heading", { name: /You are standing/ })).toBeVisible();
  const leaderUrl = ann.url();
  for (const page of [ben, cat]) {
    await page.goto(leaderUrl);
    await page.getByRole("button", { name: "Second Ann Road" }).click();
    await expect(page.getByRole("heading", { name: "Your seconding is recorded." })).toBeVisible();
  }
  // Hustings: Dev asks, Ann answers.
  await dev.goto(leaderUrl);
  await dev.getByLabel("Ask Ann Road a question").fill("How will members outside the cities be heard?");
  await dev
    .locator("article", { has: dev.getByLabel("Ask Ann Road a question") })
    .getByRole("button", { name: "Ask", exact: true })
    .click();
  await expect(dev.getByText("How will members outside the cities be heard?")).toBeVisible();
  await ann.goto(leaderUrl);
  await ann.getByLabel("Your answer").fill("Every meeting online as well as in person.");
  await ann.getByRole("button", { name: "Post my answer" }).click();
  await expect(ann.getByText("Every meeting online as well as in person.")).toBeVisible();
  await expect(ann.getByText("Validly nominated").first()).toBeVisible();
  await picture(ann, "16-candidate-page");
  expect(await violations(ann), "a position with candidates and hustings").toEqual([]);

  // A candidate withdraws before the ballot: Eve stands for leader, then thinks better of it.
  await eve.goto(leaderUrl);
  await eve.getByLabel("Your statement (up to 500 words)").fill("I would rather serve on the committee.");
  await eve.getByLabel(/I agree to stand for this position/).check();
  await eve.getByLabel(/If elected, I will give the Electoral Commission/).check();
  await eve.getByRole("button", { name: "Stand for Leader" }).click();
  await expect(eve.getByRole("heading", { name: /You are standing/ })).toBeVisible();
  await eve.getByRole("button", { name: "Withdraw my candidacy" }).click();
  await expect(eve.getByRole("heading", { name: "You have withdrawn." })).toBeVisible();

  // Everyone stands for the executive committee.
  for (const page of [ann, ben, cat, dev, eve]) {
    await page.goto("/elections");
    await page.getByRole("link", { name: "Executive committee", exact: true }).click();
    await page.getByLabel(/I agree to stand for this position/).check();
    await page.getByRole("button", { name: "Stand for Executive committee" }).click();
    await expect(page.getByRole("heading", { name: /You are standing/ })).toBeVisible();
  }

  // The returning officer closes nominations early, with a reason, and opens the ballot.
  await ro.goto("/elections");
  await ro.getByLabel("The ballot closes at (UK time)").fill(londonInput(new Date(Date.now() + 8 * 86_400_000)));
  await ro.getByLabel("Reason for closing nominations before their closing time").fill("Test run: every candidate is in.");
  await ro.getByRole("button", { name: "Close nominations and open the ballot" }).click();
  await expect(ro.getByRole("heading", { name: /Ballots are open for/ })).toBeVisible();

  // Leader: every member puts "Re-open nominations" first, so the seat stays empty.
  for (const page of [ann, ben, cat, dev, eve]) await castRanked(page, "Leader", { "Re-open nominations": "1", "Ann Road": "2" });
  // Executive committee: Ann and Ben 2 first preferences each, Cat 1; surpluses pass to Dev.
  const exec: [Page, Record<string, string>][] = [
    [ann, { "Ann Road": "1", "Dev Road": "2" }],
    [ben, { "Ann Road": "1", "Dev Road": "2" }],
    [cat, { "Ben Road": "1", "Dev Road": "2" }],
    [dev, { "Ben Road": "1", "Dev Road": "2" }],
    [eve, { "Cat Road": "1" }],
  ];
  for (const [page, ranks] of exec) await castRanked(page, "Executive committee", ranks);

  await ro.goto("/elections");
  await ro.getByLabel("Reason, if closing before the closing time").fill("Test run: every member has voted.");
  await ro.getByRole("button", { name: "Close every ballot and count" }).click();
  await expect(ro.getByRole("heading", { name: /Every ballot is closed and counted/ })).toBeVisible();
  await expect(ro.getByRole("heading", { name: "These officers could not be registered" })).toBeVisible();

  // Leader: RON won; the result says so, and the declaration is published as a PDF.
  await ro.getByRole("link", { name: "Leader", exact: true }).click();
  await expect(ro.getByText(/Re-open nominations/).first()).toBeVisible();
  await expect(ro.getByText(/Verified: 5 ballots/)).toBeVisible();
  await ro.getByRole("button", { name: "Declare the result" }).click();
  await expect(ro.getByRole("heading", { name: /The result is declared/ })).toBeVisible();
  const declaration = await ro.request.get(`${ro.url().split("?")[0]}/declaration.pdf`);
  expect(declaration.headers()["content-type"]).toContain("application/pdf");

  // Executive committee: several stages, a tie settled by lot, and the chart of the stages.
  await ro.goto("/elections");
  await ro.getByRole("link", { name: "Executive committee", exact: true }).click();
  await expect(ro.getByText(/Stage 3/).first()).toBeVisible();
  await expect(ro.getByText(/decided by lot/).first()).toBeVisible();
  await expect(ro.getByRole("heading", { name: "How the votes moved" })).toBeVisible();
  await picture(ro, "17-election-result");
  expect(await violations(ro), "an election's result").toEqual([]);
  const blt = await ro.request.get(`/polls/${/\/polls\/([0-9a-f-]+)\/ballots\.blt/.exec(await ro.content())?.[1]}/ballots.blt`);
  expect(await blt.text()).toContain("Executive committee");
});
