// npm run seed:demo [-- --phase PHASE]: fills an empty database with the demo movement, its road
// walked up to PHASE (default: DEMO_PHASE, or the elections).
import { demoPhases, isDemoPhase } from "../app/utils/demo-phases";
import { seedDemoOnce } from "../app/modules/demo/seed-once.server";
import { withDatabase } from "./cli-database";

const args = process.argv.slice(2);
const at = args.findIndex((a) => a === "--phase" || a.startsWith("--phase="));
const given = at < 0 ? undefined : args[at]!.includes("=") ? args[at]!.slice("--phase=".length) : args[at + 1];
if (at >= 0 && (given === undefined || !isDemoPhase(given))) {
  console.error(`--phase must be one of: ${demoPhases.join(", ")}${given ? ` (it is "${given}")` : ""}.`);
  process.exit(2);
}

const code = await withDatabase(async (database, env) => {
  const phase = given !== undefined && isDemoPhase(given) ? given : env.demoPhase;
  // The lock too: a server starting with DEMO_MODE=true meanwhile would seed at the same time.
  const result = await seedDemoOnce(database, { appUrl: env.appUrl, appSecret: env.appSecret, phase });
  if (!result.ok) {
    console.error(`The database (${database.description}) already holds a movement or people; the demo is only added to an empty one.`);
    return 1;
  }
  console.log(`Demo movement added to ${database.description} at the ${result.phase} phase: ${result.pledges} pledges, ${result.people} demo people.`);
  console.log("Sign-in links for the demo people are in the outbox (/dev/outbox when the app runs in demo mode).");
  return 0;
});
process.exit(code);
