/**
 * Splits an uploaded Markdown constitution into clauses, so organisers can start the draft from
 * their own text instead of the model clauses. Pure: no I/O and no Node built-ins, so it can also
 * check a file in the browser before it is sent.
 *
 * The text engine (text/blocks.ts) knows only paragraphs and list items, and clause text is shown
 * as plain text, never rendered: Markdown inline markup such as **bold** is kept exactly as typed.
 */
import { splitLines } from "../../utils/line-breaks";
import { MAX_CLAUSE_TITLE_LENGTH, MAX_CONSTITUTION_FILE_BYTES } from "~/utils/input-limits";
import { trimBothOf, trimEndOf } from "../../utils/trim";
import type { RegistrationItemKey } from "./registration-items";

export interface UploadedClause {
  id: string;
  title: string;
  text: string;
  entrenched: boolean;
  covers: RegistrationItemKey[];
}

export type UploadProblemCode = "empty" | "no_clauses" | "too_many_clauses" | "too_large" | "clause_empty" | "title_too_long" | "duplicate_title";

export interface UploadProblem {
  code: UploadProblemCode;
  /** 1-based line of the clause's heading in the uploaded file. */
  line?: number;
  title?: string;
}

export type UploadResult = { ok: true; clauses: UploadedClause[]; ignoredPreamble: boolean } | { ok: false; problems: UploadProblem[] };

export const UPLOAD_LIMITS = { maxBytes: MAX_CONSTITUTION_FILE_BYTES, maxClauses: 200, maxTitleLength: MAX_CLAUSE_TITLE_LENGTH };

const MAX_ID_LENGTH = 40;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;
const YAML_KEY = /^[A-Za-z_][\w-]*:(?:[ \t]|$)/;

// The app numbers clauses itself, so a number typed in the heading would be shown twice.
const CLAUSE_NUMBER = /^(?:(?:clause|section|article|rule|part)\s+(?:\d+(?:\.\d+)*[a-z]?|[ivxlcdm]+)\b|\d+(?:\.\d+)*)(?:\s*[.):\u2013\u2014-]\s*|\s+)/i;
// Spaces before the marker are trimmed with the rest of the title.
const ENTRENCHED_MARKER = /\(\s*entrenched\s*\)$/i;

// Keywords are matched at the start of a word of the title, so "Membership" covers membership but
// "Remember" would not. A guess for organisers to check, never a claim the text was read.
const COVER_KEYWORDS: readonly (readonly [RegExp, RegistrationItemKey])[] = [
  [/\baim/i, "aims"],
  [/\bregister/i, "register"],
  [/\belection/i, "elections"],
  [/\bcandidate/i, "candidate-selection"],
  [/\b(?:officer|structure)/i, "structure-officers"],
  [/\b(?:decision|meeting)/i, "decision-making"],
  [/\b(?:discipline|dispute)/i, "discipline"],
  [/\bmember/i, "membership"],
  [/\bfinanc/i, "financial-scheme"],
  [/\bamend/i, "amendment"],
  [/\bdissol/i, "dissolution"],
];

interface Heading {
  level: number;
  text: string;
}

/**
 * A CommonMark ATX heading: up to 3 spaces of indentation (4 would be a code block), 1-6 hashes,
 * then a space or the end of the line ("#hashtag" is not a heading). Read by position, in one
 * pass: the pattern this replaces took 15 s on a 2 KB line (issue 13).
 */
export function parseHeading(line: string): Heading | null {
  let at = 0;
  while (at < line.length && line.charAt(at) === " ") at++;
  if (at > 3) return null;
  const hashesFrom = at;
  while (at < line.length && line.charAt(at) === "#") at++;
  const level = at - hashesFrom;
  if (level < 1 || level > 6) return null;
  const rest = line.slice(at);
  if (rest !== "" && rest.charAt(0) !== " " && rest.charAt(0) !== "\t") return null;
  let text = trimBothOf(rest, " \t");
  // A closing run of hashes ("## Aims ##") is decoration, not part of the title.
  const unhashed = trimEndOf(text, "#");
  if (unhashed.length < text.length && (unhashed === "" || unhashed.endsWith(" ") || unhashed.endsWith("\t"))) text = unhashed;
  return { level, text: text.trim() };
}

/** Which lines are headings; lines inside fenced code blocks never are. */
function findHeadings(lines: readonly string[], from: number): (Heading | null)[] {
  const headings: (Heading | null)[] = lines.map(() => null);
  let fence: string | null = null;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const opener = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener) fence = null;
      continue;
    }
    if (opener) {
      fence = opener;
      continue;
    }
    headings[i] = parseHeading(line);
  }
  return headings;
}

/**
 * Lines of YAML front matter at the very top (an export from a static site, say), or 0. Its
 * "# comments" would otherwise look like headings. Only YAML-looking lines count, so a "---" rule
 * above the first clause cannot swallow the clauses after it.
 */
function frontMatterLength(lines: readonly string[]): number {
  if (!FRONT_MATTER_FENCE.test(lines[0] ?? "")) return 0;
  const close = lines.findIndex((line, i) => i > 0 && FRONT_MATTER_FENCE.test(line));
  if (close === -1) return 0;
  const inside = lines.slice(1, close).filter((line) => line.trim() !== "");
  const yamlLike = inside.every((line) => YAML_KEY.test(line) || /^(?:[ \t]|- |# )/.test(line));
  return yamlLike && inside.some((line) => YAML_KEY.test(line)) ? close + 1 : 0;
}

function cleanTitle(raw: string, position: number): { title: string; entrenched: boolean } {
  let title = raw.replace(/\s+/g, " ").trim();
  const entrenched = ENTRENCHED_MARKER.test(title);
  if (entrenched) title = title.replace(ENTRENCHED_MARKER, "").trim();
  const unnumbered = title.replace(CLAUSE_NUMBER, "").trim();
  // "## Clause 3" alone is its own title; only strip a number when words follow it.
  if (unnumbered) title = unnumbered;
  return { title: title || `Clause ${position}`, entrenched };
}

function slug(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-/, "")
    .replace(/-$/, "");
}

/** Cuts at a hyphen where possible, so an id never ends in half a word. */
function truncate(id: string, max: number): string {
  if (id.length <= max) return id;
  const cut = id.slice(0, max + 1).lastIndexOf("-");
  return cut > 0 ? id.slice(0, cut) : id.slice(0, max);
}

function uniqueId(base: string, used: Set<string>): string {
  let id = truncate(base, MAX_ID_LENGTH);
  for (let n = 2; used.has(id); n++) {
    const suffix = `-${n}`;
    id = truncate(base, MAX_ID_LENGTH - suffix.length) + suffix;
  }
  used.add(id);
  return id;
}

function coversFor(title: string): RegistrationItemKey[] {
  const covers: RegistrationItemKey[] = [];
  for (const [pattern, key] of COVER_KEYWORDS) {
    if (pattern.test(title) && !covers.includes(key)) covers.push(key);
  }
  return covers;
}

function clauseText(lines: readonly string[], headings: readonly (Heading | null)[]): string {
  const out: string[] = [];
  lines.forEach((line, i) => {
    const heading = headings[i];
    if (!heading) {
      out.push(line.trimEnd());
      return;
    }
    // The engine has no headings; blank lines around keep the text its own paragraph rather than
    // a continuation of the lines next to it.
    if (heading.text) out.push("", heading.text, "");
  });
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Splits a Markdown constitution into clauses: each `##` heading starts one (or each `#` heading,
 * when there are several and no `##`). Text before the first clause is a preamble, ignored.
 * Every problem found is reported, not only the first.
 */
export function splitMarkdownIntoClauses(markdown: string): UploadResult {
  const problems: UploadProblem[] = [];
  if (new TextEncoder().encode(markdown).length > UPLOAD_LIMITS.maxBytes) problems.push({ code: "too_large" });

  const text = markdown.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { ok: false, problems: [...problems, { code: "empty" }] };

  // Every kind of line end ends a line, U+2028 and U+2029 included: a reader sees a new line there.
  const lines = splitLines(text);
  const skipped = frontMatterLength(lines);
  const headings = findHeadings(lines, skipped);
  const hasLevel2 = headings.some((h) => h?.level === 2);
  const level1Count = headings.filter((h) => h?.level === 1).length;
  // A lone "#" heading is the document's title, not its only clause.
  const clauseLevel = hasLevel2 ? 2 : level1Count > 1 ? 1 : null;
  const starts = clauseLevel === null ? [] : headings.flatMap((h, i) => (h?.level === clauseLevel ? [i] : []));
  const first = starts[0];
  if (first === undefined) return { ok: false, problems: [...problems, { code: "no_clauses" }] };
  if (starts.length > UPLOAD_LIMITS.maxClauses) problems.push({ code: "too_many_clauses" });

  const ignoredPreamble = skipped > 0 || lines.slice(0, first).some((line) => line.trim() !== "");
  const usedIds = new Set<string>();
  const seenTitles = new Set<string>();
  const clauses: UploadedClause[] = starts.map((start, index) => {
    const end = starts[index + 1] ?? lines.length;
    const line = start + 1;
    const { title, entrenched } = cleanTitle(headings[start]?.text ?? "", index + 1);
    const body = clauseText(lines.slice(start + 1, end), headings.slice(start + 1, end));

    if (title.length > UPLOAD_LIMITS.maxTitleLength) problems.push({ code: "title_too_long", line, title });
    const titleKey = title.toLowerCase();
    if (seenTitles.has(titleKey)) problems.push({ code: "duplicate_title", line, title });
    seenTitles.add(titleKey);
    if (!body) problems.push({ code: "clause_empty", line, title });

    return {
      id: uniqueId(slug(title) || `clause-${index + 1}`, usedIds),
      title,
      text: body,
      entrenched,
      covers: coversFor(title),
    };
  });

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, clauses, ignoredPreamble };
}

/** A stable id for a clause added by an amendment, unlike any clause the draft already has. */
export function newClauseId(title: string, existing: Iterable<string>): string {
  return uniqueId(slug(title) || "new-clause", new Set(existing));
}
