import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { users } from "../../db/schema";
import { createTestApp } from "../support/app-harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { createWalk, loadBuiltRoutes, pathsOf, type Walk } from "../support/walk-fixture";

/**
 * Plain words on every page (issue 15, item 5; decision 037): every HTML page of the walk, as
 * each kind of person sees it, is read as text (scripts and tags removed, so the machine dates
 * in <time datetime> attributes and in the page's data do not count) and must hold no machine
 * date, no command name and none of the wording the issue found.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let walk: Walk;
let paths: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  walk = await createWalk(database.db);
  paths = pathsOf(await loadBuiltRoutes());
}, 120_000);
afterAll(() => database.drop());

/** What a reader sees: the text of the page without its scripts, styles and tags. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^<>]*>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

const unplain: [RegExp, string][] = [
  [/\d{4}-\d{2}-\d{2}/, "a machine date"],
  [/\b\d{1,2}:\d{2}:\d{2}\b/, "a time with seconds"],
  [/npm run|poll:verify/, "a command name"],
  [/->|smallest ticket/, "a tie-break written for machines"],
  [/\b\d+\/\d+ of the roll/, "a quorum as a fraction"],
  [/\b1 (founding )?(votes|ballots|seats|people|members|amendments|clauses|days|pledges|seconders)\b/, "a plural after one"],
];

describe("plain words on every page", () => {
  it("shows no machine dates, command names or codes to anyone", async () => {
    const cookies = { anonymous: null, ...walk.cookies };
    const found: string[] = [];
    let pages = 0;
    for (const route of paths) {
      const path = walk.fill(route);
      if (path === "/logout") continue;
      for (const [who, cookie] of Object.entries(cookies)) {
        const response = await app.request(path, { cookie });
        if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) {
          await response.body?.cancel();
          continue;
        }
        pages += 1;
        const text = visibleText(await response.text());
        for (const [pattern, what] of unplain) {
          // The audit log shows each entry's stored details exactly as its fingerprint covers
          // them (decision 004): a record for organisers and the returning officer, not wording.
          if (path === "/audit" && what === "a machine date") continue;
          const match = pattern.exec(text);
          if (match) found.push(`${path} (${who}): ${what}: "…${text.slice(Math.max(0, match.index - 60), match.index + 40)}…"`);
        }
        // RON is named only where the page also says what it stands for.
        if (/\bRON\b/.test(text) && !/re-open nominations["”]?\s*\(RON\)/i.test(text)) found.push(`${path} (${who}): RON unexplained`);
      }
    }
    expect(pages).toBeGreaterThan(60);
    expect(found).toEqual([]);
  }, 300_000);

  it("says a ranked vote between options chose one, not that it was elected", async () => {
    // The walk's closed poll ranks two options, with no "re-open nominations": nobody stood.
    const text = visibleText(await (await app.request(`/polls/${walk.pollId}`, { cookie: walk.cookies.member })).text());
    expect(text).toMatch(/Chosen (A|B) —/);
    expect(text).not.toContain("Elected, in order");
  });

  it("writes a quorum as a share of the roll and as a number of people", async () => {
    const quorum = { numerator: 20, denominator: 100 };
    const created = await createPoll(database.db, systemActor(), {
      title: "Quorum words",
      method: "yes-no",
      options: [],
      quorum,
      closesAt: new Date(Date.now() + 86_400_000),
    });
    if (!created.ok) throw new Error(created.code);
    const members = await database.db.select({ id: users.id }).from(users).limit(4);
    await openPoll(
      database.db,
      systemActor(),
      created.pollId,
      members.map((m) => m.id),
    );
    const text = visibleText(await (await app.request(`/polls/${created.pollId}`, { cookie: walk.cookies.member })).text());
    // 20% of 4 is 0.8: one person meets it, as the count works it out.
    expect(text).toContain("with at least 20% of the roll (1 of the 4 on the roll) taking part");
    expect(text).not.toMatch(/\b\d+\/\d+ of the roll/);
  });
});
