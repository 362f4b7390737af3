import { openDatabase, type Database } from "../app/utils/db.server";
import { loadEnvOrExit, type AppEnv } from "../app/utils/env.server";
import { setBallotSecret } from "../app/modules/polls/encrypted/ballot-keys.server";

/** Opens the configured database, migrated, for a command-line task, and closes it after. */
export async function withDatabase<T>(task: (database: Database, env: AppEnv) => Promise<T>): Promise<T> {
  const env = loadEnvOrExit();
  // Closing or verifying a poll reads its ballot keys, derived from APP_SECRET (decision 044).
  setBallotSecret(env.appSecret);
  const database = await openDatabase(env);
  try {
    await database.migrate();
    return await task(database, env);
  } finally {
    await database.close();
  }
}
