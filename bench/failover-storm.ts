import http from "node:http";

/**
 * The voters of the failover drill: each sends their ballot to the load balancer and, on any
 * error (a 5xx, a refused or reset connection, no answer in time), tries again until the ballot
 * is stored (a receipt) or the server says they have already voted (an earlier try was stored,
 * its answer lost). Records what each voter went through, for the drill's checks and figures.
 */

export interface StormVoter {
  cookie: string;
  body: string;
}

export type VoterOutcome =
  | { kind: "receipt"; receipt: string; waitMs: number; tries: number }
  | { kind: "already_voted"; waitMs: number; tries: number }
  | { kind: "gave_up"; waitMs: number; tries: number; last: string };

export interface StormReport {
  outcomes: VoterOutcome[];
  /** Failed tries by kind: "HTTP 503", "ECONNREFUSED", "timeout", ... */
  errors: Map<string, number>;
  /** When each ballot was stored, ms from the storm's start, in order. */
  storedAt: number[];
  wallMs: number;
}

export interface StormSettings {
  host: string;
  port: number;
  path: string;
  origin: string;
  concurrency: number;
  /** The storm stops sending after this long; voters not stored by then gave up. */
  deadlineMs: number;
  /** One try's longest wait for an answer. */
  requestTimeoutMs: number;
  retryDelayMs: number;
  /** Called after every stored ballot with the number stored so far (the drill's fault triggers). */
  onStored?: (stored: number) => void;
}

type Answer = { status: number; body: string };

function send(agent: http.Agent, s: StormSettings, voter: StormVoter): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: s.host,
        port: s.port,
        method: "POST",
        path: s.path,
        timeout: s.requestTimeoutMs,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(voter.body),
          Cookie: voter.cookie,
          Origin: s.origin,
          Accept: "application/json",
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("no answer in time"), { code: "timeout" })));
    req.on("error", reject);
    req.end(voter.body);
  });
}

/** What one try came to: stored, already voted, or an error of a kind worth counting. */
export function classify(answer: Answer): { kind: "receipt"; receipt: string } | { kind: "already_voted" } | { kind: "error"; error: string } {
  let parsed: { ok?: boolean; receipt?: string; code?: string } | null;
  try {
    parsed = JSON.parse(answer.body) as { ok?: boolean; receipt?: string; code?: string } | null;
  } catch {
    parsed = null;
  }
  if (answer.status === 200 && parsed?.ok && typeof parsed.receipt === "string") return { kind: "receipt", receipt: parsed.receipt };
  if (parsed?.code === "already_voted") return { kind: "already_voted" };
  return { kind: "error", error: `HTTP ${answer.status}${parsed?.code ? ` ${parsed.code}` : ""}` };
}

export const errorKind = (error: unknown) => {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
};

export async function castStorm(voters: readonly StormVoter[], s: StormSettings): Promise<StormReport> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: s.concurrency });
  const outcomes: VoterOutcome[] = new Array(voters.length);
  const errors = new Map<string, number>();
  const storedAt: number[] = [];
  const t0 = performance.now();
  let next = 0;
  const count = (kind: string) => errors.set(kind, (errors.get(kind) ?? 0) + 1);

  async function vote(i: number): Promise<VoterOutcome> {
    const start = performance.now();
    let tries = 0;
    let last = "";
    while (performance.now() - t0 < s.deadlineMs) {
      tries += 1;
      try {
        const answer = classify(await send(agent, s, voters[i]!));
        if (answer.kind === "receipt" || answer.kind === "already_voted") {
          storedAt.push(performance.now() - t0);
          s.onStored?.(storedAt.length);
          const waitMs = performance.now() - start;
          return answer.kind === "receipt" ? { kind: "receipt", receipt: answer.receipt, waitMs, tries } : { kind: "already_voted", waitMs, tries };
        }
        last = answer.error;
      } catch (error) {
        last = errorKind(error);
      }
      count(last);
      await new Promise((r) => setTimeout(r, s.retryDelayMs));
    }
    return { kind: "gave_up", waitMs: performance.now() - start, tries, last };
  }

  await Promise.all(
    Array.from({ length: s.concurrency }, async () => {
      while (next < voters.length) {
        const i = next++;
        outcomes[i] = await vote(i);
      }
    }),
  );
  agent.destroy();
  return { outcomes, errors, storedAt, wallMs: performance.now() - t0 };
}

/** Gaps of more than `thresholdMs` with no ballot stored: the voters' view of unavailability. */
export function unavailability(storedAt: readonly number[], thresholdMs = 1_000): { longestMs: number; longestFromMs: number; totalMs: number } {
  let longestMs = 0;
  let longestFromMs = 0;
  let totalMs = 0;
  let previous = 0;
  for (const t of [...storedAt].sort((a, b) => a - b)) {
    const gap = t - previous;
    if (gap > thresholdMs) totalMs += gap;
    if (gap > longestMs) [longestMs, longestFromMs] = [gap, previous];
    previous = t;
  }
  return { longestMs, longestFromMs, totalMs };
}
