/**
 * Polls' Belenios elections in the database (decision 044): set up when a Yes/No poll opens,
 * read when a ballot is cast, tallied and decrypted when the poll closes, and written out as the
 * Belenios archive (.bel) that belenios-tool and `npm run poll:verify` check.
 */
import { asc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { generateUuid } from "~/modules/belenios/credentials";
import { groupForQuestions, makeElection } from "~/modules/belenios/election";
import {
  computeEncryptedTally,
  computeResult,
  lastBallotPerCredential,
  mergeNhCiphertexts,
  nhCiphertexts,
  shuffleTally,
  type WeightedBallot,
} from "~/modules/belenios/tally";
import { ArchiveWriter } from "~/modules/belenios/archive";
import { sha256Hex } from "~/modules/belenios/group";
import {
  parseBallot,
  parseElection,
  parsePublicCredentials,
  parseTrustees,
  serializeEncryptedTally,
  serializePartialDecryption,
  serializeResult,
  serializeShuffle,
  serializeSizedEncryptedTally,
  serializeTrustees,
} from "~/modules/belenios/serialize";
import { computePartialDecryption, trusteePublicKeyFor } from "~/modules/belenios/trustee";
import { synthesizeFactors } from "~/modules/belenios/trustees";
import type { Election, ElectionResult, PublicCredential, TrusteeKind } from "~/modules/belenios/types";
import type { DbOrTx } from "~/utils/db.server";
import { RecentlyUsed } from "~/utils/recently-used";
import { isUuid } from "~/utils/ids";
import { ballots, pollElections, pollMethodValues } from "../../../../db/schema";
import { memberCredential, serverTrusteeKey } from "./ballot-keys.server";
import { publicCredentialListFor } from "./credential-pool.server";
import type { SealedBallot } from "./ballot-jobs.server";
import { encryptBallotInPool } from "./ballot-pool.server";
import { choicePlaintext, electionTemplate, rankingPlaintext, rankingsOf, yesNoCounts, type YesNoChoice } from "./poll-election";

/** A poll's election as stored, with the election parsed once. */
export interface PollElection {
  pollId: string;
  election: Election;
  trusteesRaw: string;
  credentialsRaw: string;
  /** Who holds the key: the server, or the members named as the poll's trustees (decision 045). */
  trusteeKind: "server" | "members";
  createdAt: Date;
  /** Once closed: what the close recorded. */
  tally: ClosedTally | null;
}

/**
 * Whether a poll of this method takes encrypted ballots: all do (Yes/No questions are homomorphic,
 * rankings are shuffled then decrypted), whether opened alone or in a batch (a constitution round).
 */
export function takesEncryptedBallots(method: string): boolean {
  return (pollMethodValues as readonly string[]).includes(method);
}

type PollToSetUp = { id: string; title: string; description: string; method: string };

/**
 * A poll's election, made ready to be stored: a fresh uuid, the server as the only trustee, and
 * one public credential per member of the frozen roll (about a millisecond each: PBKDF2 and one
 * exponentiation, derived by the worker pool for a large roll, so that the server goes on
 * answering meanwhile). The list is published sorted by value, so its order says nothing about
 * the roll's.
 */
export async function electionRowFor(
  poll: PollToSetUp,
  options: readonly { label: string }[],
  roll: readonly string[],
  named: readonly TrusteeKind[] | null = null,
): Promise<typeof pollElections.$inferInsert> {
  const uuid = generateUuid();
  const template = { uuid, ...electionTemplate(poll, options) };
  // BELENIOS-2048 for a Yes/No question, RFC-3526-2048 for a ranking (as Belenios 2.0 prescribes).
  const group = groupForQuestions(template.questions);
  const trustees: TrusteeKind[] = named
    ? [...named]
    : [{ kind: "Single", key: { ...trusteePublicKeyFor(group, serverTrusteeKey(group, uuid)), name: "Breakaway server" } }];
  const election = makeElection(template, trustees);
  if (election.group !== group) throw new Error("the election's group is not the one its trustees' keys are in");
  return {
    pollId: poll.id,
    uuid,
    election: election.raw,
    trustees: serializeTrustees(trustees),
    trusteeKind: named ? "members" : "server",
    credentials: await publicCredentialListFor(group.name, uuid, roll),
  };
}

/**
 * Sets up the election of a poll being opened, inside the opening transaction: with the named
 * trustees' keys when there are any (decision 045), otherwise with the server as its trustee.
 */
export async function setUpElection(
  tx: DbOrTx,
  poll: PollToSetUp,
  options: readonly { label: string }[],
  roll: readonly string[],
  named: readonly TrusteeKind[] | null = null,
): Promise<void> {
  await tx.insert(pollElections).values(await electionRowFor(poll, options, roll, named));
}

/**
 * Sets up the elections of polls opened together on one roll (a constitution round), inside the
 * batch's transaction: each its own election with its own uuid and credentials, as Belenios has
 * it. A few at a time, so that the worker pool stays busy while at most that many lists of
 * credentials (about 6 MB each for 10,000 members) are held at once.
 */
export async function setUpElections(
  tx: DbOrTx,
  batch: readonly { poll: PollToSetUp; options: readonly { label: string }[]; named?: readonly TrusteeKind[] | null }[],
  roll: readonly string[],
): Promise<void> {
  for (let i = 0; i < batch.length; i += ELECTIONS_AT_ONCE) {
    const rows = await Promise.all(batch.slice(i, i + ELECTIONS_AT_ONCE).map(({ poll, options, named }) => electionRowFor(poll, options, roll, named ?? null)));
    await tx.insert(pollElections).values(rows);
  }
}

const ELECTIONS_AT_ONCE = 4;

/** Parsed elections, by their exact text: every ballot cast reads its poll's. */
const parsedElections = new RecentlyUsed<string, Election>(64);

/** A row, its credential list left out (null) when it was not loaded. */
function fromRow(row: Omit<typeof pollElections.$inferSelect, "credentials"> & { credentials: string | null }): PollElection {
  const pollElection = {
    pollId: row.pollId,
    election: parsedElections.get(row.election, () => parseElection(row.election)),
    trusteesRaw: row.trustees,
    credentialsRaw: row.credentials ?? "",
    trusteeKind: row.trusteeKind,
    createdAt: row.createdAt,
    tally:
      row.encryptedTally && row.sizedTally && row.partialDecryptions && row.result
        ? {
            encryptedTally: row.encryptedTally,
            sizedTally: row.sizedTally,
            shuffles: row.shuffles ?? [],
            partialDecryptions: row.partialDecryptions,
            resultRaw: row.result,
          }
        : null,
  };
  if (row.credentials === null) {
    // Asked for without loading it: a mistake to hear of at once, not an empty list to publish.
    Object.defineProperty(pollElection, "credentialsRaw", {
      get() {
        throw new Error("this poll's election was loaded without its credentials (electionsOf with credentials: false)");
      },
    });
  }
  return pollElection;
}

/**
 * The polls' elections. Casting needs no list of public credentials, which is the bulk of the
 * row (some 60 MB for 100,000 on the roll, read for every batch of ballots before this was asked
 * for): `credentials: false` leaves it in the database. The close, the recount and the record
 * load it.
 */
export async function electionsOf(
  db: DbOrTx,
  pollIds: readonly string[],
  loading: { credentials: boolean } = { credentials: true },
): Promise<Map<string, PollElection>> {
  if (pollIds.length === 0) return new Map();
  const where = inArray(pollElections.pollId, [...pollIds]);
  const rows = loading.credentials
    ? await db.select().from(pollElections).where(where)
    : await db
        .select({ ...getTableColumns(pollElections), credentials: sql<string | null>`null` })
        .from(pollElections)
        .where(where);
  return new Map(rows.map((r) => [r.pollId, fromRow(r)]));
}

export async function electionOf(db: DbOrTx, pollId: string, loading: { credentials: boolean } = { credentials: true }): Promise<PollElection | null> {
  return (await electionsOf(db, [pollId], loading)).get(pollId) ?? null;
}

/**
 * The ballot a member casts when the server encrypts it for them (no JavaScript, or a test): their
 * credential for this election, derived afresh and forgotten with the request.
 */
export async function encryptForMember(
  pollElection: PollElection,
  userId: string,
  content: { choice: YesNoChoice } | { ranking: readonly number[] },
): Promise<SealedBallot> {
  const { election } = pollElection;
  const credential = memberCredential(election.params.uuid, userId);
  // Encrypting, proving and signing, in a worker thread (ballot-pool.server.ts).
  return encryptBallotInPool(
    election,
    credential,
    "choice" in content ? choicePlaintext(election, content.choice) : rankingPlaintext(election, content.ranking),
  );
}

/** What an encrypted poll's decrypted result says: Yes/No totals, or the shuffled ballots' rankings. */
export type DecryptedOutcome = { kind: "yes-no"; counts: Record<YesNoChoice, number> } | { kind: "ranked"; rankings: number[][] };

export function outcomeOf(election: Election, result: ElectionResult): DecryptedOutcome {
  const question = election.params.questions[0];
  return question && "type" in question ? { kind: "ranked", rankings: rankingsOf(result) } : { kind: "yes-no", counts: yesNoCounts(result) };
}

/**
 * The close of an encrypted poll: the ballots multiplied into the encrypted tally (each
 * credential's last ballot; the server made or checked every ballot as it was cast, and
 * belenios-tool and poll:verify check them all again from the record), the server trustee's
 * partial decryption with its proofs, and the counts. No single ballot is decrypted. Pure
 * computation; the caller stores what it returns (recordTally) in its transaction.
 */
export function tallyAndDecrypt(pollElection: PollElection, rawBallots: readonly string[]) {
  const { election } = pollElection;
  const { tally, totalWeight, encryptedTally, sizedTally } = encryptedTallyOf(pollElection, rawBallots);
  // A ranking is decrypted whole, so the ballots are first re-encrypted and put in a secret order,
  // with a proof that the output holds the same ballots (the server trustee's verifiable shuffle):
  // nobody can tell which decrypted ranking was which tracker's.
  const nh = nhCiphertexts(election, tally);
  const shuffle = nh.length > 0 ? shuffleTally(election, nh) : null;
  const decryptable = shuffle ? mergeNhCiphertexts(election, tally, shuffle.ciphertexts) : tally;
  const pd = computePartialDecryption(election, decryptable, serverTrusteeKey(election.group, election.params.uuid));
  const partialDecryptions = [{ owner: 1, pd }];
  const factors = synthesizeFactors(election, parseTrustees(pollElection.trusteesRaw), decryptable, partialDecryptions);
  const result = computeResult(election, decryptable, factors, totalWeight);
  return {
    encryptedTally,
    sizedTally,
    shuffles: shuffle ? [{ owner: 1, shuffle: serializeShuffle(shuffle) }] : [],
    partialDecryptions: partialDecryptions.map((p) => ({ owner: p.owner, pd: serializePartialDecryption(p.pd) })),
    resultRaw: serializeResult(result),
    outcome: outcomeOf(election, result),
  };
}

/**
 * The ballots multiplied into the encrypted tally (each credential's last ballot; the server made
 * or checked every ballot as it was cast, and belenios-tool and poll:verify check them all again
 * from the record), with its size as published.
 */
export function encryptedTallyOf(pollElection: PollElection, rawBallots: readonly string[]) {
  const { election } = pollElection;
  const weights = new Map(credentialsOf(pollElection).map((c) => [c.credential, c.weight]));
  const weighted: WeightedBallot[] = rawBallots.map((raw, i) => {
    const ballot = parseBallot(raw);
    const weight = weights.get(ballot.credential);
    if (weight === undefined) throw new Error(`ballot ${i + 1}: its credential is not on the poll's list`);
    return { ballot, weight };
  });
  const tallied = lastBallotPerCredential(weighted);
  const tally = computeEncryptedTally(election, tallied);
  const totalWeight = tallied.reduce((sum, b) => sum + b.weight, 0n);
  const encryptedTally = serializeEncryptedTally(tally);
  const sizedTally = serializeSizedEncryptedTally({ numTallied: tallied.length, totalWeight, encryptedTally: sha256Hex(encryptedTally) });
  return { tally, totalWeight, encryptedTally, sizedTally };
}

/** A poll held by named trustees, at its close: the tally they will shuffle and decrypt, nothing decrypted yet. */
export async function recordPendingTally(tx: DbOrTx, pollId: string, tally: { encryptedTally: string; sizedTally: string }): Promise<void> {
  await tx
    .update(pollElections)
    .set({ encryptedTally: tally.encryptedTally, sizedTally: tally.sizedTally, shuffles: [], partialDecryptions: [], result: null })
    .where(eq(pollElections.pollId, pollId));
}

const parsedCredentials = new RecentlyUsed<string, PublicCredential[]>(8);
function credentialsOf(pollElection: PollElection): PublicCredential[] {
  return parsedCredentials.get(pollElection.credentialsRaw, () => parsePublicCredentials(pollElection.credentialsRaw));
}

export type ClosedTally = Omit<ReturnType<typeof tallyAndDecrypt>, "outcome">;

export async function recordTally(tx: DbOrTx, pollId: string, tally: ClosedTally): Promise<void> {
  await tx
    .update(pollElections)
    .set({
      encryptedTally: tally.encryptedTally,
      sizedTally: tally.sizedTally,
      shuffles: tally.shuffles,
      partialDecryptions: tally.partialDecryptions,
      result: tally.resultRaw,
    })
    .where(eq(pollElections.pollId, pollId));
}

/**
 * A poll held by named trustees, between its close and its last decryption: the archive as far as
 * it goes (setup, ballots, the encrypted tally, the shuffles so far, and their end once every
 * trustee has shuffled), which a trustee gives belenios-tool to shuffle or decrypt from.
 */
export function pendingArchive(
  pollElection: PollElection,
  rawBallots: readonly string[],
  pending: { encryptedTally: string; sizedTally: string; shuffles: readonly { owner: number; shuffle: string }[]; shufflesDone: boolean },
): Buffer {
  const writer = new ArchiveWriter(BigInt(Math.floor(pollElection.createdAt.getTime() / 1000)));
  writer.setup(pollElection.election.raw, pollElection.trusteesRaw, pollElection.credentialsRaw);
  for (const raw of rawBallots) writer.ballot(raw);
  writer.endBallots();
  writer.encryptedTally(pending.encryptedTally, pending.sizedTally);
  for (const { owner, shuffle } of pending.shuffles) writer.shuffle(owner, shuffle);
  if (pending.shufflesDone && pending.shuffles.length > 0) writer.endShuffles();
  return writer.toBytes();
}

/**
 * The Belenios archive (.bel) of a poll: setup, every ballot (sorted by tracker, as the close left
 * them), and once closed the tally, the partial decryptions and the result, each as stored. Its
 * timestamp is the election's set-up time, so every download of a closed poll is the same file.
 */
export function pollArchive(pollElection: PollElection, rawBallots: readonly string[]): Buffer {
  const writer = new ArchiveWriter(BigInt(Math.floor(pollElection.createdAt.getTime() / 1000)));
  writer.setup(pollElection.election.raw, pollElection.trusteesRaw, pollElection.credentialsRaw);
  for (const raw of rawBallots) writer.ballot(raw);
  const { tally } = pollElection;
  if (tally) {
    writer.endBallots();
    writer.encryptedTally(tally.encryptedTally, tally.sizedTally);
    if (tally.shuffles.length > 0) {
      for (const { owner, shuffle } of tally.shuffles) writer.shuffle(owner, shuffle);
      writer.endShuffles();
    }
    for (const { owner, pd } of tally.partialDecryptions) writer.partialDecryption(owner, pd);
    writer.result(tally.resultRaw);
  }
  return writer.toBytes();
}

/**
 * A closed encrypted poll's archive and the name belenios-tool expects for it (<uuid>.bel), or
 * null while the poll is open (its record is published with its result) or when it has no election.
 */
export async function closedPollRecord(db: DbOrTx, pollId: string): Promise<{ fileName: string; bytes: Buffer } | null> {
  if (!isUuid(pollId)) return null;
  const pollElection = await electionOf(db, pollId.toLowerCase());
  if (!pollElection?.tally) return null;
  const rows = await db.select({ content: ballots.content }).from(ballots).where(eq(ballots.pollId, pollElection.pollId)).orderBy(asc(ballots.receipt));
  const raws = rows.map((r) => ("belenios" in r.content ? r.content.belenios : null)).filter((raw): raw is string => raw !== null);
  return { fileName: `${pollElection.election.params.uuid}.bel`, bytes: pollArchive(pollElection, raws) };
}
