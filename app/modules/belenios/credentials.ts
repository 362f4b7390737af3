import { pbkdf2Sync, randomInt } from "node:crypto";
import { BASE58_DIGITS } from "./base58";
import { type Group, modQ, powMod } from "./group";
import type { PublicCredential } from "./types";

/**
 * Voter credentials (specification "Credentials"; src/lib/core/credential.ml): 14 random base-58
 * digits and a checksum digit, shown as XXX-XXX-XXX-XXX-XXX. The secret exponent is PBKDF2-SHA256
 * of that string (as typed, with its dashes), salted with the election uuid, 1000 iterations.
 */

export { BASE58_DIGITS };
const TOKEN_LENGTH = 14;

function randomToken(length: number): { text: string; value: bigint } {
  let text = "";
  let value = 0n;
  for (let i = 0; i < length; i++) {
    const digit = randomInt(58);
    text += BASE58_DIGITS[digit];
    value = value * 58n + BigInt(digit);
  }
  return { text, value };
}

/** An election uuid as `belenios-tool setup generate-token` makes one (14 base-58 digits). */
export function generateUuid(): string {
  return randomToken(TOKEN_LENGTH).text;
}

export function isValidUuid(uuid: string): boolean {
  return uuid.length >= TOKEN_LENGTH && [...uuid].every((c) => BASE58_DIGITS.includes(c));
}

/** A fresh private credential, formatted with dashes. */
export function generatePrivateCredential(): string {
  const { text, value } = randomToken(TOKEN_LENGTH);
  // The checksum digit is 53 - value mod 53 (1..53), so the 15 digits sum to 0 mod 53.
  const raw = text + BASE58_DIGITS[53 - Number(value % 53n)];
  return [0, 3, 6, 9, 12].map((i) => raw.slice(i, i + 3)).join("-");
}

/** Checks the checksum, with or without dashes (Credential.check). */
export function isValidPrivateCredential(credential: string): boolean {
  const raw = credential.length === 19 && [3, 7, 11, 15].every((i) => credential[i] === "-") ? credential.replace(/-/g, "") : credential;
  if (raw.length !== TOKEN_LENGTH + 1) return false;
  let value = 0n;
  for (let i = 0; i < TOKEN_LENGTH; i++) {
    const digit = BASE58_DIGITS.indexOf(raw[i]!);
    if (digit < 0) return false;
    value = value * 58n + BigInt(digit);
  }
  const checksum = BASE58_DIGITS.indexOf(raw[TOKEN_LENGTH]!);
  return checksum >= 0 && (value + BigInt(checksum)) % 53n === 0n;
}

/** secret(c): the signing exponent a private credential stands for in this election. */
export function credentialSecret(group: Group, uuid: string, privateCredential: string): bigint {
  const derived = pbkdf2Sync(Buffer.from(privateCredential, "utf8"), Buffer.from(uuid, "utf8"), 1000, 32, "sha256");
  return modQ(group, BigInt(`0x${derived.toString("hex")}`));
}

/** public(c) = g^secret(c), the value published in the list of public credentials. */
export function publicCredential(group: Group, uuid: string, privateCredential: string): bigint {
  return powMod(group, group.g, credentialSecret(group, uuid, privateCredential));
}

export interface IssuedCredential {
  privateCredential: string;
  publicCredential: bigint;
  weight: bigint;
}

/**
 * Credentials for a roll, one per voter. The public list must be published in an order that does
 * not follow the roll (the specification shuffles it); sortPublicCredentials does that.
 */
export function generateCredentials(group: Group, uuid: string, weights: readonly bigint[]): IssuedCredential[] {
  return weights.map((weight) => {
    const privateCredential = generatePrivateCredential();
    return { privateCredential, publicCredential: publicCredential(group, uuid, privateCredential), weight };
  });
}

/** The published list, sorted by value so that its order says nothing about the roll. */
export function sortPublicCredentials(creds: readonly PublicCredential[]): PublicCredential[] {
  return [...creds].sort((a, b) => (a.credential < b.credential ? -1 : a.credential > b.credential ? 1 : 0));
}
