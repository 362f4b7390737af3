// npm run create-organiser -- someone@example.org ["Display Name"]
// Creates the person if needed and makes them an organiser; recorded in the audit log.
import { systemActor } from "../app/modules/audit/audit.server";
import { normaliseEmail } from "../app/modules/auth/tokens";
import { grantRole } from "../app/modules/users/users.server";
import { withDatabase } from "./cli-database";

const [email, displayName] = process.argv.slice(2);
if (!email) {
  console.error('Usage: npm run create-organiser -- email@example.org ["Display Name"]');
  process.exit(2);
}

const code = await withDatabase(async (database) => {
  const result = await grantRole(database.db, {
    email,
    displayName,
    role: "organiser",
    actor: systemActor("command line: create-organiser"),
  });
  if (!result.ok) {
    console.error(`"${email}" is not an email address. Give an address such as organiser@example.org.`);
    return 2;
  }
  const address = normaliseEmail(email);
  if (result.created) console.log(`Created ${address} as an organiser.`);
  else if (result.previousRole === "organiser") console.log(`${address} is already an organiser; nothing changed.`);
  else console.log(`${address} was a ${result.previousRole}; now an organiser.`);
  console.log("They sign in at /login with this address.");
  return 0;
});
process.exit(code);
