import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv, STORED_SECRET_FILE, storedSecret } from "./env.server";

describe("environment", () => {
  it("has working defaults for a newcomer", () => {
    const r = parseEnv({});
    expect(r).toMatchObject({ ok: true, env: { port: 3000, databaseUrl: undefined, dataDir: "./data", demoMode: true, appUrl: "http://localhost:3000" } });
  });

  it("starts the demo at the elections unless DEMO_PHASE names another phase", () => {
    expect(parseEnv({})).toMatchObject({ ok: true, env: { demoPhase: "elections" } });
    expect(parseEnv({ DEMO_PHASE: "clause-voting" })).toMatchObject({ ok: true, env: { demoPhase: "clause-voting" } });
    expect(parseEnv({ DEMO_PHASE: " " })).toMatchObject({ ok: true, env: { demoPhase: "elections" } });
  });

  it("turns the demo off by default on a real database", () => {
    const r = parseEnv({ DATABASE_URL: "postgres://u@db.example.org:5432/breakaway" });
    expect(r.ok && r.env.demoMode).toBe(false);
  });

  it("accepts a primary and its standby in one DATABASE_URL, tried in turn for the one that accepts writes", () => {
    const url = "postgres://u@db1.example.org:5432,db2.example.org:5433/breakaway?target_session_attrs=primary";
    expect(parseEnv({ DATABASE_URL: url, APP_SECRET: "x".repeat(32) })).toMatchObject({ ok: true, env: { databaseUrl: url } });
    expect(parseEnv({ DATABASE_URL: "postgres://u@db1:5432,/breakaway" }).ok).toBe(false);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: " " })).toMatchObject({ ok: true, env: { port: 3000 } });
  });

  it.each([
    ["PORT", "0", "PORT must be a whole number between 1 and 65535"],
    ["PORT", "3.5", "PORT must be a whole number between 1 and 65535"],
    ["DATABASE_URL", "mysql://x", "DATABASE_URL must be a postgres:// or postgresql:// URL"],
    ["SMTP_URL", "http://mail", "SMTP_URL must be an smtp:// or smtps:// URL"],
    ["DEMO_MODE", "perhaps", 'DEMO_MODE must be "true" or "false"'],
    [
      "DEMO_PHASE",
      "voting",
      'DEMO_PHASE must be one of "campaign", "decision", "founding", "drafting", "clause-voting", "nominations", "elections", "registration" (it is "voting")',
    ],
    ["NODE_ENV", "staging", "NODE_ENV must be"],
  ])("names %s when it is %s", (name, value, message) => {
    const r = parseEnv({ [name]: value });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join("\n")).toContain(message);
  });

  it("never echoes a secret or a URL that may hold a password, but does echo other values", () => {
    for (const [name, value] of [
      ["APP_SECRET", "short-secret"],
      ["DATABASE_URL", "mysql://admin:hunter2@db"],
      ["SMTP_URL", "http://u:hunter2@mail"],
    ]) {
      const r = parseEnv({ [name!]: value });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.problems.join("\n")).toContain(name);
        expect(r.problems.join("\n")).not.toContain(value!);
      }
    }
    const port = parseEnv({ PORT: "abc" });
    if (!port.ok) expect(port.problems.join("\n")).toContain('(it is "abc")');
  });

  it("requires APP_SECRET for a real deployment (production with DATABASE_URL), and says how to make one", () => {
    const url = "postgres://u@db.example.org:5432/breakaway";
    const missing = parseEnv({ DATABASE_URL: url });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems.join("\n")).toMatch(/APP_SECRET must be set.*openssl rand -hex 32/);
    const secret = "s".repeat(40);
    expect(parseEnv({ DATABASE_URL: url, APP_SECRET: secret })).toMatchObject({ ok: true, env: { appSecret: secret, appSecretFromEnvironment: true } });
    expect(parseEnv({ DATABASE_URL: url, NODE_ENV: "development" }).ok).toBe(true);
    const short = parseEnv({ APP_SECRET: "too-short" });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.problems.join("\n")).toContain("APP_SECRET must be at least 32 characters");
  });

  it("without APP_SECRET on the embedded database, keeps a generated secret in the data folder", () => {
    const r = parseEnv({});
    expect(r.ok && r.env.appSecretFromEnvironment).toBe(false);
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "breakaway-secret-")), "data");
    const first = storedSecret(dataDir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(storedSecret(dataDir)).toBe(first);
    const file = path.join(dataDir, STORED_SECRET_FILE);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
