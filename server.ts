/**
 * Breakaway's process: checks the environment, opens the database (PostgreSQL or embedded
 * PGlite), applies migrations, seeds the demo when asked and empty, starts the mail sender,
 * then serves the Remix build. Run with `npm start` (which builds first).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { TLSSocket } from "node:tls";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { seedDemo, isDatabaseEmpty } from "./app/modules/demo/seed.server";
import { startMailSender } from "./app/modules/mail/outbox.server";
import { startPollCloser } from "./app/modules/polls/polls.server";
import { createSmtpSender } from "./app/modules/mail/smtp.server";
import { openDatabase } from "./app/utils/db.server";
import { loadEnvOrExit } from "./app/utils/env.server";
import { logFailure } from "./app/utils/errors";
import { createFrontDoor } from "./app/http/front-door.server";
import { nodeFrontDoor } from "./app/http/node-adapter.server";
import { applySecurityHeaders } from "./app/http/security-headers";

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

const frontDoor = createFrontDoor({ build, db: database.db, env });

const app = express();
app.disable("x-powered-by");
app.disable("etag");
// An action's data (a POST to a route's .data, what a form sends when JavaScript runs) is a few
// bytes: compressing it costs the server more than it saves anyone. Nor is an answer of a few
// bytes worth compressing. Pages and loaders' data are compressed as before.
app.use(
  compression({
    threshold: 1024,
    filter: (req, res) => !(req.method === "POST" && req.path.endsWith(".data")) && compression.filter(req, res),
  }),
);
// Static files carry the same security headers as everything else; nobody is signed in to them.
app.use((req, res, next) => {
  const headers = new Headers();
  applySecurityHeaders(headers, { protocol: req.socket instanceof TLSSocket || (env.trustProxy && req.get("x-forwarded-proto") === "https") ? "https" : "http", appUrl: env.appUrl, signedIn: false });
  for (const [name, value] of headers) res.setHeader(name, value);
  next();
});
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
// Browsers ask for /favicon.ico whatever the page says.
app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));

// Everything else: the front door (limits, origin check, session, the ballot endpoint, Remix).
const handle = nodeFrontDoor(frontDoor);
app.use((req, res) => void handle(req, res));

// A failure in the static files' middleware: logged by kind only, like every other.
app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
  logFailure({ method: req.method, url: req.originalUrl }, error);
  const status = typeof error === "object" && error !== null && "status" in error && Number((error as { status: unknown }).status) < 500 ? Number((error as { status: unknown }).status) : 500;
  if (!res.headersSent) res.status(status).type("text/plain").send(status === 500 ? "Sorry, there is a problem with the service. Please try again later." : "Sorry, we could not read that request.");
});

const server = app.listen(env.port, env.host, () => {
  console.log(`Breakaway is ready at ${env.appUrl} (listening on ${env.host}:${env.port})`);
});
// A client that sends its headers or its body slowly holds a connection, not the server: cut it
// off after these (generous for a phone uploading a 30 MB file).
server.headersTimeout = 20_000;
server.requestTimeout = 300_000;
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
