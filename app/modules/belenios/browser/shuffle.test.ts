import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordUpToTally } from "../../../../tests/support/belenios-record";
import { beleniosToolTrusteeKey, beleniosVerify, hasBeleniosTool, runBeleniosTool } from "../../../../tests/support/belenios-tool";
import { encryptBallot, plaintextFor } from "../ballot";
import { generateCredentials, sortPublicCredentials } from "../credentials";
import { makeElection } from "../election";
import { BELENIOS_2048, mulMod, RFC_3526_2048 } from "../group";
import { checkShuffleProof } from "../nonhomomorphic";
import { tallyBallots, verifyElectionArchive, writeElectionArchive } from "../record";
import {
  BeleniosFormatError,
  parsePartialDecryption,
  parsePublicCredentials,
  parseShuffle,
  parseTrusteePublicKey,
  serializePublicCredentials,
  serializeShuffle,
  serializeTrustees,
} from "../serialize";
import { computeResult, mergeNhCiphertexts, nhCiphertexts } from "../tally";
import { generateTrusteeKey } from "../trustee";
import { synthesizeFactors } from "../trustees";
import type { NonHomomorphicQuestion, ShuffleProof, TrusteeKind } from "../types";
import { partialDecryptionInBrowser } from "./partial-decryption";
import { shuffleInBrowser } from "./shuffle";
import { generateTrusteeKeyInBrowser } from "./trustee-key";
import { estimateTrusteeWork, shuffleExponentiations } from "./trustee-work";

/**
 * A trustee's shuffle of ranked ballots in the browser (RFC-3526-2048, where BigInt takes some
 * 35 ms per exponentiation: three ballots only). It must pass our checkShuffleProof and
 * `belenios-tool election verify` in a record where belenios-tool shuffled first, and the
 * browser's partial decryption of the last shuffle must give the rankings back.
 */

const G = RFC_3526_2048;
const ranked: NonHomomorphicQuestion = { type: "NonHomomorphic", question: "Rank the candidates", answers: ["Ann", "Bo", "Cy"] };
const rankings = [
  [1, 2, 3],
  [3, 1, 2],
  [2, 3, 1],
];

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A ranked election's ballots and tally, with the given trustees. */
function rankedElection(trustees: TrusteeKind[], votes: number[][]) {
  const election = makeElection({ name: "Officers", description: "Ranked", questions: [ranked] }, trustees);
  const issued = generateCredentials(
    G,
    election.params.uuid,
    votes.map(() => 1n),
  );
  const credentialsRaw = serializePublicCredentials(sortPublicCredentials(issued.map((c) => ({ credential: c.publicCredential, weight: 1n }))));
  const ballots = votes.map((v, i) => encryptBallot(election, issued[i]!.privateCredential, [plaintextFor(ranked, v)]).raw);
  const tallied = tallyBallots(election, parsePublicCredentials(credentialsRaw), ballots);
  return { election, credentialsRaw, ballots, tallied };
}

/** Proof items changed one at a time: each must make the proof fail. */
function tamperedProofs(proof: ShuffleProof): ShuffleProof[] {
  const bump = (x: bigint) => mulMod(G, x, G.g);
  return [
    { ...proof, t: { ...proof.t, t3: bump(proof.t.t3) } },
    { ...proof, s: { ...proof.s, s4: (proof.s.s4 + 1n) % G.q } },
    { ...proof, cHat: [bump(proof.cHat[0]!), ...proof.cHat.slice(1)] },
  ];
}

describe("a shuffle made in the browser", () => {
  it("shuffles the encrypted tally as published, with a proof that holds, and refuses what it cannot shuffle", async () => {
    const trustee = generateTrusteeKey(G);
    const { election, tallied } = rankedElection([{ kind: "Single", key: trustee.publicKey }], [[2, 1, 3]]);
    const fractions: number[] = [];
    const raw = await shuffleInBrowser(election.raw, tallied.tallyRaw, { progress: (f) => fractions.push(f) });
    const shuffle = parseShuffle(raw);
    expect(serializeShuffle(shuffle)).toBe(raw);
    const [input] = nhCiphertexts(election, tallied.tally);
    const [output] = shuffle.ciphertexts;
    const check = (out: typeof output, proof: ShuffleProof) => checkShuffleProof(G, election.fingerprint, election.params.publicKey, input!, out!, proof);
    expect(check(output, shuffle.proofs[0]!)).toBe(true);
    expect(output![0]!.alpha).not.toBe(input![0]!.alpha); // re-encrypted
    for (const proof of tamperedProofs(shuffle.proofs[0]!)) expect(check(output, proof)).toBe(false);
    expect(check([{ ...output![0]!, beta: mulMod(G, output![0]!.beta, G.g) }], shuffle.proofs[0]!)).toBe(false);
    // One step of progress per exponentiation, as many as the estimate counts, ending at 1.
    expect(fractions).toHaveLength(shuffleExponentiations([1]));
    expect(fractions.at(-1)).toBe(1);
    expect((await estimateTrusteeWork(G.name, { shuffle: [1] })).exponentiations).toBe(fractions.length);
    await expect(shuffleInBrowser(election.raw, "[]")).rejects.toThrow(BeleniosFormatError);
    await expect(shuffleInBrowser(election.raw, JSON.stringify({ ciphertexts: [] }))).rejects.toThrow(BeleniosFormatError);
    const yesNo = makeElection({ name: "Yes/No", description: "", questions: [{ question: "Adopt?", answers: ["Yes", "No"], min: 1, max: 1 }] }, [
      { kind: "Single", key: generateTrusteeKey(BELENIOS_2048).publicKey },
    ]);
    await expect(shuffleInBrowser(yesNo.raw, '[[{"alpha":"1","beta":"1"},{"alpha":"1","beta":"1"}]]')).rejects.toThrow(/no ranked question/);
  });
});

describe.skipIf(!hasBeleniosTool)("a ranked election shuffled by belenios-tool, then by the browser", () => {
  let dir: string;
  let trustees: TrusteeKind[];
  let setup: ReturnType<typeof rankedElection>;
  let browserKey: Awaited<ReturnType<typeof generateTrusteeKeyInBrowser>>;
  let toolKey: ReturnType<typeof beleniosToolTrusteeKey>;
  let toolShuffle: string;
  let browserShuffle: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "belenios-shuffle-"));
    dirs.push(dir);
    browserKey = await generateTrusteeKeyInBrowser(G.name);
    toolKey = beleniosToolTrusteeKey(dir, G.name);
    // Owner 1: belenios-tool's key, owner 2: the browser's.
    trustees = [toolKey.publicKeyFile, browserKey.publicKeyJson].map((raw) => ({ kind: "Single", key: parseTrusteePublicKey(raw) }));
    setup = rankedElection(trustees, rankings);
    const { election, credentialsRaw, ballots, tallied } = setup;
    const head = () => recordUpToTally({ election, trusteesRaw: serializeTrustees(trustees), credentialsRaw, ballots, tallied });
    const archive = join(dir, `${election.params.uuid}.bel`);
    writeFileSync(archive, head().toBytes());
    const shuffled = runBeleniosTool(["election", "shuffle", "--trustee-id", "1"], dir);
    expect(shuffled.status).toBe(0);
    toolShuffle = shuffled.stdout.split("\n")[0]!;
    browserShuffle = await shuffleInBrowser(election.raw, toolShuffle);
    const both = head();
    both.shuffle(1, toolShuffle);
    both.shuffle(2, browserShuffle);
    both.endShuffles();
    writeFileSync(archive, both.toBytes());
  });

  it("gives a shuffle of belenios-tool's shuffle that our checkShuffleProof accepts, and a tampered one it refuses", () => {
    const { election } = setup;
    const input = parseShuffle(toolShuffle).ciphertexts[0]!;
    const shuffle = parseShuffle(browserShuffle);
    const output = shuffle.ciphertexts[0]!;
    const check = (out: typeof output, proof: ShuffleProof) => checkShuffleProof(G, election.fingerprint, election.params.publicKey, input, out, proof);
    expect(check(output, shuffle.proofs[0]!)).toBe(true);
    expect(check([output[1]!, output[0]!, output[2]!], shuffle.proofs[0]!)).toBe(false);
    // Shuffled again from the tally instead of the tool's shuffle: the proof no longer fits.
    expect(
      checkShuffleProof(G, election.fingerprint, election.params.publicKey, nhCiphertexts(election, setup.tallied.tally)[0]!, output, shuffle.proofs[0]!),
    ).toBe(false);
  });

  it("decrypts the last shuffle with the browser's key; belenios-tool decrypts with its own and verifies the record", async () => {
    const { election, credentialsRaw, ballots, tallied } = setup;
    const decrypted = runBeleniosTool(["election", "decrypt", "--privkey", `${toolKey.id}.privkey`, "--trustee-id", "1"], dir);
    expect(decrypted.stderr).toContain("has been applied");
    expect(decrypted.status).toBe(0);
    const toolPd = parsePartialDecryption(decrypted.stdout.split("\n")[0]!);
    await expect(partialDecryptionInBrowser(election.raw, tallied.tallyRaw, browserKey.privateKeyFile)).rejects.toThrow(/last shuffle/);
    const ownPd = parsePartialDecryption(
      await partialDecryptionInBrowser(election.raw, tallied.tallyRaw, browserKey.privateKeyFile, { lastShuffle: browserShuffle }),
    );
    const shuffles = [parseShuffle(toolShuffle), parseShuffle(browserShuffle)];
    const decryptedTally = mergeNhCiphertexts(election, tallied.tally, shuffles[1]!.ciphertexts);
    const partialDecryptions = [
      { owner: 1, pd: toolPd },
      { owner: 2, pd: ownPd },
    ];
    const factors = synthesizeFactors(election, trustees, decryptedTally, partialDecryptions);
    const result = computeResult(election, decryptedTally, factors, tallied.sized.totalWeight);
    expect(new Set((result[0] as number[][]).map((r) => r.join()))).toEqual(new Set(rankings.map((r) => r.join())));
    const bytes = writeElectionArchive({
      timestamp: 1_800_000_000n,
      election,
      trusteesRaw: serializeTrustees(trustees),
      credentialsRaw,
      ballots,
      tally: { shuffles: shuffles.map((shuffle, i) => ({ owner: i + 1, shuffle })), partialDecryptions, result },
    });
    const verified = beleniosVerify(`${election.params.uuid}.bel`, bytes);
    expect(verified.output).toContain("all checks passed");
    expect(verified.status).toBe(0);
    const ours = verifyElectionArchive(bytes);
    expect(ours.ok ? ours.result : ours.problem).toEqual(result);
  });
});
