import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, FileField, NotificationBanner } from "~/components/forms";
import { namesFromUpload, type NamesUploadAnswer } from "~/modules/registration/names-upload.server";
import { clearRegisteredNames, registeredNamesSummary } from "~/modules/registration/registration.server";
import { respond } from "~/utils/action-answer.server";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";
import { MAX_NAMES_FILE_BYTES } from "~/utils/input-limits";
import { readUploadForm } from "~/utils/upload-form.server";
import { NamesList } from "~/modules/registration/components/names/names-list";
import { namesPageText as t } from "~/modules/registration/names-messages";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "registration.manage");
  const summary = await registeredNamesSummary(context.db, 10);
  return { total: summary.total, first: summary.first, loadedAt: summary.loadedAt?.toISOString() ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "registration.manage");
  const actor = { id: user.id, label: user.email };
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const form = formValues(await request.formData());
    if (form.intent !== "clear") throw new Response(t.notUnderstood, { status: 400 });
    const removed = await clearRegisteredNames(context.db, actor);
    return redirect(`/registration/names?cleared=${removed}`);
  }
  const done = await namesFromUpload(context.db, actor, await readUploadForm(request, context, MAX_NAMES_FILE_BYTES));
  return "goTo" in done ? redirect(done.goTo) : respond(done);
}

/** A count from the page's address, as the action put it there. */
const countOf = (x: string | null) => Number(x ?? 0);

export default function RegisteredNames() {
  const { total, first, loadedAt } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as NamesUploadAnswer | undefined;
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const read = params.get("read");
  const cleared = params.get("cleared");
  return (
    <div className="page">
      <p>
        <Link to="/registration">{t.registration}</Link>
      </p>
      <h1>{t.title}</h1>
      {result ? <ErrorSummary errors={result.errors} /> : null}
      {read !== null && !result ? (
        <NotificationBanner title={t.loadedTitle} kind="success">
          <p>{t.loaded(countOf(params.get("loaded")), countOf(read), countOf(params.get("skipped")))}</p>
        </NotificationBanner>
      ) : null}
      {cleared !== null && !result ? (
        <NotificationBanner title={t.clearedTitle} kind="success">
          <p>{t.cleared(countOf(cleared))}</p>
        </NotificationBanner>
      ) : null}
      <p className="lead">{t.lead}</p>
      <NamesList total={total} first={first} loadedAt={loadedAt} busy={busy} />
      <h2>{t.loadHeading}</h2>
      <Form method="post" encType="multipart/form-data" noValidate>
        <FileField name="file" label={t.fileLabel} hint={t.fileHint} error={result?.errors.file} accept=".csv,text/csv" />
        <button type="submit" className="button" disabled={busy}>
          {t.load}
        </button>
      </Form>
    </div>
  );
}
