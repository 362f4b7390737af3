/**
 * Breakaway's process: checks the environment, opens the database (PostgreSQL or embedded
 * PGlite), applies migrations, seeds the demo when asked and empty, starts the mail sender,
 * then serves the Remix build. Run with `npm start` (which builds first).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { seedDemoOnce } from "./app/modules/demo/seed-once.server";
import { isDatabaseEmpty } from "./app/modules/demo/seed.server";
import { startMailSender } from "./app/modules/mail/outbox.server";
import { dueOwners } from "./app/modules/road/poll-owners.server";
import { startPollCloser } from "./app/modules/polls/closer.server";
import { finishStalledDecryptions } from "./app/modules/polls/trustee-count.server";
import { startTrusteeReminders } from "./app/modules/polls/trustee-reminders.server";
import { startRoundPreparation } from "./app/modules/constitution/round-preparation.server";
import { createSmtpSender } from "./app/modules/mail/smtp.server";
import { openDatabase, STATEMENT_TIMEOUT_MS } from "./app/utils/db.server";
import { createDatabaseGate } from "./app/http/database-gate.server";
import { createHttpApp, limitSlowClients } from "./app/http/http-app.server";
import { loadEnvOrExit } from "./app/utils/env.server";
import { describeFailure } from "./app/utils/errors";
import { setBallotSecret } from "./app/modules/polls/encrypted/ballot-keys.server";

// A server is in production unless told otherwise (`npm run dev` says development). Set before
// the build is imported below: React and other libraries choose their slow development build
// when NODE_ENV is not "production", and the PDF worker inherits it.
process.env.NODE_ENV ??= "production";

const env = loadEnvOrExit();
// Ballot keys are derived from APP_SECRET (decision 044), the same on every server of a cluster.
setBallotSecret(env.appSecret);
const buildPath = path.resolve("build/index.js");
if (!existsSync(buildPath)) {
  console.error("Breakaway cannot start: there is no build. Run `npm run build` (or `npm start`, which builds first).");
  process.exit(1);
}

// Requests fail fast rather than hold a connection: no statement of theirs runs past the limit.
const database = await openDatabase(env, { statementTimeoutMs: STATEMENT_TIMEOUT_MS });
console.log(`Database: ${database.description}`);
await database.migrate();
console.log("Database: migrations applied");

if (env.demoMode && (await isDatabaseEmpty(database.db))) {
  console.log(`Demo: building the demo movement up to the ${env.demoPhase} phase (this takes a minute on the embedded database)`);
  // Another server starting beside this one may be seeding: this waits for it, then finds the
  // database no longer empty.
  const seeded = await seedDemoOnce(database, { appUrl: env.appUrl, appSecret: env.appSecret, phase: env.demoPhase });
  console.log(
    seeded.ok
      ? `Demo: seeded a demo movement at the ${seeded.phase} phase, with ${seeded.pledges} pledges; sign in at /login and open /dev/outbox`
      : "Demo: another server seeded the demo movement meanwhile",
  );
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
// Owned polls are closed by their owners, in their own order (decision 027).
// A decryption its server stopped in the middle of is finished by the next closer round (decision 047).
const stopPollCloser = startPollCloser(database.db, undefined, dueOwners, finishStalledDecryptions);
// Trustees are told by e-mail when it is their turn (their key, a ceremony step, the close).
const stopTrusteeReminders = startTrusteeReminders(database.db, env.appUrl);
// A large constitution round's ballot papers are made in the background, then voting opens (decision 049).
const stopRoundPreparation = startRoundPreparation(database.db);

const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

// Requests are refused (503) at once while the database does not answer (decision 040); the
// probe asks on a connection of its own, so a busy pool never makes the server look gone.
const gate = createDatabaseGate(() => database.ping());
const app = createHttpApp({ build, db: database.db, env, gate });

const server = app.listen(env.port, env.host, () => {
  console.log(`Breakaway is ready at ${env.appUrl} (listening on ${env.host}:${env.port})`);
});
limitSlowClients(server);
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
  gate.stop();
  await stopMail?.();
  await stopPollCloser();
  await stopTrusteeReminders();
  // Not waited for: a round being prepared is picked up where it stopped by the next server.
  void stopRoundPreparation();
  await database.close();
  process.exit(0);
}
// A failure nothing caught leaves the process in an unknown state: it exits, and its supervisor
// (systemd's Restart=always, the container's restart policy) starts a fresh one within a second.
// Only the failure's kind and code are logged (decision 026), never its message. A promise
// rejected with nobody to catch it comes here too (Node's default, --unhandled-rejections=throw).
process.on("uncaughtException", (error) => {
  console.error(`Breakaway is stopping after a failure nothing caught (${describeFailure(error)}); its supervisor restarts it`);
  process.exit(1);
});
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
