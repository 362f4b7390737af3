/**
 * The headers every answer carries, HTML or not (docs/decisions/026-limits-and-logging.md).
 * Pages add a content security policy of their own with the request's nonce (entry.server.tsx);
 * anything else gets one that forbids framing and running anything.
 */

/** One year, the figure browsers' preload lists ask for. */
const HSTS_SECONDS = 365 * 24 * 60 * 60;

export interface HeaderFacts {
  /** The scheme the person's browser used. */
  protocol: "http" | "https";
  /** APP_URL: a deployment whose address is https is only ever meant to be reached over TLS. */
  appUrl: string;
  /** Someone is signed in: nothing of the answer may be kept by a browser or a shared cache. */
  signedIn: boolean;
}

/** The policy for a page: scripts only from this site or carrying this request's nonce. */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
  ].join("; ");
}

/**
 * For answers that are not pages (PDFs, CSV, JSON, plain text): nothing in them may run or be
 * framed. PDF viewers are left their defaults (no default-src), as some apply the document's
 * policy to their own viewer.
 */
const NON_PAGE_POLICY = "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function applySecurityHeaders(headers: Headers, facts: HeaderFacts): void {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on form posts.
  headers.set("Referrer-Policy", "same-origin");
  if (!headers.has("Content-Security-Policy")) headers.set("Content-Security-Policy", NON_PAGE_POLICY);
  if (facts.protocol === "https" || facts.appUrl.startsWith("https://")) {
    headers.set("Strict-Transport-Security", `max-age=${HSTS_SECONDS}; includeSubDomains`);
  }
  // A signed-in answer can hold an officer's home address or a member's ballot receipt: no copy
  // on a shared computer's disk or in a proxy.
  if (facts.signedIn && !(headers.get("Cache-Control") ?? "").includes("no-store")) headers.set("Cache-Control", "no-store");
}
