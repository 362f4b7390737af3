import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";
import { createSession, SESSION_COOKIE } from "../../app/modules/auth/session.server";
import { createDatabaseGate, DEFAULT_GATE_SETTINGS, type GateSettings } from "../../app/http/database-gate.server";
import { createFrontDoor } from "../../app/http/front-door.server";
import type { Db } from "../../app/utils/db.server";
import { parseEnv, type AppEnv } from "../../app/utils/env.server";
import { users } from "../../db/schema";

const BASE = "http://localhost:3000";

/**
 * The built app. `server` names another app server: the build is loaded again under that name
 * (a query on its URL makes a module instance of its own), so nothing kept in one server's
 * memory is seen by the other, as behind a load balancer.
 */
async function loadBuild(server?: string): Promise<ServerBuild> {
  const buildPath = path.resolve("build/index.js");
  if (!existsSync(buildPath)) throw new Error("No build: run `npm run build` before the integration tests (npm test does).");
  const url = pathToFileURL(buildPath);
  if (server) url.searchParams.set("server", server);
  return (await import(url.href)) as ServerBuild;
}

export interface RequestOptions {
  method?: string;
  form?: Record<string, string>;
  /** A raw body instead of a form, with its own Content-Type in `headers`. */
  body?: BodyInit;
  headers?: Record<string, string>;
  cookie?: string | null;
  ip?: string;
  origin?: string | null;
  secure?: boolean;
}

/**
 * The built app behind the same front door as server.ts (limits, origin check, session context,
 * cookies, the ballot endpoint it serves ahead of Remix, headers), over a real database: what a
 * browser would get, without a network.
 */
export async function createTestApp(
  db: Db,
  envOverrides: Partial<AppEnv> = {},
  options: { server?: string; gate?: Partial<GateSettings>; ping?: () => Promise<unknown> } = {},
) {
  const build = await loadBuild(options.server);
  const parsed = parseEnv({ DEMO_MODE: "true", APP_URL: BASE });
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  const env: AppEnv = { ...parsed.env, ...envOverrides };
  // The database gate as on a server, but letting any number of requests wait as long as they
  // need: tests send a thousand ballots at once through a pool of five connections.
  const settings: GateSettings = { ...DEFAULT_GATE_SETTINGS, maxQueued: Number.POSITIVE_INFINITY, maxWaitMs: 600_000, ...options.gate };
  const gate = createDatabaseGate(options.ping ?? (() => db.execute(sql`select 1`)), settings);
  const handle = createFrontDoor({ build, db, env, gate });

  async function request(pathname: string, options: RequestOptions = {}): Promise<Response> {
    const method = options.method ?? (options.form || options.body !== undefined ? "POST" : "GET");
    const base = options.secure ? BASE.replace(/^http:/, "https:") : BASE;
    const headers = new Headers({ Host: new URL(BASE).host, ...options.headers });
    if (options.cookie) headers.set("Cookie", options.cookie);
    const origin = options.origin === undefined ? (method === "GET" ? null : base) : options.origin;
    if (origin) headers.set("Origin", origin);
    let body: ReadableStream<Uint8Array> | null = null;
    if (options.form || options.body !== undefined) {
      // As a browser sends it: the body as a stream, with the type the form gives it.
      const init = {
        method: "POST",
        body: options.form ? new URLSearchParams(options.form) : options.body,
        headers: options.headers,
        duplex: "half",
      } as RequestInit;
      const sent = new Request(`${base}${pathname}`, init);
      if (!headers.has("Content-Type") && sent.headers.get("Content-Type")) headers.set("Content-Type", sent.headers.get("Content-Type")!);
      body = sent.body;
    }
    const answer = await handle({
      method,
      target: pathname,
      headers,
      body,
      remoteAddress: options.ip ?? "192.0.2.1",
      encrypted: options.secure ?? false,
    });
    return answer.response;
  }

  return { request, env, gate };
}

/** A session for an existing person, as a Cookie header, skipping the emailed link. */
export async function cookieFor(db: Db, email: string): Promise<string> {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user) throw new Error(`no such user ${email}`);
  const { token } = await createSession(db, user.id);
  return `${SESSION_COOKIE}=${token}`;
}

/** The session cookie a response sets, as a Cookie header value (or null). */
export function sessionCookieFrom(response: Response): string | null {
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(";");
    if (pair?.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) return pair;
  }
  return null;
}

/**
 * A page with its script nonce set aside: every page has a nonce of its own, random by design, so
 * two answers that must be the same (for a known and an unknown address) differ only there.
 */
export function withoutNonce(html: string): string {
  return html.replace(/nonce="[^"]{1,64}"/g, 'nonce="NONCE"');
}

/** A page's HTML without React's text separators ("<!-- -->"), so that sentences can be found whole. */
export async function html(response: Response): Promise<string> {
  return (await response.text()).replaceAll("<!-- -->", "");
}
