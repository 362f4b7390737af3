import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { createSession, SESSION_COOKIE } from "../../app/modules/auth/session.server";
import { castFromEndpoint } from "../../app/modules/polls/cast-endpoint.server";
import { buildRequestContext } from "../../app/utils/context.server";
import type { Db } from "../../app/utils/db.server";
import { parseEnv, type AppEnv } from "../../app/utils/env.server";
import { isCrossSiteWrite } from "../../app/utils/origin";
import { readSessionToken } from "../../app/modules/auth/session.server";
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
  cookie?: string | null;
  ip?: string;
  origin?: string | null;
  secure?: boolean;
}

/**
 * The built app behind the same per-request steps as server.ts (origin check, session context,
 * cookies, and the ballot endpoint it serves ahead of Remix), over a real database: what a
 * browser would get, without a network.
 */
export async function createTestApp(db: Db, envOverrides: Partial<AppEnv> = {}, options: { server?: string } = {}) {
  const build = await loadBuild(options.server);
  const handler = createRequestHandler(build, "production");
  const parsed = parseEnv({ DEMO_MODE: "true", APP_URL: BASE });
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  const env: AppEnv = { ...parsed.env, ...envOverrides };

  async function request(pathname: string, options: RequestOptions = {}): Promise<Response> {
    const method = options.method ?? (options.form ? "POST" : "GET");
    const headers = new Headers({ Host: new URL(BASE).host });
    if (options.cookie) headers.set("Cookie", options.cookie);
    const origin = options.origin === undefined ? (method === "GET" ? null : BASE) : options.origin;
    if (origin) headers.set("Origin", origin);
    const init: RequestInit = { method, headers, redirect: "manual" };
    if (options.form) init.body = new URLSearchParams(options.form);
    const req = new Request(`${BASE}${pathname}`, init);
    if (
      isCrossSiteWrite({
        method,
        origin,
        host: new URL(BASE).host,
        hasSessionCookie: readSessionToken(options.cookie) !== null,
      })
    ) {
      return new Response("refused", { status: 403 });
    }
    const { context, setCookies } = await buildRequestContext(
      { db, env },
      { cookieHeader: options.cookie ?? undefined, ip: options.ip ?? "192.0.2.1", secure: options.secure ?? false },
    );
    // server.ts serves the ballot endpoint ahead of Remix, after the same two steps.
    const ballotPoll = method === "POST" ? /^\/polls\/([^/]+)\/ballot$/.exec(pathname)?.[1] : undefined;
    const response =
      ballotPoll !== undefined
        ? await castFromEndpoint(context, ballotPoll, new URLSearchParams(options.form ?? {})).then(
            ({ status, body }) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } }),
          )
        : await handler(req, context);
    for (const c of setCookies) response.headers.append("Set-Cookie", c);
    return response;
  }

  return { request, env };
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
