/**
 * A poll's named trustees (issue 17, item 1; decision 045): members the returning officer names
 * when creating a poll. Each makes a key pair in their own browser or with belenios-tool and
 * gives the server only the public key, with its proof of knowledge. The election's key is the
 * product of theirs, so no ballot and no total can be decrypted without every one of them. At
 * the close the server multiplies the Yes/No ballots into the encrypted tally; a ranked poll's
 * ballots are first shuffled by each trustee in turn. Then each trustee sends their partial
 * decryption, with its proofs, which the server checks before keeping it; with the last one the
 * result is known and counted (trustee-count.server.ts).
 */
import { and, asc, eq, sql, type AnyColumn } from "drizzle-orm";
import { groupForQuestions } from "~/modules/belenios/election";
import { sha256Hex } from "~/modules/belenios/group";
import { BeleniosFormatError, parseEncryptedTally, parseTrusteePublicKey, serializeTrusteePublicKey } from "~/modules/belenios/serialize";
import { nhCiphertexts } from "~/modules/belenios/tally";
import { verifyTrusteePublicKey } from "~/modules/belenios/trustee";
import type { Group } from "~/modules/belenios/group";
import type { Ciphertext, Election, EncryptedTally, TrusteeKind } from "~/modules/belenios/types";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import type { DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { pollElections, polls, pollTrustees, trusteeSetMembers, users } from "../../../../db/schema";
import { electionTemplate } from "./poll-election";
import { listsToShuffle, tallyToDecrypt } from "./share-checks";
import {
  ceremonyStep,
  checkCeremonyMessage,
  takenAtStep,
  thresholdTrustees,
  type CeremonyProblem,
  type CeremonyRow,
  type CeremonyStep,
  type CeremonyUpdate,
} from "./threshold-ceremony.server";

/**
 * A trustee public key is about 1,000 characters (RFC-3526-2048); a threshold ceremony's longest
 * message, a polynomial with a piece for each of 7 trustees, about 15,000. Anything far longer is
 * neither.
 */
const MAX_KEY_TEXT = 40_000;

export { MAX_TRUSTEES } from "~/utils/input-limits";

/** The group a poll's election will be in: BELENIOS-2048 for Yes/No, RFC-3526-2048 for a ranking. */
export function groupForMethod(method: string): Group {
  return groupForQuestions(electionTemplate({ title: "", description: "", method }, [{ label: "" }]).questions);
}

/** A trustee key's short name, as belenios-tool names its files: 8 hex digits of the key's hash. */
export function keyFingerprint(publicKey: bigint): string {
  return sha256Hex(publicKey.toString()).slice(0, 8).toUpperCase();
}

/** What a trustee sent, read by Belenios' own format; null when it is not that format at all. */
function readOrNull<T>(parse: (raw: string) => T, text: string): T | null {
  try {
    return parse(text.trim());
  } catch (error) {
    if (error instanceof BeleniosFormatError || error instanceof SyntaxError) return null;
    throw error;
  }
}

export async function nameTrustees(tx: DbOrTx, pollId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx.insert(pollTrustees).values(userIds.map((userId, i) => ({ pollId, position: i + 1, userId })));
}

export interface TrusteeRow extends CeremonyRow {
  position: number;
  userId: string;
  name: string;
  publicKey: string | null;
  keyGivenAt: Date | null;
}

/** A trustee's columns, in a poll's trustees or a trustee set's members (the same columns), with their name. */
export function trusteeColumns(table: typeof pollTrustees | typeof trusteeSetMembers) {
  return {
    position: table.position,
    userId: table.userId,
    name: users.displayName,
    publicKey: table.publicKey,
    keyGivenAt: table.keyGivenAt,
    certificate: table.certificate,
    polynomial: table.polynomial,
    decryptionKey: table.decryptionKey,
  };
}

/** Who has shuffled and who has decrypted a poll so far, by number only: the shares themselves can be megabytes. */
export function shareOwnerColumns(pollId: AnyColumn) {
  const owners = (column: "shuffles" | "partial_decryptions") =>
    sql<
      number[]
    >`coalesce((select jsonb_agg((e->>'owner')::int) from ${pollElections} pe, jsonb_array_elements(coalesce(pe.${sql.raw(column)}, '[]'::jsonb)) e where pe.poll_id = ${pollId}), '[]'::jsonb)`;
  return { shuffled: owners("shuffles"), decrypted: owners("partial_decryptions") };
}

export async function trusteesOf(db: DbOrTx, pollId: string): Promise<TrusteeRow[]> {
  return db
    .select(trusteeColumns(pollTrustees))
    .from(pollTrustees)
    .innerJoin(users, eq(users.id, pollTrustees.userId))
    .where(eq(pollTrustees.pollId, pollId))
    .orderBy(asc(pollTrustees.position));
}

/**
 * The election's trustees for a poll being opened: null when none were named (the server is the
 * trustee), "missing" while a key is still to come. With a threshold, one Pedersen set.
 */
export function electionTrustees(rows: readonly TrusteeRow[], poll: { method: string; trusteeThreshold: number | null }): TrusteeKind[] | null | "missing" {
  if (rows.length === 0) return null;
  if (poll.trusteeThreshold !== null) return thresholdTrustees(groupForMethod(poll.method), rows);
  if (rows.some((r) => !r.publicKey)) return "missing";
  // Named by position in the public record, not by person: the record is published to everyone.
  return rows.map((r) => ({ kind: "Single", key: { ...parseTrusteePublicKey(r.publicKey!), name: `Trustee ${r.position}` } }));
}

export type KeyProblem = "not_found" | "not_trustee" | "not_draft" | "key_unreadable" | CeremonyProblem;

export type KeyUpdate = CeremonyUpdate & { keyGivenAt?: Date };

/**
 * What a trustee sent toward the key of a poll or a trustee set, checked: with a threshold, the
 * ceremony's current step (threshold-ceremony.server.ts); otherwise a Belenios trustee public key
 * in the group, whose proof of knowledge holds (so the trustee does hold the private key), and
 * that no other trustee gave. The update to keep, with the key's short name once there is a key.
 */
export function checkTrusteeMessage(
  group: Group,
  threshold: number | null,
  rows: readonly TrusteeRow[],
  position: number,
  text: string,
): { ok: true; update: KeyUpdate; step?: CeremonyStep; fingerprint: string | null } | { ok: false; code: KeyProblem } {
  if (text.length > MAX_KEY_TEXT) return { ok: false, code: "key_unreadable" };
  if (threshold !== null) {
    const checked = checkCeremonyMessage(group, threshold, rows, position, text);
    if (!checked.ok) return checked;
    const fingerprint = checked.update.publicKey ? keyFingerprint(parseTrusteePublicKey(checked.update.publicKey).publicKey) : null;
    return { ok: true, step: checked.step, fingerprint, update: { ...checked.update, ...(checked.update.publicKey ? { keyGivenAt: new Date() } : {}) } };
  }
  const key = readOrNull(parseTrusteePublicKey, text);
  if (!key) return { ok: false, code: "key_unreadable" };
  if (!verifyTrusteePublicKey(group, key)) return { ok: false, code: "key_invalid" };
  const canonical = serializeTrusteePublicKey({ pok: key.pok, publicKey: key.publicKey });
  if (rows.some((r) => r.position !== position && r.publicKey === canonical)) return { ok: false, code: "key_reused" };
  return { ok: true, fingerprint: keyFingerprint(key.publicKey), update: { publicKey: canonical, keyGivenAt: new Date() } };
}

/** The audit entry of a key given or a ceremony step taken (never the key itself: its short name). */
export function keyAuditDetails(position: number, checked: { step?: CeremonyStep; fingerprint: string | null }) {
  return { trustee: position, ...(checked.step ? { step: checked.step } : {}), ...(checked.fingerprint ? { key: checked.fingerprint } : {}) };
}

/**
 * A trustee gives their public key (or takes a step of the threshold ceremony) while the poll is
 * a draft; they may give a new key until it opens (checkTrusteeMessage says what is checked).
 */
export async function giveTrusteeKey(
  db: DbOrTx,
  actor: Actor & { id: string },
  pollId: string,
  text: string,
): Promise<{ ok: true; position: number; fingerprint: string | null; step?: CeremonyStep } | { ok: false; code: KeyProblem }> {
  const userId = actor.id;
  if (!isUuid(pollId)) return { ok: false, code: "not_found" };
  if (text.length > MAX_KEY_TEXT) return { ok: false, code: "key_unreadable" };
  return db.transaction(async (tx) => {
    const [poll] = await tx
      .select({ status: polls.status, method: polls.method, threshold: polls.trusteeThreshold })
      .from(polls)
      .where(eq(polls.id, pollId))
      .for("update");
    if (!poll) return { ok: false, code: "not_found" } as const;
    const rows = await trusteesOf(tx, pollId);
    const mine = rows.find((r) => r.userId === userId);
    if (!mine) return { ok: false, code: "not_trustee" } as const;
    if (poll.status !== "draft") return { ok: false, code: "not_draft" } as const;
    const checked = checkTrusteeMessage(groupForMethod(poll.method), poll.threshold, rows, mine.position, text);
    if (!checked.ok) return checked;
    await tx
      .update(pollTrustees)
      .set(checked.update)
      .where(and(eq(pollTrustees.pollId, pollId), eq(pollTrustees.userId, userId)));
    const action = poll.threshold !== null ? "poll.trustee_ceremony_step" : "poll.trustee_key_given";
    await appendAudit(tx, { actor, action, subjectType: "poll", subjectId: pollId, details: keyAuditDetails(mine.position, checked) });
    return { ok: true, position: mine.position, fingerprint: checked.fingerprint, ...(checked.step ? { step: checked.step } : {}) } as const;
  });
}

/** Where a closed poll held by named trustees is: the shuffles and partial decryptions so far. */
export interface TrusteeProgress {
  election: Election;
  trustees: TrusteeRow[];
  /** How many trustees must shuffle and decrypt: the threshold, or all of them. */
  needed: number;
  /** As published (the file trustees download), and parsed once. */
  encryptedTally: string;
  tally: EncryptedTally;
  sizedTally: string;
  shuffles: { owner: number; shuffle: string }[];
  partialDecryptions: { owner: number; pd: string }[];
}

/** Ranked polls' ciphertexts as the next trustee must take them: the tally's, or the last shuffle's. */
export function ciphertextsToShuffle(progress: TrusteeProgress): Ciphertext[][] {
  return listsToShuffle(progress.election, progress.tally, lastShuffleText(progress));
}

/**
 * Whether enough trustees have shuffled (always, for a Yes/No poll: nothing to shuffle): all of
 * them, or with a threshold k, any k. Fewer than k are assumed to collude, so one of any k
 * shufflers is honest, and one honest shuffle unlinks the rankings from the ballots.
 */
export function shufflesDone(progress: TrusteeProgress): boolean {
  const nh = nhCiphertexts(progress.election, progress.tally);
  return nh.length === 0 || progress.shuffles.length >= progress.needed;
}

/** What the trustees decrypt: the tally, its ranked lists replaced by the last shuffle. */
export function decryptableTally(progress: TrusteeProgress): EncryptedTally {
  return tallyToDecrypt(progress.election, progress.tally, lastShuffleText(progress));
}

/** The last shuffle's text, which a trustee's browser or belenios-tool decrypts from. */
export function lastShuffleText(progress: TrusteeProgress): string | null {
  return progress.shuffles.at(-1)?.shuffle ?? null;
}

export type TrusteeTask =
  | { kind: "give_key"; given: boolean }
  /** Threshold ceremony (decision 046): the step it is at, whether this trustee has taken it, how many have. */
  | { kind: "ceremony"; step: Exclude<CeremonyStep, "complete">; given: boolean; taken: number }
  | { kind: "wait_for_close" }
  | { kind: "wait_for_shuffle"; before: number }
  | { kind: "shuffle" }
  | { kind: "decrypt" }
  | { kind: "done" }
  | { kind: "cancelled" };

/**
 * What one trustee has to do now, in a poll's state. Without a threshold the trustees shuffle in
 * their order; with one, any trustee who has not shuffled may be next, until k have.
 */
export function taskOf(
  poll: { status: string; trusteeThreshold: number | null },
  mine: TrusteeRow,
  rows: readonly TrusteeRow[],
  progress: TrusteeProgress | null,
): TrusteeTask {
  const { status } = poll;
  const { position } = mine;
  if (status === "cancelled") return { kind: "cancelled" };
  if (status === "draft") {
    if (poll.trusteeThreshold === null) return { kind: "give_key", given: Boolean(mine.publicKey) };
    const step = ceremonyStep(rows);
    if (step === "complete") return { kind: "wait_for_close" };
    return { kind: "ceremony", step, given: takenAtStep([mine], step) === 1, taken: takenAtStep(rows, step) };
  }
  if (status === "open" || !progress) return { kind: "wait_for_close" };
  if (progress.partialDecryptions.some((p) => p.owner === position)) return { kind: "done" };
  if (!shufflesDone(progress)) {
    const shuffled = progress.shuffles.length;
    if (progress.shuffles.some((s) => s.owner === position)) return { kind: "wait_for_shuffle", before: 0 };
    if (poll.trusteeThreshold !== null) return { kind: "shuffle" };
    if (shuffled >= position) return { kind: "wait_for_shuffle", before: 0 };
    return shuffled === position - 1 ? { kind: "shuffle" } : { kind: "wait_for_shuffle", before: position - 1 - shuffled };
  }
  return { kind: "decrypt" };
}

export type ShareProblem =
  | "not_found"
  | "not_trustee"
  | "not_decrypting"
  | "not_your_turn"
  | "already_done"
  | "share_unreadable"
  | "share_invalid"
  | "overtaken";

/** The stored progress of a poll held by named trustees, once closed; null otherwise. */
export async function trusteeProgressOf(db: DbOrTx, pollId: string, election: Election): Promise<TrusteeProgress | null> {
  const [row] = await db
    .select({
      encryptedTally: pollElections.encryptedTally,
      sizedTally: pollElections.sizedTally,
      shuffles: pollElections.shuffles,
      partialDecryptions: pollElections.partialDecryptions,
    })
    .from(pollElections)
    .where(eq(pollElections.pollId, pollId));
  if (!row?.encryptedTally || !row.sizedTally) return null;
  const [poll] = await db.select({ threshold: polls.trusteeThreshold }).from(polls).where(eq(polls.id, pollId));
  const trustees = await trusteesOf(db, pollId);
  return {
    election,
    trustees,
    needed: poll?.threshold ?? trustees.length,
    encryptedTally: row.encryptedTally,
    tally: parseEncryptedTally(row.encryptedTally),
    sizedTally: row.sizedTally,
    shuffles: row.shuffles ?? [],
    partialDecryptions: row.partialDecryptions ?? [],
  };
}

/**
 * Whether a trustee of a poll being decrypted has a shuffle or a share to send now, as taskOf
 * would say, from who has done what (not the shares themselves): not once they sent theirs, nor
 * once enough have (an owned poll then waits for its owner's count), nor while others shuffle.
 */
export function hasShareToSend(r: {
  position: number;
  method: string;
  threshold: number | null;
  trustees: number;
  shuffled: number[];
  decrypted: number[];
}): boolean {
  const needed = r.threshold ?? r.trustees;
  if (r.decrypted.includes(r.position) || r.decrypted.length >= needed) return false;
  const shuffling = r.method !== "yes-no" && r.shuffled.length < needed;
  if (!shuffling) return true;
  if (r.shuffled.includes(r.position)) return false;
  return r.threshold !== null || r.shuffled.length === r.position - 1;
}
