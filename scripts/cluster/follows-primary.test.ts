import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDatabase, stopCluster } from "./cluster";
import { clusterDatabaseUrl, nodePorts, type ClusterLayout } from "./cluster-layout";
import { postgresBinDir } from "./postgres-nodes";

// A real primary and standby (PostgreSQL's own programs, as `npm run cluster:up` starts them).
// Without those programs the test is skipped, except under CI, where it fails.
const pgBin = postgresBinDir();
const run = pgBin || process.env.CI ? describe : describe.skip;

let layout: ClusterLayout;

run("the app servers' database URL", () => {
  beforeAll(async () => {
    if (!pgBin) throw new Error("PostgreSQL's programs (initdb, pg_ctl, pg_basebackup) are not installed");
    const folder = mkdtempSync(path.join(os.tmpdir(), "breakaway-pair-"));
    chmodSync(folder, 0o755);
    mkdirSync(folder, { recursive: true });
    layout = { folder, host: "127.0.0.1", httpPort: 3460, pgPort: Number(process.env.PAIR_TEST_PG_PORT || 55438), appServers: 2, database: "breakaway" };
    await startDatabase(layout, pgBin);
  }, 120_000);

  afterAll(async () => {
    if (layout) {
      await stopCluster(layout);
      rmSync(layout.folder, { recursive: true, force: true });
    }
  }, 60_000);

  it("writes to the primary even when the standby is named first (as after the primary restarts)", async () => {
    // The cluster's own URL, with the nodes the other way round: the standby answers first.
    const { primary, standby } = nodePorts(layout);
    const url = clusterDatabaseUrl(layout).replace(`127.0.0.1:${primary},127.0.0.1:${standby}`, `127.0.0.1:${standby},127.0.0.1:${primary}`);
    expect(url).toContain(`@127.0.0.1:${standby},127.0.0.1:${primary}/`);
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ recovery: boolean; port: number }[]>`select pg_is_in_recovery() as recovery, current_setting('port')::int as port`;
      expect(row).toEqual({ recovery: false, port: primary });
      await sql`create table if not exists written (id int)`;
      await sql`insert into written values (1)`;
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});
