import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { pageContentSecurityPolicy } from "~/http/security-headers";
import { logFailure } from "~/utils/errors";

const ABORT_DELAY = 5_000;

/**
 * Remix's errors, logged the one way every failure is: where and what kind, never the message,
 * the query or the form (docs/decisions/026). A request the person abandoned is no failure.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // Nor is a page that is not there (a 404 Remix raises itself), or any answer of the 4xx kind.
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status < 500)) return;
  logFailure({ method: request.method, url: request.url }, error);
  context.noteFailure?.(error);
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The front door gives every request a nonce (app/utils/context.server.ts); the page's policy
  // runs only scripts that carry it, so an injected inline script would not run.
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.set("Content-Security-Policy", pageContentSecurityPolicy(nonce));
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        nonce,
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logFailure({ method: request.method, url: request.url }, error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
