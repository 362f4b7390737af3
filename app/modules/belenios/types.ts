import type { Group } from "./group";

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

export interface ElectionParams {
  uuid: string;
  name: string;
  description: string;
  group: Group["name"];
  publicKey: bigint;
  questions: Question[];
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

export interface Ballot {
  electionUuid: string;
  electionHash: string;
  credential: bigint;
  answers: HomomorphicAnswer[];
  signature?: { hash: string; proof: Proof };
}

/** One list of ciphertexts per question, one ciphertext per answer (blank first when allowed). */
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

/** Counts per answer, per question (weighted sums), as published in the Result event. */
export type ElectionResult = bigint[][];

export interface PublicCredential {
  credential: bigint;
  weight: bigint;
}
