/**
 * A worker pool's jobs for bench:tally, on a slice of a ranked election's ciphertexts: making
 * them (a ranking encrypted without the ballot's proofs), one trustee's partial decryption, and
 * checking a partial decryption. Each ciphertext's work is independent of the others', so the
 * benchmark spreads these over every core; a shuffle, which chains them, stays on one thread.
 */
import { powMod, mulMod, randomExponent } from "../app/modules/belenios/group";
import { encodeInts } from "../app/modules/belenios/nonhomomorphic";
import { parseElection } from "../app/modules/belenios/serialize";
import { computePartialDecryption, verifyPartialDecryption } from "../app/modules/belenios/trustee";
import type { Ciphertext, Election, PartialDecryption } from "../app/modules/belenios/types";
import { RecentlyUsed } from "../app/utils/recently-used";

export type TallyJob =
  | { kind: "encrypt"; election: string; vectors: number[][] }
  | { kind: "decrypt"; election: string; privateKey: bigint; ciphertexts: Ciphertext[] }
  | { kind: "check"; election: string; publicKey: bigint; ciphertexts: Ciphertext[]; pd: PartialDecryption };

export type TallyJobAnswer = Ciphertext[] | PartialDecryption | boolean;

const elections = new RecentlyUsed<string, Election>(4);

export function runJob(job: TallyJob): TallyJobAnswer {
  const election = elections.get(job.election, () => parseElection(job.election));
  const { group, params } = election;
  if (job.kind === "encrypt") {
    return job.vectors.map((vector) => {
      const r = randomExponent(group);
      return { alpha: powMod(group, group.g, r), beta: mulMod(group, powMod(group, params.publicKey, r), encodeInts(group, vector)) };
    });
  }
  if (job.kind === "decrypt") return computePartialDecryption(election, [job.ciphertexts], job.privateKey);
  return verifyPartialDecryption(election, [job.ciphertexts], job.publicKey, job.pd);
}
