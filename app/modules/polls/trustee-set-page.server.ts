/**
 * What a trustee set's member sees (decision 047): their key to make, or the step of the
 * threshold ceremony the set is at, and the files their browser or belenios-tool works from.
 * Only the set's own members see either. Decrypting happens later, on each poll's trustee page.
 */
import { groupByName } from "~/modules/belenios/group-params";
import { parseTrusteePublicKey } from "~/modules/belenios/serialize";
import type { DbOrTx } from "~/utils/db.server";
import { keyFingerprint, taskOf, type TrusteeTask } from "./encrypted/poll-trustees.server";
import { ceremonyFile } from "./encrypted/threshold-ceremony.server";
import { setMembersOf, trusteeSetOf } from "./encrypted/trustee-sets.server";

export interface TrusteeSetPage {
  setId: string;
  position: number;
  trustees: number;
  threshold: number | null;
  groupName: string;
  keyFingerprint: string | null;
  /** give_key, ceremony, or wait_for_close once the key is made (or the set in use). */
  task: Extract<TrusteeTask, { kind: "give_key" | "ceremony" | "wait_for_close" }>;
  inUse: boolean;
}

export async function trusteeSetPage(db: DbOrTx, setId: string, userId: string): Promise<TrusteeSetPage | null> {
  const set = await trusteeSetOf(db, setId);
  if (!set) return null;
  const rows = await setMembersOf(db, setId);
  const mine = rows.find((r) => r.userId === userId);
  if (!mine) return null;
  // As a poll's trustee is asked before it opens: a set in use is as a poll that has opened.
  const task = taskOf({ status: set.usedAt ? "open" : "draft", trusteeThreshold: set.threshold }, mine, rows, null) as TrusteeSetPage["task"];
  return {
    setId,
    position: mine.position,
    trustees: rows.length,
    threshold: set.threshold,
    groupName: set.groupName,
    keyFingerprint: mine.publicKey ? keyFingerprint(parseTrusteePublicKey(mine.publicKey).publicKey) : null,
    task,
    inUse: set.usedAt !== null,
  };
}

/** The ceremony's relayed files for a member: everyone's certificates, and the pieces sent to them. */
export async function trusteeSetFile(db: DbOrTx, setId: string, userId: string, name: string): Promise<{ body: string; fileName: string } | null> {
  const set = await trusteeSetOf(db, setId);
  if (!set || set.threshold === null) return null;
  const rows = await setMembersOf(db, setId);
  const mine = rows.find((r) => r.userId === userId);
  if (!mine) return null;
  return ceremonyFile(groupByName(set.groupName), rows, mine.position, name);
}
