import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { fillPledgeForm, londonInput } from "./journeys";
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

export const ORGANISER: Newcomer = { name: "Olu Organiser", email: "olu.organiser@journey.test", postcode: "SW1A 1AA", relation: "I support the party but am not a member" };

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

  /** A UK wall-clock time `days` from the server's now, as a datetime-local input wants it. */
  async inDays(days: number): Promise<string> {
    return londonInput(new Date((await this.server.now()).getTime() + days * 86_400_000));
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
    await this.wait({ days: 7, minutes: 1 });
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
  const org = road.organiser.page;
  await org.goto(path);
  await org.getByLabel(closesLabel).fill(await road.inDays(7));
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
  for (const [title, body] of demands) {
    await page.getByLabel("Title of the new demand").fill(title!);
    await page.getByLabel("What the new demand asks for").fill(body!);
    await page.getByRole("button", { name: "Add the demand" }).click();
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
    await demand.getByRole("button", { name: "Record the response" }).click();
    await expect(page.getByText("recorded and published")).toBeVisible();
  }
  await page.getByLabel("The ballot closes at (UK time)").fill(await road.inDays(7));
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

/** A week on, the ballot closes on its own; the organiser records the members' decision. */
export async function decisionBallotClosesOnItsOwn(road: Road) {
  await road.aWeekPassesAndItCloses("decision");
  const { page } = road.organiser;
  await page.goto("/campaign/manage");
  await page.getByRole("button", { name: "Record the members' decision" }).click();
  await expect(page.getByRole("alert", { name: "Done" })).toContainText("decided to leave and found a new party");
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

  await everyone(road.members().filter((m) => m.name !== "Eve Novak"), async (member) => {
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
  });
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
  for (;;) {
    await page.getByRole("button", { name: "Cast my ballot on this clause" }).waitFor();
    for (const radio of await page.getByLabel("Yes", { exact: true }).all()) await radio.check();
    await page.getByRole("button", { name: "Cast my ballot on this clause" }).click();
    await expect(page.getByRole("heading", { name: /Your ballot on .* is cast/ })).toBeVisible();
    const next = page.getByRole("link", { name: "Vote on the next clause" });
    if ((await next.count()) === 0) break;
    await next.click();
  }
  await expect(page.getByText("You have voted on every clause.")).toBeVisible();
  // A week on, the closing time has passed: the organiser closes and counts the round (no reason
  // needed after the closing time; the poll closer may already have closed its questions).
  await road.wait({ days: 7, minutes: 1 });
  await org.goto("/constitution/results");
  await org.getByRole("button", { name: "Close and count round 1" }).click();
  await expect(org.getByRole("heading", { name: "Round 1 is closed and counted." })).toBeVisible();
}

/** The adoption vote, open a week, closing on its own; the organiser records version 1. */
export async function constitutionIsAdopted(road: Road) {
  const org = await organiserOpensAWeekLongVote(road, "/constitution/manage", "The adoption vote closes at (UK time)", "Open the adoption vote", (page) =>
    page.getByRole("heading", { name: "The adoption vote is open" }),
  );
  for (const { page } of road.members(4)) await road.voteYesNo(page, "adoption", "/constitution/results", "Vote on the adoption", "Yes");
  await road.aWeekPassesAndItCloses("adoption", "The motion was carried.");
  await org.goto("/constitution/results");
  await org.getByRole("button", { name: "Record the result" }).click();
  await expect(org.getByRole("heading", { name: "The constitution is adopted as version 1." })).toBeVisible();
  const member = road.person(MEMBERS[5]!.email).page;
  await member.goto("/constitution");
  await expect(member.getByRole("heading", { name: "The constitution, version 1" })).toBeVisible();
}
