/** What a closed poll's published ballots page (routes/polls.$pollId.ballots._index.tsx) shows. */
import type { DbOrTx } from "~/utils/db.server";
import { isAllowed, type Principal } from "~/utils/permissions";
import type { BallotContent } from "../../../db/schema";
import { ballotInWords } from "./ballot-in-words";
import { pollsText } from "./messages";
import { getPublication, votersOfClosedPoll } from "./publication.server";
import { publishedBallotsText as t } from "./published-ballots-messages";
import { isOnRoll } from "./roll.server";
import { pollTrusteeSummary } from "./trustee-page.server";

/** The poll's published ballots and who held its key; null before it is closed (or no such poll). */
export async function publishedBallotsView(db: DbOrTx, viewer: { principal: Principal; userId: string | null }, pollId: string) {
  const published = await getPublication(db, pollId);
  if (!published) return null;
  // Who held the key: the server, or trustees named by the returning officer (decision 045).
  const summary = await pollTrusteeSummary(db, published.poll.id, null);
  const trustees = { total: summary?.total ?? 0, needed: summary?.needed ?? 0 };
  // Who voted, by name, for those on the poll's roll and those who run polls: each member checks
  // that nobody voted in their name (the server makes every credential). Not for visitors.
  const mayList = viewer.userId ? isAllowed(viewer.principal, "poll.manage") || (await isOnRoll(db, published.poll.id, viewer.userId)) : false;
  const voters = mayList && published.encrypted ? await votersOfClosedPoll(db, published.poll.id) : null;
  const inWords = ballotInWords(published.rules.options, t.ranking);
  const show = (c: BallotContent) => inWords(c) ?? pollsText.encryptedBallot;
  return {
    poll: { id: published.poll.id, title: published.poll.title, method: published.poll.method },
    encrypted: published.encrypted,
    trustees,
    voters,
    voted: published.voted,
    ballotCount: published.ballotCount,
    chainHead: published.chainHead,
    mode: published.publication.mode,
    pairs: published.publication.pairs.map((p) => ({ receipt: p.receipt, ballot: show(p.content) })),
    receipts: published.publication.receipts,
    contents: published.publication.contents.map(show),
  };
}
