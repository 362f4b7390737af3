import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { fixLink, registrationText } from "~/modules/registration/messages";
import { describeCheck, groupHeading, readinessPageText as t, statusLabel } from "~/modules/registration/readiness-messages";
import { loadReadiness } from "~/modules/registration/readiness.server";
import type { CheckStatus, ReadinessCheck } from "~/modules/registration/readiness-types";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

const groups: readonly ReadinessCheck["group"][] = ["application", "name", "descriptions", "emblems", "officers", "constitution", "finance"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "registration.manage");
  const checks = await loadReadiness(context.db);
  return {
    checks: checks.map((c) => ({ id: c.id, group: c.group, status: c.status, ...describeCheck(c), fix: c.status === "pass" ? null : fixLink(c.fix) })),
  };
}

/** The status as a symbol and a word, so it never rests on colour alone. */
const icons: Record<CheckStatus, string> = { pass: "✓", warning: "!", fail: "✗" };

export default function Readiness() {
  const { checks } = useLoaderData<typeof loader>();
  const count = (s: CheckStatus) => checks.filter((c) => c.status === s).length;
  const order: Record<CheckStatus, number> = { fail: 0, warning: 1, pass: 2 };
  return (
    <div className="page">
      <p>
        <Link to="/registration">{t.registration}</Link>
      </p>
      <h1>{t.title}</h1>
      <p className="lead">{registrationText.readinessLead}</p>
      <dl className="figures">
        {(["fail", "warning", "pass"] as const).map((status) => (
          <div className="figure" key={status}>
            <dt>{t.counts[status]}</dt>
            <dd>{count(status)}</dd>
          </div>
        ))}
      </dl>
      {groups.map((group) => {
        const inGroup = checks.filter((c) => c.group === group).sort((a, b) => order[a.status] - order[b.status]);
        if (inGroup.length === 0) return null;
        return (
          <section key={group} aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`}>{groupHeading(group)}</h2>
            <ul className="list check-list">
              {inGroup.map((c) => (
                <li key={c.id} className={`check check--${c.status}`} id={`check-${c.id}`}>
                  <strong className={`check__status check__status--${c.status}`}>
                    <span aria-hidden="true">{icons[c.status]} </span>
                    {statusLabel[c.status]}:
                  </strong>{" "}
                  <span className="check__title">{c.title}</span>
                  {c.reason ? <p className="check__reason">{c.reason}</p> : null}
                  {c.fix ? (
                    <p>
                      <Link to={c.fix.href}>
                        {c.fix.label}
                        <span className="visually-hidden"> ({c.title})</span>
                      </Link>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
