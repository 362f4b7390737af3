import { hmac } from "@oslojs/crypto/hmac";
import { SHA256, sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** 20 random bytes = 160 bits, base32 so it survives being typed or wrapped in an email. */
export function generateToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * What we store instead of a high-entropy token (session ids): a leaked table then opens nothing.
 * Plain SHA-256 is enough here, since 160 random bits cannot be guessed back from the hash.
 */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * HMAC-SHA-256 with the server secret (APP_SECRET): for sign-in link tokens and for the email
 * and client addresses counted against the sign-in and pledge limits. Addresses are guessable,
 * so without the secret a leaked table could be checked against a list of addresses.
 */
export function keyedHash(secret: string, value: string): string {
  if (secret.length === 0) throw new Error("keyedHash needs the server secret");
  const encoder = new TextEncoder();
  return encodeHexLowerCase(hmac(SHA256, encoder.encode(secret), encoder.encode(value)));
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
