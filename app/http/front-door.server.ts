import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { readSessionToken } from "~/modules/auth/session.server";
import { helpPageHtml } from "~/modules/documents/help-page";
import { castFromEndpoint } from "~/modules/polls/cast-endpoint.server";
import type { CastRecord } from "~/utils/cast-record";
import type { AppContext } from "~/utils/context.server";
import { buildRequestContext } from "./request-context.server";
import type { Db } from "~/utils/db.server";
import type { AppEnv } from "~/utils/env.server";
import { logFailure } from "~/utils/errors";
import { DEFAULT_BODY_BYTES, UPLOAD_BODY_BYTES } from "~/utils/input-limits";
import { isCrossSiteWrite } from "~/utils/origin";
import { principalOf } from "~/utils/auth.server";
import { isAllowed, type Action, type Principal } from "~/utils/permissions";
import { castFaultAnswer } from "./cast-fault-answer.server";
import { isDatabaseUnavailable } from "~/utils/database-unavailable";
import { createDatabaseGate, type DatabaseGate } from "./database-gate.server";
import { readClientFacts } from "./forwarded";
import { eventLoopDelay } from "./event-loop-delay.server";
import { answerHealth, isHealthPath, RETRY_AFTER_SECONDS } from "./health.server";
import { bodyProblemMessage, frontDoorMessages, frontDoorTitles, unavailableMessage } from "./messages";
import { checkForm, formKindOf, readBodyWithin, type BodyProblem } from "./request-body";
import { applySecurityHeaders } from "./security-headers";

/**
 * Every request that is not a static file passes here, on the server (server.ts) and in the tests
 * (tests/support/app-harness.ts) alike, before any route runs (docs/decisions/026):
 * 0. the health checks (/healthz, /healthz/live), answered at once: no routing, no session;
 * 1. who is asking: Host and, behind a trusted load balancer, X-Forwarded-*, or 400;
 * 2. the address: no NUL byte, or 400;
 * 3. the origin check (CSRF, scheme included), or 403;
 * 4. the session (a page's larger upload limit is for someone allowed to use the page);
 * 5. the body: at most the page's limit counted on the bytes read (413), a form of a type the
 *    page can read (415) that parses, with no NUL byte in a field (400); a form with a file is
 *    parsed here once and handed to the page (context.uploadForm);
 * then the ballot endpoint or Remix;
 * 6. on every answer: the security headers, and no-store for anyone signed in.
 * A failure anywhere is logged by its kind and code alone and answered with a plain 500 page;
 * a failed request about a ballot, from what its cast returned (cast-fault-answer.server.ts).
 * Every step that uses the database passes the database gate (decision 040): while the database
 * cannot be used, or too many requests already wait for it, the request is refused at once with
 * a plain 503 and Retry-After, never left hanging; a failure that means the database is gone is
 * a 503 too.
 */

export interface Arrival {
  method: string;
  /** The request target as sent: path and query. */
  target: string;
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
  remoteAddress: string | undefined;
  /** The connection itself is TLS. */
  encrypted: boolean;
  /** Aborted when the person goes away before the answer is written. */
  signal?: AbortSignal;
}

/**
 * What the front door answers. A body it did not read to its end (over the limit, or a request
 * refused before its body mattered) is drained by whoever serves the connection (the node adapter).
 */
export interface Answer {
  response: Response;
}

export interface FrontDoorDeps {
  build: ServerBuild;
  db: Db;
  env: AppEnv;
  /** The database gate; by default one whose probe is a `select 1` through `db`. */
  gate?: DatabaseGate;
}

const BODYLESS = new Set(["GET", "HEAD"]);
/** How long a page waits before the database is asked whether it still answers (then again). */
const OUTAGE_CHECK_MS = 3_000;
const BALLOT_ENDPOINT = /^\/polls\/([^/]{1,100})\/ballot$/;

/** Who may send each page that takes a file: the permission its action asks for. */
const UPLOAD_PERMISSIONS: Readonly<Record<string, Action>> = {
  "/campaign/import": "pledges.manage",
  "/constitution/manage": "constitution.manage",
  "/registration/names": "registration.manage",
  "/registration/emblems": "registration.manage",
  // Any member may be named a trustee; the page itself refuses everyone else.
  "/polls/:pollId/trustee": "poll.vote",
};

/**
 * The most a request to this path may send: a page's own upload limit for someone allowed to use
 * that page, or the default. Nobody else can make the server hold more than the default: the
 * page would refuse them anyway, but only after the body had been read.
 */
export function bodyLimitFor(pathname: string, principal: Principal): number {
  const page = uploadPageFor(pathname, principal);
  return page ? (UPLOAD_BODY_BYTES[page] ?? DEFAULT_BODY_BYTES) : DEFAULT_BODY_BYTES;
}

/** The page taking a file at this path, when this principal may use it; otherwise null. */
function uploadPageFor(pathname: string, principal: Principal): string | null {
  const path = (pathname.endsWith(".data") ? pathname.slice(0, -".data".length) : pathname).replace(/\/$/, "") || "/";
  const page = path.replace(/^\/polls\/[0-9a-f-]{36}\/trustee$/i, "/polls/:pollId/trustee");
  const permission = UPLOAD_PERMISSIONS[page];
  return permission && isAllowed(principal, permission) ? page : null;
}

export function createFrontDoor(deps: FrontDoorDeps): (arrival: Arrival) => Promise<Answer> {
  const remix = createRequestHandler(deps.build, deps.env.nodeEnv === "development" ? "development" : "production");
  const gate = deps.gate ?? createDatabaseGate(() => deps.db.execute(sql`select 1`));
  // Measured from the start, so that the first health check already reports it.
  eventLoopDelay();

  return async function handle(arrival: Arrival): Promise<Answer> {
    const method = arrival.method.toUpperCase();
    // Health checks first: a load balancer's check may come without a Host header, and is cheap.
    const healthPath = arrival.target.split("?")[0] ?? "";
    if (BODYLESS.has(method) && isHealthPath(healthPath)) {
      const facts = { protocol: arrival.encrypted ? ("https" as const) : ("http" as const), appUrl: deps.env.appUrl, signedIn: false };
      return { response: await answerHealth(healthPath, arrival.headers.get("accept"), gate, facts) };
    }
    const read = readClientFacts({
      remoteAddress: arrival.remoteAddress,
      encrypted: arrival.encrypted,
      headers: arrival.headers,
      trustProxy: deps.env.trustProxy,
      siteProtocol: deps.env.appUrl.startsWith("https://") ? "https" : "http",
    });
    // Before the facts are known, answers say nothing about who is signed in.
    const plainFacts = { protocol: arrival.encrypted ? ("https" as const) : ("http" as const), appUrl: deps.env.appUrl, signedIn: false };
    if (!read.ok) return refuse(400, frontDoorMessages.badHeader(read.header), plainFacts, arrival);
    const facts = read.facts;
    const headerFacts = { protocol: facts.protocol, appUrl: deps.env.appUrl, signedIn: false };

    let url: URL;
    try {
      // A path, and not "//host/…" or "/\\host/…", which the URL parser would read as another host.
      if (!arrival.target.startsWith("/") || arrival.target.startsWith("//") || arrival.target.startsWith("/\\")) throw new Error("not a path");
      url = new URL(arrival.target, `${facts.protocol}://${facts.host}`);
    } catch {
      return refuse(400, frontDoorMessages.badAddress, headerFacts, arrival);
    }
    if (hasNul(arrival.target)) return refuse(400, frontDoorMessages.badAddress, headerFacts, arrival);

    const cookieHeader = arrival.headers.get("cookie") ?? undefined;
    if (
      isCrossSiteWrite({
        method,
        origin: arrival.headers.get("origin"),
        host: facts.host,
        protocol: facts.protocol,
        hasSessionCookie: readSessionToken(cookieHeader) !== null,
      })
    ) {
      return refuse(403, frontDoorMessages.crossSite, headerFacts, arrival);
    }

    // The session first: a page's larger upload limit is for someone allowed to use the page.
    let built: Awaited<ReturnType<typeof buildRequestContext>>;
    const sessionEntry = await gate.enter();
    // Like every 503: on a ballot's page, the receipts carried from its cast still win.
    if (!sessionEntry.ok) return unavailableAnswer(null, method, url, arrival, headerFacts);
    try {
      // Secure cookies over https, and always when the site's address is https (TLS may end at a
      // proxy that is not trusted to say so).
      const secure = facts.protocol === "https" || deps.env.appUrl.startsWith("https://");
      built = await buildRequestContext({ db: deps.db, env: deps.env }, { cookieHeader, ip: facts.ip, secure });
    } catch (error) {
      logFailure({ method, url: url.href }, error);
      if (await unavailableNow(error)) return unavailableAnswer(null, method, url, arrival, headerFacts);
      const fault = castFaultFor(null, method, url, arrival);
      if (fault) return { response: withHeaders(fault, { ...headerFacts, signedIn: true }) };
      return refuse(500, frontDoorMessages.serverError, headerFacts, arrival);
    } finally {
      // Not held while the body arrives: a slow upload must not keep a place from others.
      sessionEntry.release();
    }

    let bytes: Uint8Array<ArrayBuffer> | null = null;
    let uploadForm: FormData | null = null;
    let fields: URLSearchParams | null = null;
    if (!BODYLESS.has(method)) {
      let body: Awaited<ReturnType<typeof readBodyWithin>>;
      try {
        body = await readBodyWithin(arrival.body, bodyLimitFor(url.pathname, principalOf(built.context)));
      } catch {
        // The sender went away mid-body: nobody to answer, and no failure of ours to log.
        return refuseBody({ kind: "malformed" }, headerFacts, arrival, built.setCookies);
      }
      if (!body.ok) return refuseBody(body.problem, headerFacts, arrival, built.setCookies);
      bytes = body.bytes;
      const contentType = arrival.headers.get("content-type");
      const kind = formKindOf(contentType, bytes);
      if (kind === null) return refuseBody({ kind: "unsupported_type" }, headerFacts, arrival, built.setCookies);
      const checked = await checkForm(kind, contentType, bytes);
      if (checked.problem) return refuseBody(checked.problem, headerFacts, arrival, built.setCookies);
      fields = checked.fields;
      // Only a page that takes a file reads the parsed form; every other page reads its body.
      if (uploadPageFor(url.pathname, principalOf(built.context))) uploadForm = checked.uploadForm;
    }

    let failure: unknown = null;
    const context: AppContext = { ...built.context, uploadForm, noteFailure: (error) => (failure ??= error) };
    const castFault = (failed?: Response) => castFaultFor(context.casts, method, url, arrival, failed);
    const entry = await gate.enter();
    if (!entry.ok) return unavailableAnswer(context.casts, method, url, arrival, headerFacts, built.setCookies);
    try {
      const setCookies = built.setCookies;
      const work = dispatch(method, url, arrival, bytes, fields, context);
      // A page waits on the database only while the database answers: a query sent on a
      // connection that went silent gets no answer and no error (decision 040).
      const settled = BODYLESS.has(method) ? await settleUnlessOutage(work) : await work;
      if (settled === null) return unavailableAnswer(context.casts, method, url, arrival, headerFacts, built.setCookies);
      let response = settled;
      // A ballot sent to the database keeps its own answer: it knows whether it was stored.
      const ballotSent = context.casts.sentFrom !== null || context.casts.stored !== null;
      if (response.status >= 500 && isSafeToRefuse(method, url.pathname) && !ballotSent && (await unavailableNow(failure))) {
        // The page failed because the database is gone: say so, and when to try again. A page's
        // own answer to a form it was sent is kept: it may say what was stored before the failure.
        return unavailableAnswer(context.casts, method, url, arrival, headerFacts, built.setCookies);
      }
      // A form's failure is answered as the page gave it; the probe still notices a gone database.
      if (response.status >= 500 && !isSafeToRefuse(method, url.pathname)) void gate.probe();
      const fault = response.status >= 500 && (response.headers.get("content-type") ?? "").startsWith("text/html") ? castFault(response) : null;
      if (fault) {
        await response.body?.cancel();
        response = fault;
      }
      // Private too: an answer that signs someone in or out, and a page reached by an e-mailed
      // link with a token (it can show the person's address and the live token).
      const personal = context.auth !== null || setCookies.length > 0 || response.headers.has("set-cookie") || url.searchParams.has("token");
      return { response: withHeaders(response, { ...headerFacts, signedIn: personal }, setCookies) };
    } catch (error) {
      logFailure({ method, url: url.href }, error);
      const fault = castFault();
      if (fault) return { response: withHeaders(fault, { ...headerFacts, signedIn: true }, built.setCookies) };
      if (await unavailableNow(error)) return unavailableAnswer(context.casts, method, url, arrival, headerFacts, built.setCookies);
      return refuse(500, frontDoorMessages.serverError, headerFacts, arrival);
    } finally {
      entry.release();
    }
  };

  /**
   * A page's answer, or null once the database has stopped answering while the page waited for
   * it: every few seconds of waiting the database is asked (one shared probe). A page changes
   * nothing, so it can be given up; its work ends in the background and is dropped.
   */
  async function settleUnlessOutage(work: Promise<Response>): Promise<Response | null> {
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waited = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), OUTAGE_CHECK_MS);
      });
      const done = await Promise.race([
        work.then(
          () => true,
          () => true,
        ),
        waited,
      ]);
      clearTimeout(timer);
      if (done) return work;
      if (!(await gate.probe())) {
        work.then(
          (late) => late.body?.cancel(),
          () => {},
        );
        return null;
      }
    }
  }

  /** Whether a failure means the database is gone; a probe then opens the gate's circuit. */
  async function unavailableNow(error: unknown): Promise<boolean> {
    const probed = await gate.probe();
    return isDatabaseUnavailable(error) || !probed;
  }

  async function dispatch(
    method: string,
    url: URL,
    arrival: Arrival,
    bytes: Uint8Array<ArrayBuffer> | null,
    fields: URLSearchParams | null,
    context: AppContext,
  ): Promise<Response> {
    // The ballot endpoint is served ahead of Remix, so that a ballot costs no page routing or
    // rendering when many vote at once (decision 025).
    const ballotPoll = method === "POST" ? BALLOT_ENDPOINT.exec(url.pathname)?.[1] : undefined;
    if (ballotPoll !== undefined) {
      const { status, body } = await castFromEndpoint(context, ballotPoll, fields ?? new URLSearchParams());
      const headers = new Headers({ "Content-Type": "application/json; charset=utf-8" });
      if (status === 503) headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
      return new Response(JSON.stringify(body), { status, headers });
    }
    // A form with a file goes to the page already parsed (context.uploadForm): the bytes are not
    // copied into the request again.
    const body = context.uploadForm ? null : bytes;
    const request = new Request(url.href, { method, headers: arrival.headers, body, signal: arrival.signal });
    return remix(request, context);
  }
}

/** A failed request about a ballot, answered from what its cast returned (decision 041); null for any other. */
function castFaultFor(casts: CastRecord | null, method: string, url: URL, arrival: Arrival, failed?: Response): Response | null {
  return castFaultAnswer(
    casts,
    {
      method,
      pathname: url.pathname,
      cookieHeader: arrival.headers.get("cookie"),
      wantsJson: BALLOT_ENDPOINT.test(url.pathname) || (arrival.headers.get("accept") ?? "").startsWith("application/json"),
    },
    failed ? { status: failed.status, retryAfter: failed.headers.get("retry-after") } : undefined,
  );
}

/**
 * The database cannot be used now: a 503 with when to try again; on a ballot's page or address,
 * the answer from what the request's cast returned instead (a stored ballot's receipts win over
 * the 503, and a failure page sends the voter to check whether their vote was stored).
 */
function unavailableAnswer(
  casts: CastRecord | null,
  method: string,
  url: URL,
  arrival: Arrival,
  facts: Parameters<typeof applySecurityHeaders>[1],
  setCookies: string[] = [],
): Answer {
  const refused = refuseUnavailable(facts, arrival, setCookies);
  const fault = castFaultFor(casts, method, url, arrival, refused.response);
  if (!fault) return refused;
  return { response: withHeaders(fault, { ...facts, signedIn: true }, setCookies) };
}

/**
 * Whether a failed answer may be replaced by the plain 503: a request that changes nothing (a
 * page or its data), or a ballot sent to the endpoint, whose transaction stores all or nothing.
 */
function isSafeToRefuse(method: string, pathname: string): boolean {
  return BODYLESS.has(method) || BALLOT_ENDPOINT.test(pathname);
}

/** The database cannot be used now: 503, with when to try again. */
function refuseUnavailable(facts: Parameters<typeof applySecurityHeaders>[1], arrival: Arrival, setCookies: string[] = []): Answer {
  const answer = refuse(503, unavailableMessage, facts, arrival);
  answer.response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  for (const cookie of setCookies) answer.response.headers.append("Set-Cookie", cookie);
  return answer;
}

function hasNul(target: string): boolean {
  return target.includes("\0") || /%00/i.test(target);
}

/**
 * A copy of the answer with headers that can be changed (a Response's may be immutable). The
 * session's own cookies (a slid expiry, a clearing) go first, so that a cookie the page sets
 * itself (signing in or out) comes last and wins.
 */
function withHeaders(response: Response, facts: Parameters<typeof applySecurityHeaders>[1], sessionCookies: string[] = []): Response {
  const headers = new Headers();
  for (const cookie of sessionCookies) headers.append("Set-Cookie", cookie);
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers.append(name, value);
  for (const cookie of response.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
  applySecurityHeaders(headers, facts);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A refused body; the session's cookie still goes with it, should the session have just slid. */
function refuseBody(problem: BodyProblem, facts: Parameters<typeof applySecurityHeaders>[1], arrival: Arrival, setCookies: string[]): Answer {
  const status = problem.kind === "too_large" ? 413 : problem.kind === "unsupported_type" ? 415 : 400;
  const answer = refuse(status, bodyProblemMessage(problem), facts, arrival);
  for (const cookie of setCookies) answer.response.headers.append("Set-Cookie", cookie);
  return answer;
}

/**
 * A plain answer for a request refused before any page ran: a short page for a browser, the
 * sentence alone for Remix's data requests and scripts, JSON for the ballot endpoint's callers.
 */
function refuse(status: keyof typeof frontDoorTitles, message: string, facts: Parameters<typeof applySecurityHeaders>[1], arrival: Arrival): Answer {
  const headers = new Headers();
  const path = arrival.target.split("?")[0] ?? "";
  let body: string;
  if (BALLOT_ENDPOINT.test(path) || (arrival.headers.get("accept") ?? "").startsWith("application/json")) {
    headers.set("Content-Type", "application/json; charset=utf-8");
    body = JSON.stringify({ ok: false, code: `http_${status}`, message });
  } else if (path.endsWith(".data")) {
    headers.set("Content-Type", "text/plain; charset=utf-8");
    body = message;
  } else {
    headers.set("Content-Type", "text/html; charset=utf-8");
    // The same small page as a document that cannot be given; it has no script, only its style.
    headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    body = helpPageHtml({ title: frontDoorTitles[status], body: message });
  }
  applySecurityHeaders(headers, facts);
  // A refusal is about this one request: never cached, whoever asked.
  headers.set("Cache-Control", "no-store");
  return { response: new Response(body, { status, headers }) };
}
