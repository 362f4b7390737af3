import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "../../app/utils/db.server";
import { auditLog, users } from "../../db/schema";

const folder = mkdtempSync(path.join(os.tmpdir(), "breakaway-cmd-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync("npx", ["tsx", script, ...args], {
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: folder, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
}

describe("command-line tasks", () => {
  it("npm run create-organiser makes an organiser, records it, and is safe to repeat", async () => {
    const first = run("scripts/create-organiser.ts", ["First.Organiser@Example.org", "First Organiser"]);
    expect(first.stdout).toContain("Created first.organiser@example.org as an organiser");
    expect(first.status).toBe(0);
    const again = run("scripts/create-organiser.ts", ["first.organiser@example.org"]);
    expect(again.stdout).toContain("already an organiser");

    const db = await openPglite(folder);
    const people = await db.db.select().from(users);
    const log = await db.db.select().from(auditLog);
    await db.close();
    expect(people).toMatchObject([{ email: "first.organiser@example.org", role: "organiser", displayName: "First Organiser" }]);
    expect(log.map((e) => e.action)).toEqual(["user.created"]);
  }, 180_000);

  it("npm run create-organiser refuses something that is not an email", () => {
    const bad = run("scripts/create-organiser.ts", ["not-an-email"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("is not an email address");
  }, 120_000);

  it("a bad environment value stops start-up with a message naming the variable", () => {
    const result = spawnSync("npx", ["tsx", "server.ts"], {
      env: { ...process.env, PORT: "eighty", DATA_DIR: folder },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT must be a whole number between 1 and 65535 (it is "eighty")');
  }, 60_000);
});
