import { describe, expect, it } from "vitest";
import { hasBeleniosTool, beleniosVerify } from "../../../../tests/support/belenios-tool";
import { rankedQuestion } from "../../polls/encrypted/poll-election";
import { ranksOf } from "../../polls/encrypted/ranked-answers";
import { ballotTracker, verifyBallot } from "../ballot";
import { generateCredentials, sortPublicCredentials } from "../credentials";
import { makeElection } from "../election";
import { isResidueOfSafePrime } from "../embedding";
import { BELENIOS_2048, invMod, isGroupElement, mulMod, powMod, randomBelow, RFC_3526_2048 } from "../group";
import { encodeInts } from "../nonhomomorphic";
import { InvalidPlaintextError } from "../plaintext";
import { tallyBallots, verifyElectionArchive, writeElectionArchive } from "../record";
import { parseBallot, parsePublicCredentials, serializePublicCredentials, serializeTrustees } from "../serialize";
import { computeResult, mergeNhCiphertexts, nhCiphertexts, shuffleTally } from "../tally";
import { computePartialDecryption, generateTrusteeKey } from "../trustee";
import { synthesizeFactors } from "../trustees";
import type { NonHomomorphicAnswer } from "../types";
import { encryptBallotInBrowser, exponentiationsFor } from "./encrypt-ballot";

/**
 * Ranked ballots made in the browser (run here on Node's WebCrypto, the same API): the ranking
 * must be packed into exactly the number the server would pack (the ranks of poll-election.ts,
 * group_encode of embedding.ts), and the ballot must pass the server's verifyBallot, our record
 * verifier and belenios-tool. Ten candidates, as issue 17's target; three ballots, one shuffle:
 * every exponentiation here is 2047 bits.
 */
const G = RFC_3526_2048;
const trustee = generateTrusteeKey(G);
const trustees = [{ kind: "Single" as const, key: trustee.publicKey }];
const candidates = Array.from({ length: 10 }, (_, i) => ({ label: `Candidate ${i + 1}` }));
const question = rankedQuestion("Leader", candidates);
const election = makeElection({ name: "Leader", description: "IRV", questions: [question] }, trustees);
const issued = generateCredentials(G, election.params.uuid, [1n, 1n, 1n]);
const credentialsRaw = serializePublicCredentials(sortPublicCredentials(issued.map((c) => ({ credential: c.publicCredential, weight: 1n }))));
/** Options by position, first choice first, as the ranking form reads them; the third ranks one option only. */
const rankings = [[3, 0, 9, 1, 2, 4, 5, 6, 7, 8], [9, 8, 7], [4]];
const encrypt = (voter: number, ranking: readonly number[]) =>
  encryptBallotInBrowser(election.raw, issued[voter]!.privateCredential, [ranksOf(ranking, candidates.length)]);

/** The element a ballot's ciphertext holds, decrypted with the trustee's key: beta / alpha^x. */
function messageOf(raw: string): bigint {
  const { alpha, beta } = (parseBallot(raw).answers[0] as NonHomomorphicAnswer).choices;
  return mulMod(G, beta, invMod(G, powMod(G, alpha, trustee.privateKey)));
}

describe("ranked ballots encrypted in the browser", () => {
  it("test membership of the group as the server does, by the Legendre symbol instead of x^q", () => {
    for (let i = 0; i < 40; i++) {
      const x = randomBelow(G.p);
      expect(isResidueOfSafePrime(G, x), String(x)).toBe(isGroupElement(G, x));
    }
    for (const x of [0n, 1n, 2n, G.p - 1n, G.p, G.p + 4n]) expect(isResidueOfSafePrime(G, x), String(x)).toBe(isGroupElement(G, x));
    expect(() => isResidueOfSafePrime(BELENIOS_2048, 4n)).toThrow();
  });

  it("carry the ranks the server would encrypt, and pass its verifyBallot with the voter's credential", async () => {
    for (const [voter, ranking] of rankings.entries()) {
      const { raw, tracker } = await encrypt(voter, ranking);
      const check = verifyBallot(election, raw);
      expect(check.ok ? check.tracker : check.reason).toBe(tracker);
      expect(tracker).toBe(ballotTracker(raw));
      expect(parseBallot(raw).credential).toBe(issued[voter]!.publicCredential);
      expect(messageOf(raw)).toBe(encodeInts(G, ranksOf(ranking, candidates.length)));
    }
  });

  it("are shuffled, decrypted and counted as cast, in a record our verifier and belenios-tool accept", async () => {
    const ballots: string[] = [];
    for (const [voter, ranking] of rankings.entries()) ballots.push((await encrypt(voter, ranking)).raw);
    const tallied = tallyBallots(election, parsePublicCredentials(credentialsRaw), ballots);
    const shuffle = shuffleTally(election, nhCiphertexts(election, tallied.tally));
    const decrypted = mergeNhCiphertexts(election, tallied.tally, shuffle.ciphertexts);
    const pd = computePartialDecryption(election, decrypted, trustee.privateKey);
    const factors = synthesizeFactors(election, trustees, decrypted, [{ owner: 1, pd }]);
    const result = computeResult(election, decrypted, factors, tallied.sized.totalWeight);
    const asText = (vectors: readonly number[][]) => vectors.map((v) => v.join(",")).sort();
    expect(asText(result[0] as number[][])).toEqual(asText(rankings.map((r) => ranksOf(r, candidates.length))));
    const tally = { shuffles: [{ owner: 1, shuffle }], partialDecryptions: [{ owner: 1, pd }], result };
    const bytes = writeElectionArchive({ timestamp: 1_800_000_000n, election, trusteesRaw: serializeTrustees(trustees), credentialsRaw, ballots, tally });
    const ours = verifyElectionArchive(bytes);
    expect(ours.ok ? "accepted" : ours.problem).toBe("accepted");
    if (hasBeleniosTool) {
      const tool = beleniosVerify(`${election.params.uuid}.bel`, bytes);
      expect(tool.output).not.toMatch(/error/i);
      expect(tool.status).toBe(0);
    }
  }, 60_000);

  it("report their progress up to the count of exponentiations, and offer to yield within each", async () => {
    const done: number[] = [];
    let pauses = 0;
    const pause = () => {
      pauses += 1;
      return Promise.resolve();
    };
    await encryptBallotInBrowser(election.raw, issued[0]!.privateCredential, [ranksOf([1], candidates.length)], {
      pause,
      onProgress: (n, total) => {
        expect(total).toBe(exponentiationsFor(election.params.questions));
        done.push(n);
      },
    });
    expect(done).toEqual(Array.from({ length: exponentiationsFor(election.params.questions) }, (_, i) => i + 1));
    // Four 2047-bit exponents of eight 256-bit slices each, and the 256-bit credential's one.
    expect(pauses).toBeGreaterThanOrEqual(4 * 8 + 1);
  });

  it("refuse ranks that do not fit the question", async () => {
    const credential = issued[0]!.privateCredential;
    await expect(encryptBallotInBrowser(election.raw, credential, [[1, 2, 3]])).rejects.toThrow(InvalidPlaintextError);
    await expect(encryptBallotInBrowser(election.raw, credential, [[256, 0, 0, 0, 0, 0, 0, 0, 0, 0]])).rejects.toThrow(InvalidPlaintextError);
  });
});
