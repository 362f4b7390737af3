import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { generateUuid, sortPublicCredentials } from "~/modules/belenios/credentials";
import { serializePublicCredentials } from "~/modules/belenios/serialize";
import { publicCredentialListFor, publicCredentialsFor } from "./credential-pool.server";
import { publicCredentialsHere } from "./public-credentials.server";

const userIds = (n: number) => Array.from({ length: n }, () => crypto.randomUUID());

describe("public credentials derived in the worker pool", () => {
  it("are those the main thread derives, in the roll's order", { timeout: 120_000 }, async () => {
    const uuid = generateUuid();
    const roll = userIds(300);
    const pooled = await publicCredentialsFor("BELENIOS-2048", uuid, roll);
    expect(pooled).toHaveLength(300);
    expect(pooled).toEqual(publicCredentialsHere("BELENIOS-2048", uuid, roll));
  });

  it("make the published list, sorted, as serializePublicCredentials writes it", { timeout: 120_000 }, async () => {
    const uuid = generateUuid();
    for (const roll of [userIds(300), userIds(5)]) {
      const expected = serializePublicCredentials(
        sortPublicCredentials(publicCredentialsHere("BELENIOS-2048", uuid, roll).map((credential) => ({ credential, weight: 1n }))),
      );
      expect(await publicCredentialListFor("BELENIOS-2048", uuid, roll)).toBe(expected);
    }
  });

  it("answers an empty or tiny roll too", async () => {
    const uuid = generateUuid();
    expect(await publicCredentialsFor("BELENIOS-2048", uuid, [])).toEqual([]);
    const roll = userIds(3);
    expect(await publicCredentialsFor("BELENIOS-2048", uuid, roll)).toEqual(publicCredentialsHere("BELENIOS-2048", uuid, roll));
  });

  it("leaves this thread's event loop free while 5,000 are derived", { timeout: 300_000 }, async () => {
    const uuid = generateUuid();
    const roll = userIds(5000);
    await publicCredentialsFor("BELENIOS-2048", uuid, roll.slice(0, 200)); // the workers are started outside the measure
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    delay.enable();
    // The histogram's first tick only starts its clock: let it tick before the work begins.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    const credentials = await publicCredentialsFor("BELENIOS-2048", uuid, roll);
    const elapsedNs = (performance.now() - started) * 1e6;
    // A stall is recorded by the histogram's next tick, once the loop is free again: let it tick.
    await new Promise((resolve) => setTimeout(resolve, 20));
    delay.disable();
    clearInterval(timer);
    expect(credentials).toHaveLength(5000);
    expect(new Set(credentials.map(String)).size).toBe(5000);
    // Derived here, the whole run would be one long stall: the timer would barely tick and the
    // loop's longest wait would be the run itself. Off this thread, it keeps ticking throughout.
    expect(ticks).toBeGreaterThan(20);
    expect(delay.max).toBeLessThan(elapsedNs / 2);
  });
});
