/**
 * Trimming by plain loops rather than patterns like /^-+|-+$/g: such a pattern is tried at every
 * position of the text, so a long run of the character that is not at the end makes it quadratic.
 * These walk the string once.
 */

/** `text` without any of `chars` at its start. */
export function trimStartOf(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text.charAt(start))) start++;
  return text.slice(start);
}

/** `text` without any of `chars` at its end. */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/** `text` without any of `chars` at either end. */
export function trimBothOf(text: string, chars: string): string {
  return trimEndOf(trimStartOf(text, chars), chars);
}

/** `text` without the code points at its start for which `dropStart` holds, and at its end for `dropEnd`. */
export function trimWhere(text: string, dropStart: (c: string) => boolean, dropEnd: (c: string) => boolean): string {
  const chars = Array.from(text);
  let start = 0;
  while (start < chars.length && dropStart(chars[start] ?? "")) start++;
  let end = chars.length;
  while (end > start && dropEnd(chars[end - 1] ?? "")) end--;
  return chars.slice(start, end).join("");
}

const LINE_TERMINATOR = "\n\r\u2028\u2029";

/**
 * Spaces and tabs removed from the end of every line, as `replace(/[ \t]+$/gm, "")` would (its
 * lines end at any JavaScript line terminator) but in one pass.
 */
export function trimLineEnds(text: string): string {
  let out = "";
  let pending = "";
  for (const c of text) {
    if (c === " " || c === "\t") {
      pending += c;
      continue;
    }
    if (!LINE_TERMINATOR.includes(c)) out += pending;
    pending = "";
    out += c;
  }
  return out;
}

/**
 * `text` with each "(...)" and "[...]" on one line replaced by a space, as
 * `replace(/\(.*?\)|\[.*?\]/g, " ")` would, in one pass: that pattern rescans the rest of the
 * line from every "(" of a long run with no ")".
 */
export function withoutBracketed(text: string): string {
  // Where the next ")", "]" and line end are, found once and reused until passed: each search
  // only ever moves forward.
  const next = new Map<string, number>();
  const nextOf = (c: string, from: number): number => {
    const known = next.get(c);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = text.indexOf(c, from);
    next.set(c, found);
    return found;
  };
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === "(" || c === "[") {
      const close = nextOf(c === "(" ? ")" : "]", i + 1);
      const lineEnd = Math.min(...["\n", "\r", "\u2028", "\u2029"].map((b) => nextOf(b, i + 1)).map((n) => (n === -1 ? Infinity : n)));
      if (close !== -1 && close < lineEnd) {
        out += " ";
        i = close + 1;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}
