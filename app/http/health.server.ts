import type { DatabaseGate } from "./database-gate.server";
import { eventLoopDelay } from "./event-loop-delay.server";
import { healthMessages } from "./messages";
import { applySecurityHeaders } from "./security-headers";

/**
 * The health checks, answered by the front door ahead of everything else (no routing, no
 * session, never compressed: they are a few bytes):
 * - /healthz/live: 200 "up" whenever the process serves requests; it never asks the database.
 *   For a supervisor or a load balancer deciding whether to restart the server.
 * - /healthz: ready, 200 "ok" only when the database answers a `select 1` within a second;
 *   otherwise 503. For a load balancer deciding whether to send requests here.
 * With `Accept: application/json` both answer JSON (HealthReport) with the event-loop delay.
 */
export const LIVE_PATH = "/healthz/live";
export const READY_PATH = "/healthz";

export interface HealthReport {
  status: "up" | "ready" | "unavailable";
  /** Only on /healthz: whether the database answered. */
  database?: "reachable" | "unreachable";
  eventLoopDelay: { p99Ms: number; maxMs: number; intervalSeconds: number };
}

export function isHealthPath(pathname: string): boolean {
  return pathname === LIVE_PATH || pathname === READY_PATH;
}

export async function answerHealth(
  pathname: string,
  accept: string | null,
  gate: DatabaseGate,
  facts: Parameters<typeof applySecurityHeaders>[1],
): Promise<Response> {
  let report: HealthReport;
  if (pathname === LIVE_PATH) {
    report = { status: "up", eventLoopDelay: eventLoopDelay() };
  } else {
    // While the database is known to be gone, the background probe is already asking it: no
    // second question that would wait its full second.
    const reachable = gate.reachable() && (await gate.probe());
    report = { status: reachable ? "ready" : "unavailable", database: reachable ? "reachable" : "unreachable", eventLoopDelay: eventLoopDelay() };
  }
  const status = report.status === "unavailable" ? 503 : 200;
  const headers = new Headers();
  let body: string;
  if ((accept ?? "").includes("application/json")) {
    headers.set("Content-Type", "application/json; charset=utf-8");
    body = JSON.stringify(report);
  } else {
    headers.set("Content-Type", "text/plain; charset=utf-8");
    body = report.status === "up" ? healthMessages.up : report.status === "ready" ? healthMessages.ready : healthMessages.unavailable;
  }
  if (status === 503) headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  // A known length, and no-transform: a few bytes are never worth compressing (the compression
  // middleware leaves an answer of known small length, or marked no-transform, alone).
  headers.set("Content-Length", String(Buffer.byteLength(body)));
  headers.set("Cache-Control", "no-store, no-transform");
  applySecurityHeaders(headers, facts);
  return new Response(body, { status, headers });
}

/** What a refused request is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;
