import { isIP } from "node:net";

/**
 * Who is asking and how, read from the connection and, behind a trusted load balancer, from its
 * X-Forwarded-* headers. A header the app cannot read is refused (400), never guessed at: a
 * malformed host or address would otherwise end up in a URL or a rate-limit key and fail later,
 * as a 500, or let a client choose its own address.
 */
export interface ClientFacts {
  /** "https" when the person's connection is encrypted (at the load balancer, when trusted). */
  protocol: "http" | "https";
  /** The host the person asked for, with its port when not the default: "app.example.org". */
  host: string;
  /** The person's address, for per-address limits. */
  ip: string;
}

export type ForwardedResult = { ok: true; facts: ClientFacts } | { ok: false; header: string };

export interface ConnectionFacts {
  /** The address of the other end of the connection (the load balancer when there is one). */
  remoteAddress: string | undefined;
  /** Whether the connection itself is TLS. */
  encrypted: boolean;
  /** The request's headers. */
  headers: Headers;
  /** TRUST_PROXY: read X-Forwarded-* from the one load balancer in front. */
  trustProxy: boolean;
  /**
   * The scheme of the site's address (APP_URL). A plain connection to a site whose address is
   * https comes through a proxy that ends TLS (trusted or not): the person's browser used https.
   */
  siteProtocol: "http" | "https";
}

// A DNS name or IPv4 address with an optional port, or a bracketed IPv6 address with one. Each
// part is a run of one character class followed by a fixed character, so matching is linear.
const HOST_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i;
const MAX_HOST_LENGTH = 261;

export function isValidHost(host: string): boolean {
  if (host.length === 0 || host.length > MAX_HOST_LENGTH || !HOST_PATTERN.test(host)) return false;
  const afterAddress = host.startsWith("[") ? host.slice(host.indexOf("]") + 1) : host.slice(host.indexOf(":") === -1 ? host.length : host.indexOf(":"));
  return afterAddress === "" || Number(afterAddress.slice(1)) <= 65535;
}

/** The last hop of a comma-separated forwarded list: the one our own load balancer added. */
function lastHop(value: string): string {
  const parts = value.split(",");
  return (parts[parts.length - 1] ?? "").trim();
}

export function readClientFacts(input: ConnectionFacts): ForwardedResult {
  const host = input.headers.get("host") ?? "";
  if (!isValidHost(host)) return { ok: false, header: "Host" };
  const facts: ClientFacts = {
    protocol: input.encrypted ? "https" : input.siteProtocol,
    host: host.toLowerCase(),
    ip: normaliseIp(input.remoteAddress) ?? "unknown",
  };
  if (!input.trustProxy) return { ok: true, facts };

  const forwardedProto = input.headers.get("x-forwarded-proto");
  if (forwardedProto !== null) {
    const proto = lastHop(forwardedProto).toLowerCase();
    if (proto !== "http" && proto !== "https") return { ok: false, header: "X-Forwarded-Proto" };
    facts.protocol = proto;
  }
  const forwardedHost = input.headers.get("x-forwarded-host");
  if (forwardedHost !== null) {
    const forwarded = lastHop(forwardedHost);
    if (!isValidHost(forwarded)) return { ok: false, header: "X-Forwarded-Host" };
    facts.host = forwarded.toLowerCase();
  }
  const forwardedFor = input.headers.get("x-forwarded-for");
  if (forwardedFor !== null) {
    const ip = normaliseIp(lastHop(forwardedFor));
    if (ip === null) return { ok: false, header: "X-Forwarded-For" };
    facts.ip = ip;
  }
  return { ok: true, facts };
}

/** An IPv4 or IPv6 address as text ("::ffff:192.0.2.1" is IPv4's), or null when it is not one. */
function normaliseIp(value: string | undefined): string | null {
  if (!value) return null;
  const bare = value.startsWith("::ffff:") && isIP(value.slice(7)) === 4 ? value.slice(7) : value;
  return isIP(bare) === 0 ? null : bare;
}
