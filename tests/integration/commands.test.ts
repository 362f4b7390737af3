import { spawnSync } from "node:child_process";
import { ballotCloses } from "../support/periods";
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

describe("npm run poll:verify", () => {
  it("reproduces the count of a closed poll and fails once a ballot is altered", async () => {
    const { seedDemoPolls } = await import("../support/sample-polls");
    const { ballots, polls } = await import("../../db/schema");
    const { eq, sql } = await import("drizzle-orm");
    const pollFolder = mkdtempSync(path.join(os.tmpdir(), "breakaway-poll-"));
    try {
      const db = await openPglite(pollFolder);
      await db.migrate();
      let n = 0;
      await seedDemoPolls(db.db, () => (n = (n + 0.37) % 1), 12);
      const [closed] = await db.db.select().from(polls).where(eq(polls.status, "closed"));
      await db.close();

      const ok = run("scripts/poll-verify.ts", [], { DATA_DIR: pollFolder });
      expect(ok.stdout).toContain(`OK      ${closed?.id}`);
      expect(ok.stdout).toContain("1 passed, 0 failed");
      expect(ok.status).toBe(0);

      const tamper = await openPglite(pollFolder);
      const [one] = await tamper.db.select().from(ballots).where(eq(ballots.pollId, closed!.id)).limit(1);
      await tamper.db.execute(sql`update ballots set content = '{"ranking":[4]}' where receipt = ${one!.receipt}`);
      await tamper.close();

      const bad = run("scripts/poll-verify.ts", [closed!.id], { DATA_DIR: pollFolder });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain("has a broken ballot chain");
    } finally {
      rmSync(pollFolder, { recursive: true, force: true });
    }
  }, 240_000);

  it("without an argument checks every closed poll, the questions of the constitution's rounds included", async () => {
    const { foundingMembersReady } = await import("../support/constitution-fixture");
    const { systemActor } = await import("../../app/modules/audit/audit.server");
    const { startDraft } = await import("../../app/modules/constitution/drafting.server");
    const { closeRound, openRound, roundItems } = await import("../../app/modules/constitution/round.server");
    const { castBallot } = await import("../../app/modules/polls/casting.server");
    const { polls } = await import("../../db/schema");
    const { eq, sql } = await import("drizzle-orm");
    const roundFolder = mkdtempSync(path.join(os.tmpdir(), "breakaway-round-"));
    try {
      const db = await openPglite(roundFolder);
      await db.migrate();
      const { ids } = await foundingMembersReady(db.db, 3);
      expect((await startDraft(db.db, systemActor(), { kind: "model" })).ok).toBe(true);
      const round = await openRound(db.db, systemActor(), { closesAt: ballotCloses() });
      if (!round.ok) throw new Error(round.code);
      const [question] = await roundItems(db.db, round.roundId);
      for (const userId of ids) await castBallot(db.db, { pollId: question!.pollId, userId, choice: "yes" });
      expect((await closeRound(db.db, systemActor())).ok).toBe(true);
      const closed = await db.db.select({ id: polls.id }).from(polls).where(eq(polls.status, "closed"));
      // A question's stored result no longer matches its ballots.
      await db.db.execute(sql`update polls set result = jsonb_set(result, '{result,tally,yes}', '0') where id = ${question!.pollId}`);
      await db.close();

      const checked = run("scripts/poll-verify.ts", [], { DATA_DIR: roundFolder });
      expect(checked.stderr).toContain(`FAILED  ${question!.pollId}`);
      expect(checked.stderr).toContain("gives a different result when counted again");
      expect(checked.stdout).toContain(`${closed.length - 1} passed, 1 failed`);
      expect(checked.status).toBe(1);
    } finally {
      rmSync(roundFolder, { recursive: true, force: true });
    }
  }, 240_000);
});
