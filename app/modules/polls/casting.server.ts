/** Casting ballots: each checked against its poll, then written with its voter's mark onto a strand of the poll's chain. */
import { and, eq, inArray, sql } from "drizzle-orm";
import { generateToken } from "~/modules/auth/tokens";
import { rowsOf, type DbOrTx } from "~/utils/db.server";
import { pollChains, pollRoll, polls, pollVoters, type BallotContent } from "../../../db/schema";
import { checkBrowserBallot } from "./encrypted/browser-ballots.server";
import { encryptForMember } from "./encrypted/poll-elections.server";
import { ballotHash, checkBallot, type BallotProblem } from "./ballot-rules";
import { insertBallotRows, type BallotRow } from "./ballot-rows.server";
import { loadRules, type LoadedRules } from "./poll-rules.server";

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
