/**
 * The innermost cause of an error. A failed query's own error (drizzle's, wrapping the driver's)
 * carries the statement's parameters in its message; its cause is the database's error alone.
 */
export function innermostCause(error: unknown): unknown {
  let inner = error;
  while (inner instanceof Error && inner.cause !== undefined) inner = inner.cause;
  return inner;
}

/**
 * What may be logged of a failure: its kind, the database's or the system's error code, and where
 * in our code it was thrown. Never its message: a failed statement's message carries its
 * parameters (voters, ballots, receipts, addresses), a parser's carries the text it was given
 * (docs/decisions/026-limits-and-logging.md).
 */
export function describeFailure(error: unknown): string {
  const cause = innermostCause(error);
  const code = typeof cause === "object" && cause !== null && "code" in cause ? String((cause as { code: unknown }).code) : "";
  const kind = cause instanceof Error ? cause.name : typeof cause;
  const at = error instanceof Error ? whereThrown(error) : "";
  return [kind, code, at ? `at ${at}` : ""].filter(Boolean).join(" ");
}

/**
 * The first stack frame in the app's own code (the build, app/, scripts/ or server.ts), as
 * "file:line". Frames hold only code positions; the message line before them is left out.
 */
function whereThrown(error: Error): string {
  // Only what follows the message: a message can run over several lines (a failed query's does)
  // and hold what someone typed, so no line of it is read, even one that looks like a frame.
  const stack = error.stack ?? "";
  const header = String(error);
  const frames = stack.startsWith(header) ? stack.slice(header.length).split("\n") : [];
  for (const frame of frames) {
    if (frame.includes("node_modules") || frame.includes("node:")) continue;
    // "    at name (file:line:column)" or "    at file:line:column"
    const text = frame.trim().replace(/\)$/, "");
    const location = text.slice(text.lastIndexOf(" ") + 1).replace(/^\(/, "");
    const column = location.lastIndexOf(":");
    const line = location.lastIndexOf(":", column - 1);
    if (line > 0) return `${shortPath(location.slice(0, line))}:${location.slice(line + 1, column)}`;
  }
  return "";
}

function shortPath(file: string): string {
  const at = file.search(/\/(?:build|app|scripts|server\.ts)/);
  return at === -1 ? file : file.slice(at + 1);
}

/**
 * The one way a failure is logged, by Remix's handleError, the front door and the HTTP server:
 * where (method and path, never the query, which can hold a sign-in token) and what kind.
 */
export function logFailure(where: { method: string; url: string }, error: unknown): void {
  let path = "(unknown path)";
  try {
    path = new URL(where.url, "http://x").pathname;
  } catch {
    // An unreadable URL is logged as unknown, not as given.
  }
  console.error(`request failed: ${where.method} ${path}: ${describeFailure(error)}`);
}
