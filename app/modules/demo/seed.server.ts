import { count } from "drizzle-orm";
import { appendAudit, systemActor } from "~/modules/audit/audit.server";
import { issueSignInLink } from "~/modules/auth/sign-in.server";
import { regionForPostcode } from "~/modules/campaign/regions";
import { rebuildCounts } from "~/modules/pledges/counts.server";
import { grantRole } from "~/modules/users/users.server";
import type { Db } from "~/utils/db.server";
import { demands, movement, pledges, users, type Relation } from "../../../db/schema";
import { seedDemoElection } from "./demo-election.server";
import { seedDemoPolls } from "./demo-polls.server";
import { demoDemands, demoMovement, demoPeople, firstNames, lastNames, sampleOutwardCodes } from "./demo-data";

// A fixed seed: every newcomer sees the same demo, and tests can rely on it.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [m] = await db.select({ n: count() }).from(movement);
  const [u] = await db.select({ n: count() }).from(users);
  return (m?.n ?? 0) === 0 && (u?.n ?? 0) === 0;
}

export type SeedResult = { ok: true; pledges: number; people: number } | { ok: false; code: "not_empty" };

export async function seedDemo(db: Db, options: { appUrl: string; appSecret: string; pledgeCount?: number; now?: Date }): Promise<SeedResult> {
  if (!(await isDatabaseEmpty(db))) return { ok: false, code: "not_empty" };
  const actor = systemActor("demo seed");
  const now = options.now ?? new Date();
  const pledgeCount = options.pledgeCount ?? 340;
  const random = mulberry32(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  await db.transaction(async (tx) => {
    await tx.insert(movement).values({
      ...demoMovement,
      deadline: new Date(now.getTime() + 60 * 24 * 3600 * 1000),
    });
    await tx.insert(demands).values(demoDemands.map((d, i) => ({ ...d, position: i + 1 })));
    const rows = [];
    for (let i = 0; i < pledgeCount; i += 1) {
      const first = pick(firstNames);
      const last = pick(lastNames);
      const outward = pick(sampleOutwardCodes);
      const postcode = `${outward} ${1 + Math.floor(random() * 9)}${pick("ABDEFGHJLNPQRSTUWXYZ".split(""))}${pick("ABDEFGHJLNPQRSTUWXYZ".split(""))}`;
      const region = regionForPostcode(postcode);
      const r = random();
      const relation: Relation = r < 0.62 ? "member" : r < 0.85 ? "former_member" : "supporter";
      const createdAt = new Date(now.getTime() - Math.floor(random() * 45 * 24 * 3600 * 1000));
      const confirmed = random() < 0.9;
      rows.push({
        name: `${first} ${last}`,
        email: `pledger${i + 1}@demo.breakaway.test`,
        postcode,
        region: region.ok ? region.region : "Unknown",
        relation,
        membershipNumber: relation === "member" ? `CP${100000 + Math.floor(random() * 800000)}` : null,
        monthlySubscriptionPence: relation === "member" ? pick([400, 500, 800, 1000, 1500, 2000]) : null,
        consentContact: random() < 0.8,
        consentDataUse: true,
        consentVersion: "2026-11-demo",
        createdAt,
        confirmedAt: confirmed ? new Date(createdAt.getTime() + 3600_000) : null,
        withdrawnAt: confirmed && random() < 0.03 ? new Date(createdAt.getTime() + 86_400_000) : null,
      });
    }
    await tx.insert(pledges).values(rows);
    await rebuildCounts(tx);
    await appendAudit(tx, {
      actor,
      action: "demo.seeded",
      subjectType: "movement",
      subjectId: "1",
      details: { pledges: pledgeCount, demands: demoDemands.length },
    });
  });

  const people = [
    { ...demoPeople.organiser, role: "organiser" as const },
    { ...demoPeople.returningOfficer, role: "returning_officer" as const },
    ...demoPeople.members.map((m) => ({ ...m, role: "member" as const })),
  ];
  for (const person of people) {
    const granted = await grantRole(db, { ...person, actor });
    if (!granted.ok) throw new Error(`demo person ${person.email} was refused: ${granted.code}`);
    // Links in the outbox, so a newcomer can sign in straight away from /dev/outbox.
    await db.transaction((tx) => issueSignInLink(tx, { userId: granted.userId, email: person.email, appUrl: options.appUrl, secret: options.appSecret }));
  }
  await seedDemoPolls(db, random);
  await seedDemoElection(db, now);
  return { ok: true, pledges: pledgeCount, people: people.length };
}
