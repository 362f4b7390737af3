import { groupByName, type Group } from "./group-params";
import { isHomomorphicAnswer } from "./types";
import type {
  Answer,
  AnyQuestion,
  Ballot,
  Ciphertext,
  ElectionParams,
  EncryptedTally,
  NonHomomorphicQuestion,
  PartialDecryption,
  Proof,
  Question,
  Shuffle,
  ShuffleProof,
  TrusteePublicKey,
} from "./types";

/**
 * The canonical texts that need no node:crypto: a ballot, a trustee's public key, a partial
 * decryption and a shuffle as belenios-tool writes them, and the strict readers of an election's
 * parameters, an encrypted tally and a shuffle. Shared by the server core (serialize.ts re-exports
 * them) and the browser's code (browser/), so both write the same bytes.
 */

export class BeleniosFormatError extends Error {}

const num = (x: bigint) => x.toString(10);
export const proofJson = (p: Proof) => ({ challenge: num(p.challenge), response: num(p.response) });

export const ciphertextJson = (c: Ciphertext) => ({ alpha: num(c.alpha), beta: num(c.beta) });

export function answerJson(a: Answer) {
  if (!isHomomorphicAnswer(a)) return { choices: ciphertextJson(a.choices), proof: proofJson(a.proof) };
  const out: Record<string, unknown> = {
    choices: a.choices.map(ciphertextJson),
    individual_proofs: a.individualProofs.map((ps) => ps.map(proofJson)),
    overall_proof: a.overallProof.map(proofJson),
  };
  if (a.blankProof) out.blank_proof = a.blankProof.map(proofJson);
  return out;
}

export function serializeBallot(b: Ballot): string {
  const out: Record<string, unknown> = {
    election_uuid: b.electionUuid,
    election_hash: b.electionHash,
    credential: num(b.credential),
    answers: b.answers.map(answerJson),
  };
  if (b.signature) out.signature = { hash: b.signature.hash, proof: proofJson(b.signature.proof) };
  return JSON.stringify(out);
}

export function serializeTrusteePublicKey(k: TrusteePublicKey): string {
  return JSON.stringify(trusteePublicKeyJson(k));
}

export function trusteePublicKeyJson(k: TrusteePublicKey) {
  const out: Record<string, unknown> = { pok: proofJson(k.pok), public_key: num(k.publicKey) };
  if (k.name !== undefined) out.name = k.name;
  return out;
}

export function serializePartialDecryption(pd: PartialDecryption): string {
  return JSON.stringify({
    decryption_factors: pd.decryptionFactors.map((q) => q.map(num)),
    decryption_proofs: pd.decryptionProofs.map((q) => q.map(proofJson)),
  });
}

export function serializeShuffle(s: Shuffle): string {
  return JSON.stringify({
    ciphertexts: s.ciphertexts.map((q) => q.map(ciphertextJson)),
    proofs: s.proofs.map((p) => [
      [num(p.t.t1), num(p.t.t2), num(p.t.t3), [num(p.t.t41), num(p.t.t42)], p.t.tHat.map(num)],
      [num(p.s.s1), num(p.s.s2), num(p.s.s3), num(p.s.s4), p.s.sHat.map(num), p.s.sPrime.map(num)],
      p.c.map(num),
      p.cHat.map(num),
    ]),
  });
}

// Parsing: strict, so that whatever we accept re-serializes to the same bytes.

export type Json = unknown;

export function obj(x: Json, what: string): Record<string, Json> {
  if (typeof x !== "object" || x === null || Array.isArray(x)) throw new BeleniosFormatError(`${what}: object expected`);
  return x as Record<string, Json>;
}

export function arr(x: Json, what: string): Json[] {
  if (!Array.isArray(x)) throw new BeleniosFormatError(`${what}: array expected`);
  return x;
}

export function str(x: Json, what: string): string {
  if (typeof x !== "string") throw new BeleniosFormatError(`${what}: string expected`);
  return x;
}

export function int(x: Json, what: string): number {
  if (typeof x !== "number" || !Number.isSafeInteger(x)) throw new BeleniosFormatError(`${what}: integer expected`);
  return x;
}

const DECIMAL = /^(?:0|[1-9]\d*)$/;

export function bigNum(x: Json, what: string): bigint {
  const s = str(x, what);
  if (!DECIMAL.test(s)) throw new BeleniosFormatError(`${what}: base-10 number expected`);
  return BigInt(s);
}

export function proofOf(x: Json, what: string): Proof {
  const o = obj(x, what);
  return { challenge: bigNum(o.challenge, `${what}.challenge`), response: bigNum(o.response, `${what}.response`) };
}

export function trusteePublicKeyOf(x: Json, what: string): TrusteePublicKey {
  const o = obj(x, what);
  const k: TrusteePublicKey = { pok: proofOf(o.pok, `${what}.pok`), publicKey: bigNum(o.public_key, `${what}.public_key`) };
  if (o.name !== undefined) k.name = str(o.name, `${what}.name`);
  return k;
}

export function ciphertextOf(x: Json, what: string): Ciphertext {
  const o = obj(x, what);
  return { alpha: bigNum(o.alpha, `${what}.alpha`), beta: bigNum(o.beta, `${what}.beta`) };
}

function questionOf(x: Json, what: string): AnyQuestion {
  const o = obj(x, what);
  if ("type" in o) {
    if (o.type !== "NonHomomorphic") throw new BeleniosFormatError(`${what}: unknown question type`);
    const v = obj(o.value, `${what}.value`);
    const q: NonHomomorphicQuestion = {
      type: "NonHomomorphic",
      question: str(v.question, `${what}.value.question`),
      answers: arr(v.answers, `${what}.value.answers`).map((a, i) => str(a, `${what}.value.answers[${i}]`)),
    };
    if (o.extra !== undefined) q.extra = o.extra;
    return q;
  }
  const q: Question = {
    question: str(o.question, `${what}.question`),
    answers: arr(o.answers, `${what}.answers`).map((a, i) => str(a, `${what}.answers[${i}]`)),
    min: int(o.min, `${what}.min`),
    max: int(o.max, `${what}.max`),
  };
  if (o.blank !== undefined) {
    if (typeof o.blank !== "boolean") throw new BeleniosFormatError(`${what}.blank: boolean expected`);
    q.blank = o.blank;
  }
  return q;
}

/** An election's parameters and group, read from its exact text (the caller hashes the text for the fingerprint). */
export function parseElectionParams(raw: string): { params: ElectionParams; group: Group } {
  const o = obj(JSON.parse(raw), "election");
  if (o.version !== 1) throw new BeleniosFormatError("election: version 1 expected");
  const group = groupByName(str(o.group, "election.group"));
  const params: ElectionParams = {
    uuid: str(o.uuid, "election.uuid"),
    name: str(o.name, "election.name"),
    description: str(o.description, "election.description"),
    group: group.name,
    publicKey: bigNum(o.public_key, "election.public_key"),
    questions: arr(o.questions, "election.questions").map((q, i) => questionOf(q, `election.questions[${i}]`)),
  };
  if (o.administrator !== undefined) params.administrator = str(o.administrator, "election.administrator");
  if (o.credential_authority !== undefined) params.credentialAuthority = str(o.credential_authority, "election.credential_authority");
  return { params, group };
}

export function parseEncryptedTally(raw: string): EncryptedTally {
  return arr(JSON.parse(raw), "encrypted_tally").map((q, i) => arr(q, `encrypted_tally[${i}]`).map((c, j) => ciphertextOf(c, `encrypted_tally[${i}][${j}]`)));
}

function elements(x: Json, what: string): bigint[] {
  return arr(x, what).map((e, i) => bigNum(e, `${what}[${i}]`));
}

export function parseShuffle(raw: string): Shuffle {
  const o = obj(JSON.parse(raw), "shuffle");
  return {
    ciphertexts: arr(o.ciphertexts, "ciphertexts").map((q, i) => arr(q, `ciphertexts[${i}]`).map((c, j) => ciphertextOf(c, `ciphertexts[${i}][${j}]`))),
    proofs: arr(o.proofs, "proofs").map((p, i): ShuffleProof => {
      const [t, s, c, cHat] = arr(p, `proofs[${i}]`);
      const [t1, t2, t3, t4, tHat] = arr(t, `proofs[${i}].t`);
      const [t41, t42] = arr(t4, `proofs[${i}].t4`);
      const [s1, s2, s3, s4, sHat, sPrime] = arr(s, `proofs[${i}].s`);
      const w = `proofs[${i}]`;
      return {
        t: { t1: bigNum(t1, w), t2: bigNum(t2, w), t3: bigNum(t3, w), t41: bigNum(t41, w), t42: bigNum(t42, w), tHat: elements(tHat, w) },
        s: { s1: bigNum(s1, w), s2: bigNum(s2, w), s3: bigNum(s3, w), s4: bigNum(s4, w), sHat: elements(sHat, w), sPrime: elements(sPrime, w) },
        c: elements(c, w),
        cHat: elements(cHat, w),
      };
    }),
  };
}
