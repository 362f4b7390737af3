// npm run seed:demo: fills an empty database with the demo movement.
import { seedDemo } from "../app/modules/demo/seed.server";
import { withDatabase } from "./cli-database";

const code = await withDatabase(async (database, env) => {
  const result = await seedDemo(database.db, { appUrl: env.appUrl, appSecret: env.appSecret });
  if (!result.ok) {
    console.error(`The database (${database.description}) already holds a movement or people; the demo is only added to an empty one.`);
    return 1;
  }
  console.log(`Demo movement added to ${database.description}: ${result.pledges} pledges, ${result.people} people.`);
  console.log("Sign-in links for the demo people are in the outbox (/dev/outbox when the app runs in demo mode).");
  return 0;
});
process.exit(code);
