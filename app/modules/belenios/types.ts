import type { Group } from "./group-params";

/** The records of Belenios 2.0 (specification section "Messages"), with numbers as bigint. */

export interface Ciphertext {
  alpha: bigint;
  beta: bigint;
}

export interface Proof {
  challenge: bigint;
  response: bigint;
}

/** A homomorphic question (question_h): each answer 0 or 1, their sum in [min, max] unless blank. */
export interface Question {
  question: string;
  answers: string[];
  min: number;
  max: number;
  blank?: boolean;
}

/**
 * A non-homomorphic question (question_nh wrapped in question_gen): each ballot's answer is a
 * vector of small integers (a ranking, grades), revealed after a verifiable shuffle.
 */
export interface NonHomomorphicQuestion {
  type: "NonHomomorphic";
  question: string;
  answers: string[];
  /** Free-form "extra" (counting method), kept as read. */
  extra?: unknown;
}

export type AnyQuestion = Question | NonHomomorphicQuestion;

export const isHomomorphic = (q: AnyQuestion): q is Question => !("type" in q);

export interface ElectionParams {
  uuid: string;
  name: string;
  description: string;
  group: Group["name"];
  publicKey: bigint;
  questions: AnyQuestion[];
  administrator?: string;
  credentialAuthority?: string;
}

/**
 * An election as every party must see it: the exact string (its SHA256 is the fingerprint that
 * every proof and ballot is bound to), and its parsed parameters.
 */
export interface Election {
  raw: string;
  params: ElectionParams;
  group: Group;
  /** Base64 SHA256 of raw, the ballots' election_hash (φ in the specification). */
  fingerprint: string;
}

export interface TrusteePublicKey {
  pok: Proof;
  publicKey: bigint;
  name?: string;
}

export interface TrusteeKeyPair {
  privateKey: bigint;
  publicKey: TrusteePublicKey;
}

/** A message signed with a trustee's signing key (Schnorr, "sigmsg|" prefix). */
export interface SignedMsg {
  message: string;
  signature: Proof;
}

/** The published part of a k-of-n key ("Pedersen" trustees). */
export interface ThresholdParameters {
  /** k: how many of the trustees must decrypt. */
  threshold: number;
  certs: SignedMsg[];
  coefexps: SignedMsg[];
  verificationKeys: TrusteePublicKey[];
}

/** One item of the election's trustees: a mandatory key, or a k-of-n set. */
export type TrusteeKind = { kind: "Single"; key: TrusteePublicKey } | { kind: "Pedersen"; params: ThresholdParameters };

export interface HomomorphicAnswer {
  choices: Ciphertext[];
  individualProofs: Proof[][];
  overallProof: Proof[];
  blankProof?: [Proof, Proof];
}

export interface NonHomomorphicAnswer {
  choices: Ciphertext;
  proof: Proof;
}

export type Answer = HomomorphicAnswer | NonHomomorphicAnswer;

export const isHomomorphicAnswer = (a: Answer): a is HomomorphicAnswer => Array.isArray(a.choices);

export interface Ballot {
  electionUuid: string;
  electionHash: string;
  credential: bigint;
  answers: Answer[];
  signature?: { hash: string; proof: Proof };
}

/**
 * One list of ciphertexts per question: for a homomorphic question one per answer (blank first when
 * allowed); for a non-homomorphic one, one per tallied ballot, sorted (then shuffled).
 */
export type EncryptedTally = Ciphertext[][];

export interface SizedEncryptedTally {
  numTallied: number;
  totalWeight: bigint;
  /** Hex SHA256 of the serialized encrypted tally. */
  encryptedTally: string;
}

export interface PartialDecryption {
  decryptionFactors: bigint[][];
  decryptionProofs: Proof[][];
}

/**
 * Per question: counts per answer (weighted sums) for a homomorphic question; for a
 * non-homomorphic one, the decrypted vectors, one per ballot, in shuffled order.
 */
export type QuestionResult = bigint[] | number[][];
export type ElectionResult = QuestionResult[];

/** CHVote's shuffle proof (specification "Shuffles"), as its JSON tuple. */
export interface ShuffleProof {
  t: { t1: bigint; t2: bigint; t3: bigint; t41: bigint; t42: bigint; tHat: bigint[] };
  s: { s1: bigint; s2: bigint; s3: bigint; s4: bigint; sHat: bigint[]; sPrime: bigint[] };
  c: bigint[];
  cHat: bigint[];
}

/** One trustee's shuffle: per non-homomorphic question, the re-encrypted, permuted ciphertexts and a proof. */
export interface Shuffle {
  ciphertexts: Ciphertext[][];
  proofs: ShuffleProof[];
}

export interface PublicCredential {
  credential: bigint;
  weight: bigint;
}
