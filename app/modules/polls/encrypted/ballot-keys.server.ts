/**
 * The keys the server holds while it is a poll's only trustee and its credential authority
 * (decision 044), derived from APP_SECRET and the election's uuid, never stored: a copy of the
 * database (a backup, a replica, the write-ahead log) holds ciphertexts and public keys only, and
 * whoever has APP_SECRET as well can read the ballots, which the poll page says plainly.
 *
 * The secret is set once at start-up by each entry point (server.ts, the command-line tools, the
 * test set-up), from the same APP_SECRET on every server: each derives the same keys.
 */
import { hkdfSync } from "node:crypto";
import { BASE58_DIGITS } from "~/modules/belenios/credentials";
import type { Group } from "~/modules/belenios/group";

// Kept on the process, not in this module: the Remix build bundles its own copy of this module
// beside the one server.ts and the background jobs import, and both must derive the same keys.
const SECRET_SLOT = Symbol.for("breakaway.ballot-secret");
type Slot = { [SECRET_SLOT]?: string };

export function setBallotSecret(appSecret: string): void {
  if (appSecret.length < 32) throw new Error("the ballot secret must be at least 32 characters (APP_SECRET)");
  (globalThis as Slot)[SECRET_SLOT] = appSecret;
}

/** The secret as set at start-up: the credential pool hands it to its worker threads, which have their own globalThis. */
export function ballotSecret(): string {
  const secret = (globalThis as Slot)[SECRET_SLOT];
  if (secret === undefined) throw new Error("no ballot secret: the entry point must call setBallotSecret(env.appSecret) at start-up");
  return secret;
}

/** Bytes for one purpose and election: HKDF-SHA256 (RFC 5869) of APP_SECRET. */
function derived(purpose: string, uuid: string, subject: string, length: number): bigint {
  const info = Buffer.from(`breakaway/${purpose}/${uuid}/${subject}`, "utf8");
  return BigInt(`0x${Buffer.from(hkdfSync("sha256", ballotSecret(), "breakaway ballot keys", info, length)).toString("hex")}`);
}

/**
 * The server trustee's private key for an election: 64 bytes taken modulo q - 1, plus 1, so that
 * it is never 0 and its bias is below 2^-250.
 */
export function serverTrusteeKey(group: Group, uuid: string): bigint {
  return (derived("trustee", uuid, "server", 64) % (group.q - 1n)) + 1n;
}

const CREDENTIAL_DIGITS = 14;
const CREDENTIAL_SPACE = 58n ** BigInt(CREDENTIAL_DIGITS);

/**
 * A member's private credential for an election, in Belenios' format (14 base-58 digits and a
 * checksum digit, as XXX-XXX-XXX-XXX-XXX): 32 derived bytes modulo 58^14 (bias below 2^-170).
 */
export function memberCredential(uuid: string, userId: string): string {
  let value = derived("credential", uuid, userId, 32) % CREDENTIAL_SPACE;
  const total = value;
  let digits = "";
  for (let i = 0; i < CREDENTIAL_DIGITS; i++) {
    digits = BASE58_DIGITS[Number(value % 58n)]! + digits;
    value /= 58n;
  }
  // The checksum digit makes the 15 digits' value 0 modulo 53 (credentials.ts).
  const raw = digits + BASE58_DIGITS[53 - Number(total % 53n)]!;
  return [0, 3, 6, 9, 12].map((i) => raw.slice(i, i + 3)).join("-");
}
