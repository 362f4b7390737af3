import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ArchiveWriter, readArchive, readElectionEvents } from "./archive";
import { encryptBallot, plaintextFor } from "./ballot";
import { generateCredentials, sortPublicCredentials } from "./credentials";
import { makeElection } from "./election";
import { BELENIOS_2048 } from "./group";
import { verifyElectionArchive, tallyBallots, writeElectionArchive } from "./record";
import { parsePublicCredentials, serializePublicCredentials, serializeTrustees } from "./serialize";
import { computeResult, discreteLog, lastBallotPerCredential } from "./tally";
import { computePartialDecryption, generateTrusteeKey, verifyPartialDecryption } from "./trustee";
import { powMod } from "./group";
import { synthesizeFactors } from "./trustees";

const G = BELENIOS_2048;
// Made by belenios-tool 2.0 (demo.sh steps): weights 1e9, 2e9 and 1; three ballots.
const toolArchive = readFileSync(new URL("./fixtures/tool-weighted.bel", import.meta.url));

describe("the public record", () => {
  it("accepts belenios-tool's own archive, weights included, with its result", () => {
    const v = verifyElectionArchive(toolArchive);
    expect(v.ok ? v.result : v.problem).toEqual([
      [1000000000n, 1n],
      [2000000000n, 1000000000n, 1n],
    ]);
    expect(v.ok && v.totalWeight).toBe(3000000001n);
    expect(v.ok && v.trackers).toEqual([
      "I2HqZa6uFRpDgcKstz+juzpocH7uCbJdH3l3MhdSn7I",
      "hFeiXL1TLMlewvecW7xjbRoaRm4NFZ5tV7qQIW/vkGQ",
      "B2/CkPtAfqeUaYDTK8aU1WYV9dIEMSiNDD+7Z8S2z3k",
    ]);
  });

  it("rewrites belenios-tool's archive byte for byte from its events", () => {
    const events = readElectionEvents(toolArchive);
    const w = new ArchiveWriter(readArchive(toolArchive).timestamp);
    w.setup(events.setup.election, events.setup.trustees, events.setup.credentials);
    events.ballots.forEach((b) => w.ballot(b));
    w.endBallots();
    w.encryptedTally(events.encryptedTally!.tally, events.encryptedTally!.sized);
    events.partialDecryptions.forEach(({ owner, pd }) => w.partialDecryption(owner, pd));
    w.result(events.result!);
    expect(w.toBytes().equals(toolArchive)).toBe(true);
  });

  it("names the first bad item: a flipped byte, a truncated file", () => {
    const flipped = Buffer.from(toolArchive);
    flipped[3000] = flipped[3000] === 0x31 ? 0x32 : 0x31;
    const v = verifyElectionArchive(flipped);
    expect(v.ok ? "accepted" : v.problem).toMatch(/does not match its hash|not in canonical form|differs/);
    const cut = verifyElectionArchive(toolArchive.subarray(0, toolArchive.length - 512));
    expect(cut.ok).toBe(false);
  });

  it("runs a whole election: ballots, revote, tally, decryption, result, verification", () => {
    const trustee = generateTrusteeKey(G);
    const trustees = [{ kind: "Single" as const, key: trustee.publicKey }];
    const q = { question: "Adopt?", answers: ["Yes", "No"], min: 1, max: 1 };
    const election = makeElection({ name: "Motion", description: "", questions: [q] }, trustees);
    const issued = generateCredentials(G, election.params.uuid, [1n, 1n, 1n]);
    const credentialsRaw = serializePublicCredentials(sortPublicCredentials(issued.map((c) => ({ credential: c.publicCredential, weight: 1n }))));
    const ballots = [0, 0, 1, 1].map((choice, i) => encryptBallot(election, issued[i % 3]!.privateCredential, [plaintextFor(q, [choice])]).raw);
    const tallied = tallyBallots(election, parsePublicCredentials(credentialsRaw), ballots);
    expect(tallied.sized.numTallied).toBe(3);
    const pd = computePartialDecryption(election, tallied.tally, trustee.privateKey);
    expect(verifyPartialDecryption(election, tallied.tally, trustee.publicKey.publicKey, pd)).toBe(true);
    const other = generateTrusteeKey(G);
    expect(verifyPartialDecryption(election, tallied.tally, other.publicKey.publicKey, pd)).toBe(false);
    const factors = synthesizeFactors(election, trustees, tallied.tally, [{ owner: 1, pd }]);
    const result = computeResult(election, tallied.tally, factors, tallied.sized.totalWeight);
    expect(result).toEqual([[1n, 2n]]); // the first voter's revote (No) replaced their Yes
    const bytes = writeElectionArchive({
      timestamp: 1_800_000_000n,
      election,
      trusteesRaw: serializeTrustees(trustees),
      credentialsRaw,
      ballots,
      tally: { partialDecryptions: [{ owner: 1, pd }], result },
    });
    const v = verifyElectionArchive(bytes);
    expect(v.ok ? v.result : v.problem).toEqual([[1n, 2n]]);
    expect(v.ok && v.trackers).toHaveLength(4);
    const open = writeElectionArchive({ timestamp: 1_800_000_000n, election, trusteesRaw: serializeTrustees(trustees), credentialsRaw, ballots });
    const during = verifyElectionArchive(open);
    expect(during.ok && during.result).toBeNull();
  });
});

describe("tally helpers", () => {
  it("finds discrete logarithms up to the bound, and not beyond", () => {
    for (const n of [0n, 1n, 2n, 99n, 100n, 12345n]) expect(discreteLog(G, powMod(G, G.g, n), 12345n)).toBe(n);
    expect(discreteLog(G, powMod(G, G.g, 101n), 100n)).toBeNull();
  });

  it("keeps each credential's last ballot", () => {
    const b = (credential: bigint, id: number) => ({ id, ballot: { credential } as never as import("./types").Ballot });
    expect(lastBallotPerCredential([b(1n, 1), b(2n, 2), b(1n, 3)]).map((x) => x.id)).toEqual([2, 3]);
  });
});
