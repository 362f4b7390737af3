/**
 * A form checked in the browser before it is sent, by the same zod schema the server reads it with
 * (`formValues` then `parseForm`, utils/form-values.ts): the person sees the server's messages
 * without waiting for it. Only a convenience: the server checks everything again, and without
 * JavaScript the form is simply sent and answered by the server as before.
 */
import { useActionData } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { formValues, parseForm, type FieldErrors } from "~/utils/form-values";

/** What the server would answer about these fields, or null when it has no field to refuse. */
export function checkForm(schema: z.ZodType, form: FormData): FieldErrors | null {
  const parsed = parseForm(schema, formValues(form));
  return parsed.ok ? null : parsed.errors;
}

/** The browser's last word on the form, and the server answer it was given beside. */
type Checked = { errors: FieldErrors; refusals: number; answer: unknown };

/**
 * `onSubmit` for a Remix `<Form>`: when the schema refuses what was typed, the form is not sent
 * and `errors` holds the messages, keyed as the server's answer keys them; the page shows
 * `errors ?? the server's errors` in the same summary and fields. When the form is sent, its
 * earlier refusal is cleared, and a new answer from the server (from any form on the page)
 * replaces the browser's. `refusals` counts the refusals: as the summary's React key, it makes the
 * summary take focus again on each one, as a page drawn anew does.
 */
export function useFormCheck(schema: z.ZodType): {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  errors: FieldErrors | undefined;
  refusals: number;
} {
  const answer = useActionData();
  const [checked, setChecked] = useState<Checked | null>(null);
  const current = checked && checked.answer === answer ? checked : null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const errors = checkForm(schema, new FormData(event.currentTarget));
    const refusals = (checked?.refusals ?? 0) + (errors ? 1 : 0);
    // Sent: the earlier refusal goes, and the page waits for the server's answer.
    setChecked({ errors: errors ?? {}, refusals, answer });
    if (errors) event.preventDefault();
  };
  return { onSubmit, errors: current?.errors, refusals: checked?.refusals ?? 0 };
}
