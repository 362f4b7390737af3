/**
 * The founding members' ballot on the financial scheme (standing orders 12.1 and 12.3): a yes/no
 * question on the scheme's text as it stands, with the hash of that text frozen with the poll.
 * Once carried, the scheme is recorded as adopted (the poll and the hash); an edit afterwards
 * makes it "not adopted" again, because the hash no longer matches (financial-scheme.server.ts).
 */
import { eq } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { standingOrdersAdopted } from "~/modules/constitution/round.server";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { closePoll } from "~/modules/polls/closing.server";
import { createPoll, openPoll } from "~/modules/polls/creation.server";
import { verifyPoll } from "~/modules/polls/verification.server";
import { holdWithScopeTrustees, scopeKeysReady } from "~/modules/polls/encrypted/scope-trustees.server";
import { countIfDecrypted } from "~/modules/polls/trustee-count.server";
import { checkPeriod } from "~/modules/content/standing-order-periods";
import { foundingRoll } from "~/modules/founding/roll.server";
import type { Db } from "~/utils/db.server";
import { polls, registrationDetails } from "../../../db/schema";
import { financialSchemeState } from "./financial-scheme.server";

export type SchemeVoteProblem =
  | "closes_in_past"
  | "standing_orders_not_adopted"
  | "no_founding_members"
  | "already_open"
  | "already_adopted"
  | "no_vote"
  | "period_too_short"
  | "verification_failed"
  | "trustee_keys_missing"
  | "decrypting";

/** `earliest`: with period_too_short, the earliest closing time the standing orders allow. */
export type SchemeVoteResult<T = object> = ({ ok: true } & T) | { ok: false; code: SchemeVoteProblem; earliest?: Date };

/** Opens the ballot on the scheme's text as it stands now; the text cannot be changed until it is recorded. */
export async function openFinancialSchemeVote(db: Db, actor: Actor, input: { closesAt: Date }): Promise<SchemeVoteResult<{ pollId: string; hash: string }>> {
  if (input.closesAt.getTime() <= Date.now()) return { ok: false, code: "closes_in_past" };
  const rules = await standingOrderRules();
  return db.transaction(async (tx) => {
    await tx.insert(registrationDetails).values({ id: 1 }).onConflictDoNothing();
    await tx.select({ id: registrationDetails.id }).from(registrationDetails).where(eq(registrationDetails.id, 1)).for("update");
    const state = await financialSchemeState(tx);
    if (state.ballot) return { ok: false, code: "already_open" } as const;
    if (state.adopted) return { ok: false, code: "already_adopted" } as const;
    if (!(await standingOrdersAdopted(tx))) return { ok: false, code: "standing_orders_not_adopted" } as const;
    // A ballot under the standing orders stays open at least ballot_min_open_days (5.3).
    const period = checkPeriod(rules, "ballot", { opensAt: new Date(), closesAt: input.closesAt, adopted: true });
    if (!period.ok) return { ok: false, code: period.code, earliest: period.earliest } as const;
    const roll = await foundingRoll(tx);
    if (roll.length === 0) return { ok: false, code: "no_founding_members" } as const;
    // Trustees named for the financial scheme hold the vote's key (decision 048).
    if (!(await scopeKeysReady(tx, "financial_scheme"))) return { ok: false, code: "trustee_keys_missing" } as const;
    const created = await createPoll(tx, actor, {
      title: "Adopt the financial scheme",
      description: `Do you adopt the financial scheme of ${state.partyName} as published on the registration pages? The text voted on cannot change while the ballot is open. Its fingerprint (SHA-256) is ${state.hash}.`,
      method: "yes-no",
      owner: "financial_scheme",
      options: [],
      quorum: { numerator: rules.quorumPercent, denominator: 100 },
      majority: rules.otherQuestionsMajority,
      closesAt: input.closesAt,
    });
    if (!created.ok) throw new Error(`financial scheme vote refused: ${created.code}`);
    if ((await holdWithScopeTrustees(tx, "financial_scheme", created.pollId)) === "keys_missing")
      throw new Error("financial scheme trustees' keys went missing");
    const opened = await openPoll(tx, actor, created.pollId, roll);
    if (!opened.ok) throw new Error(`financial scheme vote not opened: ${opened.code}`);
    await tx
      .update(registrationDetails)
      .set({ financialSchemePollId: created.pollId, financialSchemePollHash: state.hash, updatedAt: new Date(), updatedBy: actor.id })
      .where(eq(registrationDetails.id, 1));
    await appendAudit(tx, {
      actor,
      action: "registration.financial_scheme_vote_opened",
      subjectType: "registration",
      subjectId: "1",
      details: { pollId: created.pollId, hash: state.hash, rollSize: opened.rollSize, majority: rules.otherQuestionsMajority },
    });
    return { ok: true, pollId: created.pollId, hash: state.hash } as const;
  });
}

/**
 * Closes the ballot (or reads it back if the poll closer got there first) and records it: carried
 * on the text it was opened on, the scheme is adopted; otherwise it is recorded as not carried,
 * and a new ballot may open. Same shape as settleAdoption, for the poll closer to call.
 */
export async function settleFinancialSchemeVote(db: Db, actor: Actor, options: { reason?: string } = {}): Promise<SchemeVoteResult<{ adopted: boolean }>> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(registrationDetails).where(eq(registrationDetails.id, 1)).for("update");
    if (!row?.financialSchemePollId || !row.financialSchemePollHash) return { ok: false, code: "no_vote" } as const;
    const pollId = row.financialSchemePollId;
    const closed = await closePoll(tx, actor, pollId, options);
    if (!closed.ok && closed.code !== "not_open") throw new Error(`financial scheme vote not closed: ${closed.code}`);
    // Held by trustees (decision 048): closed to voting, it is recorded once they have decrypted it.
    if (!(await countIfDecrypted(tx, actor, pollId))) return { ok: false, code: "decrypting" } as const;
    // As for every owned poll (decision 027): nothing is recorded from a count that fails its check.
    if (!(await verifyPoll(tx, pollId)).ok) return { ok: false, code: "verification_failed" } as const;
    const [poll] = await tx.select().from(polls).where(eq(polls.id, pollId));
    const result = poll?.result as PollResult | null | undefined;
    if (!poll || result?.kind !== "yes-no") throw new Error("financial scheme vote has no result");
    const { tally, turnout, code, passed } = result.result;
    const adopted = passed;
    await tx
      .update(registrationDetails)
      .set({
        financialSchemePollHash: null,
        ...(adopted ? { financialSchemeAdoptedPollId: pollId, financialSchemeAdoptedHash: row.financialSchemePollHash } : {}),
        updatedAt: new Date(),
      })
      .where(eq(registrationDetails.id, 1));
    await appendAudit(tx, {
      actor,
      action: adopted ? "registration.financial_scheme_adopted" : "registration.financial_scheme_vote_failed",
      subjectType: "registration",
      subjectId: "1",
      details: { pollId, hash: row.financialSchemePollHash, code, yes: tally.yes, no: tally.no, abstain: tally.abstain, turnout, rollSize: poll.rollSize },
    });
    return { ok: true, adopted } as const;
  });
}
