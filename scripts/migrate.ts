// npm run db:migrate: applies any pending migrations to the configured database, then exits.
import { withDatabase } from "./cli-database";

await withDatabase(async (database) => {
  console.log(`Migrations applied to ${database.description}.`);
});
