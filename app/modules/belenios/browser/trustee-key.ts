import { BeleniosFormatError, serializeTrusteePublicKey } from "../canonical";
import { type Group, groupByName, modQ } from "../group-params";
import { pokPrefix } from "../proof-prefixes";
import type { TrusteePublicKey } from "../types";
import type { Engine } from "./engine";
import { countingEngine, type TrusteeWorkOptions } from "./trustee-work";

/**
 * A trustee's key pair made in their own browser (issue 17): the server never sees the private
 * key. The files are exactly those of `belenios-tool setup generate-trustee-key --group G`
 * (src/common/tool/tool_tkeygen.ml, src/tool/setup.ml of Belenios 2.0), so that the trustee may
 * decrypt later with belenios-tool instead, or bring a key made with it.
 */

export interface BrowserTrusteeKey {
  /** belenios-tool's name for the pair (ID.privkey, ID.pubkey): 8 hex digits, upper case. */
  id: string;
  /** The exact text of ID.privkey: the private key x as a JSON string of base-10 digits, then a newline. */
  privateKeyFile: string;
  /** The public key g^x with its proof of knowledge (trustee_public_key); ID.pubkey is this plus a newline. */
  publicKeyJson: string;
}

/**
 * g^x with the Schnorr proof of knowledge of x (trustee.ts trusteePublicKeyFor, over WebCrypto):
 * a Single trustee's public key, or a threshold trustee's verification key. Two exponentiations.
 */
export async function trusteePublicKeyInBrowser(e: Engine, privateKey: bigint): Promise<TrusteePublicKey> {
  const { group } = e;
  const publicKey = await e.pow(group.g, privateKey);
  const w = e.randomExponent();
  const challenge = await e.hashToExponent(pokPrefix(group.name, publicKey), [await e.pow(group.g, w)]);
  return { pok: { challenge, response: modQ(group, w - privateKey * challenge) }, publicKey };
}

/** Draws x uniformly in [0, q) from crypto.getRandomValues, as belenios-tool draws it. Two exponentiations. */
export async function generateTrusteeKeyInBrowser(groupName: string, options: TrusteeWorkOptions = {}): Promise<BrowserTrusteeKey> {
  const e = countingEngine(groupName, 2, options);
  const privateKey = e.randomExponent();
  const key = await trusteePublicKeyInBrowser(e, privateKey);
  const id = (await e.sha256Hex(key.publicKey.toString(10))).slice(0, 8).toUpperCase();
  return { id, privateKeyFile: `${JSON.stringify(privateKey.toString(10))}\n`, publicKeyJson: serializeTrusteePublicKey(key) };
}

const PRIVATE_KEY_FILE = /^"(0|[1-9]\d*)"$/;

/**
 * x from an ID.privkey file's text, as belenios-tool reads it (one line holding a JSON string of
 * digits); the line end may be Windows'. Throws BeleniosFormatError for anything else, or a number
 * that is not an exponent of the group.
 */
export function readPrivateKeyFile(group: Group, text: string): bigint {
  const match = PRIVATE_KEY_FILE.exec(text.replace(/\r?\n$/, ""));
  if (!match) throw new BeleniosFormatError("private key file: one line holding the key in double quotes expected");
  const x = BigInt(match[1]!);
  if (x <= 0n || x >= group.q) throw new BeleniosFormatError(`private key file: not a private key of ${group.name}`);
  return x;
}

/** Whether the private key file holds the key of this public key (base 10): one exponentiation. */
export async function privateKeyFileMatches(groupName: string, privateKeyFile: string, publicKey: string, options: TrusteeWorkOptions = {}): Promise<boolean> {
  const e = countingEngine(groupName, 1, options);
  const x = readPrivateKeyFile(groupByName(groupName), privateKeyFile);
  return (await e.pow(e.group.g, x)).toString(10) === publicKey;
}
