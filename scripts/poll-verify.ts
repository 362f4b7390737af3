// npm run poll:verify -- [POLL_ID]: re-checks closed polls (without an id, every closed poll:
// free-standing, the decision, the standing orders, officer elections and every question of the
// constitution's voting rounds) from their stored ballots: the
// ballot chain is intact, the number who voted equals the number of ballots, and a fresh count
// reproduces the published result. Exit 1 if any check fails.
import { asc, eq } from "drizzle-orm";
import { verifyPoll } from "../app/modules/polls/verification.server";
import { polls } from "../db/schema";
import { withDatabase } from "./cli-database";

const [only] = process.argv.slice(2);

const problems = {
  not_closed: "is not closed, so there is nothing to verify yet",
  chain_broken: "has a broken ballot chain: a ballot was altered, added or removed",
  counts_differ: "has a different number of ballots from the number of members who voted",
  audit_differs: "differs from what the audit log recorded when it closed",
  result_differs: "gives a different result when counted again",
  record_invalid: "has a Belenios record that does not verify",
};

const code = await withDatabase(async (database) => {
  const targets = only
    ? await database.db.select().from(polls).where(eq(polls.id, only))
    : await database.db.select().from(polls).where(eq(polls.status, "closed")).orderBy(asc(polls.closedAt), asc(polls.id));
  if (targets.length === 0) {
    console.error(only ? `No poll has the id ${only}.` : "There are no closed polls to verify.");
    return only ? 2 : 0;
  }
  let failed = 0;
  for (const poll of targets) {
    const result = await verifyPoll(database.db, poll.id);
    if (result.ok) {
      console.log(`OK      ${poll.id}  ${poll.title}: ${result.ballots} ballots from ${result.voted} voters, chain head ${result.chainHead}, count reproduced`);
    } else {
      failed += 1;
      console.error(`FAILED  ${poll.id}  ${poll.title} ${problems[result.problem]}${result.detail ? ` (${result.detail})` : ""}`);
    }
  }
  console.log(`${targets.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
});
process.exit(code);
