import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, NotificationBanner, TextArea, type FieldErrors } from "~/components/forms";
import { PlainMarkdown } from "~/components/plain-markdown";
import { financialSchemeState, MAX_SCHEME_LENGTH, resetFinancialScheme, saveFinancialScheme } from "~/modules/registration/financial-scheme.server";
import { schemeTextMessages } from "~/modules/registration/messages";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Financial scheme - Registration - Breakaway" }];

const text = {
  heading: "Financial scheme",
  lead: "The financial scheme sets out how the party handles its accounts, donations, loans and campaign spending. Breakaway writes it from a model scheme and the application's details (treasurer, financial year, accounting units). Read it, change it if you need to, and save it: it goes into the registration pack as you leave it.",
  generatedStatus: "This is the text generated from the model. It follows the application's details: a new treasurer or a changed financial year shows here at once.",
  editedStatus: "This is your edited text. It no longer follows the application's details: check the treasurer, the financial year and the accounting units by hand, or reset it to the generated text.",
  label: "Text of the financial scheme",
  hint: `Plain text with Markdown: a line starting with # is a heading, - starts a list item, **bold** is bold. At most ${MAX_SCHEME_LENGTH.toLocaleString("en-GB")} characters.`,
  save: "Save the financial scheme",
  reset: "Reset to the generated text",
  resetHint: "Throws away your edits and goes back to the text generated from the model and the application's details.",
  preview: "How it will read",
  saved: "The financial scheme has been saved.",
  resetDone: "The financial scheme is the generated text again.",
  empty: "Enter the text of the financial scheme",
  back: "Back to registration",
  documents: "Download the documents",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "registration.manage");
  const state = await financialSchemeState(context.db);
  return { text: state.text, edited: state.edited, treasurerName: state.treasurerName };
}

interface ActionResult {
  errors: FieldErrors;
  value: string;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "registration.manage");
  const form = await request.formData();
  const actor = { id: user.id, label: user.email };
  const intent = form.get("intent");
  // Only the page's two buttons: anything else (a file where text belongs, an unknown intent)
  // was not sent by this page, and saves nothing.
  const scheme = form.get("scheme");
  if ((intent !== "save" && intent !== "reset") || (intent === "save" && typeof scheme !== "string")) {
    throw new Response("The form was not understood. Go back and try again.", { status: 400 });
  }
  if (intent === "reset") {
    await resetFinancialScheme(context.db, actor);
    return redirect("/registration/financial-scheme?done=reset");
  }
  const value = typeof scheme === "string" ? scheme : "";
  const saved = await saveFinancialScheme(context.db, actor, value);
  if (!saved.ok) return data<ActionResult>({ errors: { scheme: saved.code === "empty" ? text.empty : schemeTextMessages[saved.code] }, value }, { status: 400 });
  return redirect("/registration/financial-scheme?done=saved");
}

export default function FinancialSchemePage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = result ? null : params.get("done");
  const value = result?.value ?? loaded.text;
  return (
    <div className="page">
      <p>
        <Link to="/registration">{text.back}</Link>
      </p>
      <ErrorSummary errors={result?.errors ?? {}} />
      {done === "saved" || done === "reset" ? (
        <NotificationBanner title={done === "saved" ? "Saved" : "Reset"} kind="success">
          <p>{done === "saved" ? text.saved : text.resetDone}</p>
          <p>
            <Link to="/registration/documents">{text.documents}</Link>
          </p>
        </NotificationBanner>
      ) : null}
      <h1>{text.heading}</h1>
      <p className="lead">{text.lead}</p>
      <p>
        <strong className={`status-tag${loaded.edited ? "" : " status-tag--open"}`}>{loaded.edited ? "Edited" : "Generated"}</strong>{" "}
        {loaded.edited ? text.editedStatus : text.generatedStatus}
      </p>
      <Form method="post">
        <TextArea name="scheme" label={text.label} hint={text.hint} error={result?.errors.scheme} defaultValue={value} rows={24} />
        <button type="submit" className="button" name="intent" value="save">
          {text.save}
        </button>
      </Form>
      {loaded.edited ? (
        <Form method="post">
          <p className="hint" id="reset-hint">
            {text.resetHint}
          </p>
          <button type="submit" className="button button--secondary" name="intent" value="reset" aria-describedby="reset-hint">
            {text.reset}
          </button>
        </Form>
      ) : null}
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">{text.preview}</h2>
        <div className="panel">
          <PlainMarkdown text={loaded.text} headingLevel={3} />
        </div>
      </section>
    </div>
  );
}
