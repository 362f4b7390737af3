import { transactionTellingCommit } from "~/utils/commit-outcome.server";
import type { Db } from "~/utils/db.server";
import type { BallotProblem, PollRules } from "./ballot-rules";
import { loadRulesOfPolls, type LoadedRules } from "./poll-rules.server";
import { prepareBallot, writeBallots, type CastResult, type ReadyBallot } from "./casting.server";

/** A ballot as a member sent it, not yet read against its poll's rules. */
export interface SentBallot {
  pollId: string;
  userId: string;
  /** Reads the ballot against the poll's rules (a form's `choice` or `rank-<position>` fields). */
  read(rules: PollRules): { ok: true; choice?: string; ranking?: number[]; belenios?: string } | { ok: false; code: BallotProblem };
  /** The poll, when the sender has just loaded it; otherwise the box loads it with the batch's others. */
  loaded?: LoadedRules;
}

/** What became of a ballot sent to the box. */
export type BoxResult = CastResult | { ok: false; code: "on_clause_ballot" };

/**
 * The ballot box of one app server: ballots that arrive while earlier ones are being written are
 * written together, in one transaction, as soon as a transaction is free (group commit). At a
 * quiet moment a ballot is written at once, alone; in a rush, each transaction takes every ballot
 * waiting, so the database does a handful of statements and one commit for dozens of ballots
 * instead of for each, and no ballot waits behind more than a few transactions.
 *
 * The polls of a batch are loaded in one query, and each ballot is read and checked against its
 * poll's rules before anything is written. Each ballot is still all-or-nothing with its voter's mark (they are in the same transaction),
 * and a transaction that fails fails every ballot in it, each sender told so: nothing is
 * half-written. Only ballots in flight are held here, for milliseconds; a second server keeps
 * its own box, and nothing in one is needed by another. Ballots written together share a
 * transaction id with all the batch's marks, and the marks are written in member order while the
 * ballots are chained in the order they came: within a batch, neither the transaction id nor the
 * place on disk pairs a mark with its ballot (a batch of one still does, until the close; decision 007).
 */
export class BallotBox {
  private readonly waiting: Waiting[] = [];
  private writing = 0;

  constructor(
    private readonly db: Db,
    private readonly limits: { transactions: number; ballotsPerTransaction: number } = BALLOT_BOX_LIMITS,
  ) {}

  /**
   * Resolves once the ballot's transaction has committed (or it was refused), rejects if the
   * transaction failed: with CommitOutcomeUnknown when it failed at the commit itself, so that
   * the ballot may be stored.
   */
  cast(ballot: SentBallot): Promise<BoxResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ballot, resolve, reject });
      this.startWriting();
    });
  }

  private startWriting() {
    while (this.writing < this.limits.transactions && this.waiting.length > 0) {
      const batch = this.takeBatch();
      this.writing += 1;
      void this.write(batch).finally(() => {
        this.writing -= 1;
        this.startWriting();
      });
    }
  }

  /**
   * The oldest waiting ballots, at most one per member and poll: a repeat (a double click, or a
   * second tab) waits for the next transaction, where the first one's mark refuses it.
   */
  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < this.waiting.length && batch.length < this.limits.ballotsPerTransaction; ) {
      const entry = this.waiting[i]!;
      const key = `${entry.ballot.pollId.toLowerCase()} ${entry.ballot.userId.toLowerCase()}`;
      if (keys.has(key)) {
        i += 1;
        continue;
      }
      keys.add(key);
      batch.push(entry);
      this.waiting.splice(i, 1);
    }
    return batch;
  }

  private async write(batch: Waiting[]) {
    try {
      // Read before the transaction, so that it holds its locks only while writing. A poll that
      // closes meanwhile is caught by writeBallots, which re-reads it under lock.
      // Without an encrypted poll's credential list (some 60 MB for 100,000 on the roll): casting does not read it.
      const rules = await loadRulesOfPolls(
        this.db,
        batch.filter((w) => !w.ballot.loaded).map((w) => w.ballot.pollId),
        { credentials: false },
      );
      // An encrypted poll's ballots are checked or encrypted in worker threads, the batch's all at
      // once; a ballot whose cryptography failed fails alone, and the others are written.
      const checked = await Promise.allSettled(batch.map((w) => checkSent(w.ballot, w.ballot.loaded ?? rules.get(w.ballot.pollId.toLowerCase()) ?? null)));
      const ready = checked.flatMap((c) => (c.status === "fulfilled" && c.value.ok ? [c.value.ballot] : []));
      const written = ready.length > 0 ? await transactionTellingCommit(this.db, (tx) => writeBallots(tx, ready)) : [];
      let next = 0;
      batch.forEach((w, i) => {
        const c = checked[i]!;
        if (c.status === "rejected") w.reject(c.reason);
        else w.resolve(c.value.ok ? written[next++]! : c.value);
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}

/** A sent ballot read and checked against its poll, or why it cannot be cast. */
async function checkSent(sent: SentBallot, loaded: LoadedRules | null): Promise<{ ok: true; ballot: ReadyBallot } | Extract<BoxResult, { ok: false }>> {
  if (!loaded) return { ok: false, code: "not_found" };
  // A question of a clause's ballot is answered there, with the clause's other questions.
  if (loaded.clauseId) return { ok: false, code: "on_clause_ballot" };
  const read = sent.read(loaded.rules);
  if (!read.ok) return read;
  return prepareBallot(loaded, { pollId: sent.pollId, userId: sent.userId, choice: read.choice, ranking: read.ranking, belenios: read.belenios });
}

interface Waiting {
  ballot: SentBallot;
  resolve(result: BoxResult): void;
  reject(error: unknown): void;
}

/**
 * Transactions a box keeps going at once (a part of the server's pool of 10 connections, leaving
 * the rest to pages), and ballots a transaction takes at most (a few kilobytes a statement).
 */
export const BALLOT_BOX_LIMITS = { transactions: 3, ballotsPerTransaction: 200 };

const boxes = new WeakMap<Db, BallotBox>();

/** The ballot box for this database handle: one per server process. */
export function ballotBoxFor(db: Db): BallotBox {
  let box = boxes.get(db);
  if (!box) {
    box = new BallotBox(db);
    boxes.set(db, box);
  }
  return box;
}
