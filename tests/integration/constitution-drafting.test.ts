import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addComment,
  amendedDocument,
  listAmendments,
  listComments,
  originalDocument,
  proposeAmendment,
  setRecommendation,
  setSupport,
  startDraft,
  withdrawAmendment,
} from "../../app/modules/constitution/drafting.server";
import {
  adoptedClauses,
  castClauseBallot,
  clausesVoted,
  closeRound,
  latestVersion,
  openAdoptionVote,
  openRound,
  pendingClauses,
  roundItems,
  settleAdoption,
} from "../../app/modules/constitution/round.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { hashText } from "../../app/modules/constitution/text";
import { constitutionDrafts, constitutionVersions, polls } from "../../db/schema";
import { adoptStandingOrders, foundingMembersReady } from "../support/constitution-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { ballotCloses } from "../support/periods";

let database: TestDatabase;
let ids: string[] = [];
const organiser = { id: null, label: "organiser@example.org" };
const member = (i: number) => ({ id: ids[i]!, email: `founder${i + 1}@example.org`, isOrganiser: false });
const inAnHour = ballotCloses;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ ids } = await foundingMembersReady(database.db, 9, { adoptStandingOrders: false }));
});
afterAll(() => database.drop());

async function clauseText(clauseId: string) {
  const draft = (await database.db.select().from(constitutionDrafts))[0]!;
  const doc = await originalDocument(database.db, draft.id);
  return doc.clauses.find((c) => c.id === clauseId)!.text;
}

describe("drafting and adopting the constitution", () => {
  let a1: string; // aims (entrenched): will fail two thirds
  let a2: string; // joining: competing with a3
  let a3: string;
  let a4: string; // withdrawn

  it("starts the draft from the model clauses", async () => {
    const started = await startDraft(database.db, organiser, { kind: "model" });
    expect(started.ok).toBe(true);
    const draft = (await database.db.select().from(constitutionDrafts))[0]!;
    expect(draft.phase).toBe("drafting");
    expect(draft.supportersNeeded).toBe(5);
    const doc = await originalDocument(database.db, draft.id);
    expect(doc.clauses.length).toBe(40);
  });

  it("takes amendments from founding members, with a reason, and refuses bad ones", async () => {
    const aims = await clauseText("aims");
    const missingReason = await proposeAmendment(database.db, member(0), {
      operation: { kind: "replaceText", clauseId: "aims", baseHash: hashText(aims), text: aims + "\n\nA new aim." },
      reason: " ",
    });
    expect(missingReason).toEqual({ ok: false, code: "reason_missing" });
    const stale = await proposeAmendment(database.db, member(0), {
      operation: { kind: "replaceText", clauseId: "aims", baseHash: "nope", text: "x" },
      reason: "Because.",
    });
    expect(stale).toMatchObject({ ok: false, code: "invalid_operation", detail: "stale-base" });
    const r1 = await proposeAmendment(database.db, member(0), {
      operation: { kind: "replaceText", clauseId: "aims", baseHash: hashText(aims), text: aims + "\n\nA new aim." },
      reason: "We need one more aim.",
    });
    expect(r1).toMatchObject({ ok: true, number: 1 });
    if (r1.ok) a1 = r1.amendmentId;

    const joining = await clauseText("joining");
    const firstLine = { lines: { from: 1, to: 1 } };
    const r2 = await proposeAmendment(database.db, member(1), {
      operation: {
        kind: "replace",
        clauseId: "joining",
        baseHash: hashText(joining),
        anchor: firstLine,
        lineWidth: 80,
        text: "Anyone aged 14 or over may join.",
      },
      reason: "Younger members.",
    });
    const r3 = await proposeAmendment(database.db, member(2), {
      operation: {
        kind: "replace",
        clauseId: "joining",
        baseHash: hashText(joining),
        anchor: firstLine,
        lineWidth: 80,
        text: "Anyone aged 16 or over may join.",
      },
      reason: "Sixteen is the age for Scottish votes.",
    });
    const r4 = await proposeAmendment(database.db, member(3), { operation: { kind: "delete", clauseId: "members-data" }, reason: "Not needed." });
    expect([r2.ok, r3.ok, r4.ok]).toEqual([true, true, true]);
    if (r2.ok && r3.ok && r4.ok) [a2, a3, a4] = [r2.amendmentId, r3.amendmentId, r4.amendmentId];
    const outsider = await proposeAmendment(
      database.db,
      { id: "00000000-0000-4000-8000-000000000000", email: "x@example.org", isOrganiser: false },
      { operation: { kind: "delete", clauseId: "aims" }, reason: "x" },
    );
    expect(outsider).toEqual({ ok: false, code: "not_founding_member" });
  });

  it("counts supporters, who can change their mind but never support their own amendment", async () => {
    expect(await setSupport(database.db, member(0), a1, true)).toEqual({ ok: false, code: "own_amendment" });
    for (const i of [1, 2, 3, 4, 5, 6]) expect((await setSupport(database.db, member(i), a1, true)).ok).toBe(true);
    expect((await setSupport(database.db, member(6), a1, false)).ok).toBe(true);
    for (const i of [0, 3, 4, 5, 6]) await setSupport(database.db, member(i), a2, true);
    for (const i of [0, 4, 5, 6, 7]) await setSupport(database.db, member(i), a3, true);
    const list = await listAmendments(database.db, (await database.db.select().from(constitutionDrafts))[0]!.id);
    expect(list.map((a) => [a.number, a.supporters])).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 0],
    ]);
  });

  it("lets the proposer alone withdraw, and keeps comments threaded and plain", async () => {
    expect(await withdrawAmendment(database.db, member(0), a4)).toEqual({ ok: false, code: "not_proposer" });
    expect((await withdrawAmendment(database.db, member(3), a4)).ok).toBe(true);
    expect(await setSupport(database.db, member(1), a4, true)).toEqual({ ok: false, code: "amendment_not_open" });
    const top = await addComment(database.db, member(4), {
      clauseId: "joining",
      amendmentId: null,
      parentId: null,
      body: "<script>alert(1)</script> Fourteen is too young?",
    });
    expect(top.ok).toBe(true);
    if (!top.ok) return;
    const reply = await addComment(database.db, member(1), {
      clauseId: "joining",
      amendmentId: null,
      parentId: top.commentId,
      body: "No: other parties take 14-year-olds.",
    });
    expect(reply.ok).toBe(true);
    const wrongThread = await addComment(database.db, member(1), { clauseId: "aims", amendmentId: null, parentId: top.commentId, body: "Wrong place." });
    expect(wrongThread).toEqual({ ok: false, code: "parent_not_found" });
    // A reply to something that is not a comment's id at all (a hostile form): the same refusal, not a database error.
    for (const parentId of ["bad", "1; drop table draft_comments", `${top.commentId}x`]) {
      expect(await addComment(database.db, member(1), { clauseId: "joining", amendmentId: null, parentId, body: "Hello?" })).toEqual({
        ok: false,
        code: "parent_not_found",
      });
    }
    expect(await addComment(database.db, member(1), { clauseId: "aims", amendmentId: null, parentId: null, body: "  " })).toEqual({
      ok: false,
      code: "comment_empty",
    });
    const draft = (await database.db.select().from(constitutionDrafts))[0]!;
    const thread = await listComments(database.db, draft.id, "joining", null);
    expect(thread.map((c) => [c.author, c.parentId === null])).toEqual([
      ["Founder 5", true],
      ["Founder 2", false],
    ]);
    expect(thread[0]!.body).toContain("<script>");
  });

  it("records the drafting committee's recommendation apart from the amendment", async () => {
    expect(await setRecommendation(database.db, organiser, { amendmentId: a2, kind: "compromise", reasons: "Meet halfway.", compromiseText: "" })).toEqual({
      ok: false,
      code: "compromise_missing",
    });
    expect(
      (await setRecommendation(database.db, organiser, { amendmentId: a3, kind: "accept", reasons: "Matches Scottish law.", compromiseText: "" })).ok,
    ).toBe(true);
    const list = await listAmendments(database.db, (await database.db.select().from(constitutionDrafts))[0]!.id);
    expect(list.find((a) => a.id === a3)?.recommendation).toEqual({ kind: "accept", reasons: "Matches Scottish law.", compromiseText: null });
  });

  it("opens no vote before the standing orders are adopted", async () => {
    expect(await openRound(database.db, organiser, { closesAt: inAnHour() })).toEqual({ ok: false, code: "standing_orders_not_adopted" });
    await adoptStandingOrders(database.db, ids);
  });

  it("opens a round: each amendment, the competing pair ranked, then every clause", async () => {
    const opened = await openRound(database.db, organiser, { closesAt: inAnHour() });
    expect(opened).toMatchObject({ ok: true, rollSize: 9 });
    if (!opened.ok) return;
    // 40 clause questions, one for A1, one competing question for A2 and A3.
    expect(opened.questions).toBe(42);
    const joining = await roundItems(database.db, opened.roundId, "joining");
    expect(joining.map((i) => [i.kind, i.amendmentIds.length])).toEqual([
      ["competing", 2],
      ["clause", 0],
    ]);
    expect(await proposeAmendment(database.db, member(0), { operation: { kind: "delete", clauseId: "joining" }, reason: "Too late." })).toEqual({
      ok: false,
      code: "not_drafting",
    });
  });

  it("casts a clause's questions together, or none of them, and remembers progress", async () => {
    const draft = (await database.db.select().from(constitutionDrafts))[0]!;
    const round = (await import("../../app/modules/constitution/round.server")).openRoundOf;
    const r = (await round(database.db, draft.id))!;
    const aims = await roundItems(database.db, r.id, "aims");
    const joining = await roundItems(database.db, r.id, "joining");
    const partial = await castClauseBallot(database.db, ids[0]!, "aims", [{ pollId: aims[0]!.pollId, choice: "yes" }]);
    expect(partial).toMatchObject({ ok: false, code: "answer_missing" });
    expect((await clausesVoted(database.db, r.id, ids[0]!)).size).toBe(0);

    // Aims (entrenched, two thirds): A1 gets 5 yes to 4 no, short of two thirds; the clause passes 9-0.
    for (let i = 0; i < 9; i += 1) {
      const cast = await castClauseBallot(database.db, ids[i]!, "aims", [
        { pollId: aims[0]!.pollId, choice: i < 5 ? "yes" : "no" },
        { pollId: aims[1]!.pollId, choice: "yes" },
      ]);
      expect(cast.ok).toBe(true);
      if (cast.ok) expect(cast.receipts).toHaveLength(2);
    }
    expect(
      await castClauseBallot(database.db, ids[0]!, "aims", [
        { pollId: aims[0]!.pollId, choice: "yes" },
        { pollId: aims[1]!.pollId, choice: "yes" },
      ]),
    ).toMatchObject({ ok: false, code: "already_voted" });
    // Joining: A3 (16) is preferred to A2 (14) and to No change.
    for (let i = 0; i < 9; i += 1) {
      const ranking = i < 5 ? [2, 1, 0] : i < 7 ? [1, 2, 0] : [0, 2, 1];
      expect(
        (
          await castClauseBallot(database.db, ids[i]!, "joining", [
            { pollId: joining[0]!.pollId, ranking },
            { pollId: joining[1]!.pollId, choice: "yes" },
          ])
        ).ok,
      ).toBe(true);
    }
    // One more clause, voted down: "members-data" 2 yes, 5 no.
    const data = await roundItems(database.db, r.id, "members-data");
    for (let i = 0; i < 7; i += 1) await castBallot(database.db, { pollId: data[0]!.pollId, userId: ids[i]!, choice: i < 2 ? "yes" : "no" });
    expect([...(await clausesVoted(database.db, r.id, ids[0]!))].sort()).toEqual(["aims", "joining", "members-data"]);
  });

  it("closes the round: two thirds not met, the competing winner carried, a rejected clause, the rest undecided for want of quorum", async () => {
    const closed = await closeRound(database.db, organiser);
    expect(closed).toEqual({ ok: true, roundNumber: 1 });
    const draft = (await database.db.select().from(constitutionDrafts))[0]!;
    expect(draft.phase).toBe("closed");
    const list = await listAmendments(database.db, draft.id);
    expect(Object.fromEntries(list.map((a) => [a.number, a.status]))).toEqual({ 1: "lost", 2: "lost", 3: "carried", 4: "withdrawn" });
    const { amended } = await amendedDocument(database.db, draft.id);
    expect(amended.clauses.find((c) => c.id === "joining")!.text).toContain("Anyone aged 16 or over may join.");
    expect(amended.clauses.find((c) => c.id === "aims")!.text).not.toContain("A new aim.");
    // Nobody voted on the other 37 clauses: below the 20% quorum, so they stay pending.
    const pending = await pendingClauses(database.db, draft.id);
    expect(pending).toHaveLength(37);
    expect(pending.map((c) => c.id)).not.toContain("members-data");
    expect(await openAdoptionVote(database.db, organiser, { closesAt: inAnHour() })).toEqual({ ok: false, code: "still_pending" });
  });

  it("puts the undecided clauses again in a second round, then adopts the whole text as version 1", async () => {
    const opened = await openRound(database.db, organiser, { closesAt: inAnHour() });
    expect(opened).toMatchObject({ ok: true, questions: 37 });
    if (!opened.ok) return;
    const items = await roundItems(database.db, opened.roundId);
    for (const userId of ids.slice(0, 3)) {
      for (const item of items) await castBallot(database.db, { pollId: item.pollId, userId, choice: "yes" });
    }
    expect((await closeRound(database.db, organiser)).ok).toBe(true);
    const draft = (await database.db.select().from(constitutionDrafts))[0]!;
    expect(await pendingClauses(database.db, draft.id)).toHaveLength(0);
    const adopted = await adoptedClauses(database.db, draft.id);
    expect(adopted).toHaveLength(39);
    expect(adopted.map((c) => c.id)).not.toContain("members-data");

    const vote = await openAdoptionVote(database.db, organiser, { closesAt: inAnHour() });
    expect(vote.ok).toBe(true);
    if (!vote.ok) return;
    for (let i = 0; i < 9; i += 1) await castBallot(database.db, { pollId: vote.pollId, userId: ids[i]!, choice: i < 7 ? "yes" : "no" });
    expect(await settleAdoption(database.db, organiser)).toEqual({ ok: true, adopted: true, version: 1 });
    const version = await latestVersion(database.db);
    expect(version?.number).toBe(1);
    expect(version?.record.adoptionVote).toMatchObject({ yes: 7, no: 2, rollSize: 9, majority: "two-thirds" });
    expect(version?.record.clauses.find((c) => c.id === "members-data")).toMatchObject({ decision: "rejected", yes: 2, no: 5 });
    expect(version?.record.rounds).toHaveLength(2);
    const [poll] = await database.db.select().from(polls).where(eq(polls.id, vote.pollId));
    expect(poll?.status).toBe("closed");
  });

  it("keeps versions unchangeable, and starts the next draft from the adopted version", async () => {
    // drizzle wraps the database's error; the trigger's message is in its cause.
    const error: unknown = await database.db
      .update(constitutionVersions)
      .set({ adoptedAt: new Date() })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error instanceof Error ? String(error.cause) : "no error").toMatch(/append-only: UPDATE/);
    const next = await startDraft(database.db, organiser, { kind: "version" });
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    const doc = await originalDocument(database.db, next.draftId);
    expect(doc.clauses).toHaveLength(39);
    expect(doc.clauses.find((c) => c.id === "joining")!.text).toContain("Anyone aged 16 or over may join.");
  });
});
