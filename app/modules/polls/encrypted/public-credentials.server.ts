/**
 * The public credentials of a poll's roll, derived on the calling thread: for each member, their
 * private credential (ballot-keys.server.ts), PBKDF2 of it, and g to that power. One to two
 * milliseconds a member; credential-pool.server.ts spreads large rolls over worker threads, which
 * run these same functions.
 */
import { publicCredential } from "~/modules/belenios/credentials";
import { groupByName, type Group } from "~/modules/belenios/group";
import { memberCredential } from "./ballot-keys.server";

/** In the election's group: BELENIOS-2048 for a Yes/No poll, RFC-3526-2048 for a ranking. */
export function publicCredentialsHere(groupName: Group["name"], uuid: string, userIds: readonly string[]): bigint[] {
  const group = groupByName(groupName);
  return userIds.map((userId) => publicCredential(group, uuid, memberCredential(uuid, userId)));
}

/** A roll's credentials, with their decimal text when asked for: writing 2048-bit numbers in decimal is slow too (about 17 µs each). */
export interface DerivedCredentials {
  credentials: bigint[];
  texts: string[] | null;
}

export function derivedCredentialsHere(groupName: Group["name"], uuid: string, userIds: readonly string[], withTexts: boolean): DerivedCredentials {
  const credentials = publicCredentialsHere(groupName, uuid, userIds);
  return { credentials, texts: withTexts ? credentials.map((c) => c.toString(10)) : null };
}

/**
 * The list an election publishes (Belenios' public_creds.json, every weight 1), sorted by value so
 * that its order says nothing about the roll's: the same text as
 * serializePublicCredentials(sortPublicCredentials(...)), from texts already written.
 */
export function publishedCredentialList(derived: DerivedCredentials): string {
  const { credentials, texts } = derived;
  if (!texts || texts.length !== credentials.length) throw new Error("each credential needs its text");
  const order = credentials.map((_, i) => i).sort((a, b) => (credentials[a]! < credentials[b]! ? -1 : credentials[a]! > credentials[b]! ? 1 : 0));
  return JSON.stringify(order.map((i) => texts[i]!));
}
