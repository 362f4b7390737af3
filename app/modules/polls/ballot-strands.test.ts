import { describe, expect, it } from "vitest";
import { ballotHash, checkBallotChain, checkBallotStrands, GENESIS_BALLOT_HASH, strandGenesis, strandsDigest, type ChainedBallot } from "./ballot-rules";
import type { BallotContent } from "../../../db/schema";

/** Chains the contents onto one strand, as castBallot would, one after the other. */
function strandOf(strand: number, contents: readonly BallotContent[], tag = `s${strand}`): { ballots: ChainedBallot[]; head: string } {
  let head = strandGenesis(strand);
  const ballots = contents.map((content, i) => {
    const receipt = `${tag}-r${i}`;
    const hash = ballotHash(head, receipt, content);
    const ballot = { receipt, content, prevHash: head, hash };
    head = hash;
    return ballot;
  });
  return { ballots, head };
}

const yes: BallotContent = { choice: "yes" };
const no: BallotContent = { choice: "no" };

describe("strandGenesis", () => {
  it("starts strand 0 where a single chain starts, and every strand somewhere of its own", () => {
    expect(strandGenesis(0)).toBe(GENESIS_BALLOT_HASH);
    const starts = Array.from({ length: 64 }, (_, k) => strandGenesis(k));
    expect(new Set(starts).size).toBe(64);
    for (const s of starts) expect(s).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("checkBallotStrands", () => {
  const a = strandOf(0, [yes, no, yes]);
  const b = strandOf(1, [no, no]);
  const c = strandOf(2, []);
  const strands = [
    { strand: 0, head: a.head },
    { strand: 1, head: b.head },
    { strand: 2, head: c.head },
  ];
  const all = [...b.ballots, ...a.ballots];

  it("accepts every ballot on exactly one strand, in any stored order", () => {
    expect(checkBallotStrands(all, strands)).toMatchObject({ ok: true, length: 5 });
    expect(checkBallotStrands([...all].reverse(), strands)).toMatchObject({ ok: true, length: 5 });
  });

  it("refuses a missing ballot, at the end of a strand or in its middle", () => {
    expect(
      checkBallotStrands(
        all.filter((x) => x !== a.ballots[2]),
        strands,
      ),
    ).toMatchObject({ ok: false, code: "head_mismatch" });
    expect(
      checkBallotStrands(
        all.filter((x) => x !== a.ballots[1]),
        strands,
      ),
    ).toMatchObject({ ok: false, code: "broken_link" });
  });

  it("refuses a ballot whose content was changed", () => {
    const changed = all.map((x) => (x === b.ballots[0] ? { ...x, content: yes } : x));
    expect(checkBallotStrands(changed, strands)).toMatchObject({ ok: false, code: "hash_mismatch", receipt: b.ballots[0]!.receipt });
  });

  it("refuses a ballot added at the end of a strand unless the strand's head moved with it", () => {
    const receipt = "forged";
    const extra = { receipt, content: yes, prevHash: b.head, hash: ballotHash(b.head, receipt, yes) };
    expect(checkBallotStrands([...all, extra], strands)).toMatchObject({ ok: false, code: "head_mismatch" });
  });

  it("refuses two ballots on the same predecessor (a fork)", () => {
    const receipt = "twin";
    const twin = { receipt, content: no, prevHash: a.ballots[0]!.prevHash, hash: ballotHash(a.ballots[0]!.prevHash, receipt, no) };
    expect(checkBallotStrands([...all, twin], strands)).toMatchObject({ ok: false, code: "fork" });
  });

  it("refuses a ballot that belongs to no strand kept for the poll", () => {
    const stray = strandOf(5, [yes], "stray");
    expect(checkBallotStrands([...all, ...stray.ballots], strands)).toMatchObject({ ok: false, code: "broken_link" });
  });

  it("refuses a strand named twice, which would count its ballots twice", () => {
    expect(checkBallotStrands(all, [...strands, { strand: 0, head: a.head }])).toMatchObject({ ok: false, code: "broken_link" });
  });

  it("is checkBallotChain for one chain from the genesis", () => {
    expect(checkBallotChain(a.ballots, a.head)).toMatchObject({ ok: true, length: 3, head: a.head });
    expect(checkBallotChain(b.ballots, b.head)).toMatchObject({ ok: false });
    expect(checkBallotChain([], GENESIS_BALLOT_HASH)).toMatchObject({ ok: true, length: 0 });
  });
});

describe("strandsDigest", () => {
  it("depends on every strand's head and number, not on the order the rows came in", () => {
    const strands = [
      { strand: 0, head: "a".repeat(64) },
      { strand: 1, head: "b".repeat(64) },
    ];
    const digest = strandsDigest(strands);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(strandsDigest([...strands].reverse())).toBe(digest);
    expect(strandsDigest([strands[0]!, { strand: 1, head: "c".repeat(64) }])).not.toBe(digest);
    expect(strandsDigest([strands[0]!, { strand: 2, head: "b".repeat(64) }])).not.toBe(digest);
  });
});
