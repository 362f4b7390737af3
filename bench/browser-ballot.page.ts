// The browser side of bench/browser-ballot.bench.ts, bundled by esbuild with the ballot page's
// code and run in Chromium: it makes ballots one after another and measures each.
import { encryptBallotInBrowser } from "../app/modules/belenios/browser/encrypt-ballot";
import { encryptRankingInBrowser, encryptYesNoInBrowser } from "../app/modules/polls/encrypted/encrypt-in-browser";
import { ranksOf } from "../app/modules/polls/encrypted/ranked-answers";

export type Kind = "yes-no" | "ranked";
/** The page's way (giving the page back every 25 ms), or bare (never). */
export type Way = "page" | "bare";

export interface Run {
  ms: number;
  /** Longest gap between two turns of a setTimeout heartbeat while it worked. */
  busyMs: number;
  /** Long tasks (50 ms or more) Chromium reported while it worked. */
  longTasks: number[];
  raw: string;
}

const nextTurn = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measure(kind: Kind, way: Way, n: number, electionRaw: string, credential: string, ranking: number[]): Promise<Run[]> {
  const key = { election: electionRaw, credential };
  const encrypt = () => {
    if (way === "bare") return encryptBallotInBrowser(electionRaw, credential, [kind === "yes-no" ? [0, 1, 0] : ranksOf(ranking, ranking.length)]);
    return kind === "yes-no" ? encryptYesNoInBrowser(key, "no") : encryptRankingInBrowser(key, ranking);
  };
  const out: Run[] = [];
  for (let i = 0; i < n; i++) {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: "longtask" });
    let last = performance.now();
    let busyMs = 0;
    let beating = true;
    const beat = () => {
      const now = performance.now();
      busyMs = Math.max(busyMs, now - last);
      last = now;
      if (beating) setTimeout(beat, 0);
    };
    setTimeout(beat, 0);
    const start = performance.now();
    const { raw } = await encrypt();
    const ms = performance.now() - start;
    // The heartbeat's next turn closes the last stretch of work; long tasks are reported late.
    await nextTurn();
    beating = false;
    await nextTurn(20);
    observer.disconnect();
    out.push({ ms, busyMs, longTasks, raw });
  }
  return out;
}

/**
 * Whether this browser reports long tasks at all: a task kept busy for 80 ms must be reported,
 * or "no long tasks" in the results would mean nothing.
 */
export async function reportsLongTasks(): Promise<boolean> {
  const seen: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.push(entry.duration);
  });
  observer.observe({ type: "longtask" });
  await nextTurn();
  const start = performance.now();
  while (performance.now() - start < 80) {
    // busy on purpose
  }
  await nextTurn(50);
  observer.disconnect();
  return seen.some((d) => d >= 80);
}
