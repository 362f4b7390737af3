import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useNonce } from "~/components/nonce";
import { siteText as t } from "~/components/messages";
import { SiteHeader } from "~/components/site-header";
import { getMovement } from "~/modules/campaign/campaign.server";
import { castCheckPageFor } from "~/utils/cast-record";
import { castFaultMessages } from "~/modules/polls/messages";
import { principalOf } from "~/utils/auth.server";
import { isAllowed } from "~/utils/permissions";
import { outboxPageAvailable } from "~/utils/features.server";
import stylesHref from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: t.name }];

export async function loader({ context }: LoaderFunctionArgs) {
  const m = await getMovement(context.db);
  const user = context.auth?.user ?? null;
  return {
    movementName: m?.name ?? t.name,
    user: user ? { displayName: user.displayName, email: user.email, role: user.role } : null,
    canReadAudit: isAllowed(principalOf(context), "audit.read"),
    canManageRoles: isAllowed(principalOf(context), "roles.manage"),
    showOutbox: await outboxPageAvailable(context.env, context.db),
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  // A page that only shows text (handle.hydrate false) is sent without the app's scripts or a
  // second copy of its data for them: /constitution/full is the whole text, about half its size
  // again as data (decision 043). Its links work as in any page without JavaScript.
  const hydrated = !useMatches().some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main-content" className="skip-link">
          {t.skipLink}
        </a>
        <SiteHeader
          movementName={data?.movementName ?? t.name}
          user={data?.user ?? null}
          canReadAudit={data?.canReadAudit ?? false}
          canManageRoles={data?.canManageRoles ?? false}
        />
        <main id="main-content" className="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            {t.footer}
            {data?.showOutbox ? (
              <>
                {" "}
                <a href="/dev/outbox">{t.demoMailbox}</a>
              </>
            ) : null}
          </p>
        </footer>
        {hydrated ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  // On a page where ballots are cast, a failure may come after a ballot was stored (with
  // JavaScript, the page's own error display shows it): never "nothing was saved" there (decision 041).
  const checkAt = castCheckPageFor(useLocation().pathname);
  if (checkAt && !(isRouteErrorResponse(error) && error.status < 500)) {
    return (
      <div className="page">
        <h1>{castFaultMessages.uncertainTitle}</h1>
        <p>{castFaultMessages.pageFailed}</p>
        <p>
          <a href={checkAt}>{castFaultMessages.checkLink}</a>
        </p>
      </div>
    );
  }
  if (isRouteErrorResponse(error)) {
    const title = error.status === 403 ? t.forbiddenTitle : error.status === 404 ? t.notFoundTitle : t.problemTitle;
    return (
      <div className="page">
        <h1>{title}</h1>
        {error.status === 403 ? (
          <p>{t.forbidden}</p>
        ) : error.status === 404 ? (
          <p>{t.notFound}</p>
        ) : (
          <p>{typeof error.data === "string" ? error.data : t.tryLater}</p>
        )}
        <p>
          <a href="/">{t.homeLink}</a>
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{t.serviceProblemTitle}</h1>
      <p>{t.serviceProblem}</p>
    </div>
  );
}
