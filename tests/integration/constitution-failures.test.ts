/**
 * The constitution has no dead ends (issue 14 items 3 and 4): an adoption vote that misses its
 * quorum or its two thirds is recorded as failed and a new one can open; a clause added by a
 * carried amendment is counted as undecided the same way on Manage and Results.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentDraft, proposeAmendment, startDraft } from "../../app/modules/constitution/drafting.server";
import {
  closeRound,
  latestVersion,
  openAdoptionVote,
  openRound,
  pendingClauses,
  roundItems,
  settleAdoption,
} from "../../app/modules/constitution/round.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { auditLog, constitutionDrafts } from "../../db/schema";
import { html, type createTestApp } from "../support/app-harness";
import { foundingWithOrganiser, testOrganiser } from "../support/constitution-fixture";
import { ballotCloses } from "../support/periods";
import type { TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let ids: string[] = [];
let organiser = "";
const actor = testOrganiser;
const clauses = [
  { id: "name", title: "Name", text: "The party is called the Example Party.", entrenched: false, covers: [] },
  { id: "aims", title: "Aims", text: "(1) Fair votes.\n(2) A green economy.", entrenched: false, covers: [] },
];

beforeAll(async () => {
  ({ database, app, ids, organiser } = await foundingWithOrganiser(5));
  const started = await startDraft(database.db, actor, { kind: "upload", clauses });
  if (!started.ok) throw new Error(started.code);
});
afterAll(() => database.drop());

async function voteAll(pollIds: string[], choice: (voter: number) => string | null) {
  for (const [i, userId] of ids.entries()) {
    const c = choice(i);
    if (c) for (const pollId of pollIds) expect((await castBallot(database.db, { pollId, userId, choice: c })).ok).toBe(true);
  }
}
const draft = async () => (await currentDraft(database.db))!;

describe("a clause added by a carried amendment", () => {
  it("is undecided after round 1 on Manage and on Results alike, and named as added", async () => {
    const added = await proposeAmendment(
      database.db,
      { id: ids[0]!, email: "founder1@example.org", isOrganiser: true },
      {
        operation: { kind: "insertAfter", afterClauseId: "aims", clause: { id: "fees", title: "Fees", text: "Members pay a yearly fee." } },
        reason: "We need fees.",
      },
    );
    expect(added.ok).toBe(true);
    const opened = await openRound(database.db, actor, { closesAt: ballotCloses() });
    expect(opened).toMatchObject({ ok: true, questions: 3 });
    if (!opened.ok) return;
    const items = await roundItems(database.db, opened.roundId);
    await voteAll(
      items.map((i) => i.pollId),
      () => "yes",
    );
    expect((await closeRound(database.db, actor)).ok).toBe(true);

    const pending = await pendingClauses(database.db, (await draft()).id);
    expect(pending.map((c) => [c.id, c.number, c.addedBy !== null])).toEqual([["fees", 3, true]]);
    const manage = await html(await app.request("/constitution/manage", { cookie: organiser }));
    const results = await html(await app.request("/constitution/results", { cookie: organiser }));
    const sentence =
      "1 clause is still undecided: Fees, added by amendment A1, carried in an earlier round. Standing orders 10.3 give a clause added by an amendment its own question in the next round.";
    expect(manage).toContain(sentence);
    expect(results).toContain(sentence);
    expect(results).toContain("Added by an amendment (own question in the next round)");
  });

  it("is decided in round 2, and then the adoption vote can open", async () => {
    expect(await openAdoptionVote(database.db, actor, { closesAt: ballotCloses() })).toEqual({ ok: false, code: "still_pending" });
    const opened = await openRound(database.db, actor, { closesAt: ballotCloses() });
    expect(opened).toMatchObject({ ok: true, questions: 1 });
    if (!opened.ok) return;
    await voteAll(
      (await roundItems(database.db, opened.roundId)).map((i) => i.pollId),
      () => "yes",
    );
    expect((await closeRound(database.db, actor)).ok).toBe(true);
    expect(await pendingClauses(database.db, (await draft()).id)).toEqual([]);
  });
});

describe("a failed adoption vote", () => {
  let first = "";
  let second = "";

  it("that misses its quorum is recorded as failed, audited, and released", async () => {
    const vote = await openAdoptionVote(database.db, actor, { closesAt: ballotCloses() });
    expect(vote.ok).toBe(true);
    if (!vote.ok) return;
    first = vote.pollId;
    expect(await settleAdoption(database.db, actor)).toEqual({ ok: true, adopted: false, version: null });
    const d = await draft();
    expect(d.adoptionPollId).toBeNull();
    expect(d.failedAdoptionPollIds).toEqual([first]);
    expect(d.adoptedVersion).toBeNull();
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.action, "constitution.adoption_failed"));
    expect(audited.map((a) => (a.details as { pollId: string; code: string }).code)).toEqual(["quorum-not-met"]);
    // Recording it again is refused: it is recorded, not a button that fails for everyone.
    expect(await settleAdoption(database.db, actor)).toEqual({ ok: false, code: "no_adoption_vote" });
  });

  it("is shown on Results with no 'Record the result' left, and Manage offers a new adoption vote", async () => {
    const results = await html(await app.request("/constitution/results", { cookie: organiser }));
    expect(results).toContain("Adoption vote 1: not carried");
    expect(results).not.toContain("Record the result");
    expect(results).toContain("The drafting committee can open a new adoption vote");
    const manage = await html(await app.request("/constitution/manage", { cookie: organiser }));
    expect(manage).toContain("The last adoption vote was not carried");
    expect(manage).toContain('value="open-adoption"');
  });

  it("that misses two thirds is recorded as failed too; a third vote carries, with both failures in the record", async () => {
    const vote = await openAdoptionVote(database.db, actor, { closesAt: ballotCloses() });
    expect(vote.ok).toBe(true);
    if (!vote.ok) return;
    second = vote.pollId;
    await voteAll([second], (i) => (i < 3 ? "yes" : "no"));
    expect(await settleAdoption(database.db, actor)).toEqual({ ok: true, adopted: false, version: null });
    expect((await draft()).failedAdoptionPollIds).toEqual([first, second]);

    const third = await openAdoptionVote(database.db, actor, { closesAt: ballotCloses() });
    expect(third.ok).toBe(true);
    if (!third.ok) return;
    await voteAll([third.pollId], (i) => (i < 4 ? "yes" : "no"));
    expect(await settleAdoption(database.db, actor)).toEqual({ ok: true, adopted: true, version: 1 });
    const version = await latestVersion(database.db);
    expect(version?.clauses.map((c) => c.id)).toEqual(["name", "aims", "fees"]);
    expect(version?.record.adoptionVote).toMatchObject({ pollId: third.pollId, yes: 4, no: 1 });
    expect(version?.record.failedAdoptionVotes?.map((f) => [f.pollId, f.code, f.yes, f.no])).toEqual([
      [first, "quorum-not-met", 0, 0],
      [second, "majority-not-met", 3, 2],
    ]);
    const [row] = await database.db.select().from(constitutionDrafts);
    expect(row?.adoptedVersion).toBe(1);
    const results = await html(await app.request("/constitution/results", { cookie: organiser }));
    expect(results).toContain("Adoption vote 2: not carried");
    expect(results).toContain("Version 1 was adopted");
  });
});
