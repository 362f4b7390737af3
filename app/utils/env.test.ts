import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("environment", () => {
  it("has working defaults for a newcomer", () => {
    const r = parseEnv({});
    expect(r).toMatchObject({ ok: true, env: { port: 3000, databaseUrl: undefined, dataDir: "./data", demoMode: true, appUrl: "http://localhost:3000" } });
  });

  it("turns the demo off by default on a real database", () => {
    const r = parseEnv({ DATABASE_URL: "postgres://u@db.example.org:5432/breakaway" });
    expect(r.ok && r.env.demoMode).toBe(false);
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
    ["NODE_ENV", "staging", "NODE_ENV must be"],
  ])("names %s when it is %s", (name, value, message) => {
    const r = parseEnv({ [name]: value });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join("\n")).toContain(message);
  });
});
