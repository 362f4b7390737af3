import { settleWithin } from "~/utils/settle-within";

/**
 * Keeps requests from piling up on a database that cannot answer (docs/decisions/040):
 * - at most `maxInFlight` requests use the database at once, a little above the pool's size, so
 *   the driver's own unbounded queue stays short; up to `maxQueued` more wait their turn, each at
 *   most `maxWaitMs`; past either, the request is refused at once (503, try again);
 * - a circuit: once a probe of the database fails, every request is refused at once until a
 *   background probe, every `probeEveryMs`, succeeds again. No request waits on a database
 *   known to be gone, and none is let through before it answers again.
 * The probe is a `select 1` that must answer within `probeTimeoutMs`.
 */

export interface GateSettings {
  maxInFlight: number;
  maxQueued: number;
  maxWaitMs: number;
  probeEveryMs: number;
  probeTimeoutMs: number;
}

export const DEFAULT_GATE_SETTINGS: GateSettings = {
  // The pool holds 10 connections (openPostgres); a couple more keep it busy between requests.
  maxInFlight: 12,
  maxQueued: 200,
  maxWaitMs: 5_000,
  probeEveryMs: 1_000,
  probeTimeoutMs: 1_000,
};

/** Why a request was not let through: the database is known to be gone, or too busy. */
export type Refusal = "unreachable" | "busy";

export type Entry = { ok: true; release: () => void } | { ok: false; why: Refusal };

export interface DatabaseGate {
  /** A place to use the database, or why there is none. Call `release` when done. */
  enter(): Promise<Entry>;
  /** Whether the database answers now (one probe, shared with anyone asking at the same moment). */
  probe(): Promise<boolean>;
  /** Whether the database was answering at the last probe (no probe is made). */
  reachable(): boolean;
  /** Stops the background probe (when the server closes). */
  stop(): void;
}

interface Waiter {
  resolve: (entry: Entry) => void;
  timer: ReturnType<typeof setTimeout>;
}

export function createDatabaseGate(ping: () => Promise<unknown>, settings: GateSettings = DEFAULT_GATE_SETTINGS): DatabaseGate {
  let inFlight = 0;
  let isReachable = true;
  let probing: Promise<boolean> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const waiting: Waiter[] = [];

  function release() {
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve({ ok: true, release: once(release) });
    } else {
      inFlight -= 1;
    }
  }

  function refuseWaiting(why: Refusal) {
    for (const waiter of waiting.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.resolve({ ok: false, why });
    }
  }

  function probe(): Promise<boolean> {
    probing ??= settleWithin(ping(), settings.probeTimeoutMs)
      .then(
        () => true,
        () => false,
      )
      .then((ok) => {
        probing = null;
        setReachable(ok);
        return ok;
      });
    return probing;
  }

  function setReachable(ok: boolean) {
    if (ok === isReachable) return;
    isReachable = ok;
    console.log(ok ? "Database: answering again; requests are let through" : "Database: not answering; requests are refused (503) until it answers");
    if (!ok) {
      refuseWaiting("unreachable");
      scheduleRetry();
    }
  }

  function scheduleRetry() {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void probe().then((ok) => {
        if (!ok) scheduleRetry();
      });
    }, settings.probeEveryMs);
    // The background probe alone never keeps the process alive.
    retryTimer.unref?.();
  }

  return {
    async enter() {
      if (!isReachable) return { ok: false, why: "unreachable" };
      if (inFlight < settings.maxInFlight) {
        inFlight += 1;
        return { ok: true, release: once(release) };
      }
      if (waiting.length >= settings.maxQueued) return { ok: false, why: "busy" };
      return new Promise<Entry>((resolve) => {
        const waiter: Waiter = {
          resolve,
          timer: setTimeout(() => {
            const at = waiting.indexOf(waiter);
            if (at !== -1) waiting.splice(at, 1);
            resolve({ ok: false, why: "busy" });
          }, settings.maxWaitMs),
        };
        waiting.push(waiter);
      });
    },
    probe,
    reachable: () => isReachable,
    stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
    },
  };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
