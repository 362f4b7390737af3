/**
 * Belenios' base-58 alphabet (no 0, O, I, l): credentials, uuids and threshold trustees' seeds are
 * written in it. Here, apart from credentials.ts (node:crypto), so that the browser can draw seeds.
 */
export const BASE58_DIGITS = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
