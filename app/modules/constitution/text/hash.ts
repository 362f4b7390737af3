import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { normaliseLineBreaks } from "../../../utils/line-breaks";
import { trimBothOf, trimLineEnds } from "../../../utils/trim";

const encoder = new TextEncoder();

/**
 * The hash an amendment stores of the clause text it was written against: "sha256:" and the
 * lower-case hex SHA-256 of the text's UTF-8 bytes, exactly as given (no normalisation), so it
 * can be checked with `printf %s "$text" | sha256sum`. Pure TypeScript: runs in the browser.
 */
export function hashText(text: string): string {
  return `sha256:${encodeHexLowerCase(sha256(encoder.encode(text)))}`;
}

/**
 * The form texts should be stored in: "\n" line ends (a Unicode line or paragraph separator is a
 * line end too), no spaces at line ends, no blank lines at the start or end, at most one blank
 * line in a row. Apply it to input before hashing or storing; the engine itself never
 * normalises, so hashes and diffs stay exact.
 */
export function normalizeText(text: string): string {
  return trimBothOf(trimLineEnds(normaliseLineBreaks(text)).replace(/\n{3,}/g, "\n\n"), "\n");
}
