/**
 * Where a trustee set's members are with their key (decisions 047, 048), for the page that named
 * them: how many there are and must decrypt, who, how many have made their key (or, with a
 * threshold, the ceremony's step), and whether a poll has opened with it.
 */
import type { DbOrTx } from "~/utils/db.server";
import { ceremonyStep, takenAtStep } from "./threshold-ceremony.server";
import { setKeysComplete, setMembersOf, trusteeSetOf } from "./trustee-sets.server";

export interface TrusteeSetSummary {
  setId: string;
  /** The Belenios group of the set's key: a part of the road with both kinds of question has one set for each. */
  groupName: string;
  total: number;
  /** How many must decrypt: the threshold, or all. */
  needed: number;
  names: string[];
  /** How many have made their key (with a threshold: finished the ceremony). */
  ready: number;
  /** With a threshold, the ceremony's step now and how many have taken it. */
  step: { name: string; taken: number } | null;
  complete: boolean;
  /** A poll has opened with the set's key: it can no longer change. */
  inUse: boolean;
  youAreOne: boolean;
}

export async function trusteeSetSummary(db: DbOrTx, setId: string, userId: string | null, show = { names: true }): Promise<TrusteeSetSummary | null> {
  const set = await trusteeSetOf(db, setId);
  if (!set) return null;
  const rows = await setMembersOf(db, setId);
  const step = set.threshold === null ? null : ceremonyStep(rows);
  return {
    setId,
    groupName: set.groupName,
    total: rows.length,
    needed: set.threshold ?? rows.length,
    names: show.names ? rows.map((r) => r.name) : [],
    ready: rows.filter((r) => r.publicKey && (set.threshold === null || r.decryptionKey)).length,
    step: step && step !== "complete" ? { name: step, taken: takenAtStep(rows, step) } : null,
    complete: setKeysComplete(set, rows),
    inUse: set.usedAt !== null,
    youAreOne: rows.some((r) => r.userId === userId),
  };
}
