import type { AppEnv } from "./env.server";

/**
 * The page that shows queued mail is for trying the app: never when real mail is sent, and only
 * in development or demo mode.
 */
export function outboxPageAvailable(env: AppEnv): boolean {
  return !env.smtpUrl && (env.nodeEnv === "development" || env.demoMode);
}
