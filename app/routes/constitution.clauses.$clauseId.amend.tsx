import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ClauseText } from "~/modules/constitution/components/clause-text";
import { ErrorSummary, type FieldErrors, Select, TextArea, TextField } from "~/components/forms";
import { currentDraft, isFoundingMember, originalDocument, proposeAmendment } from "~/modules/constitution/drafting.server";
import type { DraftingProblem } from "~/modules/constitution/codes";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { draftingProblemMessages, proposeIntro, reasonHint, wordLimitMessages } from "~/modules/constitution/messages";
import { APPLY_ERROR_MESSAGES, hashText, type ApplyErrorCode } from "~/modules/constitution/text";
import { newClauseId } from "~/modules/constitution/upload";
import { numberedView } from "~/modules/constitution/views.server";
import { requireUser } from "~/utils/auth.server";
import { MAX_AMENDMENT_REASON_LENGTH, MAX_CLAUSE_TEXT_LENGTH, MAX_CLAUSE_TITLE_LENGTH } from "~/utils/input-limits";
import { textLimitProblem, type TextKind, type TextProblem } from "~/utils/text-limits";
import type { StoredOperation } from "../../db/schema";
import { formValues } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: "Propose an amendment - Constitution - Breakaway" }];

async function load(context: LoaderFunctionArgs["context"], clauseId: string | undefined) {
  const draft = await currentDraft(context.db);
  if (!draft) throw new Response("There is no draft constitution yet.", { status: 404 });
  const original = await originalDocument(context.db, draft.id);
  const view = numberedView(original.clauses, draft.lineWidth);
  const clause = view.find((c) => c.id === clauseId);
  if (!clause) throw new Response("There is no such clause in the draft.", { status: 404 });
  return { draft, original, view, clause };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.take_part");
  const { draft, view, clause } = await load(context, params.clauseId);
  const allowed = user.role === "organiser" || (await isFoundingMember(context.db, user.id));
  return {
    clause,
    open: draft.phase === "drafting",
    allowed,
    byCommittee: user.role === "organiser",
    reasonMaxWords: (await standingOrderRules()).amendmentStatementMaxWords,
    others: view.filter((c) => c.id !== clause.id).map((c) => ({ id: c.id, label: `${c.number}. ${c.title}` })),
  };
}

const kinds = ["words", "lines", "insert", "delete", "move", "entrench"] as const;
type Kind = (typeof kinds)[number];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.take_part");
  const { draft, original, view, clause } = await load(context, params.clauseId);
  const form = await request.formData();
  const kind = String(form.get("kind") ?? "") as Kind;
  if (!kinds.includes(kind)) throw new Response("Unknown kind of amendment", { status: 400 });
  const values = formValues(form);
  const errors: FieldErrors = {};
  // Lengths first, before any other work on the text (input-limits.ts): the typed text comes back.
  const checkLength = (field: string, max: number, codes: Record<TextProblem, DraftingProblem>, kind: TextKind = "prose") => {
    const problem = textLimitProblem(values[field] ?? "", max, kind);
    if (problem) errors[field] = draftingProblemMessages[codes[problem]];
  };
  const clauseField = kind === "words" ? "text" : kind === "lines" ? "replacement" : kind === "insert" ? "clauseText" : null;
  if (clauseField)
    checkLength(clauseField, MAX_CLAUSE_TEXT_LENGTH, {
      too_long: "clause_text_too_long",
      bad_character: "clause_text_bad_character",
      word_too_long: "clause_text_word_too_long",
    });
  if (kind === "insert")
    checkLength(
      "title",
      MAX_CLAUSE_TITLE_LENGTH,
      { too_long: "clause_title_too_long", bad_character: "clause_title_bad_character", word_too_long: "clause_title_too_long" },
      "name",
    );
  checkLength("reason", MAX_AMENDMENT_REASON_LENGTH, {
    too_long: "reason_too_many_characters",
    bad_character: "reason_bad_character",
    word_too_long: "reason_word_too_long",
  });
  if (Object.keys(errors).length > 0) return data({ kind, errors, values }, { status: 400 });
  const text = original.clauses.find((c) => c.id === clause.id)?.text ?? "";
  const baseHash = hashText(text);
  let operation: StoredOperation | null = null;

  if (kind === "words") {
    const newText = (values.text ?? "").replace(/\r\n?/g, "\n").trim();
    if (!newText) errors.text = "Enter the clause as you want it to read";
    else if (newText === text.trim()) errors.text = "Change at least one word of the clause";
    else operation = { kind: "replaceText", clauseId: clause.id, baseHash, text: newText };
  }
  if (kind === "lines") {
    const from = Number(values.fromLine);
    const to = Number(values.toLine);
    const first = clause.firstLine ?? 0;
    const last = clause.lastLine ?? 0;
    if (!Number.isInteger(from) || from < first || from > last) errors.fromLine = `Enter a line number from ${first} to ${last}`;
    if (!Number.isInteger(to) || to < first || to > last) errors.toLine = `Enter a line number from ${first} to ${last}`;
    else if (Number.isInteger(from) && to < from) errors.toLine = "The last line must not come before the first";
    if (!errors.fromLine && !errors.toLine) {
      // Members see the document's line numbers; anchors count from 1 within the clause.
      operation = {
        kind: "replace",
        clauseId: clause.id,
        baseHash,
        anchor: { lines: { from: from - first + 1, to: to - first + 1 } },
        lineWidth: draft.lineWidth,
        text: (values.replacement ?? "").replace(/\r\n?/g, "\n").trim(),
      };
    }
  }
  if (kind === "insert") {
    const title = (values.title ?? "").trim();
    const body = (values.clauseText ?? "").replace(/\r\n?/g, "\n").trim();
    if (!title) errors.title = "Enter a title for the new clause";
    else if (title.length > MAX_CLAUSE_TITLE_LENGTH) errors.title = draftingProblemMessages.clause_title_too_long;
    if (!body) errors.clauseText = "Enter the text of the new clause";
    if (title && body && title.length <= MAX_CLAUSE_TITLE_LENGTH) {
      operation = {
        kind: "insertAfter",
        afterClauseId: clause.id,
        clause: {
          id: newClauseId(
            title,
            original.clauses.map((c) => c.id),
          ),
          title,
          text: body,
          entrenched: values.entrenched === "yes",
        },
      };
    }
  }
  if (kind === "delete") operation = { kind: "delete", clauseId: clause.id };
  if (kind === "move") {
    const after = values.afterClauseId ?? "";
    if (after !== "start" && !view.some((c) => c.id === after && c.id !== clause.id)) errors.afterClauseId = "Choose where the clause should go";
    else operation = { kind: "move", clauseId: clause.id, afterClauseId: after === "start" ? null : after };
  }
  if (kind === "entrench") operation = { kind: "setEntrenched", clauseId: clause.id, entrenched: !clause.entrenched };

  if (!(values.reason ?? "").trim()) errors.reason = draftingProblemMessages.reason_missing;
  if (Object.keys(errors).length > 0 || !operation) return data({ kind, errors, values }, { status: 400 });
  const proposed = await proposeAmendment(
    context.db,
    { id: user.id, email: user.email, isOrganiser: user.role === "organiser" },
    { operation, reason: values.reason ?? "" },
  );
  if (!proposed.ok) {
    const message =
      proposed.code === "reason_too_long" && proposed.detail
        ? wordLimitMessages.reason(Number(proposed.detail))
        : proposed.code === "invalid_operation" && proposed.detail
          ? (APPLY_ERROR_MESSAGES[proposed.detail as ApplyErrorCode] ?? draftingProblemMessages.invalid_operation)
          : draftingProblemMessages[proposed.code];
    const field = proposed.code === "reason_too_long" || proposed.code === "reason_missing" ? "reason" : "form";
    return data({ kind, errors: { [field]: message } as FieldErrors, values }, { status: proposed.code === "not_founding_member" ? 403 : 400 });
  }
  return redirect(`/constitution/amendments/${proposed.number}?proposed=1`);
}

export default function ProposeAmendment() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const c = d.clause;
  if (!d.open || !d.allowed) {
    return (
      <div className="page page--narrow">
        <h1>Propose an amendment</h1>
        <p>{!d.open ? draftingProblemMessages.not_drafting : draftingProblemMessages.not_founding_member}</p>
        <p>
          <Link to={`/constitution/clauses/${c.id}`}>Back to the clause</Link>
        </p>
      </div>
    );
  }
  const active = result?.kind;
  const errorsFor = (kind: Kind): FieldErrors => (active === kind ? (result?.errors ?? {}) : {});
  const valuesFor = (kind: Kind): Record<string, string> => (active === kind ? (result?.values ?? {}) : {});
  const ids = active ? Object.fromEntries(Object.keys(result?.errors ?? {}).map((k) => [k, `${active}-${k}`])) : {};
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={result?.errors ?? {}} fieldIds={ids} />
      <p>
        <Link to={`/constitution/clauses/${c.id}`}>Back to the clause</Link>
      </p>
      <h1>
        Propose an amendment to {c.number}. {c.title}
      </h1>
      <p>
        {d.byCommittee
          ? "You are on the drafting committee: your amendment is a committee amendment and needs no supporters (standing orders 7.10)."
          : proposeIntro(d.reasonMaxWords)}
      </p>
      <details>
        <summary>
          The clause as it reads now (lines {c.firstLine} to {c.lastLine})
        </summary>
        <ClauseText lines={c.lines} cut={c.cut} />
      </details>
      {result?.errors?.form ? (
        <p className="error-message" id={`${active}-form`}>
          {result.errors.form}
        </p>
      ) : null}

      <AmendForm
        kind="words"
        reason={valuesFor("words").reason}
        reasonMaxWords={d.reasonMaxWords}
        title="Change the words"
        open={!active || active === "words"}
        errors={errorsFor("words")}
      >
        <TextArea
          name="text"
          id="words-text"
          label="The clause as you want it to read"
          hint={`Edit the text below. Everything you change is shown to members as a word-by-word comparison. At most ${MAX_CLAUSE_TEXT_LENGTH.toLocaleString("en-GB")} characters.`}
          rows={12}
          defaultValue={valuesFor("words").text ?? c.text}
          error={errorsFor("words").text}
        />
      </AmendForm>

      <AmendForm
        kind="lines"
        reason={valuesFor("lines").reason}
        reasonMaxWords={d.reasonMaxWords}
        title="Replace some lines"
        open={active === "lines"}
        errors={errorsFor("lines")}
      >
        <TextField
          name="fromLine"
          id="lines-fromLine"
          label="From line"
          inputMode="numeric"
          width="10"
          defaultValue={valuesFor("lines").fromLine ?? String(c.firstLine ?? "")}
          error={errorsFor("lines").fromLine}
        />
        <TextField
          name="toLine"
          id="lines-toLine"
          label="To line (included)"
          inputMode="numeric"
          width="10"
          defaultValue={valuesFor("lines").toLine ?? String(c.firstLine ?? "")}
          error={errorsFor("lines").toLine}
        />
        <TextArea
          name="replacement"
          id="lines-replacement"
          label="New words for those lines"
          hint={`Leave empty to delete the lines. At most ${MAX_CLAUSE_TEXT_LENGTH.toLocaleString("en-GB")} characters.`}
          rows={4}
          defaultValue={valuesFor("lines").replacement}
          error={errorsFor("lines").replacement}
        />
      </AmendForm>

      <AmendForm
        kind="insert"
        reason={valuesFor("insert").reason}
        reasonMaxWords={d.reasonMaxWords}
        title="Add a new clause after this one"
        open={active === "insert"}
        errors={errorsFor("insert")}
      >
        <TextField name="title" id="insert-title" label="Title of the new clause" defaultValue={valuesFor("insert").title} error={errorsFor("insert").title} />
        <TextArea
          name="clauseText"
          id="insert-clauseText"
          label="Text of the new clause"
          hint={`Separate paragraphs with a blank line; start list items with a dash. At most ${MAX_CLAUSE_TEXT_LENGTH.toLocaleString("en-GB")} characters.`}
          rows={8}
          defaultValue={valuesFor("insert").clauseText}
          error={errorsFor("insert").clauseText}
        />
        <div className="radios__item">
          <input type="checkbox" id="insert-entrenched" name="entrenched" value="yes" defaultChecked={valuesFor("insert").entrenched === "yes"} />
          <label htmlFor="insert-entrenched">Make the new clause entrenched (changing it later needs two thirds)</label>
        </div>
      </AmendForm>

      <AmendForm
        kind="move"
        reason={valuesFor("move").reason}
        reasonMaxWords={d.reasonMaxWords}
        title="Move this clause"
        open={active === "move"}
        errors={errorsFor("move")}
      >
        <Select
          name="afterClauseId"
          id="move-afterClauseId"
          label="Put it after"
          error={errorsFor("move").afterClauseId}
          choices={[
            { value: "", label: "Choose a clause" },
            { value: "start", label: "At the very start" },
            ...d.others.map((o) => ({ value: o.id, label: o.label })),
          ]}
          defaultValue={valuesFor("move").afterClauseId ?? ""}
        />
      </AmendForm>

      <AmendForm
        kind="delete"
        reason={valuesFor("delete").reason}
        reasonMaxWords={d.reasonMaxWords}
        title="Delete this clause"
        open={active === "delete"}
        errors={errorsFor("delete")}
      >
        <p>The whole clause would be left out of the constitution.</p>
      </AmendForm>

      <AmendForm
        kind="entrench"
        reason={valuesFor("entrench").reason}
        reasonMaxWords={d.reasonMaxWords}
        title={c.entrenched ? "Stop this clause being entrenched" : "Make this clause entrenched"}
        open={active === "entrench"}
        errors={errorsFor("entrench")}
      >
        <p>This needs a two-thirds majority in the vote (standing orders 8.5).</p>
      </AmendForm>
    </div>
  );
}

function AmendForm({
  kind,
  title,
  open,
  errors,
  reason,
  reasonMaxWords,
  children,
}: {
  kind: Kind;
  title: string;
  open: boolean;
  errors: FieldErrors;
  reason: string | undefined;
  reasonMaxWords: number;
  children: React.ReactNode;
}) {
  return (
    <details className="amend-form" open={open}>
      <summary>
        <h2 className="summary-heading">{title}</h2>
      </summary>
      <Form method="post" noValidate>
        <input type="hidden" name="kind" value={kind} />
        {children}
        <TextArea
          name="reason"
          id={`${kind}-reason`}
          label="Reason for the amendment"
          hint={reasonHint(reasonMaxWords)}
          rows={4}
          defaultValue={reason}
          error={errors.reason}
        />
        <button type="submit" className="button">
          Propose this amendment
        </button>
      </Form>
    </details>
  );
}
