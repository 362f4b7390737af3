/** The supervisor's wait before a restart: short at first, doubling while the server keeps failing. */
export const FIRST_BACKOFF_MS = 250;
export const MAX_BACKOFF_MS = 5_000;
/** A server that ran this long was healthy: its next crash starts the backoff afresh. */
export const HEALTHY_RUN_MS = 30_000;

export function nextBackoffMs(previousMs: number, ranMs: number): number {
  if (ranMs >= HEALTHY_RUN_MS || previousMs === 0) return FIRST_BACKOFF_MS;
  return Math.min(MAX_BACKOFF_MS, previousMs * 2);
}
