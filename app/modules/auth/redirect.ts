/**
 * Only same-site paths are accepted after sign-in, so a crafted link cannot send a person
 * elsewhere (open redirect).
 */
export function safeRedirectPath(candidate: unknown, fallback = "/"): string {
  if (typeof candidate !== "string") return fallback;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  if (/[\r\n]/.test(candidate)) return fallback;
  if (candidate.startsWith("/login") || candidate.startsWith("/logout")) return fallback;
  return candidate;
}
