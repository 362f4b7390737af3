import { openDatabase, type Database } from "../app/utils/db.server";
import { loadEnvOrExit, type AppEnv } from "../app/utils/env.server";

/** Opens the configured database, migrated, for a command-line task, and closes it after. */
export async function withDatabase<T>(task: (database: Database, env: AppEnv) => Promise<T>): Promise<T> {
  const env = loadEnvOrExit();
  const database = await openDatabase(env);
  try {
    await database.migrate();
    return await task(database, env);
  } finally {
    await database.close();
  }
}
