// Seeds the browser test of the registration journey (registration.spec.ts) into its own
// database: founding members, an adopted constitution and declared officers, an organiser, and a
// session for the organiser and for each declared officer. The application details and the
// officers' own details are left empty: the browser fills them in through the pages. Run with tsx
// (`npx tsx tests/e2e/registration-seed.ts`) with DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite)
// set; prints {"token": "...", "officers": [{ role, title, name, email, userId, token }]}.
import { systemActor } from "../../app/modules/audit/audit.server";
import { createSession } from "../../app/modules/auth/session.server";
import { grantRole } from "../../app/modules/users/users.server";
import { openPglite, openPostgres } from "../../app/utils/db.server";
import { movement } from "../../db/schema";
import { setBallotSecret } from "../../app/modules/polls/encrypted/ballot-keys.server";
import { adoptedAndDeclared, OFFICERS } from "../support/registration-fixture";

// The polls seeded here are counted by the servers the spec starts with the same APP_SECRET (decision 044).
setBallotSecret(process.env.APP_SECRET ?? "");
const database = process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL) : await openPglite(process.env.DATA_DIR);
try {
  await database.migrate();
  const db = database.db;
  const { ids, emails } = await adoptedAndDeclared(db);
  await db.update(movement).set({ name: "Breakaway Browser Test" });
  const officers = [];
  for (const o of OFFICERS) {
    const userId = ids[o.member]!;
    const { token } = await createSession(db, userId);
    officers.push({ role: o.role, title: o.title, name: `Founder ${o.member + 1}`, email: emails[o.member]!, userId, token });
  }
  const organiser = await grantRole(db, { email: "organiser@example.org", role: "organiser", actor: systemActor() });
  if (!organiser.ok) throw new Error("organiser not created");
  const { token } = await createSession(db, organiser.userId);
  process.stdout.write(`${JSON.stringify({ token, officers })}\n`);
} finally {
  await database.close();
}
