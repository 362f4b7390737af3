/**
 * The public credentials of a poll's roll, derived on the calling thread: for each member, their
 * private credential (ballot-keys.server.ts), PBKDF2 of it, and g to that power. One to two
 * milliseconds a member; credential-pool.server.ts spreads large rolls over worker threads, which
 * run this same function.
 */
import { publicCredential } from "~/modules/belenios/credentials";
import { BELENIOS_2048 } from "~/modules/belenios/group";
import { memberCredential } from "./ballot-keys.server";

/** A Yes/No poll's election is in BELENIOS-2048 (setUpElection checks it). */
export function publicCredentialsHere(uuid: string, userIds: readonly string[]): bigint[] {
  return userIds.map((userId) => publicCredential(BELENIOS_2048, uuid, memberCredential(uuid, userId)));
}
