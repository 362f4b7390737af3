/**
 * What a credential worker thread runs (credential-pool.server.ts): one chunk of a roll's public
 * credentials. The ballot secret comes with each chunk: a worker thread has its own globalThis,
 * where setBallotSecret keeps it.
 */
import type { Group } from "~/modules/belenios/group";
import { setBallotSecret } from "./ballot-keys.server";
import { derivedCredentialsHere, type DerivedCredentials } from "./public-credentials.server";

export interface CredentialJob {
  secret: string;
  group: Group["name"];
  uuid: string;
  userIds: readonly string[];
  withTexts: boolean;
}

export function runJob(job: CredentialJob): DerivedCredentials {
  setBallotSecret(job.secret);
  return derivedCredentialsHere(job.group, job.uuid, job.userIds, job.withTexts);
}
