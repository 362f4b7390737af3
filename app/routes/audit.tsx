import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/forms";
import { listAuditEntries, verifyAuditLog } from "~/modules/audit/audit.server";
import { auditActionLabels, chainProblemLabels } from "~/modules/audit/messages";
import { requirePermission } from "~/utils/auth.server";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Audit log - Breakaway" }];

const PAGE_SIZE = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "audit.read");
  const url = new URL(request.url);
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const { total, rows } = await listAuditEntries(context.db, { page, pageSize: PAGE_SIZE });
  const check = url.searchParams.get("verify") === "1" ? await verifyAuditLog(context.db) : null;
  return {
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    check,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorLabel,
      action: r.action,
      subject: `${r.subjectType} ${r.subjectId}`,
      details: Object.keys(r.details).length ? JSON.stringify(r.details) : "",
      hash: r.hash,
    })),
  };
}

export default function AuditLog() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Audit log</h1>
      <p>
        Every change that matters is recorded here, newest first. Entries cannot be changed or removed, and each carries a fingerprint (SHA-256) of the one
        before it, so any tampering shows up when the chain is checked.
      </p>
      {d.check ? (
        d.check.ok ? (
          <NotificationBanner title="The chain is intact" kind="success">
            <p>
              All {d.check.checked.toLocaleString("en-GB")} entries check out. Latest fingerprint: <code className="hash">{d.check.headHash}</code>
            </p>
          </NotificationBanner>
        ) : (
          <div className="error-summary" role="alert">
            <h2 className="error-summary__title">The chain is broken</h2>
            <p>
              Entry {d.check.brokenEntryId} {chainProblemLabels[d.check.problem]}. The {d.check.checked} entries before it check out.
            </p>
          </div>
        )
      ) : null}
      <Form method="get" className="inline-form">
        <input type="hidden" name="verify" value="1" />
        <button type="submit" className="button button--secondary">
          Check the chain
        </button>
      </Form>
      <TableScroll labelledBy="audit-caption" wide>
        <table className="table">
          <caption id="audit-caption">
            {d.total.toLocaleString("en-GB")} entries, page {d.page} of {d.pages}
          </caption>
          <thead>
            <tr>
              <th scope="col">No.</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Subject</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {d.entries.map((e) => (
              <tr key={e.id}>
                <td>{e.id}</td>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.actor}</td>
                <td>{auditActionLabels[e.action] ?? e.action}</td>
                <td>{e.subject}</td>
                <td className="details">{e.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <nav aria-label="Audit log pages" className="pagination">
        {d.page > 1 ? <Link to={`?page=${d.page - 1}`}>Newer entries</Link> : null}
        {d.page < d.pages ? <Link to={`?page=${d.page + 1}`}>Older entries</Link> : null}
      </nav>
    </div>
  );
}
