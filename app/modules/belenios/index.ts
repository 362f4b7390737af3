/**
 * Belenios 2.0: the pure cryptographic core (homomorphic questions in BELENIOS-2048, ranked
 * questions in RFC-3526-2048 with verifiable shuffles).
 * No database, no web code; everything here is checked against Debian's belenios-tool 2.0.
 */
export * from "./types";
export { BELENIOS_2048, RFC_3526_2048, groupByName, powMod, sha256Base64 } from "./group";
export {
  generateUuid,
  generatePrivateCredential,
  isValidPrivateCredential,
  credentialSecret,
  publicCredential,
  generateCredentials,
  sortPublicCredentials,
  type IssuedCredential,
} from "./credentials";
export { makeElection, groupForQuestions, questionLength, type ElectionTemplate } from "./election";
export { generateTrusteeKey, trusteePublicKeyFor, verifyTrusteePublicKey, computePartialDecryption, verifyPartialDecryption } from "./trustee";
export {
  encryptBallot,
  verifyBallot,
  ballotTracker,
  plaintextFor,
  checkPlaintext,
  InvalidPlaintextError,
  type Plaintext,
  type EncryptedBallot,
  type BallotCheck,
} from "./ballot";
export {
  computeEncryptedTally,
  computeResult,
  verifyResult,
  lastBallotPerCredential,
  discreteLog,
  nhCiphertexts,
  mergeNhCiphertexts,
  shuffleTally,
  type WeightedBallot,
} from "./tally";
export { encodeInts, decodeInts, checkShuffleProof, shuffleCiphertexts, getGenerator } from "./nonhomomorphic";
export { checkTrustees, electionPublicKey, synthesizeFactors, trusteeCount, DecryptionError } from "./trustees";
export {
  thresholdStep1,
  thresholdStep2,
  thresholdStep3,
  thresholdStep4,
  thresholdStep5,
  thresholdStep6,
  verifyThresholdParameters,
  thresholdPublicKey,
  openDecryptionKey,
  serializePolynomial,
  serializeVInput,
  serializeVOutput,
  serializeSignedMsg,
  parsePolynomial,
  parseVInput,
  parseVOutput,
  ThresholdError,
  type Polynomial,
  type VInput,
  type VOutput,
} from "./threshold";
export {
  parseElection,
  parseBallot,
  parseTrusteePublicKey,
  parseEncryptedTally,
  parseTrustees,
  parsePublicCredentials,
  parsePartialDecryption,
  parseResult,
  serializeBallot,
  serializeEncryptedTally,
  serializeShuffle,
  parseShuffle,
  serializeTrustees,
  serializeTrusteePublicKey,
  serializePublicCredentials,
  serializePartialDecryption,
  serializeResult,
  signedMsgOf,
  thresholdParametersOf,
} from "./serialize";
export { ArchiveWriter, readElectionEvents } from "./archive";
export { tallyBallots, writeElectionArchive, verifyElectionArchive, BallotRejected, type RecordInput, type RecordVerification } from "./record";
