import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_DEMO_PHASE, demoPhases, type DemoPhase } from "~/utils/demo-phases";
import { isPostgresUrl } from "./postgres-url";
import { trimEndOf } from "./trim";

// Empty strings in the environment mean "not set", as most shells and .env files intend.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const booleanFlag = z.enum(["true", "false", "1", "0", "yes", "no"], {
  error: 'must be "true" or "false"',
});

const envSchema = z.object({
  NODE_ENV: optional(
    z.enum(["development", "production", "test"], {
      error: 'must be "development", "production" or "test"',
    }),
  ),
  PORT: optional(
    z.coerce
      .number({ error: "must be a whole number between 1 and 65535" })
      .int({ error: "must be a whole number between 1 and 65535" })
      .min(1, { error: "must be a whole number between 1 and 65535" })
      .max(65535, { error: "must be a whole number between 1 and 65535" }),
  ),
  HOST: optional(z.string()),
  // A list of hosts is allowed (a primary and its standbys, with target_session_attrs=primary).
  DATABASE_URL: optional(z.string().refine(isPostgresUrl, { error: "must be a postgres:// or postgresql:// URL" })),
  DATA_DIR: optional(z.string()),
  APP_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })),
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })),
  MAIL_FROM: optional(z.string().min(3, { error: "must be an address such as Breakaway <hello@example.org>" })),
  DEMO_MODE: optional(booleanFlag),
  DEMO_PHASE: optional(z.enum(demoPhases, { error: `must be one of ${demoPhases.map((p) => `"${p}"`).join(", ")}` })),
  TRUST_PROXY: optional(booleanFlag),
  SESSION_MAX_DAYS: optional(
    z.coerce
      .number({ error: "must be a whole number of days from 1 to 365" })
      .int({ error: "must be a whole number of days from 1 to 365" })
      .min(1, { error: "must be a whole number of days from 1 to 365" })
      .max(365, { error: "must be a whole number of days from 1 to 365" }),
  ),
  APP_SECRET: optional(z.string().min(32, { error: "must be at least 32 characters; make one with `openssl rand -hex 32`" })),
});

/** Variables whose values may hold a secret: named in a problem, never shown. */
const SECRET_VARIABLES = new Set(["APP_SECRET", "DATABASE_URL", "SMTP_URL"]);

/** A session's absolute lifetime when SESSION_MAX_DAYS is not set (docs/decisions/003). */
export const DEFAULT_SESSION_MAX_DAYS = 90;

/** Where a generated secret is kept when APP_SECRET is not set (embedded database, demo, development). */
export const STORED_SECRET_FILE = "app-secret";

export interface AppEnv {
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  appUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  demoMode: boolean;
  /** Where on the road the demo starts when it is seeded (decision 035). */
  demoPhase: DemoPhase;
  trustProxy: boolean;
  /** How long a session lasts at most from sign-in, however often it is used (days). */
  sessionMaxDays: number;
  /** Key for the HMACs of sign-in tokens and rate-limit entries (docs/decisions/003). */
  appSecret: string;
  /** False when APP_SECRET was not set: `parseEnv` then gave a secret for this process only. */
  appSecretFromEnvironment: boolean;
}

export type EnvResult = { ok: true; env: AppEnv } | { ok: false; problems: string[] };

// For a parse with no APP_SECRET (tests, tools): good for this process; loadEnvOrExit keeps one on disk.
const processSecret = randomBytes(32).toString("hex");

const truthy = (v: string | undefined) => v === "true" || v === "1" || v === "yes";

/** Reads and checks the environment once; every problem names its variable. */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const given = source[name];
      // A secret or a URL with a password in it is never echoed into the log.
      const echo = given !== undefined && !SECRET_VARIABLES.has(name);
      return `${name} ${issue.message}${echo ? ` (it is "${given}")` : ""}`;
    });
    return { ok: false, problems };
  }
  const e = parsed.data;
  const nodeEnv = e.NODE_ENV ?? "production";
  if (!e.APP_SECRET && nodeEnv === "production" && e.DATABASE_URL) {
    return {
      ok: false,
      problems: [
        "APP_SECRET must be set in production with DATABASE_URL: a random value of at least 32 characters, " +
          "the same on every app server (make one with `openssl rand -hex 32`)",
      ],
    };
  }
  const port = e.PORT ?? 3000;
  return {
    ok: true,
    env: {
      nodeEnv,
      port,
      host: e.HOST ?? "0.0.0.0",
      databaseUrl: e.DATABASE_URL,
      dataDir: e.DATA_DIR ?? "./data",
      appUrl: trimEndOf(e.APP_URL ?? `http://localhost:${port}`, "/"),
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM ?? "Breakaway <no-reply@breakaway.invalid>",
      // A newcomer on the embedded database gets the demo; a real deployment opts in.
      demoMode: e.DEMO_MODE === undefined ? e.DATABASE_URL === undefined : truthy(e.DEMO_MODE),
      demoPhase: e.DEMO_PHASE ?? DEFAULT_DEMO_PHASE,
      trustProxy: truthy(e.TRUST_PROXY),
      sessionMaxDays: e.SESSION_MAX_DAYS ?? DEFAULT_SESSION_MAX_DAYS,
      appSecret: e.APP_SECRET ?? processSecret,
      appSecretFromEnvironment: e.APP_SECRET !== undefined,
    },
  };
}

/** For start-up: a bad value stops the process with a message naming the variable. */
export function loadEnvOrExit(source: Record<string, string | undefined> = process.env): AppEnv {
  const result = parseEnv(source);
  if (!result.ok) {
    console.error("Breakaway cannot start: the environment has a problem.");
    for (const p of result.problems) console.error(`  - ${p}`);
    console.error("See the Configuration section of README.md.");
    process.exit(1);
  }
  if (result.env.appSecretFromEnvironment) return result.env;
  return { ...result.env, appSecret: storedSecret(result.env.dataDir) };
}

/**
 * Without APP_SECRET (a newcomer's embedded database, or development), a secret is made once and
 * kept in the data folder, so sign-in links and rate limits survive a restart with no setup.
 */
export function storedSecret(dataDir: string): string {
  const file = path.resolve(dataDir, STORED_SECRET_FILE);
  if (existsSync(file)) {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 32) return kept;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
