import { eq } from "drizzle-orm";
import type { DbOrTx } from "./db.server";
import type { AppEnv } from "./env.server";
import { auditLog } from "../../db/schema";

/**
 * The page that shows queued mail is for trying the app: never when real mail is sent; in
 * development; or in demo mode on a database that holds the seeded demo, so that a real
 * movement started on the embedded database never shows its members' sign-in links.
 */
export async function outboxPageAvailable(env: AppEnv, db: DbOrTx): Promise<boolean> {
  if (env.smtpUrl) return false;
  if (env.nodeEnv === "development") return true;
  if (!env.demoMode) return false;
  const [seeded] = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "demo.seeded")).limit(1);
  return Boolean(seeded);
}
