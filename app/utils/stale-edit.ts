import { sha256 } from "@oslojs/crypto/sha2";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

/**
 * Optimistic concurrency for organisers' forms (decision 028, "Edits from a stale page"). An edit
 * form carries a hidden `version`: a fingerprint of each field's saved value as the form showed it.
 * The save compares it, inside its transaction and after locking the row, with the values saved
 * now: if any field changed since the page was loaded, nothing is written and the form is shown
 * again with the person's own input and the other person's saved values.
 *
 * Fingerprints of the values, not the row's updated_at: two organisers editing different sections
 * of the registration details (one row) are not in each other's way, and an unrelated change to a
 * row (a demand moved, a ballot opened) does not make a form stale. Pure: no database, no wording.
 */

/** What a form shows of the saved record: each field's value as the form shows it. */
export type Shown = Readonly<Record<string, string | readonly string[]>>;

const PREFIX = "v1.";

function fingerprint(value: string | readonly string[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(typeof value === "string" ? value : [...value]));
  // 96 bits: a missed conflict by collision is not a practical concern.
  return encodeBase64urlNoPadding(sha256(bytes).slice(0, 12));
}

/** The version a form carries for the saved values it shows. */
export function editVersion(shown: Shown): string {
  const entries = Object.keys(shown)
    .sort()
    .map((key) => [key, fingerprint(shown[key]!)] as const);
  return PREFIX + encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify(Object.fromEntries(entries))));
}

function readVersion(version: string): Record<string, string> | null {
  if (!version.startsWith(PREFIX)) return null;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(version.slice(PREFIX.length))));
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed as Record<string, unknown>);
    return entries.every(([, v]) => typeof v === "string") ? (Object.fromEntries(entries) as Record<string, string>) : null;
  } catch {
    return null;
  }
}

/** An empty value and an absent field look the same on a form. */
const isEmpty = (value: string | readonly string[] | undefined) => value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

/**
 * The fields whose saved value differs from the one the form was loaded with, in the order of
 * `current`, then fields that are no longer saved at all. Empty when the form is up to date. A
 * missing or unreadable version (a page from before this check, or a hand-made request) cannot
 * tell what was loaded: every field with a saved value counts as changed, so the person sees the
 * saved values before their save can replace them.
 */
export function changedSince(version: string, current: Shown): string[] {
  const loaded = readVersion(version);
  if (!loaded) {
    // Nothing saved yet: nothing anyone else's save could lose.
    return Object.keys(current).filter((key) => !isEmpty(current[key]));
  }
  const empty = fingerprint("");
  const emptyList = fingerprint([]);
  const was = (key: string) => loaded[key] ?? empty;
  const differs = (key: string) => {
    const value = current[key];
    if (value === undefined) return was(key) !== empty && was(key) !== emptyList;
    const now = fingerprint(value);
    if (now === was(key)) return false;
    // "" and [] and absent are the same answer: nothing given.
    return !(isEmpty(value) && (was(key) === empty || was(key) === emptyList));
  };
  const changed = Object.keys(current).filter(differs);
  for (const key of Object.keys(loaded)) if (!(key in current) && differs(key)) changed.push(key);
  return changed;
}

/** A field's saved value as words for the summary: lists joined, nothing said as such. */
export function shownValue(value: string | readonly string[] | undefined, nothing = "(nothing)"): string {
  if (isEmpty(value)) return nothing;
  return typeof value === "string" ? value : (value as readonly string[]).join(", ");
}

/** One field someone else changed while this person was editing: its label and its saved value now. */
export interface StaleChange {
  field: string;
  label: string;
  value: string;
}

/** The changed fields with their labels and saved values, for the form's summary. */
export function staleChanges(changed: readonly string[], current: Shown, label: (field: string) => string): StaleChange[] {
  return changed.map((field) => ({ field, label: label(field), value: shownValue(current[field]) }));
}

/** A save refused because someone else saved since the form was loaded: which fields, and what they hold now. */
export type StaleSave = { ok: false; code: "stale"; changed: string[]; current: Shown };

/**
 * The compare of a compare-and-set: call it inside the save's transaction after locking the row,
 * with the saved values as the form shows them. Null when the form is up to date, or when no
 * version is given (a call from code, such as the demo or a test fixture, not from a form: routes
 * always pass what the form sent, "" when it sent none).
 */
export function staleSave(version: string | undefined, current: Shown): StaleSave | null {
  if (version === undefined) return null;
  const changed = changedSince(version, current);
  return changed.length > 0 ? { ok: false, code: "stale", changed, current } : null;
}
