import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, Radios, TextArea, TextField, type FieldErrors } from "~/components/forms";
import { methodDescriptions, methodLabels, pollTextMessages } from "~/modules/polls/messages";
import { isSeveralSeatMethod, pollMethodValues } from "../../db/schema/polls";
import { createPoll } from "~/modules/polls/creation.server";
import { TrusteesFields } from "~/modules/polls/components/trustees-fields";
import { pollTrusteeText } from "~/modules/polls/trustee-messages";
import { requireUser } from "~/utils/auth.server";
import { thresholdOf, trusteeEmails, trusteeFieldProblems, trusteeIds } from "~/modules/polls/trustee-form.server";
import { MAX_OPTION_LABEL_LENGTH, MAX_POLL_DESCRIPTION_LENGTH, MAX_POLL_OPTIONS, MAX_POLL_TITLE_LENGTH } from "~/utils/input-limits";
import { splitLines } from "~/utils/line-breaks";
import { fromLondonLocal } from "~/utils/london-time";
import { limitedText, textLimitProblem } from "~/utils/text-limits";
import { formValues, parseForm } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: "Create a poll - Breakaway" }];

export function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "poll.manage");
  return null;
}

const methods = pollMethodValues;

const pollForm = z
  .object({
    // Each text is checked against its limit and the character rule first (input-limits.ts).
    title: limitedText(MAX_POLL_TITLE_LENGTH, "name", pollTextMessages.title).trim().min(1, { error: "Enter a title for the poll" }),
    description: limitedText(MAX_POLL_DESCRIPTION_LENGTH, "prose", pollTextMessages.description).trim(),
    method: z.enum(methods, { error: "Choose how people vote" }),
    seats: z.coerce
      .number({ error: "Seats must be a whole number" })
      .int({ error: "Seats must be a whole number" })
      .min(1, { error: "There must be at least 1 seat" })
      .max(50, { error: "There can be at most 50 seats" }),
    // The whole field's length first, then each option (a label: one line, no hidden characters).
    options: z.string().superRefine((v, ctx) => {
      if (v.length > MAX_POLL_OPTIONS * (MAX_OPTION_LABEL_LENGTH + 2))
        return ctx.addIssue({ code: "custom", message: pollTextMessages.tooManyOptions, continue: false });
      const lines = splitLines(v)
        .map((l) => l.trim())
        .filter(Boolean);
      if (lines.length > MAX_POLL_OPTIONS) return ctx.addIssue({ code: "custom", message: pollTextMessages.tooManyOptions, continue: false });
      for (const line of lines) {
        const problem = textLimitProblem(line, MAX_OPTION_LABEL_LENGTH, "name");
        if (problem) return ctx.addIssue({ code: "custom", message: pollTextMessages.option[problem], continue: false });
      }
    }),
    ron: z.string().optional(),
    quorumPercent: z.coerce
      .number({ error: "Quorum must be a number from 0 to 100" })
      .int({ error: "Quorum must be a whole number from 0 to 100" })
      .min(0, { error: "Quorum must be a number from 0 to 100" })
      .max(100, { error: "Quorum must be a number from 0 to 100" }),
    majority: z.enum(["simple", "absolute", "two-thirds"], { error: "Choose the majority needed" }),
    publication: z.enum(["separate-lists", "receipts-with-rankings"], { error: "Choose how ballots are published" }),
    closesAt: z.string().min(1, { error: "Enter when the poll closes" }),
    // Email addresses, one per line (decision 045), and how many must decrypt (decision 046):
    // read by trustee-form.server.ts, as on the Elections page, and looked up after these checks.
    trustees: z.string().optional(),
    trusteeThreshold: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const lines = splitLines(v.options)
      .map((l) => l.trim())
      .filter(Boolean);
    if (v.method !== "yes-no" && lines.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "Enter at least 2 options, one per line" });
    if (new Set(lines).size !== lines.length) ctx.addIssue({ code: "custom", path: ["options"], message: "Each option must be different" });
    if (v.method !== "yes-no" && v.seats >= lines.length + (v.ron ? 1 : 0))
      ctx.addIssue({ code: "custom", path: ["seats"], message: "There must be more options than seats" });
    const closes = fromLondonLocal(v.closesAt);
    if (!closes) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "Enter a real date and time" });
    else if (closes.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "The closing time must be in the future" });
    for (const [field, message] of Object.entries(trusteeFieldProblems(v.trustees, v.trusteeThreshold)))
      ctx.addIssue({ code: "custom", path: [field], message });
  });

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "poll.manage");
  const values = formValues(await request.formData());
  const parsed = parseForm(pollForm, values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const v = parsed.data;
  const trustees = await trusteeIds(context.db, trusteeEmails(v.trustees));
  if (!trustees.ok) return data({ errors: { trustees: pollTrusteeText.unknown(trustees.unknown) } as FieldErrors, values }, { status: 400 });
  const options = splitLines(v.options)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((label) => ({ label }));
  const created = await createPoll(
    context.db,
    { id: user.id, label: user.email },
    {
      title: v.title,
      description: v.description,
      method: v.method,
      seats: isSeveralSeatMethod(v.method) ? v.seats : 1,
      options: v.ron && v.method !== "yes-no" ? [...options, { label: "Re-open nominations", isRon: true }] : options,
      quorum: { numerator: v.quorumPercent, denominator: 100 },
      majority: v.majority,
      publication: v.publication,
      closesAt: fromLondonLocal(v.closesAt) ?? new Date(NaN),
      trustees: trustees.ids,
      trusteeThreshold: thresholdOf(v.trusteeThreshold),
    },
  );
  if (!created.ok)
    return data({ errors: { title: "The poll could not be created. Check the options and closing time." } as FieldErrors, values }, { status: 400 });
  return redirect(`/polls/${created.pollId}`);
}

export default function NewPoll() {
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const busy = useNavigation().state === "submitting";
  const method = values.method ?? "yes-no";
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} fieldIds={{ method: "method-yes-no", majority: "majority-simple", publication: "publication-separate-lists" }} />
      <h1>Create a poll</h1>
      <p>The poll is saved as a draft. Nobody can vote until you open it, which also freezes its roll.</p>
      <Form method="post" noValidate>
        <TextField name="title" label="Title" hint={`At most ${MAX_POLL_TITLE_LENGTH} characters.`} defaultValue={values.title} error={errors.title} />
        <TextArea
          name="description"
          label="Description (optional)"
          hint={`At most ${MAX_POLL_DESCRIPTION_LENGTH.toLocaleString("en-GB")} characters.`}
          rows={3}
          defaultValue={values.description}
          error={errors.description}
        />
        <div className={`form-group${errors.method ? " form-group--error" : ""}`}>
          <fieldset className="fieldset">
            <legend className="fieldset__legend">How do people vote?</legend>
            {errors.method ? <p className="error-message">{errors.method}</p> : null}
            {methods.map((m) => (
              <div className="radios__item" key={m}>
                <input type="radio" id={`method-${m}`} name="method" value={m} defaultChecked={method === m} aria-describedby={`method-${m}-hint`} />
                <label htmlFor={`method-${m}`}>
                  {methodLabels[m]}
                  <span className="hint" id={`method-${m}-hint`}>
                    {" "}
                    {methodDescriptions[m]}
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
        </div>
        <TextArea
          name="options"
          label="Options or candidates (ranked polls)"
          hint={`One per line, at most ${MAX_POLL_OPTIONS} options of ${MAX_OPTION_LABEL_LENGTH} characters each. Not used for Yes / No polls.`}
          rows={5}
          defaultValue={values.options}
          error={errors.options}
        />
        <div className="radios__item">
          <input type="checkbox" id="ron" name="ron" value="yes" defaultChecked={values.ron === "yes" || !result} />
          <label htmlFor="ron">Offer &ldquo;Re-open nominations&rdquo; on ranked ballots</label>
        </div>
        <TextField
          name="seats"
          label="Seats to fill (several seats only)"
          type="text"
          inputMode="numeric"
          width="10"
          defaultValue={values.seats ?? "1"}
          error={errors.seats}
        />
        <TextField
          name="quorumPercent"
          label="Quorum, as a percentage of the roll (Yes / No polls)"
          hint="0 for no quorum."
          inputMode="numeric"
          width="10"
          defaultValue={values.quorumPercent ?? "0"}
          error={errors.quorumPercent}
        />
        <Radios
          name="majority"
          legend="Majority needed (Yes / No polls)"
          checked={values.majority ?? "simple"}
          error={errors.majority}
          choices={[
            ["simple", "More Yes than No"],
            ["absolute", "More than half of all votes cast"],
            ["two-thirds", "Two thirds of Yes and No votes"],
          ]}
        />
        <Radios
          name="publication"
          legend="Publishing the ballots after close"
          checked={values.publication ?? "separate-lists"}
          error={errors.publication}
          choices={[
            ["separate-lists", "Receipts and ballots as two separate lists (nobody can prove how they voted)"],
            ["receipts-with-rankings", "Each ballot beside its receipt (each voter can check their exact ballot)"],
          ]}
        />
        <TextField name="closesAt" type="datetime-local" label="Closes at (UK time)" width="20" defaultValue={values.closesAt} error={errors.closesAt} />
        <TrusteesFields values={values} errors={errors} />
        <button type="submit" className="button" disabled={busy}>
          Save as draft
        </button>
      </Form>
    </div>
  );
}
