import { count } from "drizzle-orm";
import { systemActor } from "~/modules/audit/audit.server";
import { issueSignInLink } from "~/modules/auth/sign-in.server";
import { grantRole } from "~/modules/users/users.server";
import type { Db } from "~/utils/db.server";
import { movement, users } from "../../../db/schema";
import { demoPeople } from "./demo-data";
import { DEFAULT_DEMO_PHASE, type DemoPhase } from "~/utils/demo-phases";
import { settleStoryDays, tellStory, type Story } from "./story.server";

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

export type SeedResult = { ok: true; phase: DemoPhase; pledges: number; people: number } | { ok: false; code: "not_empty" };

/**
 * Where the story passes an earlier phase: `finish` makes a copy of the database taken there
 * (by the caller, while this waits) into what seeding that phase would have left.
 */
export type PassingPhase = (phase: DemoPhase, finish: (copy: Db) => Promise<void>) => Promise<void>;

/**
 * Fills an empty database with the demo movement, its road walked up to `phase` with the real
 * domain functions (decision 035), and puts a sign-in link for each demo person in the outbox.
 * `passing` is for tests that check every phase: see tellStory.
 */
export async function seedDemo(
  db: Db,
  options: { appUrl: string; appSecret: string; phase?: DemoPhase; pledgeCount?: number; passing?: PassingPhase },
): Promise<SeedResult> {
  if (!(await isDatabaseEmpty(db))) return { ok: false, code: "not_empty" };
  const phase = options.phase ?? DEFAULT_DEMO_PHASE;
  const actor = systemActor("demo seed");
  const people = [
    { ...demoPeople.organiser, role: "organiser" as const },
    { ...demoPeople.returningOfficer, role: "returning_officer" as const },
    ...demoPeople.members.map((m) => ({ ...m, role: "member" as const })),
  ];
  const ids: string[] = [];
  for (const person of people) {
    const granted = await grantRole(db, { ...person, actor });
    if (!granted.ok) throw new Error(`demo person ${person.email} was refused: ${granted.code}`);
    ids.push(granted.userId);
  }
  const story: Story = {
    db,
    appUrl: options.appUrl,
    random: mulberry32(20261123),
    organiser: { id: ids[0]!, label: demoPeople.organiser.email },
    returningOfficer: { id: ids[1]!, label: demoPeople.returningOfficer.email },
    members: demoPeople.members.map((m, i) => ({ id: ids[i + 2]!, email: m.email })),
    others: [],
    elapsedMs: 0,
    pledgeCount: options.pledgeCount ?? 340,
  };
  // Links in the outbox, newest, so a newcomer can sign in straight away from /dev/outbox.
  const issueLinks = async (into: Db) => {
    for (const [i, person] of people.entries()) {
      await into.transaction((tx) => issueSignInLink(tx, { userId: ids[i]!, email: person.email, appUrl: options.appUrl, secret: options.appSecret }));
    }
  };
  const { passing } = options;
  await tellStory(
    story,
    phase,
    passing &&
      ((earlier) =>
        passing(earlier, async (copy) => {
          await settleStoryDays(copy);
          await issueLinks(copy);
        })),
  );
  await issueLinks(db);
  return { ok: true, phase, pledges: story.pledgeCount, people: people.length };
}
