import { describe, expect, it } from "vitest";
import { canonicalJson, ChainVerifier, entryHash, GENESIS_HASH, type StoredAuditEntry } from "./chain";

function chain(n: number): StoredAuditEntry[] {
  const out: StoredAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i += 1) {
    const content = { at: new Date(Date.UTC(2026, 0, i)), actorId: null, actorLabel: "t", action: "a", subjectType: "s", subjectId: String(i), details: { i } };
    const hash = entryHash(prev, content);
    out.push({ ...content, id: i, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe("audit chain", () => {
  it("does not depend on key order (jsonb reorders keys)", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it("accepts an intact chain and reports its head", () => {
    const v = new ChainVerifier();
    const entries = chain(4);
    entries.forEach((e) => v.add(e));
    expect(v.result()).toEqual({ ok: true, checked: 4, headHash: entries[3]?.hash });
  });

  it.each([
    [
      "a changed field",
      (c: StoredAuditEntry[]) => {
        c[1] = { ...c[1]!, actorLabel: "x" };
      },
      2,
      "hash_mismatch",
    ],
    [
      "a changed time",
      (c: StoredAuditEntry[]) => {
        c[2] = { ...c[2]!, at: new Date(0) };
      },
      3,
      "hash_mismatch",
    ],
    [
      "a removed entry",
      (c: StoredAuditEntry[]) => {
        c.splice(1, 1);
      },
      3,
      "prev_hash_mismatch",
    ],
    [
      "swapped entries",
      (c: StoredAuditEntry[]) => {
        const t = c[1]!;
        c[1] = c[2]!;
        c[2] = t;
      },
      3,
      "prev_hash_mismatch",
    ],
  ])("names the first broken entry after %s", (_name, tamper, brokenId, problem) => {
    const entries = chain(4);
    tamper(entries);
    const v = new ChainVerifier();
    entries.forEach((e) => v.add(e));
    expect(v.result()).toMatchObject({ ok: false, brokenEntryId: brokenId, problem });
  });
});
