import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDraft } from "../../app/modules/constitution/drafting.server";
import { openRound, roundItems } from "../../app/modules/constitution/round.server";
import { cookieFor, createTestApp } from "../support/app-harness";
import { foundingMembersReady } from "../support/constitution-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { ballotCloses } from "../support/periods";

/**
 * A clause's questions are cast together or not at all (round.server.ts castClauseBallot). The
 * general poll page must not let a member answer one of them alone, which would leave the
 * clause half voted.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let pollId = "";
let cookie = "";

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  const { emails } = await foundingMembersReady(database.db, 3);
  const organiser = { id: null, label: "organiser" };
  await startDraft(database.db, organiser, { kind: "model" });
  const round = await openRound(database.db, organiser, { closesAt: ballotCloses() });
  if (!round.ok) throw new Error(round.code);
  pollId = (await roundItems(database.db, round.roundId, "aims"))[0]!.pollId;
  cookie = await cookieFor(database.db, emails[0]!);
});
afterAll(() => database.drop());

describe("a clause's question on the general poll page", () => {
  it("sends the member to the clause's ballot instead of offering a vote", async () => {
    const html = await (await app.request(`/polls/${pollId}`, { cookie })).text();
    expect(html).toContain('href="/constitution/vote/aims"');
    expect(html).not.toContain("Continue to check your ballot");
  });

  it("refuses a ballot posted to it directly", async () => {
    const res = await app.request(`/polls/${pollId}`, { cookie, form: { intent: "cast", choice: "yes" } });
    expect(res.status).toBe(409);
    const page = await (await app.request("/constitution/vote", { cookie })).text();
    expect(page).toMatch(/You have voted on 0 of \d+ clauses\./);
  });
});
