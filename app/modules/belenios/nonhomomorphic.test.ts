import { describe, expect, it } from "vitest";
import { encryptBallot, InvalidPlaintextError, plaintextFor, verifyBallot } from "./ballot";
import { generatePrivateCredential } from "./credentials";
import { makeElection } from "./election";
import { BELENIOS_2048, isGroupElement, mulMod, RFC_3526_2048 } from "./group";
import { checkShuffleProof, decodeInts, EmbeddingError, encodeInts, shuffleCiphertexts } from "./nonhomomorphic";
import { parseBallot } from "./serialize";
import { generateTrusteeKey } from "./trustee";
import type { NonHomomorphicAnswer } from "./types";

const G = RFC_3526_2048;
const trustee = generateTrusteeKey(G);
const ranked = { type: "NonHomomorphic" as const, question: "Rank", answers: ["A", "B", "C", "D"] };
const election = makeElection({ name: "Ranked", description: "", questions: [ranked] }, [{ kind: "Single", key: trustee.publicKey }]);

describe("ranked ballots in RFC-3526-2048", () => {
  it("packs a vector of small integers into a group element and back", () => {
    for (const v of [
      [1, 2, 3, 4],
      [0, 0, 0, 0],
      [255, 0, 17, 3],
    ]) {
      const x = encodeInts(G, v);
      expect(isGroupElement(G, x)).toBe(true);
      expect(decodeInts(G, v.length, x)).toEqual(v);
    }
    expect(() => encodeInts(G, [256])).toThrow(EmbeddingError);
    expect(() => encodeInts(BELENIOS_2048, [1])).toThrow(EmbeddingError);
  });

  it("picks the group from the questions, and refuses trustee keys made for the other group", () => {
    expect(election.params.group).toBe("RFC-3526-2048");
    const wrongKey = generateTrusteeKey(BELENIOS_2048);
    expect(() => makeElection({ name: "x", description: "", questions: [ranked] }, [{ kind: "Single", key: wrongKey.publicKey }])).toThrow();
  });

  it("encrypts a ranking with a proof, and refuses it once altered", () => {
    const credential = generatePrivateCredential();
    const { raw } = encryptBallot(election, credential, [plaintextFor(ranked, [2, 1, 4, 3])]);
    expect(verifyBallot(election, raw).ok).toBe(true);
    expect(() => encryptBallot(election, credential, [[1, 2, 3]])).toThrow(InvalidPlaintextError);
    // One digit of the answer's proof changed (the signature then fails too, as it covers the proof).
    const altered = raw.replace(/"proof":\{"challenge":"(\d)/, (_, d: string) => `"proof":{"challenge":"${d === "1" ? "2" : "1"}`);
    expect(altered).not.toBe(raw);
    const check = verifyBallot(election, altered);
    expect(check.ok).toBe(false);
  });
});

describe("verifiable shuffle (CHVote)", () => {
  const credential = generatePrivateCredential();
  const e = [
    [1, 2, 3, 4],
    [4, 3, 2, 1],
    [2, 1, 3, 4],
  ].map((r) => (parseBallot(encryptBallot(election, credential, [r]).raw).answers[0] as NonHomomorphicAnswer).choices);
  const y = election.params.publicKey;
  const { ciphertexts, proof } = shuffleCiphertexts(G, election.fingerprint, y, e);

  it("proves a re-encrypted permutation", () => {
    expect(checkShuffleProof(G, election.fingerprint, y, e, ciphertexts, proof)).toBe(true);
    expect(ciphertexts.some((c) => e.some((x) => x.alpha === c.alpha))).toBe(false);
  });

  it("refuses a changed ciphertext, a swapped order, another election", () => {
    const changed = [{ ...ciphertexts[0]!, beta: mulMod(G, ciphertexts[0]!.beta, G.g) }, ...ciphertexts.slice(1)];
    expect(checkShuffleProof(G, election.fingerprint, y, e, changed, proof)).toBe(false);
    const swapped = [ciphertexts[1]!, ciphertexts[0]!, ciphertexts[2]!];
    expect(checkShuffleProof(G, election.fingerprint, y, e, swapped, proof)).toBe(false);
    expect(checkShuffleProof(G, "another fingerprint", y, e, ciphertexts, proof)).toBe(false);
  });
});
