import { readJustCast } from "~/modules/constitution/sitting";
import { escapeHtml, plainPageHtml } from "~/modules/documents/help-page";
import { castCheckPageFor, type CastRecord, type StoredCast } from "~/utils/cast-record";
import { ballotProblemMessages, castFaultMessages } from "~/modules/polls/messages";

/**
 * The front door's answer when a request about a ballot fails (decision 041), instead of its
 * plain 500 page; null for any other request, which gets that page as before.
 * - A ballot committed by this request: its receipts, from what the commit returned, with 200.
 *   The page drawn after the commit (which reads the database again) is what failed, not the vote.
 * - A clause ballot's page reached by the redirect after its cast, with the receipts carried in
 *   the voter's cookie (constitution/sitting.ts): those receipts, the same way.
 * - A ballot sent without a known outcome (the commit got no answer, or what followed failed before
 *   the receipt came back), or a page where ballots are cast that failed: the failure page sends
 *   the voter to the page that says whether they have voted, with no receipt and the failed
 *   answer's own status (a 503 and its Retry-After stay as they were).
 * Remix's data requests (".data", sent by the page's script) are left to the page's own error
 * display: what they are answered with must be Remix's own format.
 */
export function castFaultAnswer(
  record: CastRecord | null,
  request: { method: string; pathname: string; cookieHeader: string | null; wantsJson: boolean },
  /** The failed answer's status and Retry-After, kept on a failure page (a 503 stays a 503). */
  failed: { status: number; retryAfter: string | null } = { status: 500, retryAfter: null },
): Response | null {
  if (request.pathname.endsWith(".data")) return null;
  const stored = record?.stored ?? carriedReceipts(request);
  if (stored) return request.wantsJson ? json(200, { ok: true, receipt: stored.receipts[0] }) : page(200, storedPage(stored));
  const answer = checkAnswer(record?.sentFrom ?? null, request, failed.status);
  if (answer && failed.retryAfter) answer.headers.set("Retry-After", failed.retryAfter);
  return answer;
}

/** The failure's answer, sending the voter to check whether their vote was stored; null when not about a ballot. */
function checkAnswer(sentFrom: string | null, request: { pathname: string; wantsJson: boolean }, status: number): Response | null {
  if (sentFrom) {
    return request.wantsJson
      ? json(status, { ok: false, code: "outcome_unknown", message: ballotProblemMessages.outcome_unknown })
      : page(status, checkPage(castFaultMessages.uncertain, sentFrom));
  }
  // No ballot sent by this request: a script is told as any other failure (nothing was cast),
  // a person on a ballot's page where to see whether an earlier click cast it.
  const checkAt = request.wantsJson ? null : castCheckPageFor(request.pathname);
  return checkAt ? page(status, checkPage(castFaultMessages.pageFailed, checkAt)) : null;
}

/** The receipts of the clause ballot just cast, carried to the next page in the voter's cookie. */
function carriedReceipts(request: { method: string; pathname: string; cookieHeader: string | null }): StoredCast | null {
  if (request.method !== "GET" || castCheckPageFor(request.pathname) !== "/constitution/vote") return null;
  const cast = readJustCast(request.cookieHeader);
  return cast ? { receipts: cast.receipts, checkAt: "/constitution/vote" } : null;
}

function storedPage(stored: StoredCast): string {
  const m = castFaultMessages;
  const receipts = stored.receipts.map(
    (r, i) => `<p>${escapeHtml(m.receiptLabel(i + 1, stored.receipts.length))} <code class="receipt">${escapeHtml(r)}</code></p>`,
  );
  return plainPageHtml(
    m.storedTitle,
    [
      `<p>${escapeHtml(m.stored)}</p>`,
      ...receipts,
      `<p>${escapeHtml(m.keepReceipt)}</p>`,
      `<p><a href="${escapeHtml(stored.checkAt)}">${escapeHtml(m.seeVoted)}</a></p>`,
    ].join("\n"),
  );
}

function checkPage(message: string, checkAt: string): string {
  const m = castFaultMessages;
  return plainPageHtml(m.uncertainTitle, `<p>${escapeHtml(message)}</p>\n<p><a href="${escapeHtml(checkAt)}">${escapeHtml(m.checkLink)}</a></p>`);
}

function page(status: number, html: string): Response {
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      // Like the front door's other small pages: no script, only its style.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      // A receipt is for the voter's eyes alone: never kept by a browser or a proxy.
      "Cache-Control": "no-store",
    },
  });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
}
