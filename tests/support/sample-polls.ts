import { systemActor } from "../../app/modules/audit/audit.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { grantRole } from "../../app/modules/users/users.server";
import type { Db } from "../../app/utils/db.server";
import { users } from "../../db/schema";
import { firstNames, lastNames } from "../../app/modules/demo/demo-data";

const DAY = 24 * 3600 * 1000;

/**
 * Two sample polls for tests of the poll commands: a closed STV election with its full count, and an open Yes/No vote
 * some voters have taken part in.
 */
export async function seedDemoPolls(db: Db, random: () => number, voterCount = 36): Promise<void> {
  const actor = systemActor("demo seed");
  const voters: string[] = [];
  for (let i = 1; i <= voterCount; i += 1) {
    const name = `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]}`;
    const granted = await grantRole(db, { email: `voter${String(i).padStart(2, "0")}@demo.breakaway.test`, displayName: name, role: "member", actor });
    if (granted.ok) voters.push(granted.userId);
  }
  const everyone = (await db.select({ id: users.id }).from(users)).map((u) => u.id);

  const committee = await createPoll(db, actor, {
    title: "Interim steering committee (3 seats)",
    description: "Members elected three people to steer the campaign until the deadline.",
    method: "scottish-stv",
    seats: 3,
    options: [
      { label: "Aisha Khan" },
      { label: "Ben Murray" },
      { label: "Catrin Evans" },
      { label: "Daniel Walker" },
      { label: "Eilidh Campbell" },
      { label: "Re-open nominations", isRon: true },
    ],
    publication: "separate-lists",
    closesAt: new Date(Date.now() + DAY),
  });
  if (!committee.ok) throw new Error(`demo poll refused: ${committee.code}`);
  await openPoll(db, actor, committee.pollId, everyone);
  // Preferences with a shape: two popular candidates, a close race for the third seat.
  const patterns = [[0, 2, 1], [0, 1], [1, 3, 0], [1, 0, 4], [2, 4, 3], [4, 2], [3, 1], [0, 4, 2, 1], [2, 0], [5]];
  const weights = [7, 5, 6, 4, 3, 3, 3, 2, 2, 1];
  let v = 0;
  for (const [i, pattern] of patterns.entries()) {
    for (let k = 0; k < (weights[i] ?? 0) && v < voters.length; k += 1, v += 1) {
      await castBallot(db, { pollId: committee.pollId, userId: voters[v]!, ranking: pattern });
    }
  }
  await closePoll(db, actor, committee.pollId);

  const statement = await createPoll(db, actor, {
    title: "Adopt the campaign statement",
    description: "Do you agree that the statement on the home page speaks for the movement?",
    method: "yes-no",
    options: [],
    quorum: { numerator: 1, denominator: 4 },
    majority: "simple",
    closesAt: new Date(Date.now() + 14 * DAY),
  });
  if (!statement.ok) throw new Error(`demo poll refused: ${statement.code}`);
  await openPoll(db, actor, statement.pollId, everyone);
  for (const userId of voters.slice(0, 12)) {
    const r = random();
    await castBallot(db, { pollId: statement.pollId, userId, choice: r < 0.7 ? "yes" : r < 0.9 ? "no" : "abstain" });
  }
}
