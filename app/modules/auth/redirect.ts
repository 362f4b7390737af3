/**
 * Only same-site paths are accepted after sign-in, so a crafted link cannot send a person
 * elsewhere (open redirect).
 */
export function safeRedirectPath(candidate: unknown, fallback = "/"): string {
  if (typeof candidate !== "string") return fallback;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example".
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f\s]/.test(candidate)) return fallback;
  if (candidate.startsWith("/login") || candidate.startsWith("/logout")) return fallback;
  return candidate;
}
