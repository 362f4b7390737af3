/** Creating polls and opening them on a frozen roll, one at a time or a whole batch at once. */
import { asc, eq, sql } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { generateToken } from "~/modules/auth/tokens";
import type { DbOrTx } from "~/utils/db.server";
import { pollChains, pollOptions, pollRoll, polls, pollTrustees, type PollMethod, type PollOwner, type PublicationMode } from "../../../db/schema";
import { electionTrustees, groupForMethod, MAX_TRUSTEES, nameTrustees, trusteesOf } from "./encrypted/poll-trustees.server";
import { takeReadySet, trusteeRowsFor, type ReadySet } from "./encrypted/trustee-sets.server";
import { defaultThreshold, validThreshold } from "./trustee-threshold";
import { setUpElection, setUpElections, takesEncryptedBallots } from "./encrypted/poll-elections.server";
import { strandGenesis } from "./ballot-rules";

export interface NewPoll {
  title: string;
  description?: string;
  method: PollMethod;
  seats?: number;
  options: { label: string; isRon?: boolean }[];
  quorum?: { numerator: number; denominator: number };
  majority?: "simple" | "absolute" | "two-thirds";
  publication?: PublicationMode;
  closesAt: Date;
  /** What the poll belongs to; left out for a free-standing poll (see PollOwner). */
  owner?: PollOwner;
  /**
   * Members named as its trustees, in order (decision 045): they hold the decryption key and the
   * server does not. Free-standing polls only; left out, the server is the trustee.
   */
  trustees?: readonly string[];
  /**
   * With three or more trustees, how many must decrypt (decision 046); a majority of them when
   * left out. Not taken with fewer: one or two trustees must all decrypt.
   */
  trusteeThreshold?: number;
}

type CreateProblem = "options_missing" | "seats_invalid" | "closes_in_past" | "trustees_invalid";
export type CreatePollResult = { ok: true; pollId: string } | { ok: false; code: CreateProblem };

type PollShape =
  | { ok: true; options: { label: string; isRon?: boolean }[]; seats: number; trusteeThreshold: number | null }
  | Extract<CreatePollResult, { ok: false }>;

/** The options and seats a new poll gets, or why it cannot be created. */
function pollShape(input: NewPoll): PollShape {
  const options = input.method === "yes-no" ? [{ label: "Yes" }, { label: "No" }, { label: "Abstain" }] : input.options;
  if (input.method !== "yes-no" && options.length < 2) return { ok: false, code: "options_missing" };
  const seats = input.seats ?? 1;
  if (!Number.isInteger(seats) || seats < 1 || (input.method !== "yes-no" && seats >= options.length + 1)) {
    return { ok: false, code: "seats_invalid" };
  }
  if (input.closesAt.getTime() <= Date.now()) return { ok: false, code: "closes_in_past" };
  // An owned poll's owner counts it at its close (decision 027): it cannot wait for trustees.
  const trustees = input.trustees ?? [];
  if (trustees.length > 0 && (input.owner || trustees.length > MAX_TRUSTEES || new Set(trustees).size !== trustees.length))
    return { ok: false, code: "trustees_invalid" };
  const trusteeThreshold = input.trusteeThreshold ?? defaultThreshold(trustees.length);
  if (trusteeThreshold !== null && !validThreshold(trusteeThreshold, trustees.length)) return { ok: false, code: "trustees_invalid" };
  return { ok: true, options, seats, trusteeThreshold };
}

export async function createPoll(db: DbOrTx, actor: Actor, input: NewPoll): Promise<CreatePollResult> {
  const shape = pollShape(input);
  if (!shape.ok) return shape;
  const { options, seats, trusteeThreshold } = shape;
  return db.transaction(async (tx) => {
    const [poll] = await tx
      .insert(polls)
      .values({
        title: input.title,
        description: input.description ?? "",
        method: input.method,
        seats,
        quorumNumerator: input.quorum?.numerator ?? 0,
        quorumDenominator: input.quorum?.denominator ?? 1,
        majority: input.majority ?? "simple",
        publication: input.publication ?? "separate-lists",
        lotSeed: generateToken(),
        closesAt: input.closesAt,
        owner: input.owner ?? null,
        trusteeThreshold,
        createdBy: actor.id,
      })
      .returning({ id: polls.id, lotSeed: polls.lotSeed });
    if (!poll) throw new Error("poll was not created");
    await tx
      .insert(pollOptions)
      .values(options.map((o, position) => ({ pollId: poll.id, position, label: o.label, isRon: "isRon" in o ? Boolean(o.isRon) : false })));
    await nameTrustees(tx, poll.id, input.trustees ?? []);
    await appendAudit(tx, {
      actor,
      action: "poll.created",
      subjectType: "poll",
      subjectId: poll.id,
      details: {
        title: input.title,
        method: input.method,
        seats,
        options: options.map((o) => o.label),
        lotSeed: poll.lotSeed,
        ...(input.trustees?.length ? { trustees: input.trustees.length } : {}),
        ...(trusteeThreshold !== null ? { trusteeThreshold } : {}),
      },
    });
    return { ok: true, pollId: poll.id } as const;
  });
}

export type OpenPollResult = { ok: true; rollSize: number } | { ok: false; code: "not_found" | "not_draft" | "roll_empty" | "trustee_keys_missing" };

/** Opens the poll and freezes its roll: nobody added to the movement later can vote in it. */
export async function openPoll(db: DbOrTx, actor: Actor, pollId: string, roll: readonly string[]): Promise<OpenPollResult> {
  const unique = [...new Set(roll)];
  if (unique.length === 0) return { ok: false, code: "roll_empty" };
  return db.transaction(async (tx) => {
    const [poll] = await tx.select().from(polls).where(eq(polls.id, pollId)).for("update");
    if (!poll) return { ok: false, code: "not_found" } as const;
    if (poll.status !== "draft") return { ok: false, code: "not_draft" } as const;
    const named = electionTrustees(await trusteesOf(tx, pollId), poll);
    if (named === "missing") return { ok: false, code: "trustee_keys_missing" } as const;
    for (let i = 0; i < unique.length; i += 1000) {
      await tx.insert(pollRoll).values(unique.slice(i, i + 1000).map((userId) => ({ pollId, userId })));
    }
    await tx.update(polls).set({ status: "open", openedAt: new Date(), rollSize: unique.length }).where(eq(polls.id, pollId));
    await tx.insert(pollChains).values(newStrands([pollId]));
    // Its Belenios election, on the frozen roll (decision 044).
    if (takesEncryptedBallots(poll.method)) {
      const options = await tx.select({ label: pollOptions.label }).from(pollOptions).where(eq(pollOptions.pollId, pollId)).orderBy(asc(pollOptions.position));
      await setUpElection(tx, poll, options, unique, named);
    }
    await appendAudit(tx, {
      actor,
      action: "poll.opened",
      subjectType: "poll",
      subjectId: pollId,
      details: { rollSize: unique.length, lotSeed: poll.lotSeed, closesAt: poll.closesAt.toISOString() },
    });
    return { ok: true, rollSize: unique.length } as const;
  });
}

export interface OpenedInBatch {
  pollId: string;
  title: string;
  method: PollMethod;
  lotSeed: string;
}

/**
 * Creates and opens many polls on one frozen roll, in a few statements: for a command that opens
 * a whole batch at once (a constitution voting round: hundreds of polls on a roll of thousands).
 * Each poll is what createPoll then openPoll would make. It writes no audit entries: the caller
 * records the batch, with each poll's lot seed, at the end of its own transaction, so that the
 * audit log's lock is not held while the roll is copied.
 */
export async function openPollBatch(
  tx: DbOrTx,
  actor: Actor,
  inputs: readonly NewPoll[],
  roll: readonly string[],
  /**
   * Trustee sets by Belenios group (decision 048): each poll in a group with a set is held by
   * it, the others by the server. Every set given must have all its keys (takeReadySet).
   */
  trusteeSets: ReadonlyMap<string, string> = new Map(),
  /**
   * Leave the polls as drafts, with their roll but without their elections, for a background
   * job to set up (setUpDeferredElection) and then open (decision 049): a round of hundreds of
   * questions on a roll of thousands derives millions of credentials, minutes of work that no
   * request should wait for.
   */
  batch: { deferElections?: boolean } = {},
): Promise<
  { ok: true; polls: OpenedInBatch[]; rollSize: number } | { ok: false; code: CreateProblem | "roll_empty" | "trustee_keys_missing"; index?: number }
> {
  const unique = [...new Set(roll)].sort();
  if (unique.length === 0) return { ok: false, code: "roll_empty" };
  const shapes = inputs.map(pollShape);
  const refused = shapes.findIndex((shape) => !shape.ok);
  const problem = shapes[refused];
  if (problem && !problem.ok) return { ok: false, code: problem.code, index: refused };
  if (inputs.length === 0) return { ok: true, polls: [], rollSize: unique.length };
  const sets = new Map<string, ReadySet>();
  const groups = new Set<string>(inputs.filter((input) => takesEncryptedBallots(input.method)).map((input) => groupForMethod(input.method).name));
  for (const [groupName, setId] of trusteeSets) {
    // A set is taken (and its keys frozen) only when the batch has a poll in its group.
    if (!groups.has(groupName)) continue;
    const set = await takeReadySet(tx, setId);
    if (!set) return { ok: false, code: "trustee_keys_missing" };
    sets.set(groupName, set);
  }
  const setOf = (method: PollMethod) => (takesEncryptedBallots(method) ? sets.get(groupForMethod(method).name) : undefined);
  const openedAt = new Date();
  // Ids are made here, not by the database, so each row's options and roll need no read-back.
  const rows = inputs.map((input, i) => {
    const shape = shapes[i] as Extract<PollShape, { ok: true }>;
    return {
      id: crypto.randomUUID(),
      title: input.title,
      description: input.description ?? "",
      method: input.method,
      seats: shape.seats,
      quorumNumerator: input.quorum?.numerator ?? 0,
      quorumDenominator: input.quorum?.denominator ?? 1,
      majority: input.majority ?? "simple",
      publication: input.publication ?? ("separate-lists" as const),
      lotSeed: generateToken(),
      closesAt: input.closesAt,
      owner: input.owner ?? null,
      createdBy: actor.id,
      status: batch.deferElections ? ("draft" as const) : ("open" as const),
      openedAt: batch.deferElections ? null : openedAt,
      rollSize: unique.length,
      trusteeSetId: setOf(input.method)?.setId ?? null,
      trusteeThreshold: setOf(input.method)?.threshold ?? null,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(polls).values(rows.slice(i, i + 500));
  for (const set of sets.values()) {
    const held = trusteeRowsFor(
      set,
      rows.filter((r) => r.trusteeSetId === set.setId).map((r) => r.id),
    );
    for (let i = 0; i < held.length; i += 1000) await tx.insert(pollTrustees).values(held.slice(i, i + 1000));
  }
  const options = rows.flatMap((row, i) =>
    (shapes[i] as Extract<PollShape, { ok: true }>).options.map((o, position) => ({ pollId: row.id, position, label: o.label, isRon: Boolean(o.isRon) })),
  );
  for (let i = 0; i < options.length; i += 1000) await tx.insert(pollOptions).values(options.slice(i, i + 1000));
  const strands = newStrands(rows.map((r) => r.id));
  for (let i = 0; i < strands.length; i += 1000) await tx.insert(pollChains).values(strands.slice(i, i + 1000));
  // The roll goes to the server once, for the first poll; the others copy it there, a few polls
  // a statement (each row's foreign-key checks are queued until its statement ends).
  const [first, ...others] = rows.map((r) => r.id);
  await tx.execute(sql`
    insert into ${pollRoll} (poll_id, user_id)
    select ${first}::uuid, u.value::uuid from json_array_elements_text(${JSON.stringify(unique)}::json) as u(value)`);
  for (let i = 0; i < others.length; i += ROLL_COPY_POLLS) {
    await tx.execute(sql`
      insert into ${pollRoll} (poll_id, user_id)
      select p.value::uuid, r.user_id
      from json_array_elements_text(${JSON.stringify(others.slice(i, i + ROLL_COPY_POLLS))}::json) as p(value)
      cross join ${pollRoll} r
      where r.poll_id = ${first}::uuid
      order by 1, 2`);
  }
  // Each poll's Belenios election, on the frozen roll (decision 044); later, when deferred.
  if (!batch.deferElections)
    await setUpElections(
      tx,
      rows.flatMap((row, i) => {
        if (!takesEncryptedBallots(row.method)) return [];
        const set = setOf(row.method);
        const named = set ? electionTrustees(set.rows, row) : null;
        if (named === "missing") throw new Error("a trustee set's keys went missing");
        return [{ poll: row, options: (shapes[i] as Extract<PollShape, { ok: true }>).options, named }];
      }),
      unique,
    );
  return { ok: true, polls: rows.map((r) => ({ pollId: r.id, title: r.title, method: r.method, lotSeed: r.lotSeed })), rollSize: unique.length };
}

/** Polls whose roll one statement copies, in openPollBatch. */
const ROLL_COPY_POLLS = 10;

/**
 * Strands of each poll's voting-time chain. A ballot takes whichever strand no other ballot holds
 * at that moment, so this bounds how many ballots of one poll can be chained at once: more than
 * the database connections of a few app servers, and few enough that closing checks them in no
 * time. See decision 025.
 */
export const CHAIN_STRANDS = 16;

function newStrands(pollIds: readonly string[]) {
  return pollIds.flatMap((pollId) => Array.from({ length: CHAIN_STRANDS }, (_, strand) => ({ pollId, strand, head: strandGenesis(strand), ballots: 0 })));
}
