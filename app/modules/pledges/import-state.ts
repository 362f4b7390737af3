/** Where an import stands: a preview, running, stopped, done or failed. */

/** A run that has not finished 10 minutes after it began has stopped (its server went away). */
export const STALE_RUN_MS = 10 * 60_000;

export type ImportState = "preview" | "running" | "stalled" | "done" | "failed";

export function importState(row: { status: "preview" | "running" | "done" | "failed"; startedAt: Date }, now: Date): ImportState {
  if (row.status === "running" && now.getTime() - row.startedAt.getTime() > STALE_RUN_MS) return "stalled";
  return row.status;
}
