import { credentialSecret } from "./credentials";
import { checkPlaintext, InvalidPlaintextError, type Plaintext, questionLength } from "./plaintext";
import { disjunctivePrefix, overallPrefix, proofPrefix, signaturePrefix } from "./proof-prefixes";
import {
  gToMinus,
  type Group,
  hashToExponent,
  inverseOfG,
  isExponent,
  isGroupElement,
  modQ,
  mulMod,
  powMod,
  noteElectionKey,
  randomExponent,
  sha256Base64,
} from "./group";
import { parseBallot, serializeBallot } from "./serialize";

export { checkPlaintext, InvalidPlaintextError, type Plaintext, plaintextFor } from "./plaintext";
import { encryptNonHomomorphicAnswer, verifyNonHomomorphicAnswer } from "./nonhomomorphic";
import { isHomomorphic, isHomomorphicAnswer } from "./types";
import type { Answer, Ballot, Ciphertext, Election, HomomorphicAnswer, Proof, Question } from "./types";

/**
 * Ballots for homomorphic questions (specification "Encrypted answers", "Proofs of interval
 * membership", "Proofs of possibly-blank votes", "Signatures", "Ballots"; the hash prefixes and
 * the order of commitments follow src/lib/v1/question_h.ml and election.ml of Belenios 2.0).
 */

const ONE: Ciphertext = { alpha: 1n, beta: 1n };
const combine = (group: Group, a: Ciphertext, b: Ciphertext): Ciphertext => ({
  alpha: mulMod(group, a.alpha, b.alpha),
  beta: mulMod(group, a.beta, b.beta),
});
const gPow = (group: Group, m: number) => (m === 0 ? 1n : powMod(group, group.g, BigInt(m)));

// --- Disjunctive proofs (eg_disj_prove / eg_disj_verify) --------------------------------------

/**
 * Proves that (alpha, beta·d[x]) = (g^r, y^r) for the true index x, with the others simulated.
 * d[i] is g^-M_i, so this proves the plaintext is one of M_0..M_k.
 */
function disjunctiveProve(group: Group, y: bigint, d: readonly bigint[], prefix: string, x: number, r: bigint, c: Ciphertext): Proof[] {
  const n = d.length;
  const proofs: Proof[] = new Array(n);
  const commitments: bigint[] = new Array(2 * n);
  let fakeTotal = 0n;
  for (let i = 0; i < n; i++) {
    if (i === x) continue;
    const challenge = randomExponent(group);
    const response = randomExponent(group);
    proofs[i] = { challenge, response };
    commitments[2 * i] = powMod(group, group.g, modQ(group, response + r * challenge));
    commitments[2 * i + 1] = mulMod(group, powMod(group, y, response), powMod(group, mulMod(group, c.beta, d[i]!), challenge));
    fakeTotal += challenge;
  }
  const w = randomExponent(group);
  commitments[2 * x] = powMod(group, group.g, w);
  commitments[2 * x + 1] = powMod(group, y, w);
  const h = hashToExponent(group, disjunctivePrefix(prefix, c), commitments);
  const challenge = modQ(group, h - fakeTotal);
  proofs[x] = { challenge, response: modQ(group, w - r * challenge) };
  return proofs;
}

function disjunctiveVerify(group: Group, y: bigint, d: readonly bigint[], prefix: string, proofs: readonly Proof[], c: Ciphertext): boolean {
  if (!isGroupElement(group, c.alpha) || !isGroupElement(group, c.beta)) return false;
  if (proofs.length !== d.length) return false;
  const commitments: bigint[] = [];
  let total = 0n;
  for (let i = 0; i < d.length; i++) {
    const { challenge, response } = proofs[i]!;
    if (!isExponent(group, challenge) || !isExponent(group, response)) return false;
    commitments.push(
      mulMod(group, powMod(group, group.g, response), powMod(group, c.alpha, challenge)),
      mulMod(group, powMod(group, y, response), powMod(group, mulMod(group, c.beta, d[i]!), challenge)),
    );
    total += challenge;
  }
  return hashToExponent(group, disjunctivePrefix(prefix, c), commitments) === total % group.q;
}

/** [g^-min, g^-(min+1), ..., g^-max] (make_d). */
function intervalFactors(group: Group, min: number, max: number): bigint[] {
  const invg = inverseOfG(group);
  const d = [gToMinus(group, min)];
  for (let i = 1; i <= max - min; i++) d.push(mulMod(group, d[i - 1]!, invg));
  return d;
}

const zeroOrOne = (group: Group) => [1n, inverseOfG(group)];

// --- Blank proofs (make_blank_proof / verify_blank_proof) ------------------------------------

interface BlankInputs {
  m0: number;
  c0: Ciphertext;
  r0: bigint;
  mS: number;
  cS: Ciphertext;
  rS: bigint;
}

/** A simulated branch: random challenge and response, commitments g^(resp + r·ch), y^resp·betaTerm^ch. */
function simulated(group: Group, y: bigint, r: bigint, betaTerm: bigint) {
  const challenge = randomExponent(group);
  const response = randomExponent(group);
  return {
    proof: { challenge, response },
    a: powMod(group, group.g, modQ(group, response + r * challenge)),
    b: mulMod(group, powMod(group, y, response), powMod(group, betaTerm, challenge)),
  };
}

function blankProofs(group: Group, y: bigint, prefix: string, q: Question, v: BlankInputs): { overall: Proof[]; blank: [Proof, Proof] } {
  const { m0, c0, r0, mS, cS, rS } = v;
  const size = q.max - q.min + 2;
  const sumBetaOver = (i: number) => mulMod(group, cS.beta, gToMinus(group, q.min + i - 1));
  const bproof0 = `bproof0|${prefix}|`;
  const bproof1 = `bproof1|${prefix}|`;
  if (m0 === 0) {
    // blank_proof: m0 = 0 (true) or mS = 0 (simulated)
    const fake = simulated(group, y, rS, cS.beta);
    const w = randomExponent(group);
    const a0 = powMod(group, group.g, w);
    const b0 = powMod(group, y, w);
    const c = modQ(group, hashToExponent(group, bproof0, [a0, b0, fake.a, fake.b]) - fake.proof.challenge);
    const blank: [Proof, Proof] = [{ challenge: c, response: modQ(group, w - r0 * c) }, fake.proof];
    // overall_proof: m0 = 1 (simulated) or mS in [min, max] (true at mS - min + 1)
    const overall: Proof[] = new Array(size);
    const commitments: bigint[] = new Array(2 * size);
    const first = simulated(group, y, r0, mulMod(group, c0.beta, inverseOfG(group)));
    overall[0] = first.proof;
    commitments[0] = first.a;
    commitments[1] = first.b;
    let total = first.proof.challenge;
    const trueIndex = mS - q.min + 1;
    for (let i = 1; i < size; i++) {
      if (i === trueIndex) continue;
      const s = simulated(group, y, rS, sumBetaOver(i));
      overall[i] = s.proof;
      commitments[2 * i] = s.a;
      commitments[2 * i + 1] = s.b;
      total += s.proof.challenge;
    }
    const w1 = randomExponent(group);
    commitments[2 * trueIndex] = powMod(group, group.g, w1);
    commitments[2 * trueIndex + 1] = powMod(group, y, w1);
    const c1 = modQ(group, hashToExponent(group, bproof1, commitments) - total);
    overall[trueIndex] = { challenge: c1, response: modQ(group, w1 - rS * c1) };
    return { overall, blank };
  }
  // A blank vote: blank_proof true on mS = 0, overall_proof true on m0 = 1.
  const fake = simulated(group, y, r0, c0.beta);
  const w = randomExponent(group);
  const a1 = powMod(group, group.g, w);
  const b1 = powMod(group, y, w);
  const c = modQ(group, hashToExponent(group, bproof0, [fake.a, fake.b, a1, b1]) - fake.proof.challenge);
  const blank: [Proof, Proof] = [fake.proof, { challenge: c, response: modQ(group, w - rS * c) }];
  const overall: Proof[] = new Array(size);
  const commitments: bigint[] = new Array(2 * size);
  let total = 0n;
  for (let i = 1; i < size; i++) {
    const s = simulated(group, y, rS, sumBetaOver(i));
    overall[i] = s.proof;
    commitments[2 * i] = s.a;
    commitments[2 * i + 1] = s.b;
    total += s.proof.challenge;
  }
  const w0 = randomExponent(group);
  commitments[0] = powMod(group, group.g, w0);
  commitments[1] = powMod(group, y, w0);
  const c0challenge = modQ(group, hashToExponent(group, bproof1, commitments) - total);
  overall[0] = { challenge: c0challenge, response: modQ(group, w0 - r0 * c0challenge) };
  return { overall, blank };
}

function verifyBlankProofs(
  group: Group,
  y: bigint,
  prefix: string,
  q: Question,
  c0: Ciphertext,
  cS: Ciphertext,
  overall: readonly Proof[],
  blank: readonly Proof[],
): boolean {
  const ok = (p: Proof) => isExponent(group, p.challenge) && isExponent(group, p.response);
  const commit = (p: Proof, alpha: bigint, beta: bigint) => [
    mulMod(group, powMod(group, group.g, p.response), powMod(group, alpha, p.challenge)),
    mulMod(group, powMod(group, y, p.response), powMod(group, beta, p.challenge)),
  ];
  if (blank.length !== 2 || !blank.every(ok)) return false;
  const [p0, pS] = [blank[0]!, blank[1]!];
  const blankCommitments = [...commit(p0, c0.alpha, c0.beta), ...commit(pS, cS.alpha, cS.beta)];
  if (hashToExponent(group, `bproof0|${prefix}|`, blankCommitments) !== (p0.challenge + pS.challenge) % group.q) return false;
  const size = q.max - q.min + 2;
  if (overall.length !== size || !overall.every(ok)) return false;
  const commitments = [...commit(overall[0]!, c0.alpha, mulMod(group, c0.beta, inverseOfG(group)))];
  let total = overall[0]!.challenge;
  for (let i = 1; i < size; i++) {
    commitments.push(...commit(overall[i]!, cS.alpha, mulMod(group, cS.beta, gToMinus(group, q.min + i - 1))));
    total += overall[i]!.challenge;
  }
  return hashToExponent(group, `bproof1|${prefix}|`, commitments) === total % group.q;
}

// --- Answers -----------------------------------------------------------------------------------

function encryptAnswer(group: Group, y: bigint, prefix: string, q: Question, m: readonly number[]): HomomorphicAnswer {
  checkPlaintext(q, m);
  const r = m.map(() => randomExponent(group));
  const choices = m.map((x, i) => ({
    alpha: powMod(group, group.g, r[i]!),
    beta: mulMod(group, powMod(group, y, r[i]!), gPow(group, x)),
  }));
  const d01 = zeroOrOne(group);
  const individualProofs = choices.map((c, i) => disjunctiveProve(group, y, d01, prefix, m[i]!, r[i]!, c));
  const answerPrefix = overallPrefix(prefix, choices);
  const sum = (from: number) => ({
    m: m.slice(from).reduce((a, b) => a + b, 0),
    r: r.slice(from).reduce((a, b) => a + b, 0n),
    c: choices.slice(from).reduce((a, b) => combine(group, a, b), ONE),
  });
  if (q.blank) {
    const s = sum(1);
    const { overall, blank } = blankProofs(group, y, answerPrefix, q, {
      m0: m[0]!,
      c0: choices[0]!,
      r0: r[0]!,
      mS: s.m,
      cS: s.c,
      rS: s.r,
    });
    return { choices, individualProofs, overallProof: overall, blankProof: blank };
  }
  const s = sum(0);
  const d = intervalFactors(group, q.min, q.max);
  return { choices, individualProofs, overallProof: disjunctiveProve(group, y, d, answerPrefix, s.m - q.min, s.r, s.c) };
}

function verifyAnswer(group: Group, y: bigint, prefix: string, q: Question, a: HomomorphicAnswer): boolean {
  const n = a.choices.length;
  if (n !== questionLength(q) || a.individualProofs.length !== n) return false;
  const d01 = zeroOrOne(group);
  if (!a.choices.every((c, i) => disjunctiveVerify(group, y, d01, prefix, a.individualProofs[i]!, c))) return false;
  const answerPrefix = overallPrefix(prefix, a.choices);
  if (q.blank) {
    if (!a.blankProof) return false;
    const cS = a.choices.slice(1).reduce((acc, c) => combine(group, acc, c), ONE);
    return verifyBlankProofs(group, y, answerPrefix, q, a.choices[0]!, cS, a.overallProof, a.blankProof);
  }
  if (a.blankProof) return false;
  const cS = a.choices.reduce((acc, c) => combine(group, acc, c), ONE);
  return disjunctiveVerify(group, y, intervalFactors(group, q.min, q.max), answerPrefix, a.overallProof, cS);
}

// --- Ballots -----------------------------------------------------------------------------------

export interface EncryptedBallot {
  ballot: Ballot;
  /** The exact JSON to submit and publish. */
  raw: string;
  /** The smart ballot tracker: Base64 SHA256 of raw, the voter's receipt. */
  tracker: string;
}

/** Encrypts, proves and signs a ballot with the voter's private credential. */
export function encryptBallot(election: Election, privateCredential: string, plaintext: Plaintext): EncryptedBallot {
  const { group, params } = election;
  if (plaintext.length !== params.questions.length) throw new InvalidPlaintextError("one answer per question expected");
  noteElectionKey(group, params.publicKey);
  const secret = credentialSecret(group, params.uuid, privateCredential);
  const credential = powMod(group, group.g, secret);
  const prefix = proofPrefix(election, credential);
  const unsigned: Ballot = {
    electionUuid: params.uuid,
    electionHash: election.fingerprint,
    credential,
    answers: params.questions.map((q, i): Answer => {
      const m = plaintext[i]!;
      if (isHomomorphic(q)) return encryptAnswer(group, params.publicKey, prefix, q, m);
      try {
        return encryptNonHomomorphicAnswer(group, params.publicKey, prefix, q, m);
      } catch (e) {
        throw new InvalidPlaintextError(e instanceof Error ? e.message : String(e));
      }
    }),
  };
  const hash = sha256Base64(serializeBallot(unsigned));
  const w = randomExponent(group);
  const challenge = hashToExponent(group, signaturePrefix(hash), [powMod(group, group.g, w)]);
  const ballot: Ballot = { ...unsigned, signature: { hash, proof: { challenge, response: modQ(group, w - secret * challenge) } } };
  const raw = serializeBallot(ballot);
  return { ballot, raw, tracker: ballotTracker(raw) };
}

export function ballotTracker(raw: string): string {
  return sha256Base64(raw);
}

export type BallotCheck =
  | { ok: true; ballot: Ballot; tracker: string }
  | { ok: false; reason: "malformed" | "not_canonical" | "wrong_election" | "bad_signature" | "bad_proof" };

/**
 * Everything check_ballot and CastBallot.cast check in belenios-tool except the credential list:
 * canonical form, election uuid and fingerprint, the signature over the ballot's hash, every
 * proof. The caller then checks the credential against the public credentials (and revotes).
 */
export function verifyBallot(election: Election, raw: string): BallotCheck {
  let ballot: Ballot;
  try {
    ballot = parseBallot(raw);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (serializeBallot(ballot) !== raw) return { ok: false, reason: "not_canonical" };
  const { group, params } = election;
  if (ballot.electionUuid !== params.uuid || ballot.electionHash !== election.fingerprint) return { ok: false, reason: "wrong_election" };
  const { signature, ...unsigned } = ballot;
  if (!signature || signature.hash !== sha256Base64(serializeBallot(unsigned))) return { ok: false, reason: "bad_signature" };
  const { challenge, response } = signature.proof;
  if (!isGroupElement(group, ballot.credential) || !isExponent(group, challenge) || !isExponent(group, response)) return { ok: false, reason: "bad_signature" };
  const commitment = mulMod(group, powMod(group, group.g, response), powMod(group, ballot.credential, challenge));
  if (hashToExponent(group, signaturePrefix(signature.hash), [commitment]) !== challenge) return { ok: false, reason: "bad_signature" };
  if (ballot.answers.length !== params.questions.length) return { ok: false, reason: "bad_proof" };
  noteElectionKey(group, params.publicKey);
  const prefix = proofPrefix(election, ballot.credential);
  const proofsHold = params.questions.every((q, i) => {
    const a = ballot.answers[i]!;
    if (isHomomorphic(q)) return isHomomorphicAnswer(a) && verifyAnswer(group, params.publicKey, prefix, q, a);
    return !isHomomorphicAnswer(a) && verifyNonHomomorphicAnswer(group, params.publicKey, prefix, a);
  });
  if (!proofsHold) return { ok: false, reason: "bad_proof" };
  return { ok: true, ballot, tracker: ballotTracker(raw) };
}
