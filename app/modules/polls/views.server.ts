/**
 * What the poll page shows, for the person looking (routes/polls.$pollId._index.tsx): the poll,
 * its options, what the viewer may do there, and, when they can vote with JavaScript, their
 * ballot key (the page is then never cached). Null when there is no such poll for them.
 */
import type { PollResult } from "~/modules/polls/ballot-rules";
import { browserBallotKey } from "~/modules/polls/encrypted/browser-ballots.server";
import { cancelRefusal, correctionPermission } from "~/modules/polls/corrections";
import { correctionProblemMessages, quorumDescription } from "~/modules/polls/messages";
import { ballotsCast, hasVoted } from "~/modules/polls/turnout.server";
import { isOnRoll } from "~/modules/polls/roll.server";
import { loadRules, PAGE_READ } from "~/modules/polls/poll-rules.server";
import { pollTimeLine } from "~/modules/polls/status";
import { pollTrusteeSummary } from "~/modules/polls/trustee-page.server";
import { waitingNoticeFor } from "~/modules/roles/roles.server";
import { earlyCloseWaiting } from "~/modules/roles/waiting-for";
import type { Db } from "~/utils/db.server";
import { formatLondonLong } from "~/utils/london-time";
import { isAllowed, type Principal } from "~/utils/permissions";
import { countedTogether } from "./counted-together";

export async function pollPageView(db: Db, viewer: { principal: Principal; userId: string | null }, pollId: string) {
  const { principal, userId } = viewer;
  const loaded = await loadRules(db, pollId, PAGE_READ);
  const canManage = isAllowed(principal, "poll.manage");
  // A draft is for those who run polls until it opens.
  if (!loaded || (loaded.poll.status === "draft" && !canManage)) return null;
  const { poll, rules } = loaded;
  // Every ballot is cast with its voter's mark in one transaction, so the ballots cast so far
  // are the number who have voted: no count over the voters on every page view.
  const { clauseId } = loaded;
  const [onRoll, voted, voters, trustees] = await Promise.all([
    userId ? isOnRoll(db, poll.id, userId) : false,
    userId ? hasVoted(db, poll.id, userId) : false,
    ballotsCast(db, poll.id),
    pollTrusteeSummary(db, poll.id, userId),
  ]);
  const canCloseEarly = isAllowed(principal, "poll.close_early");
  // Only those who run polls are told who can close this one early (waiting-for.ts).
  const canVote = poll.status === "open" && poll.closesAt.getTime() > Date.now() && onRoll && !voted && !clauseId && isAllowed(principal, "poll.vote");
  // With JavaScript the member's browser encrypts their ballot (issue 17): it needs their private
  // credential, given only to them, only while they can vote, and never cached. A Yes/No choice
  // and a ranking alike.
  const ballotKey = canVote && userId && loaded.election ? browserBallotKey(loaded.election, userId) : null;
  const waiting = canManage
    ? await waitingNoticeFor(db, principal, (roles) =>
        earlyCloseWaiting({ open: poll.status === "open", closesInFuture: poll.closesAt.getTime() > Date.now() }, { canCloseEarly }, roles),
      )
    : null;
  const page = {
    waiting,
    poll: {
      id: poll.id,
      title: poll.title,
      description: poll.description,
      method: poll.method,
      seats: poll.seats,
      status: poll.status,
      closesAt: (poll.closedAt ?? poll.closesAt).toISOString(),
      // When it closes or closed, from its state (decision 039).
      timeLine: pollTimeLine(poll, new Date()),
      cancelled: poll.status === "cancelled" && poll.cancelledAt ? { at: formatLondonLong(poll.cancelledAt), reason: poll.cancelReason ?? "" } : null,
      lotSeed: poll.lotSeed,
      // Encrypted rankings are shuffled before they are decrypted: never beside their receipts (decision 044).
      publication: loaded.election ? ("separate-lists" as const) : poll.publication,
      majority: poll.majority,
      quorum: quorumDescription(poll.quorumNumerator, poll.quorumDenominator, poll.status === "draft" ? null : poll.rollSize),
      quorumZero: poll.quorumNumerator === 0,
      rollSize: poll.rollSize,
      voters,
      // Ballots encrypted with Belenios, the server the only trustee (decision 044).
      encrypted: loaded.election !== null,
      // Results stay hidden until the poll closes.
      result: poll.status === "closed" ? (poll.result as PollResult) : null,
      // Only a ballot for people "elects": an officer election, or a free-standing ranked poll for
      // candidates (one offering re-open nominations). The members' decision and a Schulze poll
      // ("choosing between texts") choose options.
      outcome:
        poll.owner === "election" || (poll.owner === null && poll.method !== "schulze" && rules.options.some((o) => o.isRon))
          ? ("election" as const)
          : ("choice" as const),
    },
    options: rules.options.filter((o) => !o.withdrawn).map((o) => ({ position: o.position, label: o.label, isRon: o.isRon })),
    viewer: {
      signedIn: userId !== null,
      // A question of a clause's ballot is answered there, with the clause's other questions.
      canVote,
      clauseId,
      onRoll,
      voted,
      canManage,
      canCloseEarly,
      closesInFuture: poll.closesAt.getTime() > Date.now(),
      // Corrections on the record (decision 028): who may depends on whether the poll is held under the standing orders.
      canCorrect: (poll.status === "open" || poll.status === "draft") && isAllowed(principal, correctionPermission(poll.owner)),
      cannotCancel: ((r) => (r ? correctionProblemMessages[r] : null))(cancelRefusal(poll.owner)),
    },
    // Past its closing time and not yet counted: its owner counts it (decision 027).
    counting: poll.status === "open" && poll.closesAt.getTime() <= Date.now(),
    countedBy: countedTogether(poll.owner),
    ballotKey,
    // Named trustees hold its key instead of the server (decision 045).
    trustees,
  };
  return page;
}

export type PollPageView = NonNullable<Awaited<ReturnType<typeof pollPageView>>>;
