/**
 * What the Elections page shows (routes/elections._index.tsx): the current election and its
 * phase, every position with its candidates or result, the viewer's own nominations, whether the
 * officers elected could be registered, the seats filled and vacant over every round, the
 * trustees, and what the viewer may do.
 */
import { countSheetWords } from "~/modules/ballots/messages";
import { periodHint } from "~/modules/constitution/periods.server";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { ukDateTime } from "~/modules/documents/format";
import { waitingNoticeFor } from "~/modules/roles/roles.server";
import { electionWaiting } from "~/modules/roles/waiting-for";
import { formatDateTime } from "~/utils/dates";
import type { Db, DbOrTx } from "~/utils/db.server";
import { isAllowed, type Principal } from "~/utils/permissions";
import { electionTrusteesSummary } from "./election-trustees.server";
import { ballotTimes } from "./ballots.server";
import { candidateCounts, listCandidates } from "./candidates.server";
import { currentElection, listPositions } from "./current-election.server";
import { declaredOfficers } from "./declaring.server";
import { pendingNominations } from "./nominations.server";
import { winners } from "./count.server";
import { phaseLabels, vacancyWhy } from "./messages";
import { checkOfficers, type Holding, type RegisteredRole } from "./officer-rules";
import { officerProblemMessages } from "./officer-rules-messages";
import { nominationDays, vacancies } from "./recovery.server";

export async function electionsPageView(db: Db, viewer: { principal: Principal; userId: string | null }, at = new Date()) {
  const { principal, userId } = viewer;
  const election = await currentElection(db);
  const can = { manage: isAllowed(principal, "elections.manage"), run: isAllowed(principal, "elections.run") };
  if (!election) return { election: null, positions: [], can, registrable: null, nominationsForMe: [], waiting: null, seats: null, trustees: null };
  const now = at.getTime();
  const nominationsOpen = election.phase === "nominations" && election.nominationsOpenAt.getTime() <= now && now < election.nominationsCloseAt.getTime();
  // Only the nominee's own nominations: the page is public, the roll is not.
  const nominationsForMe = userId && nominationsOpen ? await pendingNominations(db, { electionId: election.id, nomineeId: userId }) : [];
  const list = await listPositions(db, election.id);
  const counts = await candidateCounts(db, election.id);
  const positions = await Promise.all(
    list.map(async (p) => {
      const candidates = await listCandidates(db, p);
      const valid = candidates.filter((c) => c.valid).length;
      const elected = election.phase === "counted" ? await winners(db, p) : [];
      return {
        id: p.id,
        title: p.title,
        seats: p.seats,
        method: countSheetWords.methodNames[p.method] ?? p.method,
        standing: counts.get(p.id) ?? 0,
        valid,
        tooFew: valid < p.seats,
        pollId: p.pollId,
        declared: p.declaredAt !== null,
        elected: elected.map((e) => e.name),
        registeredRole: p.registeredRole,
        electedIds: elected.map((e) => e.userId),
      };
    }),
  );
  // Whether the officers elected could be registered (registration-uk section 2).
  const registrable = election.phase === "counted" ? await electedOfficerProblems(db, positions) : null;
  const declared = await declaredOfficers(db);
  // While the ballots are open: when they close, and whether that time has come (they are then
  // counted together, offices first, by the poll closer or the returning officer).
  const ballots = election.phase === "ballot" ? await ballotTimes(db, election.id, now) : { lastClose: null, due: false, decrypting: 0 };
  const lastClose = ballots.lastClose;
  const facts = {
    phase: election.phase,
    nominationsDue: election.nominationsCloseAt.getTime() <= now,
    ballotsDue: ballots.due,
    undeclared: positions.filter((p) => p.pollId && !p.declared).length,
  };
  // The seats of the first election across every round of re-opened nominations.
  const seats = await vacancies(db);
  const rounds = election.followsElectionId !== null;
  return {
    waiting: await waitingNoticeFor(db, principal, (roles) => electionWaiting(facts, roles)),
    election: {
      title: election.title,
      phase: election.phase,
      phaseLabel: phaseLabels[election.phase],
      opensAt: formatDateTime(election.nominationsOpenAt),
      closesAt: formatDateTime(election.nominationsCloseAt),
      nominationsDue: election.nominationsCloseAt.getTime() <= now,
      ballotHint: election.phase === "nominations" && can.run ? await periodHint(db, "ballot") : undefined,
      declaredCount: declared.length,
      ballotsClose: lastClose ? ukDateTime(lastClose) : null,
      ballotsDue: (lastClose !== null && lastClose.getTime() <= now) || ballots.decrypting > 0,
      ballotsDecrypting: ballots.decrypting,
    },
    positions: positions.map(({ electedIds: _ids, ...rest }) => rest),
    // Who holds the ballots' key (decision 047): named trustees, or the server.
    // Their names for those signed in only: the public record numbers them, and naming them to
    // anyone would make them easier to pressure.
    trustees: await electionTrusteesSummary(db, election.trusteeSetId, userId, { names: userId !== null }),
    can,
    registrable,
    nominationsForMe: nominationsForMe.map((n) => ({ positionId: n.positionId, positionTitle: n.positionTitle, nominatorName: n.nominatorName })),
    seats: {
      rounds,
      // Listed once the count is in: before that, no seat is known to be vacant.
      vacant:
        election.phase === "counted"
          ? seats.positions.map((p) => ({ id: p.positionId, title: p.title, vacant: p.seats.length, of: p.total, why: vacancyWhy[p.why] }))
          : [],
      settled: seats.settled,
      filled: seats.all.map((p) => ({ id: p.positionId, title: p.title, filled: p.filled, vacant: p.seats.length })),
      minimumDays: await nominationDays(),
    },
  };
}

export type ElectionsPageView = Awaited<ReturnType<typeof electionsPageView>>;

/**
 * Why the officers elected, with those filled in earlier rounds of nominations, could not be
 * registered by the Electoral Commission (officer-rules.ts); empty when they could.
 */
async function electedOfficerProblems(
  db: DbOrTx,
  positions: readonly { registeredRole: string | null; elected: string[]; electedIds: (string | null)[] }[],
): Promise<string[]> {
  const holdings = new Map<string, Holding>();
  const names = new Map<string, string>();
  for (const p of positions) {
    if (!p.registeredRole) continue;
    p.electedIds.forEach((id, i) => {
      if (!id) return;
      names.set(id, p.elected[i] ?? id);
      const h = holdings.get(id) ?? { person: id, roles: [] };
      h.roles.push(p.registeredRole as RegisteredRole);
      holdings.set(id, h);
    });
  }
  for (const o of await declaredOfficers(db)) {
    const h = holdings.get(o.userId) ?? { person: o.userId, roles: [] };
    if (h.roles.includes(o.role as RegisteredRole)) continue;
    names.set(o.userId, o.name);
    h.roles.push(o.role as RegisteredRole);
    holdings.set(o.userId, h);
  }
  return checkOfficers([...holdings.values()], { partyKind: "major", onePerPerson: (await standingOrderRules()).onePerPerson }).map((problem) =>
    officerProblemMessages[problem.code](problem, (id) => names.get(id) ?? id),
  );
}
