import { describe, expect, it } from "vitest";
import { createDatabaseGate, DEFAULT_GATE_SETTINGS, type Entry } from "./database-gate.server";

const settings = { ...DEFAULT_GATE_SETTINGS, maxInFlight: 1, maxQueued: 1, maxWaitMs: 50, probeEveryMs: 10, probeTimeoutMs: 50 };
const answering = () => Promise.resolve();

function taken(entry: Entry): () => void {
  if (!entry.ok) throw new Error(`refused: ${entry.why}`);
  return entry.release;
}

describe("the database gate", () => {
  it("lets a waiting request in when a place is released", async () => {
    const gate = createDatabaseGate(answering, { ...settings, maxWaitMs: 10_000 });
    const release = taken(await gate.enter());
    const waiting = gate.enter();
    release();
    expect((await waiting).ok).toBe(true);
  });

  it("refuses at once past the bounded queue, and a wait that goes on too long", async () => {
    const gate = createDatabaseGate(answering, settings);
    taken(await gate.enter());
    const waiting = gate.enter();
    expect(await gate.enter()).toEqual({ ok: false, why: "busy" });
    expect(await waiting).toEqual({ ok: false, why: "busy" });
  });

  it("releasing twice frees one place only", async () => {
    const gate = createDatabaseGate(answering, { ...settings, maxQueued: 0 });
    const release = taken(await gate.enter());
    release();
    release();
    taken(await gate.enter());
    expect(await gate.enter()).toEqual({ ok: false, why: "busy" });
  });

  it("refuses everyone while the database does not answer, until a background probe says it is back", async () => {
    let up = true;
    const gate = createDatabaseGate(() => (up ? Promise.resolve() : Promise.reject(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }))), settings);
    up = false;
    expect(await gate.probe()).toBe(false);
    expect(await gate.enter()).toEqual({ ok: false, why: "unreachable" });
    up = true;
    await expect.poll(() => gate.reachable(), { timeout: 5_000, interval: 10 }).toBe(true);
    expect((await gate.enter()).ok).toBe(true);
    gate.stop();
  });

  it("counts a probe that does not answer in time as the database gone", async () => {
    const gate = createDatabaseGate(() => new Promise(() => {}), settings);
    expect(await gate.probe()).toBe(false);
    expect(gate.reachable()).toBe(false);
    gate.stop();
  });

  it("refuses those already waiting when the database goes", async () => {
    let up = true;
    const gate = createDatabaseGate(() => (up ? Promise.resolve() : Promise.reject(new Error("gone"))), { ...settings, maxWaitMs: 10_000 });
    taken(await gate.enter());
    const waiting = gate.enter();
    up = false;
    await gate.probe();
    expect(await waiting).toEqual({ ok: false, why: "unreachable" });
    gate.stop();
  });
});
