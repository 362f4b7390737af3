const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence in depth beside SameSite=Lax cookies: a state-changing request must come from a
 * page of this site. Browsers send Origin on every POST; a request without one (curl, a test)
 * carries no ambient browser credentials worth stealing unless it also has our cookie, so it is
 * refused only when it carries a session cookie.
 */
export function isCrossSiteWrite(input: {
  method: string;
  origin: string | null | undefined;
  host: string | null | undefined;
  hasSessionCookie: boolean;
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (!input.origin || input.origin === "null") return input.hasSessionCookie;
  try {
    return new URL(input.origin).host !== input.host;
  } catch {
    return true;
  }
}
