import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { startBackgroundLoop } from "~/utils/background-loop.server";
import { describeFailure } from "~/utils/errors";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { canonicalJson } from "~/modules/audit/chain";
import { generateToken } from "~/modules/auth/tokens";
import { rowsOf, type Db, type DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import {
  ballots,
  pollChains,
  pollElections,
  pollOptions,
  pollRoll,
  polls,
  pollTrustees,
  pollVoters,
  users,
  voteItems,
  type BallotContent,
  type PollMethod,
  type PollOwner,
  type PublicationMode,
} from "../../../db/schema";
import { verifyElectionArchive } from "~/modules/belenios/record";
import { parseResult } from "~/modules/belenios/serialize";
import { closingAuditMismatch } from "./closing-audit.server";
import { checkBrowserBallot } from "./encrypted/browser-ballots.server";
import { electionTrustees, groupForMethod, MAX_TRUSTEES, nameTrustees, trusteesOf } from "./encrypted/poll-trustees.server";
import { takeReadySet, trusteeRowsFor, type ReadySet } from "./encrypted/trustee-sets.server";
import { defaultThreshold, validThreshold } from "./trustee-threshold";
import {
  electionsOf,
  encryptedTallyOf,
  encryptForMember,
  outcomeOf,
  pollArchive,
  recordPendingTally,
  recordTally,
  setUpElection,
  setUpElections,
  takesEncryptedBallots,
  tallyAndDecrypt,
  type DecryptedOutcome,
  type PollElection,
} from "./encrypted/poll-elections.server";
import {
  ballotHash,
  checkBallot,
  GENESIS_BALLOT_HASH,
  checkBallotChain,
  checkBallotStrands,
  strandGenesis,
  strandsDigest,
  countPoll,
  countYesNoTotals,
  pollBlt,
  publish,
  type BallotProblem,
  type PollResult,
  type PollRules,
  type Publication,
} from "./ballot-rules";

type Poll = typeof polls.$inferSelect;

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

export type CastResult =
  | { ok: true; receipt: string }
  | { ok: false; code: "not_found" | "not_open" | "cancelled" | "not_on_roll" | "already_voted" | "ballot_refused" | BallotProblem };

/** A ballot checked against its poll's rules, ready to be written. */
export interface ReadyBallot {
  pollId: string;
  userId: string;
  content: BallotContent;
  /** An encrypted ballot's tracker, its receipt; a plain ballot gets a random receipt when written. */
  receipt?: string;
}

/** `belenios`: a ballot the member's browser encrypted, its exact text (browser-ballots.server.ts). */
type BallotInput = { pollId: string; userId: string; choice?: string; ranking?: readonly number[]; belenios?: string };

/**
 * Checks a ballot against the poll it is for, before anything is written. Asynchronous only for an
 * encrypted poll's cryptography (checking a browser's ballot, or encrypting the member's choice),
 * which runs in a worker thread (ballot-pool.server.ts); every other check answers at once.
 */
export async function prepareBallot(
  loaded: LoadedRules | null,
  input: BallotInput,
): Promise<{ ok: true; ballot: ReadyBallot } | Extract<CastResult, { ok: false }>> {
  if (!loaded) return { ok: false, code: "not_found" };
  // A cancelled poll takes nothing, whatever is sent (decision 028).
  if (loaded.poll.status === "cancelled") return { ok: false, code: "cancelled" };
  if (input.belenios !== undefined) return prepareBrowserBallot(loaded, input.userId, input.belenios);
  const checked = checkBallot(loaded.rules, input);
  if (!checked.ok) return checked;
  if (loaded.poll.status !== "open" || loaded.poll.closesAt.getTime() <= Date.now()) return { ok: false, code: "not_open" };
  // The poll's own id: the one the database compares, whatever case the address was typed in.
  const ballot = { pollId: loaded.poll.id, userId: input.userId, content: checked.content };
  // A poll with an election takes only encrypted ballots: the choice is encrypted here, with the
  // member's credential, and the plain choice goes no further (decision 044).
  if (loaded.election && !("belenios" in checked.content)) {
    const encrypted = await encryptForMember(loaded.election, input.userId, checked.content);
    return { ok: true, ballot: { ...ballot, content: { belenios: encrypted.raw }, receipt: encrypted.tracker } };
  }
  return { ok: true, ballot };
}

/** A ballot encrypted in the browser: stored as sent once every check holds, its tracker the receipt. */
async function prepareBrowserBallot(
  loaded: LoadedRules,
  userId: string,
  raw: string,
): Promise<{ ok: true; ballot: ReadyBallot } | Extract<CastResult, { ok: false }>> {
  if (!loaded.election) return { ok: false, code: "ballot_refused" };
  if (loaded.poll.status !== "open" || loaded.poll.closesAt.getTime() <= Date.now()) return { ok: false, code: "not_open" };
  const checked = await checkBrowserBallot(loaded.election, userId, raw);
  if (!checked.ok) return { ok: false, code: "ballot_refused" };
  return { ok: true, ballot: { pollId: loaded.poll.id, userId, content: { belenios: checked.raw }, receipt: checked.tracker } };
}

/**
 * Casts one ballot in one transaction (a savepoint when given one, so that a clause's questions
 * are cast together): see writeBallots. `loaded` spares a second look-up when the caller has just
 * loaded the poll. The poll page sends its ballots through the ballot box instead (ballot-box.server.ts),
 * which writes those arriving together in one transaction.
 */
export async function castBallot(db: DbOrTx, input: BallotInput, loaded?: LoadedRules): Promise<CastResult> {
  const prepared = await prepareBallot(loaded ?? (await loadRules(db, input.pollId)), input);
  if (!prepared.ok) return prepared;
  const [result] = await db.transaction((tx) => writeBallots(tx, [prepared.ballot]));
  return result ?? { ok: false, code: "not_open" };
}

/**
 * Writes checked ballots inside the caller's transaction, and says for each what became of it:
 * 1. marks each member as having voted, if they are on the roll (the primary key refuses a second
 *    mark, even one sent at the same moment by another transaction);
 * 2. for each poll, takes a strand of its chain that no other transaction holds, and re-reads
 *    that the poll is open: each mark's foreign key holds a key-share lock on the poll's row until
 *    commit, so a close (FOR UPDATE on that row) waits for these ballots, and ballots written
 *    after a close see it here, and their marks are taken back;
 * 3. stores each marked member's ballot apart from them, with a fresh receipt, chained onto the
 *    strand, in one statement that also moves the strands' heads.
 * At most one ballot per member and poll (the caller keeps repeats for another transaction): two
 * in one statement would both be matched to the one mark.
 */
export async function writeBallots(tx: DbOrTx, ready: readonly ReadyBallot[]): Promise<CastResult[]> {
  const results: CastResult[] = ready.map(() => ({ ok: false, code: "not_open" }));
  if (ready.length === 0) return results;
  const keyOf = (pollId: string, userId: string) => `${pollId} ${userId}`;
  const pairs = JSON.stringify(ready.map((b) => ({ p: b.pollId, u: b.userId })));
  const marked = new Set(
    rowsOf<{ poll_id: string; user_id: string }>(
      await tx.execute(sql`
        insert into ${pollVoters} (poll_id, user_id)
        select t.p, t.u from json_to_recordset(${pairs}::json) as t(p uuid, u uuid)
        where exists (select 1 from ${pollRoll} r where r.poll_id = t.p and r.user_id = t.u)
        order by t.p, t.u
        on conflict do nothing
        returning poll_id, user_id`),
    ).map((r) => keyOf(r.poll_id, r.user_id)),
  );
  const refused = ready.map((b, i) => ({ b, i })).filter(({ b }) => !marked.has(keyOf(b.pollId, b.userId)));
  if (refused.length > 0) {
    const onRoll = new Set(
      rowsOf<{ poll_id: string; user_id: string }>(
        await tx.execute(sql`
          select r.poll_id, r.user_id from ${pollRoll} r
          join json_to_recordset(${JSON.stringify(refused.map(({ b }) => ({ p: b.pollId, u: b.userId })))}::json) as t(p uuid, u uuid)
            on r.poll_id = t.p and r.user_id = t.u`),
      ).map((r) => keyOf(r.poll_id, r.user_id)),
    );
    for (const { b, i } of refused) results[i] = { ok: false, code: onRoll.has(keyOf(b.pollId, b.userId)) ? "already_voted" : "not_on_roll" };
  }

  const byPoll = new Map<string, number[]>();
  ready.forEach((b, i) => {
    if (marked.has(keyOf(b.pollId, b.userId))) byPoll.set(b.pollId, [...(byPoll.get(b.pollId) ?? []), i]);
  });
  const chained: BallotRow[] = [];
  const heads: { pollId: string; strand: number; head: string; n: number }[] = [];
  // Polls in one order, and marks above in one order, whichever transaction: two that wait for
  // each other's locks always wait the same way round, so they cannot deadlock.
  for (const [pollId, indexes] of [...byPoll].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const strand = (await takeStrand(tx, pollId, "skip locked")) ?? (await takeStrand(tx, pollId, "wait"));
    if (!strand?.open) {
      // Closed meanwhile: these members have not voted after all.
      const userIds = indexes.map((i) => ready[i]!.userId);
      await tx.delete(pollVoters).where(and(eq(pollVoters.pollId, pollId), inArray(pollVoters.userId, userIds)));
      continue;
    }
    let head = strand.head;
    for (const i of indexes) {
      const receipt = ready[i]!.receipt ?? generateToken();
      const hash = ballotHash(head, receipt, ready[i]!.content);
      chained.push({ receipt, pollId, content: ready[i]!.content, prevHash: head, hash });
      results[i] = { ok: true, receipt };
      head = hash;
    }
    heads.push({ pollId, strand: strand.strand, head, n: indexes.length });
  }
  if (chained.length === 0) return results;
  // Rows in chain order, so that a strand's ballots lie on disk as they were chained.
  await tx.execute(sql`
    with stored as (${insertBallotRows(chained)})
    update ${pollChains} c set head = s.head, ballots = c.ballots + s.n
    from json_to_recordset(${JSON.stringify(heads)}::json) as s("pollId" uuid, strand integer, head text, n integer)
    where c.poll_id = s."pollId" and c.strand = s.strand`);
  return results;
}

/** A ballot row as written: by casting (onto a strand) and by closing (onto the published chain). */
type BallotRow = { receipt: string; pollId: string; content: BallotContent; prevHash: string; hash: string };

/**
 * The statement that stores ballot rows in the order given, as one JSON parameter, not five
 * parameters a row.
 */
function insertBallotRows(rows: readonly BallotRow[]) {
  return sql`
    insert into ${ballots} (receipt, poll_id, content, prev_hash, hash)
    select b.receipt, b."pollId", b.content, b."prevHash", b.hash
    from json_array_elements(${JSON.stringify(rows)}::json) with ordinality as e(value, n)
    cross join lateral json_to_record(e.value) as b(receipt text, "pollId" uuid, content jsonb, "prevHash" text, hash text)
    order by e.n`;
}

/**
 * Locks a strand of the poll's chain for this transaction: one that nobody holds ("skip locked";
 * none if every strand is busy), or else one drawn at random, waiting for it. Says whether the
 * poll is still open, read after the voters' marks (see writeBallots).
 */
async function takeStrand(tx: DbOrTx, pollId: string, how: "skip locked" | "wait") {
  const [row] = rowsOf<{ strand: number; head: string; open: boolean }>(
    await tx.execute(sql`
      select c.strand, c.head, (p.status = 'open' and p.closes_at > clock_timestamp()) as open
      from ${pollChains} c join ${polls} p on p.id = c.poll_id
      where c.poll_id = ${pollId}::uuid
      ${how === "wait" ? sql`order by random()` : sql``}
      limit 1
      for no key update of c ${how === "skip locked" ? sql`skip locked` : sql``}`),
  );
  return row;
}

/** result is null for a poll held by named trustees (decision 045): it is now "decrypting". */
export type ClosePollResult = { ok: true; result: PollResult | null } | { ok: false; code: "not_found" | "not_open" | "chain_broken" };

/**
 * Closes the poll, counts it, and stores the result, in one transaction (closePollBatch, with
 * its audit entry). The chain head of voting time goes in the audit log.
 */
export async function closePoll(db: DbOrTx, actor: Actor, pollId: string, options: { reason?: string } = {}): Promise<ClosePollResult> {
  return db.transaction(async (tx) => {
    const batch = await closePollBatch(tx, [pollId]);
    if (!batch.ok) return { ok: false, code: batch.code } as const;
    const [closed] = batch.closed;
    if (!closed) return { ok: false, code: batch.missing.length > 0 ? "not_found" : "not_open" } as const;
    await appendAudit(tx, { actor, action: "poll.closed", subjectType: "poll", subjectId: pollId, details: closedPollDetails(closed, options) });
    return { ok: true, result: closed.result } as const;
  });
}

export interface ClosedInBatch {
  pollId: string;
  /** Null for a poll held by named trustees: closed to voting, its result waits for their decryptions. */
  result: PollResult | null;
  ballots: number;
  /** The voting-time chain, checked before the rewrite: the digest of its strands' heads (strandsDigest). */
  votingChainHead: string;
  /** The head of the published chain, in receipt order. */
  chainHead: string;
}

/** What the audit log keeps of a poll's close. */
export function closedPollDetails(closed: ClosedInBatch, options: { reason?: string } = {}) {
  const { result } = closed;
  return {
    ballots: closed.ballots,
    ...(options.reason ? { closedEarlyBecause: options.reason } : {}),
    votingChainHead: closed.votingChainHead,
    chainHead: closed.chainHead,
    outcome: !result ? "awaiting_trustees" : result.kind === "yes-no" ? result.result.code : result.report.elected,
  };
}

/**
 * Closes and counts the given polls in a handful of statements, inside the caller's transaction;
 * polls already closed are left as they are. It also rewrites the ballots (sorted by receipt, on
 * a fresh chain) and the voters lists: each ballot was written in the same database transaction
 * as its voter's mark, and PostgreSQL keeps that transaction's id on both rows (xmin) and their
 * physical order; rewriting them in one transaction leaves nothing that pairs a voter with a
 * ballot. Every voting-time chain is checked before anything is written. It writes no audit
 * entry: the caller records what it returns (see closedPollDetails), as late as it can.
 */
export async function closePollBatch(
  tx: DbOrTx,
  pollIds: readonly string[],
): Promise<{ ok: true; closed: ClosedInBatch[]; missing: string[] } | { ok: false; code: "chain_broken"; pollId: string }> {
  const wanted = [...new Set(pollIds)].sort();
  if (wanted.length === 0) return { ok: true, closed: [], missing: [] };
  // Locked in one order, so two commands closing overlapping batches cannot deadlock.
  const locked = await tx.select().from(polls).where(inArray(polls.id, wanted)).orderBy(asc(polls.id)).for("update");
  const found = new Set(locked.map((p) => p.id));
  const missing = wanted.filter((id) => !found.has(id));
  const open = locked.filter((p) => p.status === "open");
  if (open.length === 0) return { ok: true, closed: [], missing };
  const openIds = open.map((p) => p.id);

  const optionRows = await tx.select().from(pollOptions).where(inArray(pollOptions.pollId, openIds)).orderBy(asc(pollOptions.position));
  // No ballot is being chained: each holds a key-share lock on its poll's row, which our lock waited for.
  const strandRows = await tx.select().from(pollChains).where(inArray(pollChains.pollId, openIds)).orderBy(asc(pollChains.strand));
  const elections = await electionsOf(tx, openIds);

  const closedAt = new Date();
  const closed: ClosedInBatch[] = [];
  const rechained: BallotRow[] = [];
  for (const poll of open) {
    // A poll at a time: reading, hashing and counting every ballot at once would keep the
    // server from answering anyone else for seconds; each read lets other requests run.
    const cast = await tx.select().from(ballots).where(eq(ballots.pollId, poll.id));
    const strands = strandRows.filter((s) => s.pollId === poll.id);
    if (!checkBallotStrands(cast, strands).ok) return { ok: false, code: "chain_broken", pollId: poll.id };
    const sorted = [...cast].sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0));
    let head = GENESIS_BALLOT_HASH;
    for (const b of sorted) {
      const hash = ballotHash(head, b.receipt, b.content);
      rechained.push({ receipt: b.receipt, pollId: poll.id, content: b.content, prevHash: head, hash });
      head = hash;
    }
    const rules = rulesOf(
      poll,
      optionRows.filter((o) => o.pollId === poll.id),
    );
    const pollElection = elections.get(poll.id);
    let result: PollResult | null;
    if (pollElection?.trusteeKind === "members") {
      // Held by named trustees (decision 045): the tally waits for their shuffles and decryptions.
      await recordPendingTally(
        tx,
        poll.id,
        encryptedTallyOf(
          pollElection,
          sorted.map((b) => encryptedText(b.content)),
        ),
      );
      result = null;
    } else if (pollElection) {
      // Encrypted: the ballots are multiplied and only their sum is decrypted (decision 044).
      const tally = tallyAndDecrypt(
        pollElection,
        sorted.map((b) => encryptedText(b.content)),
      );
      await recordTally(tx, poll.id, tally);
      result = countDecrypted(rules, tally.outcome, poll.rollSize);
    } else {
      result = countPoll(
        rules,
        sorted.map((b) => b.content),
        poll.rollSize,
      );
    }
    closed.push({ pollId: poll.id, result, ballots: sorted.length, votingChainHead: strandsDigest(strands), chainHead: head });
  }

  await tx.delete(ballots).where(inArray(ballots.pollId, openIds));
  for (let i = 0; i < rechained.length; i += BALLOT_ROWS_PER_INSERT) {
    await tx.execute(insertBallotRows(rechained.slice(i, i + BALLOT_ROWS_PER_INSERT)));
  }
  // The voters, sorted, in one statement: every row is deleted before the first is put back.
  await tx.execute(sql`
    with gone as (delete from ${pollVoters} where ${inArray(pollVoters.pollId, openIds)} returning poll_id, user_id)
    insert into ${pollVoters} (poll_id, user_id) select poll_id, user_id from gone order by poll_id, user_id`);
  // The strands sealed the voting-time chain, which is gone now; their digest is in what we return.
  await tx.delete(pollChains).where(inArray(pollChains.pollId, openIds));
  const updates = closed.map((c) => ({ id: c.pollId, result: c.result, chain_head: c.chainHead, ballot_count: c.ballots }));
  await tx.execute(sql`
    update ${polls} set status = case when x.result is null then 'decrypting' else 'closed' end,
      closed_at = ${closedAt.toISOString()}::timestamptz, result = x.result,
      chain_head = x.chain_head, ballot_count = x.ballot_count
    from json_to_recordset(${JSON.stringify(updates)}::json) as x(id uuid, result jsonb, chain_head text, ballot_count integer)
    where ${polls.id} = x.id`);
  return { ok: true, closed, missing };
}

/** An encrypted ballot's exact text; a plain ballot in an encrypted poll is a broken record. */
function encryptedText(content: BallotContent): string {
  if (!("belenios" in content)) throw new Error("a plain ballot in a poll that takes encrypted ballots");
  return content.belenios;
}

/** Ballots a statement in closePollBatch: a few megabytes of JSON. */
const BALLOT_ROWS_PER_INSERT = 10_000;

function rulesOf(poll: Poll, options: readonly (typeof pollOptions.$inferSelect)[]): PollRules {
  return {
    title: poll.title,
    method: poll.method,
    seats: poll.seats,
    quorum: { numerator: poll.quorumNumerator, denominator: poll.quorumDenominator },
    majority: poll.majority,
    lotSeed: poll.lotSeed,
    options: [...options]
      .sort((a, b) => a.position - b.position)
      .map((o) => ({ position: o.position, label: o.label, isRon: o.isRon, withdrawn: o.withdrawn })),
  };
}

export interface LoadedRules {
  poll: Poll;
  rules: PollRules;
  /** The clause whose ballot this poll is a question of (constitution rounds), else null. */
  clauseId: string | null;
  /** The poll's Belenios election, when it takes encrypted ballots (decision 044). */
  election: PollElection | null;
}

/** The poll and its rules, in one query: every ballot sent loads them. */
export async function loadRules(db: DbOrTx, pollId: string, loading: { credentials: boolean } = { credentials: true }): Promise<LoadedRules | null> {
  return (await loadRulesOfPolls(db, [pollId], loading)).get(pollId.toLowerCase()) ?? null;
}

/**
 * A page's read of a poll: its rules and election without the list of public credentials, which
 * is some 60 MB for 100,000 members and needed only to count or check the record.
 */
export const PAGE_READ = { credentials: false } as const;

/**
 * Several polls and their rules, in one query (the ballot box loads those of a whole batch),
 * by id in lower case, as the database gives ids back. `credentials: false` leaves an encrypted
 * poll's list of public credentials in the database (electionsOf): casting does not read it.
 */
export async function loadRulesOfPolls(
  db: DbOrTx,
  pollIds: readonly string[],
  loading: { credentials: boolean } = { credentials: true },
): Promise<Map<string, LoadedRules>> {
  const ids = [...new Set(pollIds.filter(isUuid).map((id) => id.toLowerCase()))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      poll: polls,
      options: sql<OptionRow[] | string>`coalesce((
        select json_agg(json_build_object('pollId', o.poll_id, 'position', o.position, 'label', o.label, 'isRon', o.is_ron, 'withdrawn', o.withdrawn))
        from ${pollOptions} o where o.poll_id = ${polls.id}), '[]'::json)`,
      clauseId: sql<string | null>`(select v.clause_id from ${voteItems} v where v.poll_id = ${polls.id} limit 1)`,
    })
    .from(polls)
    .where(inArray(polls.id, ids));
  const encrypted = rows.filter((r) => takesEncryptedBallots(r.poll.method)).map((r) => r.poll.id);
  const elections = await electionsOf(db, encrypted, loading);
  return new Map(
    rows.map((row) => {
      // Drivers differ on whether they parse json for us.
      const options = typeof row.options === "string" ? (JSON.parse(row.options) as OptionRow[]) : row.options;
      return [row.poll.id, { poll: row.poll, rules: rulesOf(row.poll, options), clauseId: row.clauseId, election: elections.get(row.poll.id) ?? null }];
    }),
  );
}

type OptionRow = typeof pollOptions.$inferSelect;

export async function hasVoted(db: DbOrTx, pollId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: pollVoters.userId })
    .from(pollVoters)
    .where(and(eq(pollVoters.pollId, pollId), eq(pollVoters.userId, userId)));
  return Boolean(row);
}

/**
 * The names of the members who voted in a closed poll, sorted (issue 17, item 3): the server makes
 * every credential, so this list is what lets each member check that nobody voted in their name.
 */
export async function votersOfClosedPoll(db: DbOrTx, pollId: string): Promise<string[]> {
  if (!isUuid(pollId)) return [];
  const rows = await db
    .select({ name: users.displayName })
    .from(pollVoters)
    .innerJoin(polls, eq(polls.id, pollVoters.pollId))
    .innerJoin(users, eq(users.id, pollVoters.userId))
    .where(and(eq(pollVoters.pollId, pollId), eq(polls.status, "closed")));
  return rows.map((r) => r.name).sort((a, b) => a.localeCompare(b, "en-GB"));
}

export async function isOnRoll(db: DbOrTx, pollId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: pollRoll.userId })
    .from(pollRoll)
    .where(and(eq(pollRoll.pollId, pollId), eq(pollRoll.userId, userId)));
  return Boolean(row);
}

/**
 * Ballots cast so far: while the poll is open, the sum over its chain's strands (a few rows, no
 * count over the ballots); once closed, the number counted.
 */
export function ballotsCastSql() {
  return sql<number>`(case when ${polls.status} = 'open'
    then coalesce((select sum(c.ballots) from ${pollChains} c where c.poll_id = ${polls.id}), 0)
    else ${polls.ballotCount} end)::int`;
}

export async function ballotsCast(db: DbOrTx, pollId: string): Promise<number> {
  if (!isUuid(pollId)) return 0;
  const [row] = await db.select({ n: ballotsCastSql() }).from(polls).where(eq(polls.id, pollId));
  return row?.n ?? 0;
}

export async function countVoters(db: DbOrTx, pollId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pollVoters)
    .where(eq(pollVoters.pollId, pollId));
  return row?.n ?? 0;
}

/** What is published after close; nothing before. */
export async function getPublication(db: DbOrTx, pollId: string) {
  const loaded = await loadRules(db, pollId);
  if (!loaded || loaded.poll.status !== "closed") return null;
  const rows = await db.select({ receipt: ballots.receipt, content: ballots.content }).from(ballots).where(eq(ballots.pollId, pollId));
  // An encrypted poll publishes its trackers and, for a ranking, the shuffled ballots as decrypted
  // (which tracker each was, nobody can tell); the encrypted ballots are in its Belenios record.
  const encrypted = loaded.election !== null;
  const decrypted = loaded.election?.tally ? outcomeOf(loaded.election.election, parseResult(loaded.election.tally.resultRaw)) : null;
  const contents: BallotContent[] = decrypted?.kind === "ranked" ? decrypted.rankings.map((ranking) => ({ ranking })) : rows.map((r) => r.content);
  const publication: Publication = encrypted
    ? {
        mode: "separate-lists",
        pairs: [],
        receipts: rows.map((r) => r.receipt).sort(),
        contents: publish(
          "separate-lists",
          contents.map((content) => ({ receipt: "", content })),
        ).contents.filter((c) => !("belenios" in c)),
      }
    : publish(loaded.poll.publication, rows);
  return {
    poll: loaded.poll,
    rules: loaded.rules,
    encrypted,
    voted: await countVoters(db, pollId),
    ballotCount: rows.length,
    chainHead: loaded.poll.chainHead,
    publication,
    blt: loaded.rules.method === "yes-no" ? null : pollBlt(loaded.rules, contents),
  };
}

export type ReceiptCheck = { status: "counted"; content: BallotContent | null } | { status: "not_found" } | { status: "not_closed" };

/** A voter checks that their ballot is in the count; its content is shown only where the poll publishes it. */
export async function checkReceipt(db: DbOrTx, pollId: string, receipt: string): Promise<ReceiptCheck> {
  if (!isUuid(pollId)) return { status: "not_closed" };
  const [poll] = await db.select({ status: polls.status, publication: polls.publication }).from(polls).where(eq(polls.id, pollId));
  if (!poll || poll.status !== "closed") return { status: "not_closed" };
  const [row] = await db
    .select({ content: ballots.content })
    .from(ballots)
    // Plain ballots' receipts are lower case; an encrypted ballot's tracker is Base64, exactly as shown.
    .where(and(eq(ballots.pollId, pollId), inArray(ballots.receipt, [...new Set([receipt.trim(), receipt.trim().toLowerCase()])])));
  if (!row) return { status: "not_found" };
  return { status: "counted", content: poll.publication === "receipts-with-rankings" && !("belenios" in row.content) ? row.content : null };
}

export type PollVerification =
  | { ok: true; ballots: number; voted: number; chainHead: string }
  | {
      ok: false;
      problem: "not_closed" | "chain_broken" | "counts_differ" | "audit_differs" | "result_differs" | "record_invalid";
      detail?: string;
    };

/** Re-checks a closed poll from the stored ballots: chain, numbers, and the count itself. */
export async function verifyPoll(db: DbOrTx, pollId: string): Promise<PollVerification> {
  const loaded = await loadRules(db, pollId);
  if (!loaded || loaded.poll.status !== "closed") return { ok: false, problem: "not_closed" };
  const rows = await db.select().from(ballots).where(eq(ballots.pollId, pollId));
  const chain = checkBallotChain(rows, loaded.poll.chainHead);
  if (!chain.ok) return { ok: false, problem: "chain_broken", detail: chain.code };
  const voted = await countVoters(db, pollId);
  if (voted !== rows.length || loaded.poll.ballotCount !== rows.length) {
    return { ok: false, problem: "counts_differ", detail: `${voted} voted, ${rows.length} ballots` };
  }
  // An encrypted poll's rows can be redone to match by whoever also holds APP_SECRET; its close's audit entry cannot.
  const unlike = loaded.election ? await closingAuditMismatch(db, loaded.poll.id, { ballots: rows.length, chainHead: loaded.poll.chainHead }) : null;
  if (unlike) return { ok: false, problem: "audit_differs", detail: unlike };
  const recount = countStoredBallots(loaded, rows);
  if ("problem" in recount) return { ok: false, problem: "record_invalid", detail: recount.problem };
  // jsonb reorders keys, so compare canonical forms.
  if (canonicalJson(recount) !== canonicalJson(loaded.poll.result)) return { ok: false, problem: "result_differs" };
  return { ok: true, ballots: rows.length, voted, chainHead: loaded.poll.chainHead };
}

/**
 * A closed poll counted again from its stored ballots: plain ballots as they are, an encrypted
 * poll from its public record (recountEncrypted). What a recount and poll:verify both count.
 */
export function countStoredBallots(loaded: LoadedRules, rows: readonly { receipt: string; content: BallotContent }[]): PollResult | { problem: string } {
  if (!loaded.election)
    return countPoll(
      loaded.rules,
      rows.map((r) => r.content),
      loaded.poll.rollSize,
    );
  return recountEncrypted(loaded, rows) ?? { problem: "the Belenios record does not verify" };
}

/**
 * An encrypted poll recounted from its public record: every proof of every ballot, the tally, the
 * partial decryptions and the result checked as belenios-tool checks them, then the counts read
 * with the poll's rules. The record's problem, naming its first bad item, when it fails.
 */
function recountEncrypted(loaded: LoadedRules, rows: readonly { receipt: string; content: BallotContent }[]): PollResult | { problem: string } | null {
  const pollElection = loaded.election;
  if (!pollElection) return null;
  const sorted = [...rows].sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0));
  const raws: string[] = [];
  for (const r of sorted) {
    if (!("belenios" in r.content)) return { problem: `ballot ${r.receipt} is not encrypted` };
    raws.push(r.content.belenios);
  }
  const checked = verifyElectionArchive(pollArchive(pollElection, raws));
  if (!checked.ok) return { problem: checked.problem };
  if (!checked.result) return { problem: "the record has no result" };
  const mismatch = sorted.findIndex((r, i) => checked.trackers[i] !== r.receipt);
  if (mismatch >= 0) return { problem: `ballot ${mismatch + 1}: its receipt is not its tracker` };
  return countDecrypted(loaded.rules, outcomeOf(pollElection.election, checked.result), loaded.poll.rollSize);
}

/** An encrypted poll counted from what its decryption gave, by the same rules as plain ballots. */
export function countDecrypted(rules: PollRules, outcome: DecryptedOutcome, rollSize: number): PollResult {
  return outcome.kind === "yes-no"
    ? countYesNoTotals(rules, outcome.counts, rollSize)
    : countPoll(
        rules,
        outcome.rankings.map((ranking) => ({ ranking })),
        rollSize,
      );
}

/**
 * Polls for the polls page. The questions of the constitution's clause ballots are left out:
 * there are dozens per round, and they are listed, and voted on, under Constitution.
 */
export async function listPolls(db: DbOrTx) {
  return db
    .select()
    .from(polls)
    .where(sql`not exists (select 1 from ${voteItems} v where v.poll_id = ${polls.id})`)
    .orderBy(asc(polls.closesAt));
}

export async function pollIdsOnRoll(db: DbOrTx, userId: string, pollIds: string[]): Promise<Set<string>> {
  if (pollIds.length === 0) return new Set();
  const rows = await db
    .select({ pollId: pollRoll.pollId })
    .from(pollRoll)
    .where(and(eq(pollRoll.userId, userId), inArray(pollRoll.pollId, pollIds)));
  return new Set(rows.map((r) => r.pollId));
}

/** The actor of every close and count the poll closer makes. */
export const AUTOMATIC_CLOSE: Actor = { id: null, label: "automatic close at the closing time" };

/**
 * What the poll closer calls when polls of an owner have passed their closing time: the owner
 * closes and counts them in its own order (an election counts its offices before its committee),
 * and answers how many polls it closed. See app/modules/road/poll-owners.server.ts.
 */
export type DueOwners = Partial<Record<PollOwner, (db: Db) => Promise<number>>>;

/**
 * Closes and counts every open free-standing poll whose closing time has passed, and calls the
 * owner of any owned poll that is due (decision 027): the closer never counts an owned poll on
 * its own. Safe to run on several servers at once: closePoll locks the poll and does nothing to
 * one already closed, and each owner locks its own row. An owner that fails is logged by kind
 * and the others still run.
 */
export async function closeDuePolls(db: Db, owners: DueOwners = {}, finishStalled?: (db: Db) => Promise<number>): Promise<number> {
  const due = await db
    .select({ id: polls.id, owner: polls.owner })
    .from(polls)
    .where(and(eq(polls.status, "open"), sql`${polls.closesAt} <= now()`));
  let closed = 0;
  for (const { id } of due.filter((p) => p.owner === null)) {
    const result = await closePoll(db, AUTOMATIC_CLOSE, id);
    if (result.ok) closed += 1;
  }
  // A poll left with enough trustees' shares but no result (its server stopped in between) is finished first.
  if (finishStalled) {
    try {
      closed += await finishStalled(db);
    } catch (error) {
      console.error(`poll closer: ${describeFailure(error)} (finishing decryptions)`);
    }
  }
  // Owned polls its trustees have decrypted are counted by their owner too (decision 047).
  const decrypted = await db
    .selectDistinct({ owner: polls.owner })
    .from(polls)
    .innerJoin(pollElections, eq(pollElections.pollId, polls.id))
    .where(and(eq(polls.status, "decrypting"), isNotNull(polls.owner), isNotNull(pollElections.result)));
  const dueOwners = new Set([...due, ...decrypted].flatMap((p) => (p.owner === null ? [] : [p.owner])));
  for (const owner of [...dueOwners].sort()) {
    const handler = owners[owner];
    if (!handler) continue;
    try {
      closed += await handler(db);
    } catch (error) {
      // By kind only, as every failure is (describeFailure); the owners after it still run.
      console.error(`poll closer: ${describeFailure(error)} (the ${owner} polls)`);
    }
  }
  return closed;
}

/** Starts the background loop that closes polls on time; returns a function that stops it. */
export function startPollCloser(db: Db, intervalMs = 15_000, owners: DueOwners = {}, finishStalled?: (db: Db) => Promise<number>): () => Promise<void> {
  return startBackgroundLoop("poll closer", intervalMs, () => closeDuePolls(db, owners, finishStalled));
}
