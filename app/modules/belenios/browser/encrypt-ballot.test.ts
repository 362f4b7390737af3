import { describe, expect, it } from "vitest";
import { hasBeleniosTool, beleniosVerify } from "../../../../tests/support/belenios-tool";
import { yesNoQuestion } from "../../polls/encrypted/poll-election";
import { ballotTracker, plaintextFor, verifyBallot } from "../ballot";
import { generateCredentials, sortPublicCredentials } from "../credentials";
import { makeElection } from "../election";
import { BELENIOS_2048 } from "../group";
import { InvalidPlaintextError } from "../plaintext";
import { verifyElectionArchive, tallyBallots, writeElectionArchive } from "../record";
import { parseBallot, parsePublicCredentials, serializePublicCredentials, serializeTrustees } from "../serialize";
import { computeResult } from "../tally";
import { computePartialDecryption, generateTrusteeKey } from "../trustee";
import { synthesizeFactors } from "../trustees";
import { encryptBallotInBrowser, exponentiationsFor, type WebCrypto } from "./encrypt-ballot";

/**
 * The browser's ballots (run here on Node's WebCrypto, globalThis.crypto, which is the same API)
 * must be exactly what the server core and belenios-tool accept: the server checks every browser
 * ballot with verifyBallot before storing it.
 */
const G = BELENIOS_2048;
const trustee = generateTrusteeKey(G);
const trustees = [{ kind: "Single" as const, key: trustee.publicKey }];
const question = yesNoQuestion("Adopt the campaign statement");
const election = makeElection({ name: "Statement", description: "Do you agree?", questions: [question] }, trustees);
const issued = generateCredentials(G, election.params.uuid, [1n, 1n, 1n]);
const credentialsRaw = serializePublicCredentials(sortPublicCredentials(issued.map((c) => ({ credential: c.publicCredential, weight: 1n }))));
const encrypt = (voter: number, choice: number) => encryptBallotInBrowser(election.raw, issued[voter]!.privateCredential, [plaintextFor(question, [choice])]);

describe("ballots encrypted in the browser", () => {
  it("pass the server's verifyBallot, signed with the voter's own public credential, tracker included", async () => {
    const { raw, tracker } = await encrypt(0, 1);
    const check = verifyBallot(election, raw);
    expect(check.ok ? check.tracker : check.reason).toBe(tracker);
    expect(tracker).toBe(ballotTracker(raw));
    expect(parseBallot(raw).credential).toBe(issued[0]!.publicCredential);
  });

  it("fail verification once a proof is changed", async () => {
    const { raw } = await encrypt(1, 0);
    const ballot = JSON.parse(raw) as { answers: { overall_proof: { challenge: string }[] }[] };
    const proof = ballot.answers[0]!.overall_proof[0]!;
    proof.challenge = proof.challenge === "1" ? "2" : "1";
    const check = verifyBallot(election, JSON.stringify(ballot));
    expect(check.ok ? "accepted" : check.reason).toBe("bad_signature");
  });

  it("are counted as cast, and their record is accepted by our verifier and by belenios-tool", async () => {
    // Yes, No, Abstain: the counts say each choice reached the right answer.
    const ballots = [(await encrypt(0, 0)).raw, (await encrypt(1, 1)).raw, (await encrypt(2, 2)).raw];
    const tallied = tallyBallots(election, parsePublicCredentials(credentialsRaw), ballots);
    const pd = computePartialDecryption(election, tallied.tally, trustee.privateKey);
    const factors = synthesizeFactors(election, trustees, tallied.tally, [{ owner: 1, pd }]);
    const result = computeResult(election, tallied.tally, factors, tallied.sized.totalWeight);
    expect(result).toEqual([[1n, 1n, 1n]]);
    const bytes = writeElectionArchive({
      timestamp: 1_800_000_000n,
      election,
      trusteesRaw: serializeTrustees(trustees),
      credentialsRaw,
      ballots,
      tally: { partialDecryptions: [{ owner: 1, pd }], result },
    });
    const ours = verifyElectionArchive(bytes);
    expect(ours.ok ? ours.result : ours.problem).toEqual([[1n, 1n, 1n]]);
    if (hasBeleniosTool) {
      const tool = beleniosVerify(`${election.params.uuid}.bel`, bytes);
      expect(tool.output).not.toMatch(/error/i);
      expect(tool.status).toBe(0);
    }
  }, 60_000);

  it("draw every exponent from crypto.getRandomValues: two ballots of the same choice differ", async () => {
    let draws = 0;
    const counting: WebCrypto = {
      subtle: globalThis.crypto.subtle,
      getRandomValues: <T extends ArrayBufferView>(a: T): T => {
        draws += 1;
        return globalThis.crypto.getRandomValues(a);
      },
    };
    const one = await encryptBallotInBrowser(election.raw, issued[0]!.privateCredential, [[1, 0, 0]], { crypto: counting });
    const two = await encryptBallotInBrowser(election.raw, issued[0]!.privateCredential, [[1, 0, 0]], { crypto: counting });
    expect(draws).toBeGreaterThanOrEqual(2 * 10);
    expect(one.raw).not.toBe(two.raw);
  });

  it("report their progress, one step per exponentiation, up to the count the page is told", async () => {
    const steps: [number, number][] = [];
    await encryptBallotInBrowser(election.raw, issued[0]!.privateCredential, [[0, 0, 1]], { onProgress: (done, total) => steps.push([done, total]) });
    const total = exponentiationsFor(election.params.questions);
    expect(steps).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
  });

  it("refuse a plaintext the question does not allow, and an election they cannot encrypt", async () => {
    await expect(encryptBallotInBrowser(election.raw, issued[0]!.privateCredential, [[1, 1, 0]])).rejects.toThrow(InvalidPlaintextError);
    await expect(encryptBallotInBrowser(election.raw, issued[0]!.privateCredential, [[0, 0, 0]])).rejects.toThrow(InvalidPlaintextError);
    const blank = makeElection({ name: "Blank", description: "", questions: [{ ...question, blank: true }] }, trustees);
    await expect(encryptBallotInBrowser(blank.raw, issued[0]!.privateCredential, [[1, 0, 0, 0]])).rejects.toThrow(InvalidPlaintextError);
  });
});
