// Seeds the browser test of the registration pack (registration.spec.ts) into its own database:
// founding members, an adopted constitution and declared officers with their details, an
// organiser and a session for them. Run with tsx (`npx tsx tests/e2e/registration-seed.ts`)
// with DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite) set; prints {"token": "..."}.
import { systemActor } from "../../app/modules/audit/audit.server";
import { createSession } from "../../app/modules/auth/session.server";
import { saveOfficerDetails } from "../../app/modules/registration/registration.server";
import { grantRole } from "../../app/modules/users/users.server";
import { openPglite, openPostgres } from "../../app/utils/db.server";
import { movement, registrationDetails } from "../../db/schema";
import { adoptedAndDeclared, OFFICERS } from "../support/registration-fixture";

const database = process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL) : await openPglite(process.env.DATA_DIR);
try {
  await database.migrate();
  const db = database.db;
  const { ids, emails } = await adoptedAndDeclared(db);
  await db.update(movement).set({ name: "Breakaway Browser Test" });
  await db.insert(registrationDetails).values({ id: 1, details: { register: "GB", nations: ["england"], partyType: "full", name: "Browser Test Party", financialYearEnd: "31-12", assetsWithinThreshold: true, notThirdParty: true } });
  for (const o of OFFICERS) {
    const saved = await saveOfficerDetails(db, { id: ids[o.member]!, label: emails[o.member]! }, { fullName: `Browser Officer ${o.member + 1}`, homeAddress: `${o.member + 1} Quiet Lane, Hometown`, email: emails[o.member]!, confirm: [o.role] });
    if (!saved.ok) throw new Error(`officer details: ${saved.code}`);
  }
  const organiser = await grantRole(db, { email: "organiser@example.org", role: "organiser", actor: systemActor() });
  if (!organiser.ok) throw new Error("organiser not created");
  const { token } = await createSession(db, organiser.userId);
  process.stdout.write(`${JSON.stringify({ token })}\n`);
} finally {
  await database.close();
}
