/**
 * The one reading of Markdown in Breakaway (decision 038). The web page (PlainMarkdown) and the
 * PDF (documents/kit.tsx) both lay out the blocks made here, so a text reads the same in both.
 * CommonMark is parsed by mdast-util-from-markdown; only a deliberate subset is kept as
 * structure: headings, paragraphs, bulleted and numbered lists (nested too), **strong** and
 * *emphasis*. Everything else keeps its words as plain text: a code block or a quote becomes
 * paragraphs, a link shows its words and its address, an image its description, and HTML is
 * shown as the characters typed, never run. Pure and browser-safe: no server-only imports.
 */
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Nodes, PhrasingContent, RootContent } from "mdast";
import { normaliseLineBreaks } from "../../utils/line-breaks";
import { RecentlyUsed } from "../../utils/recently-used";

/** A stretch of text with one style. `italic` is present only when true. */
export type InlineRun = { text: string; bold: boolean; italic?: true };

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface ListItem {
  /** The item's first paragraph. */
  runs: InlineRun[];
  /** Anything after it inside the item: more paragraphs, a nested list. */
  blocks: Block[];
}

export type Block =
  | { kind: "heading"; level: HeadingLevel; runs: InlineRun[] }
  | { kind: "paragraph"; runs: InlineRun[] }
  /** `start`: the number of an ordered list's first item, when it is not 1. */
  | { kind: "list"; ordered: boolean; start?: number; items: ListItem[] };

interface Style {
  bold: boolean;
  italic: boolean;
}

const PLAIN: Style = { bold: false, italic: false };

/** Line breaks inside a paragraph are spaces to a reader, as on the web. */
function spaced(text: string): string {
  const lines = text.split("\n");
  return lines
    .map((line, i) => (i > 0 ? line.trimStart() : line))
    .map((line, i) => (i < lines.length - 1 ? line.trimEnd() : line))
    .join(" ");
}

function run(text: string, style: Style): InlineRun {
  return style.italic ? { text, bold: style.bold, italic: true } : { text, bold: style.bold };
}

/** Joins neighbouring runs of the same style, so "a" + "b" reads as one run "ab". */
function merge(runs: readonly InlineRun[]): InlineRun[] {
  const out: InlineRun[] = [];
  // Texts are gathered and joined once per run: adding strings one by one grows with the square.
  const parts: string[][] = [];
  for (const r of runs) {
    if (r.text === "") continue;
    const last = out.at(-1);
    if (last && last.bold === r.bold && last.italic === r.italic) parts.at(-1)?.push(r.text);
    else {
      out.push(r);
      parts.push([r.text]);
    }
  }
  return out.map((r, i) => ({ ...r, text: (parts[i] ?? []).join("") }));
}

/** Trims the spaces at the two ends of a paragraph's runs (the PDF and the web agree on them). */
function trimRuns(runs: readonly InlineRun[]): InlineRun[] {
  const out = merge(runs);
  const first = out[0];
  if (first) out[0] = { ...first, text: first.text.trimStart() };
  const last = out.at(-1);
  if (last) out[out.length - 1] = { ...last, text: last.text.trimEnd() };
  return out.filter((r) => r.text !== "");
}

function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : source.slice(start, end);
}

function inline(nodes: readonly PhrasingContent[], style: Style, source: string): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        runs.push(run(spaced(node.value), style));
        break;
      case "strong":
        runs.push(...inline(node.children, { ...style, bold: true }, source));
        break;
      case "emphasis":
        runs.push(...inline(node.children, { ...style, italic: true }, source));
        break;
      case "inlineCode":
        runs.push(run(node.value, style));
        break;
      case "break":
        runs.push(run(" ", style));
        break;
      case "link": {
        // The address is shown, not followed: a member reads where a link would take them, and
        // the printed copy keeps it.
        const words = inline(node.children, style, source);
        runs.push(...words);
        const text = words.map((r) => r.text).join("");
        if (node.url && node.url !== text && `mailto:${text}` !== node.url) runs.push(run(` (${node.url})`, style));
        break;
      }
      case "image":
        runs.push(run(node.alt ?? "", style));
        break;
      case "linkReference":
        runs.push(...inline(node.children, style, source));
        break;
      default:
        // Inline HTML, image references and anything else: the characters as typed.
        runs.push(run(spaced(sourceOf(node, source)), style));
    }
  }
  return runs;
}

function plainBlock(node: RootContent, source: string): Block[] {
  const text = spaced(sourceOf(node, source)).trim();
  return text ? [{ kind: "paragraph", runs: [{ text, bold: false }] }] : [];
}

function blocksOf(nodes: readonly RootContent[], source: string, depth: number): Block[] {
  const blocks: Block[] = [];
  if (depth > MAX_NESTING) {
    // Too deep to lay out: the words, one paragraph per block, as typed.
    for (const node of nodes) blocks.push(...plainBlock(node, source));
    return blocks;
  }
  const paragraph = (runs: InlineRun[]) => {
    const trimmed = trimRuns(runs);
    if (trimmed.length > 0) blocks.push({ kind: "paragraph", runs: trimmed });
  };
  for (const node of nodes) {
    switch (node.type) {
      case "heading": {
        // A heading with no words has nothing to name: an empty heading only confuses a screen reader.
        const runs = trimRuns(inline(node.children, PLAIN, source));
        if (runs.length > 0) blocks.push({ kind: "heading", level: node.depth, runs });
        break;
      }
      case "paragraph":
        paragraph(inline(node.children, PLAIN, source));
        break;
      case "list":
        blocks.push({
          kind: "list",
          ordered: node.ordered === true,
          ...(node.ordered === true && typeof node.start === "number" && node.start !== 1 ? { start: node.start } : {}),
          items: node.children.map((item) => {
            const inner = blocksOf(item.children, source, depth + 1);
            const first = inner[0];
            return first?.kind === "paragraph" ? { runs: first.runs, blocks: inner.slice(1) } : { runs: [], blocks: inner };
          }),
        });
        break;
      case "blockquote":
        // A quotation reads as the text it quotes.
        blocks.push(...blocksOf(node.children, source, depth + 1));
        break;
      case "code":
        // Code has no place in a member's text or a printed letter; its words are kept.
        for (const part of node.value.split(/\n[ \t]*\n/)) paragraph([run(spaced(part), PLAIN)]);
        break;
      case "thematicBreak":
      case "definition":
        // A rule has no words; a link definition's address shows where the link is used.
        break;
      default:
        // HTML and anything else: the characters as typed, shown, never run.
        paragraph([run(spaced(sourceOf(node, source)), PLAIN)]);
    }
  }
  return blocks;
}

/**
 * Inline markup characters a stretch of text between blank lines may hold before they are read
 * as typed. micromark matches emphasis, links and code spans in time that grows with the square
 * of their number in a paragraph: 20,000 of "*_" took 15 seconds. Real texts hold a few dozen
 * (the standing orders' busiest paragraph, 36).
 */
export const MAX_MARKUP_PER_PARAGRAPH = 64;

/** Lines nested deeper than this (by indentation, or by markers such as "- - -") read as typed. */
const MAX_LINE_NESTING = 8;
const MARKUP = /[!&*<[\\\]_`]/g;

/**
 * A line whose indentation or run of container markers ("> - 1. ...") would nest deeper than
 * MAX_LINE_NESTING, flattened: micromark's time grows fast with the depth of nesting.
 */
function shallowLine(line: string): string {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? "";
  const flat = indent.length > MAX_LINE_NESTING * 4 ? line.slice(indent.length) : line;
  let depth = 0;
  let at = 0;
  const marker = /^(?:[>*+-]|\d{1,9}[.)])(?:[ \t]+|$)/;
  for (let m = marker.exec(flat); m && depth <= MAX_LINE_NESTING; m = marker.exec(flat.slice(at))) {
    depth += 1;
    at += m[0].length;
  }
  return depth > MAX_LINE_NESTING ? `\\${flat}` : flat;
}

/** Whether some stretch of text between blank lines holds more markup than a text ever needs. */
function overMarked(text: string): boolean {
  return text.split(/\n[ \t]*\n/).some((part) => (part.match(MARKUP)?.length ?? 0) > MAX_MARKUP_PER_PARAGRAPH);
}

/**
 * Inline markup switched off: emphasis, links, images, code spans, inline HTML, escapes and
 * character references all read as the characters typed. Escaping the characters instead would
 * not do: micromark is as slow with thousands of escapes.
 */
const INLINE_MARKUP_OFF = {
  extensions: [
    {
      disable: {
        null: [
          "attention",
          "labelStartLink",
          "labelStartImage",
          "labelEnd",
          "codeText",
          "htmlText",
          "autolink",
          "characterEscape",
          "characterReference",
          "hardBreakEscape",
        ],
      },
    },
  ],
};

/** Lists and quotes nested deeper than this read as the text they hold (no stack runs out). */
export const MAX_NESTING = 8;

/** Texts whose blocks are kept, newest last: the repository's texts and the statements in use. */
const KEPT_TEXTS = 64;
/** Longer texts are read afresh each time: what is kept stays within a few megabytes. */
const KEPT_TEXT_CHARS = 100_000;
const kept = new RecentlyUsed<string, Block[]>(KEPT_TEXTS);

/**
 * The blocks of a Markdown text. Every kind of line end counts (U+2028 included). Reading takes
 * about 4 ms per thousand characters (110 ms for the standing orders) on the server's one thread,
 * and pages show the same few texts again and again: the blocks of the last texts read are kept
 * and handed out again, so callers must never change them.
 */
export function readMarkdown(markdown: string): Block[] {
  if (markdown.length > KEPT_TEXT_CHARS) return parseMarkdown(markdown);
  return kept.get(markdown, () => parseMarkdown(markdown));
}

function parseMarkdown(markdown: string): Block[] {
  const source = normaliseLineBreaks(markdown).split("\n").map(shallowLine).join("\n");
  return blocksOf(fromMarkdown(source, overMarked(source) ? INLINE_MARKUP_OFF : undefined).children, source, 0);
}

/** The text of some runs without any formatting, for plain-text versions of documents. */
export function plainText(runs: readonly InlineRun[]): string {
  return runs.map((r) => r.text).join("");
}
