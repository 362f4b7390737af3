import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { isRegistrationItemKey, registrationItems, type RegistrationItemKey } from "./registration-items";

/**
 * The model constitution: one Markdown file per clause in constitution/clauses/, each opening
 * with front matter (id, title, order, entrenched, covers). Everything here is pure except
 * `loadModelConstitution`, which reads the folder; it imports node:fs, so import this module from
 * loaders, scripts and tests, never from code that runs in the browser.
 */

export interface Clause {
  /** Stable slug; votes and amendments are recorded against it, so it never changes. */
  id: string;
  title: string;
  /** Position in the constitution; gaps leave room to insert clauses without renumbering. */
  order: number;
  /** Needs two thirds to change (standing orders 8.5). */
  entrenched: boolean;
  /** The registration items (registration-items.ts) this clause says it satisfies. */
  covers: RegistrationItemKey[];
  /** Optional text version, raised whenever the wording changes. */
  version?: number;
  body: string;
  /** The file it came from, for error messages. */
  file: string;
}

export interface ClauseFile {
  name: string;
  text: string;
}

export type ParseResult = { ok: true; clauses: Clause[] } | { ok: false; problems: string[] };

export class ModelConstitutionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The model constitution has ${problems.length} problem(s):\n- ${problems.join("\n- ")}`);
    this.name = "ModelConstitutionError";
  }
}

type FrontMatterValue = string | string[];

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KNOWN_KEYS = new Set(["id", "title", "order", "entrenched", "covers", "version"]);

function unquote(raw: string): string {
  const value = raw.trim();
  const quoted = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value);
  if (quoted) return quoted[1] ?? "";
  // An unquoted value may end with a YAML comment.
  const comment = value.search(/\s#/);
  return comment === -1 ? value : value.slice(0, comment).trimEnd();
}

/**
 * The front matter the clause files use: flat `key: value` lines, and lists written either as
 * `key:` followed by `  - item` lines or inline as `key: [a, b]`. Not a YAML parser: anything
 * else is reported as a problem rather than guessed at.
 */
export function parseFrontMatter(text: string): { data: Record<string, FrontMatterValue>; body: string; problems: string[] } | null {
  const match = FRONT_MATTER.exec(text);
  if (!match) return null;
  const data: Record<string, FrontMatterValue> = {};
  const problems: string[] = [];
  let listKey: string | null = null;
  const lines = (match[1] ?? "").split(/\r?\n/);
  lines.forEach((line, index) => {
    if (!line.trim() || line.trim().startsWith("#")) return;
    const item = /^\s+-\s*(\S.*)?$/.exec(line) ?? /^-\s+(\S.*)?$/.exec(line);
    if (item) {
      const list = listKey === null ? undefined : data[listKey];
      if (Array.isArray(list)) list.push(unquote(item[1] ?? ""));
      else problems.push(`front matter line ${index + 2}: a list item with no list key above it`);
      return;
    }
    const kv = /^([A-Za-z_][\w-]*):(?:\s+(\S.*)?)?$/.exec(line);
    if (!kv?.[1]) {
      problems.push(`front matter line ${index + 2}: not understood: ${line.trim()}`);
      listKey = null;
      return;
    }
    const key = kv[1];
    const raw = (kv[2] ?? "").trim();
    if (key in data) problems.push(`front matter key "${key}" appears twice`);
    if (raw === "") {
      data[key] = [];
      listKey = key;
      return;
    }
    listKey = null;
    const inline = /^\[(.*)\]$/.exec(raw);
    data[key] = inline
      ? (inline[1] ?? "")
          .split(",")
          .map(unquote)
          .filter((v) => v !== "")
      : unquote(raw);
  });
  return { data, body: text.slice(match[0].length), problems };
}

/**
 * One clause file, checked field by field; problems name the file. `id` and `order` are given
 * whenever they are valid on their own, so duplicates are found even in a clause with other faults.
 */
export function parseClauseFile(file: ClauseFile): { clause: Clause | null; problems: string[]; id?: string; order?: number } {
  const parsed = parseFrontMatter(file.text);
  if (!parsed) return { clause: null, problems: [`${file.name}: no front matter (--- lines) at the top`] };
  const problems = parsed.problems.map((p) => `${file.name}: ${p}`);
  const { data } = parsed;
  const scalar = (key: string): string | undefined => {
    const value = data[key];
    if (value === undefined) return undefined;
    if (Array.isArray(value)) {
      problems.push(`${file.name}: "${key}" must be a single value, not a list`);
      return undefined;
    }
    return value;
  };

  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) problems.push(`${file.name}: unknown front matter key "${key}"`);
  }

  const id = scalar("id");
  const validId = id !== undefined && ID.test(id) ? id : undefined;
  if (id === undefined) problems.push(`${file.name}: "id" is missing`);
  else if (validId === undefined) problems.push(`${file.name}: id "${id}" must be lower-case words joined by hyphens`);

  const title = scalar("title")?.trim();
  if (!title) problems.push(`${file.name}: "title" is missing or empty`);

  const orderText = scalar("order");
  const validOrder = orderText !== undefined && /^\d+$/.test(orderText) ? Number(orderText) : undefined;
  if (orderText === undefined) problems.push(`${file.name}: "order" is missing`);
  else if (validOrder === undefined || !Number.isSafeInteger(validOrder) || validOrder <= 0)
    problems.push(`${file.name}: order "${orderText}" must be a positive whole number`);

  const entrenchedText = scalar("entrenched");
  if (entrenchedText === undefined) problems.push(`${file.name}: "entrenched" is missing`);
  else if (entrenchedText !== "true" && entrenchedText !== "false") problems.push(`${file.name}: entrenched must be true or false, not "${entrenchedText}"`);

  const versionText = scalar("version");
  const version = versionText === undefined ? undefined : Number(versionText);
  if (versionText !== undefined && (!/^\d+$/.test(versionText) || !version))
    problems.push(`${file.name}: version "${versionText}" must be a positive whole number`);

  const coversValue = data.covers;
  const covers: RegistrationItemKey[] = [];
  if (coversValue === undefined) problems.push(`${file.name}: "covers" is missing (write "covers: []" if it covers nothing)`);
  else if (!Array.isArray(coversValue)) problems.push(`${file.name}: "covers" must be a list`);
  else {
    for (const key of coversValue) {
      if (!isRegistrationItemKey(key)) problems.push(`${file.name}: covers an unknown registration item "${key}"`);
      else if (covers.includes(key)) problems.push(`${file.name}: covers "${key}" twice`);
      else covers.push(key);
    }
  }

  const body = parsed.body.trim();
  if (!body) problems.push(`${file.name}: the clause has no text`);

  const keys = {
    ...(validId === undefined ? {} : { id: validId }),
    ...(validOrder === undefined || !Number.isSafeInteger(validOrder) || validOrder <= 0 ? {} : { order: validOrder }),
  };
  if (problems.length > 0 || keys.id === undefined || keys.order === undefined || !title) return { clause: null, problems, ...keys };
  return {
    clause: {
      id: keys.id,
      title,
      order: keys.order,
      entrenched: entrenchedText === "true",
      covers,
      ...(version === undefined ? {} : { version }),
      body,
      file: file.name,
    },
    problems,
    ...keys,
  };
}

/** All the clause files together: each valid, ids and orders unique; clauses sorted by order. */
export function parseModelConstitution(files: readonly ClauseFile[]): ParseResult {
  const problems: string[] = [];
  const clauses: Clause[] = [];
  const byId = new Map<string, string>();
  const byOrder = new Map<number, string>();
  for (const file of files) {
    const result = parseClauseFile(file);
    problems.push(...result.problems);
    if (result.clause) clauses.push(result.clause);
    if (result.id !== undefined) {
      const sameId = byId.get(result.id);
      if (sameId) problems.push(`${file.name}: id "${result.id}" is also used by ${sameId}`);
      else byId.set(result.id, file.name);
    }
    if (result.order !== undefined) {
      const sameOrder = byOrder.get(result.order);
      if (sameOrder) problems.push(`${file.name}: order ${result.order} is also used by ${sameOrder}`);
      else byOrder.set(result.order, file.name);
    }
  }
  if (files.length === 0) problems.push("there are no clause files");
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, clauses: clauses.sort((a, b) => a.order - b.order) };
}

/**
 * Reads every `.md` file in `dir` (other files are ignored) and returns the clauses in order.
 * Throws ModelConstitutionError listing every problem found, so a bad edit fails loudly.
 */
export async function loadModelConstitution(dir: string): Promise<Clause[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".md")).sort();
  const files = await Promise.all(names.map(async (name) => ({ name, text: await readFile(path.join(dir, name), "utf8") })));
  const result = parseModelConstitution(files);
  if (!result.ok) throw new ModelConstitutionError(result.problems);
  return result.clauses;
}

/** The registration items that no clause claims to cover. */
export function missingRegistrationItems(clauses: readonly Pick<Clause, "covers">[]) {
  const covered = new Set<string>(clauses.flatMap((clause) => clause.covers));
  return registrationItems.filter((item) => !covered.has(item.key));
}

/** The clauses that claim to cover a registration item, in the order given. */
export function clausesCovering<C extends Pick<Clause, "covers">>(clauses: readonly C[], key: RegistrationItemKey): C[] {
  return clauses.filter((clause) => clause.covers.includes(key));
}
