import type { Database } from "~/utils/db.server";
import { seedDemo, type SeedResult } from "./seed.server";

// A key of its own: 727_274_001 to _005 are the migrations', the audit chain's and others'
// (grep 727_274_ before choosing another).
const DEMO_SEED_LOCK_KEY = 727_274_040;

/**
 * Seeds the demo when the database is empty, one app server at a time: with DEMO_MODE=true on
 * several servers starting beside each other, the first seeds while the others wait for the lock,
 * then find the database no longer empty (not_empty) and start as they are.
 */
export function seedDemoOnce(database: Pick<Database, "db" | "exclusively">, options: Parameters<typeof seedDemo>[1]): Promise<SeedResult> {
  return database.exclusively(DEMO_SEED_LOCK_KEY, () => seedDemo(database.db, options));
}
