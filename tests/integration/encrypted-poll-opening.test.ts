import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { parsePublicCredentials } from "../../app/modules/belenios/serialize";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { electionOf } from "../../app/modules/polls/encrypted/poll-elections.server";
import { publicCredentialsHere } from "../../app/modules/polls/encrypted/public-credentials.server";
import { users } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * A Yes/No poll on a roll large enough for the credential workers (issue 17): the list its
 * election publishes is the one the main thread would derive, and members vote with it as before.
 */
let database: TestDatabase;
const actor = systemActor("test");
let roll: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const rows = Array.from({ length: 150 }, (_, i) => ({ email: `opening${i}@example.org`, displayName: `Member ${i}` }));
  roll = (await database.db.insert(users).values(rows).returning({ id: users.id })).map((r) => r.id);
}, 120_000);
afterAll(() => database.drop());

describe("opening a Yes/No poll on 150 members", () => {
  it("publishes the credentials the main thread derives, and takes and checks their ballots", { timeout: 120_000 }, async () => {
    const created = await createPoll(database.db, actor, { title: "Adopt?", method: "yes-no", options: [], closesAt: new Date(Date.now() + 3600_000) });
    if (!created.ok) throw new Error(created.code);
    expect(await openPoll(database.db, actor, created.pollId, roll)).toEqual({ ok: true, rollSize: 150 });
    const pollElection = await electionOf(database.db, created.pollId);
    const published = parsePublicCredentials(pollElection!.credentialsRaw).map((c) => c.credential);
    const expected = publicCredentialsHere("BELENIOS-2048", pollElection!.election.params.uuid, roll).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(published).toEqual(expected);
    for (const userId of roll.slice(0, 3)) expect((await castBallot(database.db, { pollId: created.pollId, userId, choice: "yes" })).ok).toBe(true);
    expect((await closePoll(database.db, actor, created.pollId)).ok).toBe(true);
    expect(await verifyPoll(database.db, created.pollId)).toMatchObject({ ok: true, ballots: 3 });
  });
});
