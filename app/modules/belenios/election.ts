import { generateUuid, isValidUuid } from "./credentials";
import { BELENIOS_2048, type Group, RFC_3526_2048 } from "./group";
import { parseElection, serializeElectionParams } from "./serialize";
import { checkTrustees, electionPublicKey } from "./trustees";
import { isHomomorphic } from "./types";
import type { AnyQuestion, Election, ElectionParams, TrusteeKind } from "./types";

export { questionLength } from "./plaintext";

/**
 * The election record (specification "Elections"), written once: its exact string is what every
 * ballot's election_hash and every proof refers to, so it is never re-serialized afterwards.
 */

export interface ElectionTemplate {
  uuid?: string;
  name: string;
  description: string;
  questions: AnyQuestion[];
  administrator?: string;
  credentialAuthority?: string;
}

export function checkQuestion(q: AnyQuestion): string | null {
  if (q.answers.length === 0) return "a question needs at least one answer";
  // 8 bits per answer and 8 of padding must fit below p (2048 bits) in RFC-3526-2048.
  if (!isHomomorphic(q)) return q.answers.length > 254 ? "at most 254 answers" : null;
  if (!Number.isInteger(q.min) || !Number.isInteger(q.max) || q.min < 0 || q.min > q.max) return "min and max must be integers with 0 <= min <= max";
  if (q.max > q.answers.length) return "max cannot exceed the number of answers";
  return null;
}

/** The group Belenios 2.0 prescribes: RFC-3526-2048 as soon as one question is non-homomorphic. */
export function groupForQuestions(questions: readonly AnyQuestion[]): Group {
  return questions.every(isHomomorphic) ? BELENIOS_2048 : RFC_3526_2048;
}

/**
 * Builds the election from its questions and trustees (whose keys must be in the group the
 * questions call for); the public key is the trustees' product.
 */
export function makeElection(template: ElectionTemplate, trustees: readonly TrusteeKind[]): Election {
  const group = groupForQuestions(template.questions);
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
