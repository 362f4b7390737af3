import { describeFailure } from "./errors";

/**
 * A job run every `intervalMs` in the background, never two rounds at once (a slow round makes
 * the next wait), its failures logged by kind only under `name`. Returns a function that stops
 * it and waits for a round under way.
 */
export function startBackgroundLoop(name: string, intervalMs: number, round: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = round()
      .catch((error: unknown) => console.error(`${name}: ${describeFailure(error)}`))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
