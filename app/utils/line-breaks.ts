/**
 * Where a line ends. Besides "\n", "\r\n" and a lone "\r", Unicode has its own line and paragraph
 * separators (U+2028, U+2029) and NEL (U+0085). Text pasted from a word processor or sent on
 * purpose can contain them; a reader's screen breaks the line there, and JavaScript's "." and "$"
 * treat them as line ends, so every place that splits text into lines must too (issue 13: a
 * heading line hiding a U+2028 made the old heading pattern backtrack for seconds).
 */
export const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/;
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;

/** The lines of `text`, split at every kind of line end. */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/** `text` with every kind of line end written as "\n". */
export function normaliseLineBreaks(text: string): string {
  return text.replace(LINE_BREAKS, "\n");
}
