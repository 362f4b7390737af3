import {
  arr,
  BeleniosFormatError,
  bigNum,
  ciphertextJson,
  ciphertextOf,
  int,
  type Json,
  obj,
  parseElectionParams,
  proofOf,
  str,
  trusteePublicKeyJson,
  trusteePublicKeyOf,
} from "./canonical";
import { signedJson, signedMsgOf } from "./threshold-formats";
import { isHomomorphic } from "./types";
import type {
  Answer,
  AnyQuestion,
  QuestionResult,
  Ballot,
  Election,
  ElectionParams,
  ElectionResult,
  EncryptedTally,
  HomomorphicAnswer,
  PartialDecryption,
  PublicCredential,
  ThresholdParameters,
  SizedEncryptedTally,
  TrusteeKind,
  TrusteePublicKey,
} from "./types";
import { sha256Base64 } from "./group";

export {
  BeleniosFormatError,
  bigNum,
  parseElectionParams,
  parseEncryptedTally,
  parseShuffle,
  serializeBallot,
  serializePartialDecryption,
  serializeShuffle,
  serializeTrusteePublicKey,
  trusteePublicKeyJson,
  trusteePublicKeyOf,
} from "./canonical";
export { signedJson, signedMsgOf } from "./threshold-formats";

/**
 * JSON exactly as belenios-tool writes it (atdgen field order, compact, big numbers as base-10
 * strings). Order matters: the ballot hash signed by the voter and the tracker are hashes of these
 * strings, and belenios-tool rejects a ballot that is not in this canonical form.
 */

const num = (x: bigint) => x.toString(10);
const MAX_INT31 = 1073741823n;

/** Weights (and weighted counts) are JSON numbers up to 2^30 - 1 and strings beyond (json_of_weight). */
export function weightJson(x: bigint): number | string {
  return x <= MAX_INT31 ? Number(x) : x.toString(10);
}

function questionJson(q: AnyQuestion) {
  if (!isHomomorphic(q)) {
    const out: Record<string, unknown> = { type: "NonHomomorphic", value: { answers: q.answers, question: q.question } };
    if (q.extra !== undefined) out.extra = q.extra;
    return out;
  }
  return q.blank === undefined
    ? { answers: q.answers, min: q.min, max: q.max, question: q.question }
    : { answers: q.answers, blank: q.blank, min: q.min, max: q.max, question: q.question };
}

export function serializeElectionParams(params: ElectionParams): string {
  const out: Record<string, unknown> = {
    version: 1,
    description: params.description,
    name: params.name,
    group: params.group,
    public_key: num(params.publicKey),
    questions: params.questions.map(questionJson),
    uuid: params.uuid,
  };
  if (params.administrator !== undefined) out.administrator = params.administrator;
  if (params.credentialAuthority !== undefined) out.credential_authority = params.credentialAuthority;
  return JSON.stringify(out);
}

export function thresholdParametersJson(t: ThresholdParameters) {
  return {
    threshold: t.threshold,
    certs: t.certs.map(signedJson),
    coefexps: t.coefexps.map(signedJson),
    verification_keys: t.verificationKeys.map(trusteePublicKeyJson),
  };
}

/** The trustees structure: [["Single", key] | ["Pedersen", threshold parameters], ...]. */
export function serializeTrustees(trustees: readonly TrusteeKind[]): string {
  return JSON.stringify(trustees.map((t) => (t.kind === "Single" ? ["Single", trusteePublicKeyJson(t.key)] : ["Pedersen", thresholdParametersJson(t.params)])));
}

/** Plain credentials when every weight is 1, "credential,weight" for all otherwise (as the tool does). */
export function serializePublicCredentials(creds: PublicCredential[]): string {
  const weighted = creds.some((c) => c.weight !== 1n);
  return JSON.stringify(creds.map((c) => (weighted ? `${num(c.credential)},${num(c.weight)}` : num(c.credential))));
}

export function serializeEncryptedTally(tally: EncryptedTally): string {
  return JSON.stringify(tally.map((q) => q.map(ciphertextJson)));
}

export function serializeSizedEncryptedTally(s: SizedEncryptedTally): string {
  return JSON.stringify({
    num_tallied: s.numTallied,
    total_weight: weightJson(s.totalWeight),
    encrypted_tally: s.encryptedTally,
  });
}

export function serializeResult(result: ElectionResult): string {
  return JSON.stringify({ result: result.map((q) => (q as unknown[]).map((x) => (typeof x === "bigint" ? weightJson(x) : x))) });
}

// ---------------------------------------------------------------------------------------------
// Parsing: strict, so that whatever we accept re-serializes to the same bytes (canonical.ts holds the pieces the browser shares).

/** Reads an election string; the string itself is kept, since its hash is the fingerprint. */
export function parseElection(raw: string): Election {
  return { raw, ...parseElectionParams(raw), fingerprint: sha256Base64(raw) };
}

export function weightOf(x: Json, what: string): bigint {
  if (typeof x === "number") {
    if (!Number.isSafeInteger(x) || x < 0) throw new BeleniosFormatError(`${what}: weight expected`);
    return BigInt(x);
  }
  return bigNum(x, what);
}

function answerOf(x: Json, what: string): Answer {
  const o = obj(x, what);
  if (!Array.isArray(o.choices)) return { choices: ciphertextOf(o.choices, `${what}.choices`), proof: proofOf(o.proof, `${what}.proof`) };
  const a: HomomorphicAnswer = {
    choices: arr(o.choices, `${what}.choices`).map((c, i) => ciphertextOf(c, `${what}.choices[${i}]`)),
    individualProofs: arr(o.individual_proofs, `${what}.individual_proofs`).map((ps, i) =>
      arr(ps, `${what}.individual_proofs[${i}]`).map((p, j) => proofOf(p, `${what}.individual_proofs[${i}][${j}]`)),
    ),
    overallProof: arr(o.overall_proof, `${what}.overall_proof`).map((p, i) => proofOf(p, `${what}.overall_proof[${i}]`)),
  };
  if (o.blank_proof !== undefined) {
    const ps = arr(o.blank_proof, `${what}.blank_proof`).map((p, i) => proofOf(p, `${what}.blank_proof[${i}]`));
    if (ps.length !== 2) throw new BeleniosFormatError(`${what}.blank_proof: two proofs expected`);
    a.blankProof = [ps[0]!, ps[1]!];
  }
  return a;
}

export function parseBallot(raw: string): Ballot {
  const o = obj(JSON.parse(raw), "ballot");
  const b: Ballot = {
    electionUuid: str(o.election_uuid, "ballot.election_uuid"),
    electionHash: str(o.election_hash, "ballot.election_hash"),
    credential: bigNum(o.credential, "ballot.credential"),
    answers: arr(o.answers, "ballot.answers").map((a, i) => answerOf(a, `ballot.answers[${i}]`)),
  };
  if (o.signature !== undefined) {
    const s = obj(o.signature, "ballot.signature");
    b.signature = { hash: str(s.hash, "ballot.signature.hash"), proof: proofOf(s.proof, "ballot.signature.proof") };
  }
  return b;
}

export function parseTrusteePublicKey(raw: string): TrusteePublicKey {
  return trusteePublicKeyOf(JSON.parse(raw), "trustee_public_key");
}

export function thresholdParametersOf(x: Json, what = "threshold_parameters"): ThresholdParameters {
  const o = obj(x, what);
  return {
    threshold: int(o.threshold, `${what}.threshold`),
    certs: arr(o.certs, `${what}.certs`).map((c, i) => signedMsgOf(c, `${what}.certs[${i}]`)),
    coefexps: arr(o.coefexps, `${what}.coefexps`).map((c, i) => signedMsgOf(c, `${what}.coefexps[${i}]`)),
    verificationKeys: arr(o.verification_keys, `${what}.verification_keys`).map((k, i) => trusteePublicKeyOf(k, `${what}.verification_keys[${i}]`)),
  };
}

export function parseTrustees(raw: string): TrusteeKind[] {
  return arr(JSON.parse(raw), "trustees").map((t, i): TrusteeKind => {
    const pair = arr(t, `trustees[${i}]`);
    if (pair.length !== 2) throw new BeleniosFormatError(`trustees[${i}]: a pair expected`);
    if (pair[0] === "Single") return { kind: "Single", key: trusteePublicKeyOf(pair[1], `trustees[${i}]`) };
    if (pair[0] === "Pedersen") return { kind: "Pedersen", params: thresholdParametersOf(pair[1], `trustees[${i}]`) };
    throw new BeleniosFormatError(`trustees[${i}]: "Single" or "Pedersen" expected`);
  });
}

export function parsePublicCredentials(raw: string): PublicCredential[] {
  return arr(JSON.parse(raw), "public_credentials").map((x, i) => {
    const s = str(x, `public_credentials[${i}]`);
    const comma = s.indexOf(",");
    if (comma < 0) return { credential: bigNum(s, `public_credentials[${i}]`), weight: 1n };
    return {
      credential: bigNum(s.slice(0, comma), `public_credentials[${i}]`),
      weight: bigNum(s.slice(comma + 1), `public_credentials[${i}].weight`),
    };
  });
}

export function parseSizedEncryptedTally(raw: string): SizedEncryptedTally {
  const o = obj(JSON.parse(raw), "sized_encrypted_tally");
  return {
    numTallied: int(o.num_tallied, "num_tallied"),
    totalWeight: weightOf(o.total_weight, "total_weight"),
    encryptedTally: str(o.encrypted_tally, "encrypted_tally"),
  };
}

export function parsePartialDecryption(raw: string): PartialDecryption {
  const o = obj(JSON.parse(raw), "partial_decryption");
  return {
    decryptionFactors: arr(o.decryption_factors, "decryption_factors").map((q, i) =>
      arr(q, `decryption_factors[${i}]`).map((f, j) => bigNum(f, `decryption_factors[${i}][${j}]`)),
    ),
    decryptionProofs: arr(o.decryption_proofs, "decryption_proofs").map((q, i) =>
      arr(q, `decryption_proofs[${i}]`).map((p, j) => proofOf(p, `decryption_proofs[${i}][${j}]`)),
    ),
  };
}

export function parseResult(raw: string): ElectionResult {
  const o = obj(JSON.parse(raw), "result");
  return arr(o.result, "result").map((q, i): QuestionResult => {
    const items = arr(q, `result[${i}]`);
    if (items.length > 0 && Array.isArray(items[0])) return items.map((b, j) => arr(b, `result[${i}][${j}]`).map((v, k) => int(v, `result[${i}][${j}][${k}]`)));
    return items.map((w, j) => weightOf(w, `result[${i}][${j}]`));
  });
}
