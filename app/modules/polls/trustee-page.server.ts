/**
 * What a trustee's page shows and serves (decision 045): their task now, and the files their
 * browser or belenios-tool works from. Only the poll's own trustees see either.
 */
import { asc, eq, sql } from "drizzle-orm";
import { parseTrusteePublicKey } from "~/modules/belenios/serialize";
import { nhCiphertexts } from "~/modules/belenios/tally";
import type { DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { ballots, pollElections, polls, pollTrustees } from "../../../db/schema";
import { electionOf, pendingArchive } from "./encrypted/poll-elections.server";
import { ceremonyFile, keyTurnOf } from "./encrypted/threshold-ceremony.server";
import {
  decryptableTally,
  groupForMethod,
  hasShareToSend,
  shareOwnerColumns,
  keyFingerprint,
  shufflesDone,
  taskOf,
  trusteeProgressOf,
  trusteesOf,
  type TrusteeProgress,
  type TrusteeTask,
} from "./encrypted/poll-trustees.server";

export interface TrusteePage {
  poll: { id: string; title: string; status: string; closesAt: Date };
  position: number;
  trustees: number;
  /** With a threshold (decision 046): how many trustees must decrypt; null when all must. */
  threshold: number | null;
  groupName: string;
  /** The short name of the key this trustee gave, as belenios-tool names its files. */
  keyFingerprint: string | null;
  /** The public key this trustee gave (base 10), which the browser checks their key file against. */
  publicKey: string | null;
  task: TrusteeTask;
  shuffled: number;
  decrypted: number;
  /** For the estimate shown before the browser starts: ciphertexts per ranked list, and to decrypt. */
  work: { shuffle: number[]; decrypt: number };
}

/** The poll, its trustees and this one among them; the credential list only when an archive is to be written. */
async function pollAndTrustee(db: DbOrTx, pollId: string, userId: string, loading = { credentials: false }) {
  if (!isUuid(pollId)) return null;
  const [poll] = await db
    .select({
      id: polls.id,
      title: polls.title,
      status: polls.status,
      method: polls.method,
      closesAt: polls.closesAt,
      trusteeThreshold: polls.trusteeThreshold,
    })
    .from(polls)
    .where(eq(polls.id, pollId));
  if (!poll) return null;
  const trustees = await trusteesOf(db, poll.id);
  const mine = trustees.find((t) => t.userId === userId);
  if (!mine) return null;
  const pollElection = poll.status === "decrypting" || poll.status === "closed" ? await electionOf(db, poll.id, loading) : null;
  const progress = pollElection ? await trusteeProgressOf(db, poll.id, pollElection.election) : null;
  return { poll, trustees, mine, pollElection, progress };
}

export async function trusteePage(db: DbOrTx, pollId: string, userId: string): Promise<TrusteePage | null> {
  const found = await pollAndTrustee(db, pollId, userId);
  if (!found) return null;
  const { poll, trustees, mine, progress } = found;
  return {
    poll: { id: poll.id, title: poll.title, status: poll.status, closesAt: poll.closesAt },
    position: mine.position,
    trustees: trustees.length,
    threshold: poll.trusteeThreshold,
    groupName: groupForMethod(poll.method).name,
    keyFingerprint: mine.publicKey ? keyFingerprint(parseTrusteePublicKey(mine.publicKey).publicKey) : null,
    publicKey: mine.publicKey ? parseTrusteePublicKey(mine.publicKey).publicKey.toString() : null,
    task: taskOf(poll, mine, trustees, progress),
    shuffled: progress?.shuffles.length ?? 0,
    decrypted: progress?.partialDecryptions.length ?? 0,
    work: progress ? workOf(progress) : { shuffle: [], decrypt: 0 },
  };
}

function workOf(progress: TrusteeProgress): TrusteePage["work"] {
  const shuffle = shufflesDone(progress) ? [] : nhCiphertexts(progress.election, progress.tally).map((list) => list.length);
  return { shuffle, decrypt: decryptableTally(progress).flat().length };
}

export const TRUSTEE_FILES = ["election.json", "tally.json", "shuffle.json", "record.bel", "certificates.jsons", "vinput.json", "decryption-key.dkey"] as const;
export type TrusteeFileName = (typeof TRUSTEE_FILES)[number];

/**
 * A file the trustee works from: during a threshold ceremony, everyone's certificates, this
 * trustee's shares from the others (their "vinput") and their own encrypted key share (".dkey");
 * after the close, the election, the encrypted tally, the last shuffle (what the next trustee
 * shuffles, and what everyone decrypts once enough have shuffled), or the archive so far for
 * belenios-tool. Null when there is no such file yet, or the reader is not a trustee.
 */
export async function trusteeFile(db: DbOrTx, pollId: string, userId: string, name: string): Promise<{ body: string | Buffer; fileName: string } | null> {
  const found = await pollAndTrustee(db, pollId, userId, { credentials: name === "record.bel" });
  if (!found) return null;
  if (found.poll.trusteeThreshold !== null) {
    const { trustees, mine, poll } = found;
    const relayed = ceremonyFile(groupForMethod(poll.method), trustees, mine.position, name);
    if (relayed) return relayed;
    if (name === "decryption-key.dkey") return mine.decryptionKey ? { body: `${mine.decryptionKey}\n`, fileName: `trustee-${mine.position}.dkey` } : null;
  }
  if (!found.pollElection || !found.progress) return null;
  const { pollElection, progress } = found;
  const uuid = pollElection.election.params.uuid;
  switch (name as TrusteeFileName) {
    case "election.json":
      return { body: pollElection.election.raw, fileName: `${uuid}-election.json` };
    case "tally.json":
      return { body: progress.encryptedTally, fileName: `${uuid}-encrypted-tally.json` };
    case "shuffle.json": {
      const last = progress.shuffles.at(-1);
      return last ? { body: last.shuffle, fileName: `${uuid}-shuffle-${last.owner}.json` } : null;
    }
    case "record.bel": {
      const rows = await db.select({ content: ballots.content }).from(ballots).where(eq(ballots.pollId, pollElection.pollId)).orderBy(asc(ballots.receipt));
      const raws = rows.map((r) => ("belenios" in r.content ? r.content.belenios : null)).filter((raw): raw is string => raw !== null);
      return { body: pendingArchive(pollElection, raws, { ...progress, shufflesDone: shufflesDone(progress) }), fileName: `${uuid}.bel` };
    }
    default:
      return null;
  }
}

/** What the poll page says about a poll's named trustees; null when the server holds its key. */
export async function pollTrusteeSummary(
  db: DbOrTx,
  pollId: string,
  userId: string | null,
): Promise<{ total: number; needed: number; keysGiven: number; decrypted: number; youAreOne: boolean } | null> {
  const trustees = await trusteesOf(db, pollId);
  if (trustees.length === 0) return null;
  const [row] = await db.select({ pds: pollElections.partialDecryptions }).from(pollElections).where(eq(pollElections.pollId, pollId));
  const [poll] = await db.select({ threshold: polls.trusteeThreshold }).from(polls).where(eq(polls.id, pollId));
  return {
    total: trustees.length,
    needed: poll?.threshold ?? trustees.length,
    keysGiven: trustees.filter((t) => t.publicKey).length,
    decrypted: row?.pds?.length ?? 0,
    youAreOne: trustees.some((t) => t.userId === userId),
  };
}

/** Polls where this member is a trustee and has something to do (a key to give, a share to send), for the Polls page. */
export async function trusteeTasksOf(db: DbOrTx, userId: string): Promise<{ id: string; title: string; status: string }[]> {
  const rows = await db
    .select({
      id: polls.id,
      title: polls.title,
      status: polls.status,
      threshold: polls.trusteeThreshold,
      keyGiven: pollTrustees.keyGivenAt,
      position: pollTrustees.position,
      method: polls.method,
      trustees: sql<number>`(select count(*)::int from ${pollTrustees} t where t.poll_id = ${polls.id})`,
      ...shareOwnerColumns(polls.id),
    })
    .from(pollTrustees)
    .innerJoin(polls, eq(polls.id, pollTrustees.pollId))
    .where(eq(pollTrustees.userId, userId))
    .orderBy(asc(polls.closesAt));
  const tasks = [];
  for (const r of rows) {
    if (r.status === "decrypting" && hasShareToSend(r)) tasks.push(r);
    else if (r.status === "draft") {
      // Listed while making the key waits on this trustee (a ceremony step waits on every trustee).
      const all = await trusteesOf(db, r.id);
      const mine = all.find((t) => t.userId === userId);
      if (mine && keyTurnOf(r.threshold, all, mine)) tasks.push(r);
    }
  }
  return tasks.map(({ id, title, status }) => ({ id, title, status }));
}
