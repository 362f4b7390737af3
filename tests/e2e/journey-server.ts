import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import { promisify } from "node:util";
import { expect } from "@playwright/test";
import postgres from "postgres";
import { databaseUrlFor } from "../support/database-url";
import { Mailbox } from "./mailbox";
import { journeyDatabaseName, type ClockReading } from "../../scripts/test-clock";

/**
 * The journey's own server (scripts/e2e-journey-server.ts): a fresh PostgreSQL database, the
 * demo off, mail through SMTP into a sink this process holds, and a clock the journey moves
 * forward. Its port is E2E_PORT + 8 (E2E_JOURNEY_PORT to choose), the clock's the next one, so
 * it never clashes with the shared demo server or the registration journey's (E2E_PORT + 7).
 */
export interface JourneyServer {
  baseURL: string;
  mailbox: Mailbox;
  /** Where the server's output goes (read it when a step fails). */
  log: string;
  /** The server's time, as shifted. */
  now(): Promise<Date>;
  /** Moves the server's and the database's clocks forward together; answers the new time. */
  advance(by: { days?: number; hours?: number; minutes?: number }): Promise<Date>;
  /** `npm run create-organiser -- email "Name"`, as an operator runs it against the database. */
  createOrganiser(email: string, name: string): Promise<string>;
  stop(): Promise<void>;
}

const run = promisify(execFile);

/** playwright.journeys.config.ts's outputDir. */
const JOURNEY_OUTPUT = "test-results-journeys";

export async function startJourneyServer(serverUrl: string): Promise<JourneyServer> {
  const port = process.env.E2E_JOURNEY_PORT ?? String(Number(process.env.E2E_PORT ?? "3100") + 8);
  const clockPort = String(Number(port) + 1);
  const baseURL = `http://127.0.0.1:${port}`;
  const clockURL = `http://127.0.0.1:${clockPort}`;
  const databaseUrl = databaseUrlFor(serverUrl, journeyDatabaseName(port));
  const mailbox = await Mailbox.start();
  // One secret for the server and the command line, as an operator's environment has.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEST_DATABASE_URL: serverUrl,
    E2E_JOURNEY_PORT: port,
    E2E_CLOCK_PORT: clockPort,
    E2E_EXIT_WITH_PARENT: "1",
    SMTP_URL: mailbox.url,
    MAIL_FROM: "Breakaway journey <no-reply@journey.test>",
    APP_SECRET: randomBytes(32).toString("hex"),
  };
  // Beside the journeys' own Playwright output, which the other Playwright process running at
  // the same time does not clear.
  mkdirSync(JOURNEY_OUTPUT, { recursive: true });
  const log = `${JOURNEY_OUTPUT}/founding-from-empty-server-${port}.log`;
  const out = createWriteStream(log);
  // Its own process group (detached), ended as a whole by stop(); stdin closes if this process dies.
  const server: ChildProcess = spawn("npx", ["tsx", "scripts/e2e-journey-server.ts"], { env, stdio: ["pipe", "pipe", "pipe"], detached: true });
  server.stdout?.pipe(out);
  server.stderr?.pipe(out);
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));

  await expect
    .poll(
      () =>
        fetch(`${baseURL}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      {
        message: `the journey's server at ${baseURL} (its output is in ${log})`,
        timeout: 120_000,
        intervals: [500],
      },
    )
    .toBe(true);

  const reading = async (response: Response): Promise<ClockReading> => {
    if (!response.ok) throw new Error(`the test clock answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as ClockReading;
  };
  const commandEnv: NodeJS.ProcessEnv = { ...env, DATABASE_URL: databaseUrl };
  delete commandEnv.E2E_EXIT_WITH_PARENT;

  return {
    baseURL,
    mailbox,
    log,
    async now() {
      return new Date((await reading(await fetch(`${clockURL}/now`))).now);
    },
    async advance(by) {
      const query = new URLSearchParams(Object.entries(by).map(([unit, n]) => [unit, String(n)]));
      const after = await reading(await fetch(`${clockURL}/advance?${query.toString()}`, { method: "POST" }));
      // Both clocks moved together: the server's and the database's agree to within a minute.
      expect(Math.abs(Date.parse(after.now) - Date.parse(after.databaseNow))).toBeLessThan(60_000);
      return new Date(after.now);
    },
    async createOrganiser(email, name) {
      const { stdout } = await run("npm", ["run", "--silent", "create-organiser", "--", email, name], { env: commandEnv, timeout: 120_000 });
      return stdout;
    },
    async stop() {
      if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      await mailbox.close();
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists "${journeyDatabaseName(port)}" with (force)`);
      await admin.end();
    },
  };
}
