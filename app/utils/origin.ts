const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence in depth beside SameSite=Lax cookies: a state-changing request must come from a
 * page of this site, the same scheme, host and port. Browsers send Origin on every POST; a
 * request without one (curl, a test) carries no ambient browser credentials worth stealing unless
 * it also has our cookie, so it is refused only when it carries a session cookie. The scheme
 * counts: a page served over plain http (a network that strips TLS) must not write to the https
 * site with the person's cookie.
 */
export function isCrossSiteWrite(input: {
  method: string;
  origin: string | null | undefined;
  /** The host the request was sent to, with its port when not the default. */
  host: string | null | undefined;
  /** The scheme the request arrived with ("https" when TLS ended at our load balancer). */
  protocol: "http" | "https";
  hasSessionCookie: boolean;
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (!input.origin || input.origin === "null") return input.hasSessionCookie;
  try {
    const origin = new URL(input.origin);
    return origin.protocol !== `${input.protocol}:` || origin.host !== new URL(`${input.protocol}://${input.host ?? ""}`).host;
  } catch {
    return true;
  }
}
