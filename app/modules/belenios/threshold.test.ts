import { describe, expect, it } from "vitest";
import { encryptBallot, plaintextFor } from "./ballot";
import { generateCredentials } from "./credentials";
import { makeElection } from "./election";
import { BELENIOS_2048 } from "./group";
import { tallyBallots } from "./record";
import { parsePublicCredentials, serializePublicCredentials } from "./serialize";
import { computeResult } from "./tally";
import {
  decryptMsg,
  deriveDecryptionKey,
  deriveSigningKey,
  encryptMsg,
  openDecryptionKey,
  recvMsg,
  sendMsg,
  thresholdStep1,
  thresholdStep3,
  thresholdStep4,
  thresholdStep5,
  thresholdStep6,
  verifyThresholdParameters,
} from "./threshold";
import { computePartialDecryption, generateTrusteeKey } from "./trustee";
import { DecryptionError, synthesizeFactors } from "./trustees";
import { powMod } from "./group";
import type { TrusteeKind } from "./types";

const G = BELENIOS_2048;

/** The ceremony of demo-threshold.sh, every step in our code: n trustees, k needed. */
function ceremony(n: number, k: number) {
  const step1 = Array.from({ length: n }, () => thresholdStep1(G));
  const certs = step1.map((s) => s.cert);
  const polynomials = step1.map((s) => thresholdStep3(G, certs, s.seed, k));
  const vinputs = thresholdStep4(G, certs, polynomials);
  const voutputs = step1.map((s, i) => thresholdStep5(G, certs, s.seed, vinputs[i]!));
  const params = thresholdStep6(G, certs, polynomials, voutputs);
  return { seeds: step1.map((s) => s.seed), params, dkeys: voutputs.map((v) => v.privateKey) };
}

describe("channels between trustees", () => {
  it("encrypts for a key and decrypts with its private part", () => {
    const dk = deriveDecryptionKey("seed");
    const m = encryptMsg(G, powMod(G, G.g, dk), "a secret share");
    expect(decryptMsg(G, dk, m)).toBe("a secret share");
    expect(() => decryptMsg(G, deriveDecryptionKey("other"), m)).toThrow();
  });

  it("delivers a signed message only to its recipient, from its sender", () => {
    const [sk, dk] = [deriveSigningKey("alice"), deriveDecryptionKey("bob")];
    const raw = sendMsg(G, sk, powMod(G, G.g, dk), "hello");
    expect(recvMsg(G, dk, powMod(G, G.g, sk), raw)).toBe("hello");
    expect(() => recvMsg(G, dk, powMod(G, G.g, deriveSigningKey("mallory")), raw)).toThrow(/signature/);
  });
});

describe("threshold keys (2 of 3) beside the server's own key", () => {
  const { seeds, params, dkeys } = ceremony(3, 2);
  const server = generateTrusteeKey(G);
  const trustees: TrusteeKind[] = [
    { kind: "Single", key: server.publicKey },
    { kind: "Pedersen", params },
  ];
  const q = { question: "Adopt?", answers: ["Yes", "No"], min: 1, max: 1 };
  const election = makeElection({ name: "Threshold", description: "", questions: [q] }, trustees);
  const issued = generateCredentials(G, election.params.uuid, [1n, 1n, 1n]);
  const credentials = parsePublicCredentials(serializePublicCredentials(issued.map((c) => ({ credential: c.publicCredential, weight: 1n }))));
  const ballots = [0, 1, 0].map((choice, i) => encryptBallot(election, issued[i]!.privateCredential, [plaintextFor(q, [choice])]).raw);
  const { tally, sized } = tallyBallots(election, credentials, ballots);
  const serverPd = { owner: 1, pd: computePartialDecryption(election, tally, server.privateKey) };
  const sharePd = (i: number) => ({ owner: 2 + i, pd: computePartialDecryption(election, tally, openDecryptionKey(G, seeds[i]!, dkeys[i]!)) });

  it("publishes parameters that verify", () => {
    expect(params.threshold).toBe(2);
    expect(verifyThresholdParameters(G, params)).toBe(true);
    const forged = { ...params, verificationKeys: [params.verificationKeys[1]!, params.verificationKeys[0]!, params.verificationKeys[2]!] };
    expect(verifyThresholdParameters(G, forged)).toBe(false);
  });

  it.each([
    [0, 1],
    [0, 2],
    [1, 2],
  ])("decrypts with trustees %i and %i and the server", (a, b) => {
    const factors = synthesizeFactors(election, trustees, tally, [serverPd, sharePd(a), sharePd(b)]);
    expect(computeResult(election, tally, factors, sized.totalWeight)).toEqual([[2n, 1n]]);
  });

  it("cannot decrypt with one trustee of the three, nor without the server", () => {
    expect(() => synthesizeFactors(election, trustees, tally, [serverPd, sharePd(0)])).toThrow(DecryptionError);
    expect(() => synthesizeFactors(election, trustees, tally, [sharePd(0), sharePd(1)])).toThrow(/trustee 1/);
  });

  it("refuses a partial decryption made with another trustee's share", () => {
    const wrong = { owner: 2, pd: sharePd(1).pd };
    expect(() => synthesizeFactors(election, trustees, tally, [serverPd, wrong, sharePd(2)])).toThrow(/invalid proof/);
  });
});
