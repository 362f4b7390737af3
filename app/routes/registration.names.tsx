import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, type FieldErrors, FileField, NotificationBanner } from "~/components/forms";
import { namesProblemMessages } from "~/modules/registration/messages";
import { decodeCsvBytes, looksLikeSpreadsheetFile, parseNamesCsv } from "~/modules/registration/names-file.server";
import { clearRegisteredNames, registeredNamesSummary, replaceRegisteredNames } from "~/modules/registration/registration.server";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { MAX_NAMES_FILE_BYTES } from "~/utils/input-limits";
import { readUploadForm } from "~/utils/upload-form.server";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Names already registered - Registration - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "registration.manage");
  const summary = await registeredNamesSummary(context.db, 10);
  return { total: summary.total, first: summary.first, loadedAt: summary.loadedAt?.toISOString() ?? null };
}

type ActionResult = { errors: FieldErrors };

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "registration.manage");
  const actor = { id: user.id, label: user.email };
  const fail = (code: keyof typeof namesProblemMessages, status = 400) => data<ActionResult>({ errors: { file: namesProblemMessages[code] } }, { status });
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const form = await request.formData();
    if (form.get("intent") !== "clear") throw new Response("The form was not understood. Go back and try again.", { status: 400 });
    const removed = await clearRegisteredNames(context.db, actor);
    return redirect(`/registration/names?cleared=${removed}`);
  }
  const read = await readUploadForm(request, context, MAX_NAMES_FILE_BYTES);
  if (!read.ok) return fail(({ too_big: "file_too_big", malformed: "upload_unreadable" } as const)[read.problem], read.status);
  const file = read.form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return fail("file_missing");
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (looksLikeSpreadsheetFile(bytes) || (!/\.(csv|txt)$/i.test(file.name) && !/csv|text\/plain/.test(file.type))) return fail("not_csv");
  if (bytes.includes(0)) return fail("not_text");
  const parsed = parseNamesCsv(decodeCsvBytes(bytes));
  if (!parsed.ok) return fail(parsed.code);
  await replaceRegisteredNames(context.db, actor, parsed);
  return redirect(`/registration/names?read=${parsed.rowsRead}&skipped=${parsed.skipped}&loaded=${parsed.names.length}`);
}

const n = (x: number | string | null) => Number(x ?? 0).toLocaleString("en-GB");

export default function RegisteredNames() {
  const { total, first, loadedAt } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const read = params.get("read");
  const cleared = params.get("cleared");
  return (
    <div className="page">
      <p>
        <Link to="/registration">Registration</Link>
      </p>
      <h1>Names already registered</h1>
      {result ? <ErrorSummary errors={result.errors} /> : null}
      {read !== null && !result ? (
        <NotificationBanner title="List loaded" kind="success">
          <p>
            {n(params.get("loaded"))} names loaded from {n(read)} rows. {n(params.get("skipped"))} rows skipped (blank or repeated names).
          </p>
        </NotificationBanner>
      ) : null}
      {cleared !== null && !result ? (
        <NotificationBanner title="List cleared" kind="success">
          <p>{n(cleared)} names removed.</p>
        </NotificationBanner>
      ) : null}
      <p className="lead">
        The readiness checks compare the party&apos;s name and descriptions with the names of parties already on the Electoral Commission&apos;s registers, to
        warn of names voters might confuse. Download the list of registered parties from the Commission&apos;s register search as CSV and load it here.
      </p>
      <h2>The list now</h2>
      {total === 0 ? (
        <p>No names are loaded, so the similarity checks have nothing to compare with.</p>
      ) : (
        <>
          <p>
            {n(total)} names{loadedAt ? `, loaded on ${formatDateTime(loadedAt)}` : ""}. The first {first.length} in alphabetical order:
          </p>
          <TableScroll label="The first names of the list">
            <table className="table">
              <caption className="visually-hidden">The first names of the list</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Register</th>
                </tr>
              </thead>
              <tbody>
                {first.map((row) => (
                  <tr key={row.name}>
                    <td>{row.name}</td>
                    <td>{row.register || "Not given"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Form method="post">
            <button type="submit" className="button button--warning" name="intent" value="clear" disabled={busy}>
              Clear the list
            </button>
          </Form>
        </>
      )}
      <h2>Load a list</h2>
      <Form method="post" encType="multipart/form-data" noValidate>
        <FileField
          name="file"
          label="CSV file of registered party names"
          hint={
            <>
              The names in a column headed &quot;name&quot; (or &quot;party name&quot;), or else in the first column. A &quot;register&quot; column is kept if
              there is one. Loading a file replaces the whole list.
            </>
          }
          error={result?.errors.file}
          accept=".csv,text/csv"
        />
        <button type="submit" className="button" disabled={busy}>
          Load the list
        </button>
      </Form>
    </div>
  );
}
