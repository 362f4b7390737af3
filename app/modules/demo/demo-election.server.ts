import { systemActor } from "~/modules/audit/audit.server";
import { createElection, currentElection, listPositions } from "~/modules/elections/elections.server";
import type { Db } from "~/utils/db.server";
import { candidacies, hustingsQuestions, seconders, users } from "../../../db/schema";
import { demoPeople } from "./demo-data";

const DAY = 24 * 3600 * 1000;

/**
 * An election of the interim officers under way in the demo: nominations open, with candidates,
 * statements, seconders and a hustings question, so a newcomer sees what members will see.
 * Written directly: the demo members are not founding members, whom `stand` requires.
 */
export async function seedDemoElection(db: Db, now: Date): Promise<void> {
  const created = await createElection(db, systemActor("demo seed"), {
    title: "Election of the interim officers",
    nominationsOpenAt: new Date(now.getTime() - 2 * DAY),
    nominationsCloseAt: new Date(now.getTime() + 12 * DAY),
    campaignsOfficer: false,
    committeeSeats: 7,
  });
  if (!created.ok) throw new Error(`demo election refused: ${created.code}`);
  const election = await currentElection(db);
  if (!election) return;
  const positions = new Map((await listPositions(db, election.id)).map((p) => [p.title, p]));
  const people = new Map((await db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
  const id = (email: string) => people.get(email) ?? "";
  const m = demoPeople.members.map((p) => p.email);
  const stands: [string, string, string][] = [
    [m[0]!, "Leader", "I organised the pledge campaign in Glasgow. As leader I would **publish every decision** and hold monthly open meetings.\n\n- A members' assembly every quarter\n- Every vote online, and secret"],
    [m[1]!, "Leader", "Twenty years a trade union rep. A party run by its members, not by its leader."],
    [m[2]!, "Treasurer", "Chartered accountant. I will publish the accounts every quarter, in plain English."],
    [m[3]!, "Nominating officer", "I know the Electoral Commission's rules and will keep us on the right side of them."],
    [m[4]!, "Interim committee (7 seats)", "Community organiser in Belfast; I want our Northern Ireland members heard."],
    [m[5]!, "Interim committee (7 seats)", "Fraser: Highlands branch. Rural transport and housing."],
  ];
  for (const [i, [email, title, statement]] of stands.entries()) {
    const position = positions.get(title);
    if (!position) continue;
    const [row] = await db
      .insert(candidacies)
      .values({
        positionId: position.id,
        userId: id(email),
        nominatedBy: id(email),
        statement,
        consentedAt: new Date(now.getTime() - DAY),
        declarations: { registeredOfficer: position.registeredRole !== null, treasurerEligible: position.registeredRole === "treasurer" },
      })
      .returning({ id: candidacies.id });
    if (!row) continue;
    // Everyone but the last candidate has their two seconders.
    const others = m.filter((x) => x !== email);
    const seconds = i === stands.length - 1 ? others.slice(0, 1) : others.slice(0, 2);
    await db.insert(seconders).values(seconds.map((s) => ({ candidacyId: row.id, userId: id(s) })));
    if (i === 0) await db.insert(hustingsQuestions).values({ candidacyId: row.id, askedBy: id(m[4]!), question: "How would you make sure members outside the cities are heard?", answer: "Every meeting online as well as in person, and the quarterly assembly moves around the nations.", answeredAt: now });
  }
}
