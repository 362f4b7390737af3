import { describe, expect, it } from "vitest";
import { InvalidPlaintextError, encryptBallot, plaintextFor, verifyBallot } from "./ballot";
import { credentialSecret, generatePrivateCredential } from "./credentials";
import { makeElection } from "./election";
import { BELENIOS_2048, hashToExponent, modQ, mulMod, powMod, randomExponent, sha256Base64 } from "./group";
import { parseBallot, serializeBallot } from "./serialize";
import { generateTrusteeKey } from "./trustee";
import type { Ballot, Election, HomomorphicAnswer, Question } from "./types";

const answer = (b: Ballot, i: number) => b.answers[i] as HomomorphicAnswer;

const G = BELENIOS_2048;
const trustee = generateTrusteeKey(G);
const questions: Question[] = [
  { question: "Yes or no?", answers: ["Yes", "No"], min: 1, max: 1 },
  { question: "At most two", answers: ["A", "B", "C"], min: 0, max: 2 },
  { question: "One or two, or blank", answers: ["A", "B", "C"], min: 1, max: 2, blank: true },
];
const election = makeElection({ name: "Test", description: "Three questions", questions }, [{ kind: "Single", key: trustee.publicKey }]);
const credential = generatePrivateCredential();

/** Signs a (tampered) ballot again with the voter's credential, so that only its proofs are wrong. */
function resign(e: Election, b: Ballot): string {
  const { signature: _old, ...unsigned } = b;
  const secret = credentialSecret(G, e.params.uuid, credential);
  const hash = sha256Base64(serializeBallot(unsigned));
  const w = randomExponent(G);
  const challenge = hashToExponent(G, `sig|${hash}|`, [powMod(G, G.g, w)]);
  return serializeBallot({ ...unsigned, signature: { hash, proof: { challenge, response: modQ(G, w - secret * challenge) } } });
}

describe("ballots", () => {
  it.each([
    ["yes, none, blank", [[0], [], "blank"]],
    ["no, two, one", [[1], [0, 2], [1]]],
    ["yes, one, two", [[0], [1], [0, 2]]],
  ] as const)("encrypts and verifies %s", (_, choices) => {
    const plaintext = questions.map((q, i) => plaintextFor(q, choices[i] as number[] | "blank"));
    const { raw, tracker } = encryptBallot(election, credential, plaintext);
    const check = verifyBallot(election, raw);
    expect(check.ok).toBe(true);
    expect(check.ok && check.tracker).toBe(tracker);
    expect(tracker).toBe(sha256Base64(raw));
    expect(raw.indexOf('"blank_proof"')).toBeGreaterThan(0);
  });

  it("refuses to encrypt what the question does not allow", () => {
    expect(() =>
      encryptBallot(election, credential, [
        [1, 1],
        [0, 0, 0],
        [1, 0, 0, 0],
      ]),
    ).toThrow(InvalidPlaintextError);
    expect(() =>
      encryptBallot(election, credential, [
        [1, 0],
        [1, 1, 1],
        [1, 0, 0, 0],
      ]),
    ).toThrow(InvalidPlaintextError);
    expect(() =>
      encryptBallot(election, credential, [
        [1, 0],
        [0, 0, 0],
        [1, 1, 0, 0],
      ]),
    ).toThrow(InvalidPlaintextError);
    expect(() =>
      encryptBallot(election, credential, [
        [1, 0],
        [0, 0, 0],
        [0, 0, 0, 0],
      ]),
    ).toThrow(InvalidPlaintextError);
    expect(() =>
      encryptBallot(election, credential, [
        [2, 0],
        [0, 0, 0],
        [1, 0, 0, 0],
      ]),
    ).toThrow(InvalidPlaintextError);
    expect(() => plaintextFor(questions[0]!, "blank")).toThrow(InvalidPlaintextError);
  });

  const plaintext = [
    [1, 0],
    [0, 1, 0],
    [0, 1, 0, 0],
  ];

  it("rejects a changed vote even when signed again (the proofs no longer hold)", () => {
    const b = parseBallot(encryptBallot(election, credential, plaintext).raw);
    // Turn the 1 for "B" into a 2: beta times g.
    const c = answer(b, 1).choices[1]!;
    c.beta = mulMod(G, c.beta, G.g);
    const check = verifyBallot(election, resign(election, b));
    expect(check.ok ? "accepted" : check.reason).toBe("bad_proof");
  });

  it("rejects an overall proof borrowed from another ballot", () => {
    const a = parseBallot(encryptBallot(election, credential, plaintext).raw);
    const b = parseBallot(encryptBallot(election, credential, plaintext).raw);
    answer(a, 2).overallProof = answer(b, 2).overallProof;
    const check = verifyBallot(election, resign(election, a));
    expect(check.ok ? "accepted" : check.reason).toBe("bad_proof");
  });

  it("rejects a ballot whose signature does not cover its content", () => {
    const b = parseBallot(encryptBallot(election, credential, plaintext).raw);
    answer(b, 0).choices[0]!.alpha = mulMod(G, answer(b, 0).choices[0]!.alpha, G.g);
    const check = verifyBallot(election, serializeBallot(b));
    expect(check.ok ? "accepted" : check.reason).toBe("bad_signature");
  });

  it("rejects a ballot for another election, and one not in canonical form", () => {
    const other = makeElection({ name: "Other", description: "", questions }, [{ kind: "Single", key: trustee.publicKey }]);
    const { raw } = encryptBallot(other, credential, plaintext);
    const check = verifyBallot(election, raw);
    expect(check.ok ? "accepted" : check.reason).toBe("wrong_election");
    const spaced = encryptBallot(election, credential, plaintext).raw.replace('{"election_uuid"', '{ "election_uuid"');
    const again = verifyBallot(election, spaced);
    expect(again.ok ? "accepted" : again.reason).toBe("not_canonical");
    const broken = verifyBallot(election, "{");
    expect(broken.ok ? "accepted" : broken.reason).toBe("malformed");
  });
});
