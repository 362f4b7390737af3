import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { checkCountable, countElection, parseBltWithLines } from "../../app/modules/ballots";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { grantRole } from "../../app/modules/users/users.server";
import { cookieFor, createTestApp } from "../support/app-harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const cookie: Record<string, string> = {};
let draftId = "";
let openId = "";
let roll: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  const ids: string[] = [];
  for (const role of ["member", "organiser", "returning_officer"] as const) {
    const r = await grantRole(database.db, { email: `${role}@example.org`, role, actor: systemActor() });
    if (r.ok) ids.push(r.userId);
    cookie[role] = await cookieFor(database.db, `${role}@example.org`);
  }
  const inADay = new Date(Date.now() + 86_400_000);
  const draft = await createPoll(database.db, systemActor(), { title: "Secret draft", method: "yes-no", options: [], closesAt: inADay });
  const open = await createPoll(database.db, systemActor(), { title: "Open poll", method: "yes-no", options: [], closesAt: inADay });
  if (!draft.ok || !open.ok) throw new Error("polls not created");
  draftId = draft.pollId;
  openId = open.pollId;
  await openPoll(database.db, systemActor(), openId, ids);
  roll = ids;
});
afterAll(() => database.drop());

describe("poll pages", () => {
  it("answers 404, not an error, to an address that is not a poll", async () => {
    for (const path of ["/polls/not-a-uuid", "/polls/not-a-uuid/ballots", "/polls/not-a-uuid/ballots.blt", "/polls/not-a-uuid/receipt"]) {
      expect((await app.request(path)).status).toBe(404);
    }
  });

  it("keeps drafts for those who run polls", async () => {
    expect((await app.request(`/polls/${draftId}`, { cookie: cookie.member })).status).toBe(404);
    expect((await app.request(`/polls/${draftId}`)).status).toBe(404);
    expect((await app.request(`/polls/${draftId}`, { cookie: cookie.organiser })).status).toBe(200);
  });

  it("lets only the returning officer close a poll early, and only with a reason", async () => {
    expect((await app.request(`/polls/${openId}`, { form: { intent: "close" }, cookie: cookie.organiser })).status).toBe(403);
    expect((await app.request(`/polls/${openId}`, { form: { intent: "close" }, cookie: cookie.member })).status).toBe(403);
    const noReason = await app.request(`/polls/${openId}`, { form: { intent: "close" }, cookie: cookie.returning_officer });
    expect(noReason.status).toBe(400);
    const closed = await app.request(`/polls/${openId}`, { form: { intent: "close", reason: "Everyone has voted." }, cookie: cookie.returning_officer });
    expect(await closed.text()).toContain("The poll is closed and counted.");
  });

  it("checks receipts by form post, never from the address", async () => {
    const res = await app.request(`/polls/${openId}/receipt`, { form: { code: "a".repeat(32) } });
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await res.text()).toContain("No ballot has this receipt code");
  });

  it("publishes labels exactly as typed: the ballots page and the BLT answer 200, and the BLT recounts the same (issue 13)", async () => {
    const labels = ['Robert "Bob" Smith', "Back\\slash; a=b", "Ron", "Zoë <b>Ó'Brien</b>"];
    const created = await createPoll(database.db, systemActor(), {
      title: 'Chair "for now"',
      method: "scottish-stv",
      seats: 2,
      options: [...labels.map((label) => ({ label })), { label: "Re-open nominations", isRon: true }],
      closesAt: new Date(Date.now() + 86_400_000),
    });
    if (!created.ok) throw new Error(created.code);
    const pollId = created.pollId;
    await openPoll(database.db, systemActor(), pollId, roll);
    // No tie at any stage that decides a seat: the recount below uses no lot of the poll's.
    const rankings = [
      [0, 2],
      [2, 0],
      [0, 2],
    ];
    for (const [i, ranking] of rankings.entries()) expect((await castBallot(database.db, { pollId, userId: roll[i]!, ranking })).ok).toBe(true);
    const closed = await closePoll(database.db, systemActor(), pollId);
    if (!closed.ok || closed.result?.kind !== "ranked") throw new Error("not counted");

    const page = await app.request(`/polls/${pollId}/ballots`, { cookie: cookie.member });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Robert &quot;Bob&quot; Smith");
    expect(html).not.toContain("<b>Ó");

    const blt = await app.request(`/polls/${pollId}/ballots.blt`, { cookie: cookie.member });
    expect(blt.status).toBe(200);
    expect(blt.headers.get("Content-Disposition")).toBe(`attachment; filename="poll-${pollId}.blt"`);
    const { election, lines } = parseBltWithLines(await blt.text());
    expect(election.candidates).toEqual([...labels, "Re-open nominations"]);
    expect(election.title).toBe('Chair "for now"');
    expect(election.ron).toBe(4);
    // The count command takes it (Ron is a person: the file says which option is RON) and agrees.
    expect(checkCountable(election, election.seats, lines)).toEqual([]);
    expect(countElection(election, "scottish-stv").elected).toEqual(closed.result.report.elected);
  });
});
