import { generateUuid, isValidUuid } from "./credentials";
import { BELENIOS_2048, type Group } from "./group";
import { parseElection, serializeElectionParams } from "./serialize";
import { checkTrustees, electionPublicKey } from "./trustees";
import type { Election, ElectionParams, Question, TrusteeKind } from "./types";

/**
 * The election record (specification "Elections"), written once: its exact string is what every
 * ballot's election_hash and every proof refers to, so it is never re-serialized afterwards.
 */

export interface ElectionTemplate {
  uuid?: string;
  name: string;
  description: string;
  questions: Question[];
  administrator?: string;
  credentialAuthority?: string;
}

export function checkQuestion(q: Question): string | null {
  if (q.answers.length === 0) return "a question needs at least one answer";
  if (!Number.isInteger(q.min) || !Number.isInteger(q.max) || q.min < 0 || q.min > q.max)
    return "min and max must be integers with 0 <= min <= max";
  if (q.max > q.answers.length) return "max cannot exceed the number of answers";
  return null;
}

/** Builds the election from its questions and trustees; the public key is the trustees' product. */
export function makeElection(template: ElectionTemplate, trustees: readonly TrusteeKind[], group: Group = BELENIOS_2048): Election {
  if (group !== BELENIOS_2048) throw new Error("homomorphic elections use BELENIOS-2048 (Belenios 2.0)");
  const uuid = template.uuid ?? generateUuid();
  if (!isValidUuid(uuid)) throw new Error("uuid must be at least 14 base-58 characters");
  for (const q of template.questions) {
    const problem = checkQuestion(q);
    if (problem) throw new Error(`question "${q.question}": ${problem}`);
  }
  if (trustees.length === 0) throw new Error("an election needs at least one trustee");
  const problem = checkTrustees(group, trustees);
  if (problem) throw new Error(problem);
  const params: ElectionParams = {
    uuid,
    name: template.name,
    description: template.description,
    group: group.name,
    publicKey: electionPublicKey(group, trustees),
    questions: template.questions.map((q) => ({ ...q, answers: [...q.answers] })),
  };
  if (template.administrator !== undefined) params.administrator = template.administrator;
  if (template.credentialAuthority !== undefined) params.credentialAuthority = template.credentialAuthority;
  return parseElection(serializeElectionParams(params));
}

/** Number of ciphertexts an answer to q carries: one per answer, plus the blank flag first. */
export function questionLength(q: Question): number {
  return q.answers.length + (q.blank ? 1 : 0);
}
