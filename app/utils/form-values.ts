/**
 * The one way a page reads a form (issue 19): its text fields as strings, then, where a form has
 * rules, one zod schema giving the first message for each field. The same schema can check the
 * form in the browser; the page shows the messages beside their fields (ErrorSummary, TextField).
 */
import type { z } from "zod";

/** Field-level messages for a form, keyed by the field's name. */
export type FieldErrors = Partial<Record<string, string>>;

/** A form's text fields (a file field, read elsewhere, is left out; a repeated name keeps its last value). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string") values[name] = value;
  return values;
}

export type ParsedForm<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Checks the values against the schema: the data it gives, or the first message for each field that failed. */
export function parseForm<S extends z.ZodType>(schema: S, values: Record<string, unknown>): ParsedForm<z.output<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { ok: false, errors };
}
