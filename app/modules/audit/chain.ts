import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";

/** The hash of the (absent) entry before the first one. */
export const GENESIS_HASH = "0".repeat(64);

export interface AuditContent {
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
}

export interface StoredAuditEntry extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
}

/**
 * JSON with object keys sorted at every depth. jsonb reorders keys when it stores them, so the
 * hash must not depend on the order in which they were written.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function entryHash(prevHash: string, content: AuditContent): string {
  const text = canonicalJson({
    prevHash,
    at: content.at.toISOString(),
    actorId: content.actorId,
    actorLabel: content.actorLabel,
    action: content.action,
    subjectType: content.subjectType,
    subjectId: content.subjectId,
    details: content.details,
  });
  return encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
}

export type ChainProblem = "prev_hash_mismatch" | "hash_mismatch";

export type ChainCheck = { ok: true; checked: number; headHash: string } | { ok: false; checked: number; brokenEntryId: number; problem: ChainProblem };

/**
 * Walks entries in id order, page by page, so that a long log never sits in memory at once.
 * `state` carries the previous hash between pages.
 */
export class ChainVerifier {
  private expectedPrev = GENESIS_HASH;
  private count = 0;
  private failure: Extract<ChainCheck, { ok: false }> | null = null;

  /** Returns false once a broken entry is found; later entries are not looked at. */
  add(entry: StoredAuditEntry): boolean {
    if (this.failure) return false;
    if (entry.prevHash !== this.expectedPrev) {
      this.failure = { ok: false, checked: this.count, brokenEntryId: entry.id, problem: "prev_hash_mismatch" };
      return false;
    }
    if (entryHash(entry.prevHash, entry) !== entry.hash) {
      this.failure = { ok: false, checked: this.count, brokenEntryId: entry.id, problem: "hash_mismatch" };
      return false;
    }
    this.expectedPrev = entry.hash;
    this.count += 1;
    return true;
  }

  result(): ChainCheck {
    return this.failure ?? { ok: true, checked: this.count, headHash: this.expectedPrev };
  }
}
