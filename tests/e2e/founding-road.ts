import { execFileSync } from "node:child_process";
import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { castClauseBallot, fillPledgeForm, londonInput } from "./journeys";
import type { JourneyServer } from "./journey-server";
import { linkIn } from "./mailbox";

/**
 * The steps of the road from an empty database, for founding-from-empty.spec.ts: each a small
 * named function of the Road, run in order, so steps can be inserted where the road grows.
 * Everything goes through the pages and the mail, as people would; time passes by moving the
 * journey server's clock (scripts/test-clock.ts), and ballots close on their own at their
 * closing times (the server's poll closer), never early.
 */

export interface Person {
  name: string;
  email: string;
  postcode: string;
  relation: "I am a member of the party" | "I used to be a member" | "I support the party but am not a member";
  page: Page;
}

type Newcomer = Omit<Person, "page">;

const MOVEMENT = "Members First";
const PARTY = "the Commonwealth Party";

/** The members who pledge: six, as a small movement's first founders. */
export const MEMBERS: Newcomer[] = [
  { name: "Amira Khan", email: "amira.khan@journey.test", postcode: "CF10 1AA", relation: "I am a member of the party" },
  { name: "Ben Osei", email: "ben.osei@journey.test", postcode: "G12 8QQ", relation: "I am a member of the party" },
  { name: "Carys Jones", email: "carys.jones@journey.test", postcode: "LL57 2DG", relation: "I used to be a member" },
  { name: "Dan Murphy", email: "dan.murphy@journey.test", postcode: "BT7 1NN", relation: "I support the party but am not a member" },
  { name: "Eve Novak", email: "eve.novak@journey.test", postcode: "LS1 4AP", relation: "I support the party but am not a member" },
  { name: "Femi Adeyemi", email: "femi.adeyemi@journey.test", postcode: "M1 1AE", relation: "I am a member of the party" },
];

export const ORGANISER: Newcomer = {
  name: "Olu Organiser",
  email: "olu.organiser@journey.test",
  postcode: "SW1A 1AA",
  relation: "I support the party but am not a member",
};

export class Road {
  readonly people = new Map<string, Person>();
  private readonly contexts: BrowserContext[] = [];
  /** Poll pages the road has met, by what they decide. */
  readonly polls = new Map<string, string>();

  constructor(
    readonly browser: Browser,
    readonly server: JourneyServer,
  ) {}

  /** A phone-sized browser for a person (414 px wide, as most members use it), on the server's clock. */
  async arrive(who: Newcomer): Promise<Person> {
    const context = await this.browser.newContext({ viewport: { width: 414, height: 860 }, baseURL: this.server.baseURL });
    // Pages that count down in the browser must see the server's time, not the machine's.
    await context.clock.install({ time: await this.server.now() });
    // A step that cannot find what it waits for fails within two minutes, naming it, instead of
    // using up the whole journey's time (Playwright's actions otherwise wait without limit).
    context.setDefaultTimeout(120_000);
    this.contexts.push(context);
    const person = { ...who, page: await context.newPage() };
    this.people.set(who.email, person);
    return person;
  }

  person(email: string): Person {
    const found = this.people.get(email);
    if (!found) throw new Error(`${email} has not arrived on the road yet`);
    return found;
  }

  get organiser(): Person {
    return this.person(ORGANISER.email);
  }

  members(count = MEMBERS.length): Person[] {
    return MEMBERS.slice(0, count).map((m) => this.person(m.email));
  }

  /** Time passes: the server's clock and the database's move on, and every browser's with them. */
  async wait(by: { days?: number; hours?: number; minutes?: number }): Promise<Date> {
    const now = await this.server.advance(by);
    for (const context of this.contexts) await context.clock.setSystemTime(now);
    return now;
  }

  /**
   * A UK wall-clock time `days` (and `minutes`) from the server's now, as a datetime-local input
   * wants it (to the minute, so rounded down: a closing time that must be at least a week away
   * asks for a few minutes more).
   */
  async inDays(days: number, minutes = 0): Promise<string> {
    return londonInput(new Date((await this.server.now()).getTime() + days * 86_400_000 + minutes * 60_000));
  }

  /** Opens the newest unopened mail to the person with a subject like `subject`, at its link to `path`. */
  async followMail(person: Person, subject: RegExp, path: string): Promise<void> {
    const mail = await this.server.mailbox.next(person.email, subject);
    await person.page.goto(linkIn(mail, path));
  }

  /** From a sign-in form already showing: ask for a link, open it from the mail, press Sign in. */
  async signInFromForm(person: Person): Promise<void> {
    const { page } = person;
    await page.getByLabel("Email address").fill(person.email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await this.followMail(person, /sign-in link/, "/login/verify");
    await expect(page.getByText(`You are signing in as ${person.email}`)).toBeVisible();
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/login/);
  }

  /**
   * Opens `path` as the person. Months pass on this road, and a session ends 90 days after
   * signing in (SESSION_MAX_DAYS): whoever is sent to sign in again does so from the mail, as
   * they would, and goes on to `path`.
   */
  async visit(person: Person, path: string): Promise<Page> {
    const { page } = person;
    await page.goto(path);
    // A public page (such as /elections) is shown to a visitor when the session has ended (90 days
    // after signing in, and the road runs longer), so look for the signed-in header too.
    const signedOut = new URL(page.url()).pathname.startsWith("/login") || (await page.locator(".site-header__user").count()) === 0;
    if (signedOut) {
      if (!new URL(page.url()).pathname.startsWith("/login")) await page.goto("/login");
      await this.signInFromForm(person);
      await page.goto(path);
    }
    return page;
  }

  /**
   * Waits for the server's poll closer (every 15 seconds) to close a poll whose closing time has
   * passed, looking at its page as a member would, reloading now and then.
   */
  async waitForClose(page: Page, pollPath: string): Promise<void> {
    await expect(async () => {
      await page.goto(pollPath);
      await expect(page.locator(".status-tag")).toHaveText("Closed", { timeout: 1_000 });
    }).toPass({ timeout: 120_000, intervals: [2_000, 5_000] });
  }

  /** A week and a minute pass; the poll remembered as `key` closes on its own, and a member reads `outcome` on its page. */
  async aWeekPassesAndItCloses(key: string, outcome?: string) {
    await this.wait({ days: 7, minutes: 10 });
    const { page } = this.person(MEMBERS[0]!.email);
    await this.waitForClose(page, this.polls.get(key)!);
    if (outcome) await expect(page.getByText(outcome)).toBeVisible();
  }

  /** From a page with a link to a yes/no poll: follow it, answer, check and cast. The poll is remembered as `key`. */
  async voteYesNo(page: Page, key: string, from: string, linkName: string, answer: "Yes" | "No" | "Abstain") {
    await page.goto(from);
    await page.getByRole("link", { name: linkName }).click();
    await page.waitForURL(/\/polls\/[0-9a-f-]+$/);
    this.polls.set(key, new URL(page.url()).pathname);
    await page.getByRole("radio", { name: answer }).check();
    await checkAndCast(page);
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close();
  }
}

/**
 * People doing the same thing at the same time, each on their own phone: three at once, so a
 * slow shared CI machine is not asked to load six pages in the same second.
 */
async function everyone<T>(people: T[], act: (person: T) => Promise<void>) {
  for (let i = 0; i < people.length; i += 3) await Promise.all(people.slice(i, i + 3).map(act));
}

/** On a poll's ballot, filled in: check it, cast it, see the receipt. */
async function checkAndCast(page: Page) {
  await page.getByRole("button", { name: "Continue to check your ballot" }).click();
  await page.getByRole("button", { name: "Cast my vote" }).click();
  await expect(page.getByRole("heading", { name: "Your vote has been cast" })).toBeVisible();
}

/** The organiser opens a vote closing a week from now, on the page at `path`; `opened` shows it worked. */
async function organiserOpensAWeekLongVote(road: Road, path: string, closesLabel: string, button: string, opened: (page: Page) => Locator) {
  const org = await road.visit(road.organiser, path);
  await org.getByLabel(closesLabel).fill(await road.inDays(7, 5));
  await org.getByRole("button", { name: button }).click();
  await expect(opened(org)).toBeVisible();
  return org;
}

/** Checks the people's browsers keep the server's time (the countdown is worked out in the browser). */
async function browserKeepsServerTime(road: Road, page: Page) {
  const server = (await road.server.now()).getTime();
  const browser = await page.evaluate(() => Date.now());
  expect(Math.abs(browser - server), "the browser's clock against the server's").toBeLessThan(5 * 60_000);
}

// ---- The steps ------------------------------------------------------------------------------

/** The operator's first command on an empty database: `npm run create-organiser`. */
export async function organiserIsCreated(road: Road) {
  const output = await road.server.createOrganiser(ORGANISER.email, ORGANISER.name);
  expect(output).toContain(`Created ${ORGANISER.email} as an organiser.`);
}

export async function organiserSignsIn(road: Road) {
  const org = await road.arrive(ORGANISER);
  await org.page.goto("/login");
  await road.signInFromForm(org);
  await expect(org.page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
}

/** The campaign from nothing: its name, the party, a statement, a deadline two weeks away, two demands. */
export async function organiserSetsUpTheCampaign(road: Road) {
  const { page } = road.organiser;
  await page.goto("/campaign/manage");
  await expect(page.getByText("Set up the campaign below.")).toBeVisible();
  await page.getByLabel("Movement's name").fill(MOVEMENT);
  await page.getByLabel("The party it is pressing").fill(PARTY);
  await page.getByLabel("Statement").fill("We pledge to leave the party unless it meets our demands by the deadline.");
  await page.getByLabel("Deadline (UK time)").fill(await road.inDays(14));
  await page.getByRole("button", { name: "Save the campaign" }).click();
  await expect(page.getByText("The campaign's details are saved.")).toBeVisible();
  const demands = [
    ["Open selections", "Every candidate is chosen by a ballot of the local members."],
    ["Publish the accounts", "The party publishes its full accounts every quarter."],
  ];
  for (const [i, [title, body]] of demands.entries()) {
    await page.getByLabel("Title of the new demand").fill(title!);
    await page.getByLabel("What the new demand asks for").fill(body!);
    await page.getByRole("button", { name: "Add the demand" }).click();
    // The message is the same for each demand: the second would find the first one's still showing.
    await expect(page.getByLabel(`Demand ${i + 1}: title`)).toHaveValue(title!);
    await expect(page.getByText("The demand is added.")).toBeVisible();
  }
}

/** The members pledge on their phones, all in the same hour, and confirm through the link in their email. */
export async function membersPledgeAndConfirm(road: Road) {
  await everyone(MEMBERS, async (member) => {
    const { page } = await road.arrive(member);
    await page.goto("/campaign");
    await expect(page.locator(".countdown")).toHaveText(/^13 days, 23 hours left$/);
    await page.getByRole("link", { name: "Make the pledge" }).click();
    await fillPledgeForm(page, member);
    await page.getByRole("button", { name: "Make the pledge" }).click();
    await expect(page.getByRole("heading", { name: "Check your email to confirm your pledge" })).toBeVisible();
    await road.followMail(road.person(member.email), /Confirm your pledge/, "/pledge/confirm");
    await page.getByRole("button", { name: "Confirm my pledge" }).click();
    await expect(page.getByRole("heading", { name: "Your pledge is confirmed" })).toBeVisible();
  });
  const { page } = road.organiser;
  await page.goto("/campaign");
  await expect(page.locator(".figure", { hasText: "Confirmed pledges" }).locator("dd")).toHaveText("6");
}

/** Ten days on, the countdown (worked out in the browser) agrees with the server; then the deadline passes. */
export async function theDeadlinePasses(road: Road) {
  await road.wait({ days: 10 });
  const { page } = road.person(MEMBERS[0]!.email);
  await page.goto("/campaign");
  await browserKeepsServerTime(road, page);
  await expect(page.locator(".countdown")).toHaveText(/^3 days, 23 hours left$/);
  await road.wait({ days: 4, minutes: 1 });
  await page.goto("/campaign");
  await expect(page.getByRole("link", { name: "Make the pledge" })).toHaveCount(0);
}

/** The party did not meet the demands: the organiser records its response and opens the decision ballot for a week. */
export async function decisionBallotOpens(road: Road) {
  const { page } = road.organiser;
  await page.goto("/campaign/manage");
  for (const demand of await page.locator(".demand").all()) {
    await demand.getByLabel("Not met").check();
    await demand.getByLabel("Note").fill("Voted down at conference.");
    // The message is the same for each demand and nothing else on the page changes: this demand's
    // own answer shows it recorded, before the next form is sent.
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/campaign/manage"));
    await demand.getByRole("button", { name: "Record the response" }).click();
    expect((await answered).status()).toBe(200);
    await expect(page.getByText("recorded and published")).toBeVisible();
  }
  await page.getByLabel("The ballot closes at (UK time)").fill(await road.inDays(7, 5));
  await page.getByRole("button", { name: "Open the decision ballot" }).click();
  await expect(page.getByText("The decision ballot is open. 6 pledgers are on its roll and have been emailed.")).toBeVisible();
}

/** Five of the six follow their invitation, sign in from it and rank "found a new party" first; one never votes. */
export async function membersVoteOnTheDecision(road: Road) {
  await everyone(road.members(5), async (member) => {
    const { page } = member;
    await road.followMail(member, /vote on what/, "/login");
    await road.signInFromForm(member);
    await expect(page).toHaveURL(/\/polls\/[0-9a-f-]+$/);
    road.polls.set("decision", new URL(page.url()).pathname);
    await page.getByLabel("Leave and found a new party").fill("1");
    await page.getByLabel("Leave and join another party").fill("2");
    await checkAndCast(page);
  });
}

/** A week on, the ballot closes on its own, and the members' decision is recorded with it. */
export async function decisionBallotClosesOnItsOwn(road: Road) {
  await road.aWeekPassesAndItCloses("decision");
  const { page } = road.organiser;
  await expect(async () => {
    await page.goto("/campaign/manage");
    await expect(page.getByText("The members decided to leave and found a new party.").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000, 5_000] });
}

/** Invitations go out by mail; five members follow theirs and become founding members (Eve never answers). */
export async function foundingMembersJoin(road: Road) {
  const org = road.organiser.page;
  await org.goto("/founding");
  await org.getByRole("button", { name: "Invite everyone who has not been invited" }).click();
  await expect(org.getByText("6 invitations sent.")).toBeVisible();
  const leavingDay = new Date((await road.server.now()).getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  await org.getByLabel("The leaving day").fill(leavingDay);
  await org.getByRole("button", { name: "Set the leaving day" }).click();
  await expect(org.getByText("The leaving day is set.")).toBeVisible();

  await everyone(
    road.members().filter((m) => m.name !== "Eve Novak"),
    async (member) => {
      const { page } = member;
      await road.followMail(member, /Become a founding member/, "/login");
      // Femi never voted, so has not signed in yet: the invitation's link signs them in to /founding.
      if (await page.getByRole("heading", { name: "You are already signed in" }).isVisible()) await page.goto("/founding");
      else await road.signInFromForm(member);
      await expect(page).toHaveURL(/\/founding$/);
      await page.getByLabel("I accept the founding statement").check();
      await page.getByLabel("I agree to my information being used as described above").check();
      await page.getByRole("button", { name: "Become a founding member" }).click();
      await expect(page.getByText(/Welcome, founding member number \d+\./)).toBeVisible();
    },
  );
}

/** The first vote: the interim standing orders, open a week, closing on their own. */
export async function standingOrdersAreAdopted(road: Road) {
  const org = await organiserOpensAWeekLongVote(road, "/founding", "The vote closes at (UK time)", "Open the standing orders vote", (page) =>
    page.getByText("The standing orders vote is open to 5 founding members."),
  );
  for (const { page } of road.members(3)) await road.voteYesNo(page, "standing orders", "/founding", "Vote on the interim standing orders", "Yes");
  await road.aWeekPassesAndItCloses("standing orders", "The motion was carried.");
  await org.goto("/constitution/manage");
  await org.getByRole("button", { name: "Start drafting from the model constitution" }).click();
  await expect(org.getByRole("heading", { name: "The draft constitution" })).toBeVisible();
  await org.goto("/constitution/manage");
  await expect(org.getByRole("button", { name: "Open the vote" })).toBeEnabled();
}

/** One round on the model constitution: its 40 clauses, each with its own secret ballot. */
export async function constitutionRoundIsVoted(road: Road) {
  const org = await organiserOpensAWeekLongVote(road, "/constitution/manage", "The ballot closes at (UK time)", "Open the vote", (page) =>
    page.getByRole("heading", { name: "The vote is open" }),
  );
  // Quorum: 20% of the roll of five, so Amira's ballots alone decide (the others had a busy week).
  const { page } = road.person(MEMBERS[0]!.email);
  await page.goto("/constitution/vote");
  await page.getByRole("link", { name: "Start voting" }).click();
  for (let clause = 1; ; clause += 1) {
    // Each clause once: a sitting that does not move on fails here, naming where it stuck.
    if (clause > 200) throw new Error(`the sitting did not end; still at ${page.url()}`);
    await page.getByRole("button", { name: "Cast my ballot on this clause" }).waitFor();
    for (const radio of await page.getByLabel("Yes", { exact: true }).all()) await radio.check();
    // The sitting goes straight on to the next clause not voted on; after the last, to the progress page.
    await castClauseBallot(page);
    if (new URL(page.url()).pathname === "/constitution/vote") break;
  }
  await expect(page.getByText("You have voted on every clause.")).toBeVisible();
  // A week on, the closing time has passed: the round closes and is counted as a whole, on its own.
  await road.wait({ days: 7, minutes: 10 });
  await expect(async () => {
    await org.goto("/constitution/results");
    await expect(org.getByRole("heading", { name: /^Round 1: closed / })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000, 5_000] });
}

/** A new adoption vote on the same text, open a week, closing and recorded on its own: version 1. */
export async function constitutionIsAdopted(road: Road) {
  const org = await organiserOpensAWeekLongVote(road, "/constitution/manage", "The adoption vote closes at (UK time)", "Open the adoption vote", (page) =>
    page.getByRole("heading", { name: "The adoption vote is open" }),
  );
  await everyone(road.members(4), ({ page }) => road.voteYesNo(page, "adoption", "/constitution/results", "Vote on the adoption", "Yes"));
  await road.aWeekPassesAndItCloses("adoption", "The motion was carried.");
  await expect(async () => {
    await org.goto("/constitution/results");
    await expect(org.getByText(/^Version 1 was adopted on /)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000, 5_000] });
  await expect(org.getByRole("heading", { name: "Adoption vote 1: not carried" })).toBeVisible();
  const member = road.person(MEMBERS[5]!.email).page;
  await member.goto("/constitution");
  await expect(member.getByRole("heading", { name: "The constitution, version 1" })).toBeVisible();
}

// ---- Corrections, roles, the failed adoption vote, the elections, the registration pack ----

/** The passed deadline is moved a week later with a reason: the campaign page says so and every pledger is emailed; then it passes again. */
export async function theDeadlineIsExtended(road: Road) {
  const { page } = road.organiser;
  await page.goto("/campaign/manage");
  await page.getByLabel("Move the deadline to (UK time)").fill(await road.inDays(7));
  await page.getByLabel("Reason for extending").fill("The party's conference moved to next week.");
  await page.getByRole("button", { name: "Extend the deadline" }).click();
  await expect(page.getByText(/The deadline is extended to .* 6 pledgers are being told by email\./)).toBeVisible();
  for (const member of road.members()) await road.server.mailbox.next(member.email, /the deadline has been extended/);
  const { page: amira } = road.person(MEMBERS[0]!.email);
  await amira.goto("/campaign");
  await expect(amira.getByText(/Deadline extended from .* to .*\. The organisers.? reason: The party's conference moved to next week\./)).toBeVisible();
  await expect(amira.getByRole("link", { name: "Make the pledge" })).toBeVisible();
  await road.wait({ days: 7, minutes: 1 });
  await amira.goto("/campaign");
  await expect(amira.getByRole("link", { name: "Make the pledge" })).toHaveCount(0);
}

/**
 * The organisers appoint the returning officer on the Roles page before the standing orders
 * vote (standing orders 4.1): Femi, a founding member who will not stand. Femi is emailed.
 */
export async function returningOfficerIsAppointed(road: Road) {
  const { page } = road.organiser;
  const femi = road.person(RETURNING_OFFICER);
  await page.goto("/roles");
  await page.getByRole("radio", { name: "Returning officer" }).check();
  await page.getByLabel("Their email address").fill(femi.email);
  await page.getByRole("button", { name: "Appoint" }).click();
  await expect(page.getByText("Femi Adeyemi is now the returning officer.")).toBeVisible();
  await road.followMail(femi, /You are now the returning officer/, "/roles");
  await expect(femi.page.getByRole("heading", { name: "Roles", level: 1 })).toBeVisible();
}

/** The first adoption vote fails: most of those voting say No, short of two thirds; it is recorded on its own. */
export async function adoptionVoteFails(road: Road) {
  await organiserOpensAWeekLongVote(road, "/constitution/manage", "The adoption vote closes at (UK time)", "Open the adoption vote", (page) =>
    page.getByRole("heading", { name: "The adoption vote is open" }),
  );
  const answers = ["Yes", "No", "No"] as const;
  for (const [i, { page }] of road.members(3).entries()) await road.voteYesNo(page, "adoption", "/constitution/results", "Vote on the adoption", answers[i]!);
  await road.aWeekPassesAndItCloses("adoption", "The motion was not carried: the required majority was not reached.");
  const org = road.organiser.page;
  await expect(async () => {
    await org.goto("/constitution/results");
    await expect(org.getByRole("heading", { name: "Adoption vote 1: not carried" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000, 5_000] });
  await expect(org.getByText("Yes 1, no 2, abstain 0: 3 of 5 founding members took part.")).toBeVisible();
  await org.goto("/constitution/manage");
  await expect(org.getByRole("button", { name: "Open the adoption vote" })).toBeEnabled();
}

// ---- The election of the interim officers ----

/** Who stands for what, and who seconds them (two seconders each; Femi, the returning officer, takes no part). */
const LEADER = "Amira Khan";
const NOMINATING = "Ben Osei";
const TREASURER = "Carys Jones";
const COMMITTEE = ["Amira Khan", "Dan Murphy"];
/** The interim committee: one seat, counted after the offices. */
const COMMITTEE_SEAT = "Interim committee (1 seat)";
const RETURNING_OFFICER = "femi.adeyemi@journey.test";
const byName = (road: Road, name: string) => road.members().find((m) => m.name === name)!;
/** The four founding members who stand, second and vote. */
const voters = (road: Road) => road.members(4);

/** On a position's page, a founding member stands, with the declarations a registered office asks for. */
async function stand(person: Person, position: string, office: "office" | "treasurer" | "committee") {
  const { page } = person;
  await page.goto("/elections");
  await page.getByRole("link", { name: position, exact: true }).click();
  await page.getByLabel("Your statement (up to 500 words)").fill(`${person.name.split(" ")[0]} will report to every member each month.`);
  await page.getByLabel(/I agree to stand for this position/).check();
  if (office !== "committee") await page.getByLabel(/If elected, I will give the Electoral Commission/).check();
  if (office === "treasurer") await page.getByLabel(/I declare that in the last 5 years/).check();
  await page.getByRole("button", { name: `Stand for ${position}` }).click();
  await expect(page.getByRole("heading", { name: /You are standing/ })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function second(person: Person, positionPath: string, candidate: string) {
  const { page } = person;
  await page.goto(positionPath);
  await page.getByRole("button", { name: `Second ${candidate}` }).click();
  await expect(page.getByRole("heading", { name: "Your seconding is recorded." })).toBeVisible();
}

/** Ranks on an election's ballot from the Elections page, checks it and casts it. */
async function castRanked(page: Page, position: string, ranks: Record<string, string>) {
  await page.goto("/elections");
  await page.getByRole("link", { name: `Vote for ${position}`, exact: true }).click();
  // "Re-open nominations" has an explanation after it in its label.
  for (const [name, rank] of Object.entries(ranks)) await page.getByRole("textbox", { name: new RegExp(`^${name}`) }).fill(rank);
  await checkAndCast(page);
}

/** The returning officer opens the ballots once nominations have closed, for a week and a little. */
async function returningOfficerOpensTheBallots(road: Road, expected: RegExp) {
  const page = await road.visit(road.person(RETURNING_OFFICER), "/elections");
  await page.getByLabel("The ballot closes at (UK time)").fill(await road.inDays(7, 5));
  await page.getByRole("button", { name: "Close nominations and open the ballot" }).click();
  await expect(page.getByRole("heading", { name: expected })).toBeVisible();
}

/** Waits, as a member reading the position's page, for the count the closer makes on its own. */
async function waitForTheCount(road: Road, positionPath: string) {
  const { page } = road.person(MEMBERS[0]!.email);
  await expect(async () => {
    await page.goto(positionPath);
    await expect(page.locator("#results-title")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000, 5_000] });
}

async function declare(road: Road, positionPath: string) {
  const page = await road.visit(road.person(RETURNING_OFFICER), positionPath);
  await page.getByRole("button", { name: "Declare the result" }).click();
  await expect(page.getByRole("heading", { name: /The result is declared/ })).toBeVisible();
}

/** The organiser sets up the election: nominations open now for 14 days (and a little), the three offices and a one-seat committee. */
export async function electionIsSetUp(road: Road) {
  const { page } = road.organiser;
  await page.goto("/elections");
  await page.getByLabel("Nominations open (UK time)").fill(await road.inDays(0));
  await page.getByLabel("Nominations close (UK time)").fill(await road.inDays(14, 5));
  await page.getByLabel("Seats on the interim committee (0 for none)").fill("1");
  await page.getByRole("button", { name: "Set up the election" }).click();
  await expect(page.getByRole("heading", { name: "The election is set up and nominations are scheduled." })).toBeVisible();
}

/** Members stand for the offices and the committee and second one another, each on their own phone at once. */
export async function candidatesStandAndAreSeconded(road: Road) {
  const positions = new Map<string, string>();
  const plan: [string, string, "office" | "treasurer" | "committee"][] = [
    [LEADER, "Leader", "office"],
    [NOMINATING, "Nominating officer", "office"],
    [TREASURER, "Treasurer", "treasurer"],
    ...COMMITTEE.map((name) => [name, COMMITTEE_SEAT, "committee"] as [string, string, "committee"]),
  ];
  // One page per person, so each person stands in turn, people in parallel.
  await everyone(voters(road), async (person) => {
    for (const [name, position, kind] of plan) if (name === person.name) positions.set(position, await stand(person, position, kind));
  });
  for (const [key, path] of positions) road.polls.set(key, path);
  const seconders: [string, string, string[]][] = [
    ["Leader", LEADER, ["Ben Osei", "Carys Jones"]],
    ["Nominating officer", NOMINATING, ["Carys Jones", "Dan Murphy"]],
    ["Treasurer", TREASURER, ["Amira Khan", "Dan Murphy"]],
    [COMMITTEE_SEAT, "Amira Khan", ["Ben Osei", "Dan Murphy"]],
    [COMMITTEE_SEAT, "Dan Murphy", ["Amira Khan", "Ben Osei"]],
  ];
  await everyone(voters(road), async (person) => {
    for (const [position, candidate, by] of seconders) if (by.includes(person.name)) await second(person, positions.get(position)!, candidate);
  });
  const { page } = road.organiser;
  await page.goto(positions.get(COMMITTEE_SEAT)!);
  await expect(page.getByText("Validly nominated", { exact: true })).toHaveCount(2);
}

/** Fourteen days on, nominations have closed; the returning officer opens a week's ballots; the four vote at once. */
export async function officersAreVotedFor(road: Road) {
  await road.wait({ days: 14, minutes: 10 });
  await returningOfficerOpensTheBallots(road, /Ballots are open for Leader, Nominating officer, Treasurer, Interim committee/);
  await everyone(voters(road), async ({ name, page }) => {
    await castRanked(page, "Leader", { [LEADER]: "1" });
    // Most want a new field for the nominating officer: "Re-open nominations" first.
    await castRanked(page, "Nominating officer", name === NOMINATING ? { [NOMINATING]: "1" } : { "Re-open nominations": "1", [NOMINATING]: "2" });
    await castRanked(page, "Treasurer", { [TREASURER]: "1" });
    // Three of four rank the leader first for the committee too; she is left out of its count (standing orders 11.8).
    await castRanked(page, COMMITTEE_SEAT, name === "Dan Murphy" ? { "Dan Murphy": "1" } : { "Amira Khan": "1", "Dan Murphy": "2" });
  });
}

/** A week on, every ballot closes and is counted on its own, offices first; the returning officer declares each result. */
export async function officerBallotsCloseAndAreDeclared(road: Road) {
  await road.wait({ days: 7, minutes: 10 });
  const committee = road.polls.get(COMMITTEE_SEAT)!;
  await waitForTheCount(road, committee);
  const { page } = road.person(MEMBERS[0]!.email);
  // Amira was ranked first by three of the four, but she is the leader: Dan takes the seat.
  await expect(page.getByText(/^Elected: /)).toHaveText("Elected: Dan Murphy. Not yet declared.");
  await page.goto(road.polls.get("Nominating officer")!);
  await expect(page.getByText("Re-open nominations won a seat: it stays empty.", { exact: false })).toBeVisible();
  await expect(page.getByText(/^Elected: /)).toHaveText("Elected: nobody. Not yet declared.");
  for (const position of ["Leader", "Nominating officer", "Treasurer", COMMITTEE_SEAT]) await declare(road, road.polls.get(position)!);
  await page.goto(road.polls.get("Leader")!);
  await expect(page.getByText(/^Elected: /)).toHaveText(`Elected: ${LEADER}. Declared by the returning officer.`);
}

/** The organiser re-opens nominations for exactly the vacant seat; Ben stands again; a week's ballot closes on its own; declared. */
export async function vacantSeatIsFilled(road: Road) {
  const page = await road.visit(road.organiser, "/elections");
  const vacant = page.getByRole("region", { name: "Vacant seats" });
  await expect(vacant.getByRole("row")).toHaveCount(2);
  await expect(vacant.getByRole("rowheader")).toHaveText("Nominating officer");
  const reopen = page.locator("form", { has: page.getByRole("button", { name: "Re-open nominations", exact: true }) });
  await reopen.getByLabel("Nominations open (UK time)").fill(await road.inDays(0));
  await reopen.getByLabel("Nominations close (UK time)").fill(await road.inDays(14, 5));
  await reopen.getByRole("button", { name: "Re-open nominations", exact: true }).click();
  await expect(page.getByRole("heading", { name: /^Nominations are re-opened for Nominating officer\./ })).toBeVisible();

  const ben = byName(road, NOMINATING);
  const path = await stand(ben, "Nominating officer", "office");
  await everyone([byName(road, "Carys Jones"), byName(road, "Dan Murphy")], (p) => second(p, path, NOMINATING));
  await road.wait({ days: 14, minutes: 10 });
  await returningOfficerOpensTheBallots(road, /^Ballots are open for Nominating officer,/);
  await everyone(voters(road), ({ page: p }) => castRanked(p, "Nominating officer", { [NOMINATING]: "1" }));
  await road.wait({ days: 7, minutes: 10 });
  await expect(async () => {
    await ben.page.goto(path);
    await expect(ben.page.getByText(/^Elected: /)).toHaveText(`Elected: ${NOMINATING}. Not yet declared.`, { timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000, 5_000] });
  await declare(road, path);
  await road.visit(road.organiser, "/elections");
  await expect(page.getByRole("heading", { name: "Elections", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Vacant seats" })).toHaveCount(0);
}

/** The financial scheme, as generated, goes to a week's ballot of the founding members and is adopted on its own. */
export async function financialSchemeIsAdopted(road: Road) {
  const org = await organiserOpensAWeekLongVote(
    road,
    "/registration/financial-scheme",
    "The ballot closes at (UK time)",
    "Open the ballot on the financial scheme",
    (page) => page.getByRole("heading", { name: "The ballot on the financial scheme is open." }),
  );
  await everyone(voters(road), ({ page }) => road.voteYesNo(page, "financial scheme", "/polls", "Adopt the financial scheme", "Yes"));
  await road.aWeekPassesAndItCloses("financial scheme", "The motion was carried.");
  await expect(async () => {
    await org.goto("/registration/financial-scheme");
    await expect(org.getByRole("region", { name: "The founding members' ballot" }).locator(".status-tag")).toHaveText("Adopted", { timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000, 5_000] });
}

// ---- Registering the party ----

const REGISTERED_NAME = "Commonwealth Renewal Party";

/** One section of the application details: a region named by its heading, with its own form. */
async function saveSection(page: Page, title: string, fill: (section: Locator) => Promise<void>) {
  const section = page.getByRole("region", { name: title });
  await fill(section);
  await section.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `))).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "There is a problem" })).toHaveCount(0);
}

/** The organiser fills in the application, section by section, uploads an emblem and loads the registered names. */
export async function applicationIsFilledIn(road: Road) {
  const page = await road.visit(road.organiser, "/registration");
  await page.getByRole("link", { name: "Application details", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Application details", level: 1 })).toBeVisible();
  await saveSection(page, "Register and nations", async (s) => {
    await s.getByRole("radio", { name: "Great Britain" }).check();
    await s.getByRole("checkbox", { name: "England" }).check();
  });
  await saveSection(page, "Type of party", async (s) => {
    await s.getByRole("radio", { name: /A full party/ }).check();
    await s.getByRole("checkbox", { name: /intends to field at least one candidate/ }).check();
  });
  await saveSection(page, "The party's name", (s) => s.getByRole("textbox", { name: "The party's name" }).fill(REGISTERED_NAME));
  await saveSection(page, "Headquarters and contacts", async (s) => {
    await s.getByRole("textbox", { name: "Address line 1" }).fill("PO Box 7");
    await s.getByRole("textbox", { name: "Town or city" }).fill("Cardiff");
    await s.getByRole("textbox", { name: "Postcode" }).fill("CF10 1AA");
    await s.getByRole("radio", { name: "No" }).check();
    await s.getByRole("textbox", { name: "Contact email address" }).fill("contact@journey.test");
    await s.getByRole("textbox", { name: "Contact telephone number" }).fill("029 2018 0000");
  });
  await saveSection(page, "Accounting units", (s) => s.getByRole("radio", { name: "No" }).check());
  await saveSection(page, "Financial year", async (s) => {
    await s.getByRole("textbox", { name: "Day" }).fill("31");
    await s.getByRole("textbox", { name: "Month" }).fill("12");
  });
  await saveSection(page, "Assets and liabilities", (s) => s.getByRole("radio", { name: /Yes: assets and liabilities/ }).check());
  await saveSection(page, "Third-party status", (s) => s.getByRole("checkbox", { name: /not a recognised third party/ }).check());

  // The emblem: a greyscale chequerboard, cropped close, made here.
  const size = 160;
  const pixels = Buffer.alloc(size * size);
  for (let y = 0; y < size; y += 1) for (let x = 0; x < size; x += 1) pixels[y * size + x] = (Math.floor(x / 20) + Math.floor(y / 20)) % 2 === 0 ? 20 : 120;
  const png = await sharp(pixels, { raw: { width: size, height: size, channels: 1 } })
    .png()
    .toBuffer();
  await page.goto("/registration/emblems");
  const emblem = page.getByRole("region", { name: "Emblem 1" });
  await emblem.getByLabel("Upload emblem 1").setInputFiles({ name: "emblem.png", mimeType: "image/png", buffer: png });
  await emblem.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByText("The emblem is uploaded and inspected.")).toBeVisible({ timeout: 20_000 });
  await emblem.getByRole("group", { name: "Does the emblem have a picture?" }).getByRole("radio", { name: "Yes" }).check();
  await emblem.getByRole("group", { name: "Does it have any lettering?" }).getByRole("radio", { name: "No" }).check();
  await emblem.getByRole("button", { name: "Save answers" }).click();
  await expect(page.getByText("Your answers about the emblem are saved.")).toBeVisible();

  await page.goto("/registration/names");
  await page.getByLabel("CSV file of registered party names").setInputFiles({
    name: "registered.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("name,register\nGreen Meadow Alliance,Great Britain\nHarbour Folk Party,Northern Ireland\n"),
  });
  await page.getByRole("button", { name: "Load the list" }).click();
  await expect(page.getByText(/^2 names loaded from/)).toBeVisible({ timeout: 20_000 });
}

/** Each declared officer, on their own phone, gives their details and confirms their declaration. */
export async function officersGiveTheirDetails(road: Road) {
  await everyone(
    [LEADER, NOMINATING, TREASURER].map((name) => byName(road, name)),
    async (officer) => {
      const page = await road.visit(officer, "/registration");
      await page.getByRole("link", { name: "Give your details and confirm your declaration" }).click();
      await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();
      await page.getByRole("textbox", { name: "Full name" }).fill(officer.name);
      await page.getByRole("textbox", { name: "Home address" }).fill(`1 ${officer.name.split(" ")[1]} Street, ${officer.postcode}`);
      await page.getByRole("textbox", { name: "Your own email address" }).fill(officer.email);
      const declarations = page.getByRole("checkbox", { name: /I confirm my declaration as/ });
      await expect(declarations).toHaveCount(1);
      await declarations.check();
      await page.getByRole("button", { name: "Save and continue" }).click();
      await expect(page.getByText("Your details and declarations are saved.")).toBeVisible({ timeout: 20_000 });
    },
  );
}

/** Every readiness check passes (or leaves a warning for the Commission); the pack is prepared and downloads as one PDF. */
export async function thePackIsReady(road: Road) {
  const page = await road.visit(road.organiser, "/registration/readiness");
  await expect(page.getByRole("heading", { name: "Readiness checks", level: 1 })).toBeVisible();
  const failing = await page.locator(".check--fail").allInnerTexts();
  expect(failing, "readiness checks that fail").toEqual([]);
  await page.goto("/registration/documents");
  await page.getByRole("button", { name: "Prepare the pack now" }).click();
  // Not "ready" alone: the status before the click ends "download it when it is ready".
  await expect(page.getByRole("status")).toHaveText("The pack is ready: downloads start at once.", { timeout: 120_000 });
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "The whole pack as one PDF" }).click()]);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", await pdf.path(), "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).replace(/\s+/g, " ");
  expect(text).toContain(REGISTERED_NAME);
  for (const [office, name] of [
    ["Leader", LEADER],
    ["Nominating officer", NOMINATING],
    ["Treasurer", TREASURER],
  ])
    expect(text).toContain(`${office} ${name}`);
}
