import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { outboxPageText as t } from "~/modules/mail/outbox-page-messages";
import { listRecentMail } from "~/modules/mail/outbox.server";
import { requirePermission } from "~/utils/auth.server";
import { outboxPageAvailable } from "~/utils/features.server";
import { formatDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  // Outside demo and development, or when real mail goes out, this page does not exist.
  if (!(await outboxPageAvailable(context.env, context.db))) throw new Response(t.notFound, { status: 404 });
  const mail = await listRecentMail(context.db, 50);
  return {
    mail: mail.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      text: m.bodyText,
      at: m.createdAt.toISOString(),
    })),
  };
}

const LINK = /(https?:\/\/\S+)/g;

function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(LINK).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

export default function Outbox() {
  const { mail } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {mail.length === 0 ? <p>{t.empty}</p> : null}
      <ol className="mail-list" reversed>
        {mail.map((m) => (
          <li key={m.id} className="mail">
            <h2 className="mail__subject">{m.subject}</h2>
            <p className="mail__meta">
              {t.to.before}
              <span className="mail__to">{m.to}</span>
              {t.to.after}
              {formatDateTime(m.at)}
            </p>
            <pre className="mail__body">
              <Linkified text={m.text} />
            </pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
