/**
 * Breakaway's process: checks the environment, opens the database (PostgreSQL or embedded
 * PGlite), applies migrations, seeds the demo when asked and empty, starts the mail sender,
 * then serves the Remix build. Run with `npm start` (which builds first).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { seedDemo, isDatabaseEmpty } from "./app/modules/demo/seed.server";
import { startMailSender } from "./app/modules/mail/outbox.server";
import { castFromEndpoint } from "./app/modules/polls/cast-endpoint.server";
import { startPollCloser } from "./app/modules/polls/polls.server";
import { createSmtpSender } from "./app/modules/mail/smtp.server";
import { buildRequestContext } from "./app/utils/context.server";
import { openDatabase } from "./app/utils/db.server";
import { loadEnvOrExit } from "./app/utils/env.server";
import { isCrossSiteWrite } from "./app/utils/origin";
import { readSessionToken } from "./app/modules/auth/session.server";

// A server is in production unless told otherwise (`npm run dev` says development). Set before
// the build is imported below: React and other libraries choose their slow development build
// when NODE_ENV is not "production", and the PDF worker inherits it.
process.env.NODE_ENV ??= "production";

const env = loadEnvOrExit();
const buildPath = path.resolve("build/index.js");
if (!existsSync(buildPath)) {
  console.error("Breakaway cannot start: there is no build. Run `npm run build` (or `npm start`, which builds first).");
  process.exit(1);
}

const database = await openDatabase(env);
console.log(`Database: ${database.description}`);
await database.migrate();
console.log("Database: migrations applied");

if (env.demoMode && (await isDatabaseEmpty(database.db))) {
  const seeded = await seedDemo(database.db, { appUrl: env.appUrl, appSecret: env.appSecret });
  if (seeded.ok) console.log(`Demo: seeded a demo movement with ${seeded.pledges} pledges and ${seeded.people} people`);
}

let stopMail: (() => Promise<void>) | null = null;
if (env.smtpUrl) {
  stopMail = startMailSender(database.db, createSmtpSender(env.smtpUrl, env.mailFrom));
  console.log("Mail: sending through SMTP");
} else {
  console.log(
    env.demoMode || env.nodeEnv === "development"
      ? "Mail: no SMTP_URL, so mail stays in the outbox; read it at /dev/outbox"
      : "Mail: no SMTP_URL, so mail stays in the outbox table until SMTP is configured",
  );
}

// Polls close on time even when nobody presses the button.
const stopPollCloser = startPollCloser(database.db);

const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
// One proxy hop (the load balancer): trusting every X-Forwarded-For hop would let a client choose
// its own address and slip past the per-address limits.
if (env.trustProxy) app.set("trust proxy", 1);
// An action's data (a POST to a route's .data, what a form sends when JavaScript runs) is a few
// bytes: compressing it costs the server more than it saves anyone. Pages and loaders' data are
// compressed as before.
app.use(compression({ filter: (req, res) => !(req.method === "POST" && req.path.endsWith(".data")) && compression.filter(req, res) }));
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
// Browsers ask for /favicon.ico whatever the page says.
app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));

// CSRF defence in depth (see docs/decisions/003-sessions-and-sign-in.md).
app.use((req, res, next) => {
  const crossSite = isCrossSiteWrite({
    method: req.method,
    origin: req.get("origin"),
    host: req.get("host"),
    hasSessionCookie: readSessionToken(req.get("cookie")) !== null,
  });
  if (crossSite) {
    res.status(403).type("text/plain").send("This form was sent from another site, so it was refused.");
    return;
  }
  next();
});

/** The session and the rest of what every page and action gets as its context. */
async function contextFor(req: express.Request, res: express.Response) {
  const secure = req.protocol === "https" || env.appUrl.startsWith("https://");
  const { context, setCookies } = await buildRequestContext(
    { db: database.db, env },
    { cookieHeader: req.get("cookie"), ip: req.ip ?? "unknown", secure },
  );
  for (const cookie of setCookies) res.append("Set-Cookie", cookie);
  return context;
}

// Casting a ballot, as the ballot page sends it when JavaScript runs: ahead of Remix, so that a
// ballot costs no page routing or rendering when many vote at once (decision 025).
app.post(
  "/polls/:pollId/ballot",
  express.text({ type: "application/x-www-form-urlencoded", limit: "16kb" }),
  async (req, res, next) => {
    try {
      const form = new URLSearchParams(typeof req.body === "string" ? req.body : "");
      // castFromEndpoint answers even when the ballot's transaction fails, without logging it.
      const { status, body } = await castFromEndpoint(await contextFor(req, res), req.params.pollId ?? "", form);
      res.status(status).set("Cache-Control", "no-store").json(body);
    } catch (error) {
      next(error);
    }
  },
);

app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.nodeEnv === "development" ? "development" : "production",
    getLoadContext: contextFor,
  }),
);

const server = app.listen(env.port, env.host, () => {
  console.log(`Breakaway is ready at ${env.appUrl} (listening on ${env.host}:${env.port})`);
});
server.on("error", (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `Breakaway cannot start: port ${env.port} is already in use. Stop the other program or set PORT to another port.`
      : `Breakaway cannot start: ${error.message}`,
  );
  process.exit(1);
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing`);
  server.close();
  await stopMail?.();
  await stopPollCloser();
  await database.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
