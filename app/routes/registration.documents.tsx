import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { packMessages } from "~/modules/registration/pdf/messages";
import { documentsPageView } from "~/modules/registration/documents-view.server";
import { preparePack } from "~/modules/registration/pack.server";
import { DocumentList } from "~/modules/registration/components/documents/document-list";
import { PackStatusPanel } from "~/modules/registration/components/documents/pack-status";
import { documentsPageText as t } from "~/modules/registration/documents-messages";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "registration.manage");
  return documentsPageView(context.db);
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(request, context, "registration.manage");
  // The page's one button sends intent=prepare (older pages sent nothing). Anything else is not
  // from this page, and starting a render of every officer's details on it would be wrong.
  const form = await request.formData();
  const fields = [...form.entries()];
  if (!(fields.length === 0 || (fields.length === 1 && form.get("intent") === "prepare"))) {
    throw new Response(packMessages.notThisForm, { status: 400 });
  }
  await preparePack(context.db);
  return redirect("/registration/documents#pack-status");
}

export default function RegistrationDocuments() {
  const { status, packKey, adopted, documents } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to="/registration">{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      {!adopted ? (
        <div className="panel">
          <p>
            {t.notAdoptedBefore}
            <Link to="/constitution">{t.notAdoptedLink}</Link>
            {t.notAdoptedAfter}
          </p>
        </div>
      ) : null}
      <p>{t.keepSafe}</p>

      <h2>{t.wholePack}</h2>
      <ul className="list">
        <li>
          <a href="/registration/pack.pdf" download>
            {t.onePdf}
          </a>
        </li>
        <li>
          <a href="/registration/pack.zip" download>
            {t.zip}
          </a>
        </li>
      </ul>
      <PackStatusPanel initial={status} packKey={packKey} />

      <h2>{t.eachDocument}</h2>
      <DocumentList documents={documents} />
      <p>
        {t.schemeBefore}
        <Link to="/registration/financial-scheme">{t.schemeLink}</Link>
        {t.readinessBefore}
        <Link to="/registration/readiness">{t.readinessLink}</Link>
        {t.readinessAfter}
      </p>
    </div>
  );
}
