/**
 * PostgreSQL connection URLs as postgres.js reads them, including the multi-host form a cluster
 * needs: `postgres://user@db1:5432,db2:5432/breakaway?target_session_attrs=primary`. The
 * WHATWG URL parser refuses a comma-separated host list, so the hosts are taken out first and
 * the rest is parsed with the first host alone, as postgres.js itself does.
 */

export interface PostgresUrlParts {
  hosts: { host: string; port: string }[];
  database: string;
  /** primary (or read-write) when the servers are tried in turn for the one that accepts writes. */
  targetSessionAttrs: string | null;
}

export function parsePostgresUrl(value: string): PostgresUrlParts | null {
  const scheme = /^(postgres(?:ql)?):\/\//.exec(value);
  if (!scheme) return null;
  const afterScheme = value.slice(scheme[0].length);
  const end = afterScheme.search(/[/?#]/);
  const authority = end < 0 ? afterScheme : afterScheme.slice(0, end);
  const at = authority.lastIndexOf("@");
  const hostList = authority.slice(at + 1);
  const entries = hostList.split(",");
  if (entries.some((entry) => entry.trim() === "")) return null;
  let url: URL;
  try {
    url = new URL(`${scheme[0]}${authority.slice(0, at + 1)}${entries[0]}${end < 0 ? "" : afterScheme.slice(end)}`);
    for (const entry of entries.slice(1)) new URL(`${scheme[0]}${entry}`);
  } catch {
    return null;
  }
  return {
    hosts: entries.map((entry) => {
      const parsed = new URL(`${scheme[0]}${entry}`);
      return { host: parsed.hostname, port: parsed.port || "5432" };
    }),
    database: decodeURIComponent(url.pathname.slice(1)),
    targetSessionAttrs: url.searchParams.get("target_session_attrs"),
  };
}

export const isPostgresUrl = (value: string) => parsePostgresUrl(value) !== null;

/** For the start-up log line: where the data lives, never the password. */
export function describePostgresUrl(value: string): string {
  const parts = parsePostgresUrl(value);
  if (!parts) return "PostgreSQL";
  const where = `${parts.hosts.map((h) => `${h.host}:${h.port}`).join(", ")}/${parts.database}`;
  return parts.hosts.length > 1
    ? `PostgreSQL at ${where} (${parts.targetSessionAttrs === "primary" || parts.targetSessionAttrs === "read-write" ? "whichever is the primary" : "the first that answers"})`
    : `PostgreSQL at ${where}`;
}
