import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

/**
 * postgres.js 3.4.9 crashed the whole process (TypeError: Cannot read properties of null
 * (reading 'write'), thrown from a deferred write: an uncaughtException) when a query was sent
 * on a reserved connection whose backend had gone (porsager/postgres#1208). The guard of PR #1209
 * is applied with patch-package (patches/). The backend's connection is closed cleanly (FIN), as
 * a backend that exits closes it; the client runs in a child process so that the old crash would
 * show as its exit, not take the test runner down.
 */
const serverUrl = process.env.TEST_DATABASE_URL;

const CLIENT = `
import postgres from "postgres";
const sql = postgres(process.env.PROXIED_URL, { max: 2, onnotice: () => {} });
const reserved = await sql.reserve();
await reserved\`select 1\`;
process.stdout.write("reserved\\n");
await new Promise((resolve) => process.stdin.once("data", resolve));
for (const attempt of ["first", "second"]) {
  await reserved\`select 1\`.then(
    () => process.stdout.write(attempt + " answered\\n"),
    (error) => process.stdout.write(attempt + " rejected " + error.code + "\\n"),
  );
}
process.stdout.write("survived\\n");
process.exit(0);
`;

describe.skipIf(!serverUrl)("the postgres.js guard", () => {
  let proxy: TcpProxy;
  beforeAll(async () => {
    const u = new URL(serverUrl!);
    proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
  });
  afterAll(() => proxy.close());

  it("rejects queries on a reserved connection whose backend went away, and the process survives", async () => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", CLIENT], {
      cwd: process.cwd(),
      env: { ...process.env, PROXIED_URL: proxy.urlFor(serverUrl!) },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    await expect.poll(() => out, { timeout: 20_000 }).toContain("reserved");
    await proxy.cut("close");
    child.stdin.write("go\n");
    // A hang (a dropped write) would leave the child running: it is ended after the deadline.
    const deadline = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const code = await exited;
    clearTimeout(deadline);
    await proxy.restore();

    expect(err).not.toContain("TypeError");
    expect(out).toContain("first rejected CONNECTION_CLOSED");
    expect(out).toContain("second rejected CONNECTION_CLOSED");
    expect(out).toContain("survived");
    expect(code).toBe(0);
  }, 60_000);
});
