import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/forms";
import { auditLogView } from "~/modules/audit/log-view.server";
import { auditActionLabels } from "~/modules/audit/messages";
import { auditLogPageText as t } from "~/modules/audit/page-messages";
import { requirePermission } from "~/utils/auth.server";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "audit.read");
  const url = new URL(request.url);
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  return auditLogView(context.db, { page, verify: url.searchParams.get("verify") === "1" });
}

export default function AuditLog() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {d.check ? (
        d.check.ok ? (
          <NotificationBanner title={t.intact.title} kind="success">
            <p>
              {t.intact.checked(d.check.checked)}
              <code className="hash">{d.check.headHash}</code>
            </p>
          </NotificationBanner>
        ) : (
          <div className="error-summary" role="alert">
            <h2 className="error-summary__title">{t.broken.title}</h2>
            <p>{t.broken.where(d.check.brokenEntryId, d.check.problem, d.check.checked)}</p>
          </div>
        )
      ) : null}
      <Form method="get" className="inline-form">
        <input type="hidden" name="verify" value="1" />
        <button type="submit" className="button button--secondary">
          {t.check}
        </button>
      </Form>
      <TableScroll labelledBy="audit-caption" wide>
        <table className="table">
          <caption id="audit-caption">{t.caption(d.total, d.page, d.pages)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columns.number}</th>
              <th scope="col">{t.columns.when}</th>
              <th scope="col">{t.columns.who}</th>
              <th scope="col">{t.columns.what}</th>
              <th scope="col">{t.columns.subject}</th>
              <th scope="col">{t.columns.details}</th>
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
      <nav aria-label={t.pages} className="pagination">
        {d.page > 1 ? <Link to={`?page=${d.page - 1}`}>{t.newer}</Link> : null}
        {d.page < d.pages ? <Link to={`?page=${d.page + 1}`}>{t.older}</Link> : null}
      </nav>
    </div>
  );
}
