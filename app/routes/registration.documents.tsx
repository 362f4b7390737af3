import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { packMessages } from "~/modules/registration/pdf/messages";
import { packDocuments } from "~/modules/registration/pdf/documents";
import { latestVersion } from "~/modules/constitution/round.server";
import { packStatus, preparePack, type PackStatus } from "~/modules/registration/pack.server";
import { requireUser } from "~/utils/auth.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = () => [{ title: "Registration documents - Breakaway" }];

const statusText: Record<PackStatus, string> = {
  "not-started":
    "The pack has not been prepared since it last changed. Downloading it prepares it, which takes a few seconds; or prepare it now and download it when it is ready.",
  rendering: "Preparing the pack. This takes a few seconds.",
  ready: "The pack is ready: downloads start at once.",
  failed: "Preparing the pack failed. Try again; if it fails again, tell whoever runs Breakaway.",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "registration.manage");
  const [{ status, key }, version] = await Promise.all([packStatus(context.db), latestVersion(context.db)]);
  return {
    status,
    packKey: key,
    adopted: version !== null,
    documents: packDocuments.map((doc) => ({ doc, title: packMessages.documents[doc]?.title ?? doc, purpose: packMessages.documents[doc]?.purpose ?? "" })),
  };
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

/**
 * While the pack is being prepared, asks the status route every second, for the pack's key the
 * page was given (one row read, on any server), and says when it is ready. Without JavaScript
 * the page offers a link to check again instead.
 */
function usePackStatus(initial: PackStatus, key: string): PackStatus {
  const [status, setStatus] = useState(initial);
  useEffect(() => setStatus(initial), [initial]);
  useEffect(() => {
    if (status !== "rendering") return;
    let stopped = false;
    const timer = setInterval(() => {
      fetch(`/registration/documents/status?key=${encodeURIComponent(key)}`, { headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? (r.json() as Promise<{ status: PackStatus }>) : null))
        .then((body) => {
          if (!stopped && body && body.status !== "rendering") setStatus(body.status);
        })
        .catch(() => undefined);
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [status, key]);
  return status;
}

export default function RegistrationDocuments() {
  const { status: initial, packKey, adopted, documents } = useLoaderData<typeof loader>();
  const status = usePackStatus(initial, packKey);
  return (
    <div className="page">
      <p>
        <Link to="/registration">Back to registration</Link>
      </p>
      <h1>Registration documents</h1>
      <p className="lead">
        Everything the Electoral Commission asks for, as PDF: download each document, or the whole pack as one PDF or as a zip of the separate PDFs. Each
        document shows the application as it stands now.
      </p>
      {!adopted ? (
        <div className="panel">
          <p>
            No constitution has been adopted yet. The pack can be downloaded, but its constitution part says it is missing: the founding members adopt it under{" "}
            <Link to="/constitution">Constitution</Link>.
          </p>
        </div>
      ) : null}
      <p>
        The officer sheets hold the officers&apos; home addresses, which are never published: keep the files safe, and delete them once the application is made.
      </p>

      <h2>The whole pack</h2>
      <ul className="list">
        <li>
          <a href="/registration/pack.pdf" download>
            The whole pack as one PDF
          </a>
        </li>
        <li>
          <a href="/registration/pack.zip" download>
            The whole pack as a zip of separate PDFs
          </a>
        </li>
      </ul>
      <div id="pack-status" className="panel">
        <p role="status" aria-live="polite">
          {statusText[status]}
        </p>
        {status === "rendering" ? (
          <p>
            <a href="/registration/documents?again=1#pack-status">Check again</a>
          </p>
        ) : status !== "ready" ? (
          <Form method="post">
            <button type="submit" name="intent" value="prepare" className="button button--secondary">
              Prepare the pack now
            </button>
          </Form>
        ) : null}
      </div>

      <h2>Each document</h2>
      <TableScroll label="The documents of the registration pack">
        <table className="table">
          <caption className="visually-hidden">The documents of the registration pack</caption>
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">What it is</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d, i) => (
              <tr key={d.doc}>
                <td>
                  <a href={`/registration/documents/${d.doc}.pdf`} download>
                    {`${i + 1}. ${d.title}`}
                    <span className="visually-hidden"> (PDF)</span>
                  </a>
                </td>
                <td>{d.purpose}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p>
        Change the financial scheme on <Link to="/registration/financial-scheme">its own page</Link>. See{" "}
        <Link to="/registration/readiness">the readiness checks</Link> before you apply.
      </p>
    </div>
  );
}
