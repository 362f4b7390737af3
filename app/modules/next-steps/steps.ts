/**
 * What a signed-in person should do next (issue 15, item 1; docs/decisions/034-next-steps.md).
 * Pure: next-steps.server.ts reads the facts from the database, these rules decide, and
 * messages.ts words each step. Nothing here is stored: every step is worked out from the state
 * each time home is shown, so a step disappears the moment it is done.
 */
import type { RegisteredRole } from "~/modules/elections/officer-rules";
import { electionWaiting, type RoleFacts, type Waiting } from "~/modules/roles/waiting-for";

// ---------------------------------------------------------------------------------------------
// A person's own tasks
// ---------------------------------------------------------------------------------------------

export interface PersonalFacts {
  now: Date;
  /** Their founding invitation, if one stands (not withdrawn). */
  founding: { accepted: boolean; left: boolean; mustResign: boolean; resigned: boolean } | null;
  partyName: string | null;
  /** The day members of the old party resign together (YYYY-MM-DD), if set. */
  leavingDay: string | null;
  /** Open polls voted on at /polls/:id (not the constitution's clause questions) with them on the roll. */
  polls: { id: string; title: string; closesAt: Date; voted: boolean }[];
  /** The constitution's open voting round, if they are on its roll. */
  clauseRound: { number: number; closesAt: Date; clauses: { id: string; voted: boolean }[] } | null;
  /** The draft while it is open for amendment, if they are a founding member. */
  drafting: { waitingForSupport: number } | null;
  /** The election's nomination period while it is open, if they may take part. */
  nominations: { closesAt: Date } | null;
  /** Nominations of them by another member waiting for their answer. */
  nominatedFor: { positionId: string; title: string }[];
  /** While nominations are open: their own candidacies not yet valid, and what is missing. */
  candidacies?: { positionId: string; title: string; secondersShort: number; declarationMissing: boolean; eligibilityMissing: boolean; closesAt: Date }[];
  /** The registered offices they were declared elected to, and what is missing from their part. */
  officer: { roles: RegisteredRole[]; detailsComplete: boolean; unconfirmed: RegisteredRole[] } | null;
}

export type PersonalStep =
  | { kind: "accept_founding" }
  | { kind: "answer_nomination"; positionId: string; title: string }
  | {
      kind: "complete_candidacy";
      positionId: string;
      title: string;
      secondersShort: number;
      declarationMissing: boolean;
      eligibilityMissing: boolean;
      closesAt: Date;
    }
  | { kind: "vote_poll"; pollId: string; title: string; closesAt: Date }
  | { kind: "vote_clauses"; round: number; left: number; total: number; nextClauseId: string; started: boolean; closesAt: Date }
  | { kind: "officer_details"; roles: RegisteredRole[]; detailsComplete: boolean; unconfirmed: RegisteredRole[] }
  | { kind: "resign"; partyName: string | null; leavingDay: string | null }
  | { kind: "amend_draft"; waitingForSupport: number }
  | { kind: "nominations_open"; closesAt: Date };

/**
 * The person's tasks, most pressing first: accepting the founding invitation opens everything
 * else; a nomination lapses when nominations close; ballots in order of closing; then what has
 * no deadline of its own. A member who left the founding roll has none of its tasks.
 */
export function personalSteps(f: PersonalFacts): PersonalStep[] {
  const steps: PersonalStep[] = [];
  if (f.founding && !f.founding.accepted && !f.founding.left) steps.push({ kind: "accept_founding" });
  for (const n of f.nominatedFor) steps.push({ kind: "answer_nomination", positionId: n.positionId, title: n.title });
  for (const c of f.candidacies ?? []) {
    if (c.secondersShort > 0 || c.declarationMissing || c.eligibilityMissing) steps.push({ kind: "complete_candidacy", ...c });
  }

  const ballots: (PersonalStep & { closesAt: Date })[] = [];
  for (const p of f.polls) {
    if (!p.voted && p.closesAt.getTime() > f.now.getTime()) ballots.push({ kind: "vote_poll", pollId: p.id, title: p.title, closesAt: p.closesAt });
  }
  if (f.clauseRound && f.clauseRound.closesAt.getTime() > f.now.getTime()) {
    const { clauses } = f.clauseRound;
    const next = clauses.find((c) => !c.voted);
    if (next) {
      const left = clauses.filter((c) => !c.voted).length;
      ballots.push({
        kind: "vote_clauses",
        round: f.clauseRound.number,
        left,
        total: clauses.length,
        nextClauseId: next.id,
        started: left < clauses.length,
        closesAt: f.clauseRound.closesAt,
      });
    }
  }
  ballots.sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime());
  steps.push(...ballots);

  if (f.officer && (!f.officer.detailsComplete || f.officer.unconfirmed.length > 0)) {
    steps.push({ kind: "officer_details", roles: f.officer.roles, detailsComplete: f.officer.detailsComplete, unconfirmed: f.officer.unconfirmed });
  }
  if (f.founding?.accepted && !f.founding.left && f.founding.mustResign && !f.founding.resigned) {
    steps.push({ kind: "resign", partyName: f.partyName, leavingDay: f.leavingDay });
  }
  if (f.drafting) steps.push({ kind: "amend_draft", waitingForSupport: f.drafting.waitingForSupport });
  if (f.nominations && f.nominations.closesAt.getTime() > f.now.getTime()) steps.push({ kind: "nominations_open", closesAt: f.nominations.closesAt });
  return steps;
}

// ---------------------------------------------------------------------------------------------
// The road, for organisers and the returning officer
// ---------------------------------------------------------------------------------------------

/** A ballot as the road sees it. `passed` only for a closed yes/no poll that was counted. */
export interface PollFact {
  status: "draft" | "open" | "decrypting" | "closed" | "cancelled";
  closesAt: Date;
  passed?: boolean;
}

export interface RoadFacts {
  now: Date;
  movement: {
    phase: "campaign" | "decision" | "founding" | "stayed" | "joined_other";
    deadline: Date;
    demands: number;
    demandsAnswered: number;
    decisionPoll: (PollFact & { id: string }) | null;
  } | null;
  /** Founding invitations sent (not withdrawn), and accepted. */
  invited: number;
  roles: RoleFacts;
  standingOrders: (PollFact & { id: string }) | null;
  constitution: {
    /** An adopted version exists and no draft amending it is under way. */
    adopted: boolean;
    draft: {
      phase: "drafting" | "voting" | "closed";
      amendments: number;
      readyForVote: number;
      pending: number;
      /** decrypting: questions closed to voting, waiting for their trustees (decision 048). */
      round: { number: number; closesAt: Date; decrypting?: number; preparing?: boolean } | null;
      adoptionPoll: PollFact | null;
    } | null;
  };
  election: {
    phase: "nominations" | "ballot" | "counted";
    nominationsCloseAt: Date;
    ballotsCloseAt: Date | null;
    ballotsDue: boolean;
    /** Ballots closed to voting and waiting for their trustees to decrypt them (decision 047). */
    ballotsDecrypting: number;
    undeclared: number;
    vacantSeats: number;
  } | null;
  /** The registration's readiness checks, once officers are declared. */
  registration: { fails: number; warnings: number } | null;
}

/** The parts of the road, in order (docs/guide-the-road.md). */
export const roadStages = ["campaign", "decision", "founding", "standing_orders", "constitution", "elections", "registration"] as const;
export type RoadStage = (typeof roadStages)[number];

/** Who can take the step: the organisers, the returning officer, or nobody (time passes, members vote). */
export type Doer = "organisers" | "returning_officer" | "nobody";

export type RoadStepKind =
  | "set_up_campaign"
  | "campaign_running"
  | "record_responses"
  | "open_decision"
  | "decision_open"
  | "record_decision"
  | "road_ended"
  | "invite_founders"
  | "appoint_returning_officer"
  | "open_standing_orders"
  | "standing_orders_open"
  | "standing_orders_not_adopted"
  | "start_draft"
  | "drafting"
  | "round_open"
  | "round_preparing"
  | "round_due"
  | "open_another_round"
  | "open_adoption"
  | "adoption_open"
  | "record_adoption"
  | "set_up_election"
  | "nominations_open"
  | "election_waiting"
  | "ballots_open"
  | "ballots_decrypting"
  | "votes_decrypting"
  | "reopen_vacancies"
  | "prepare_registration"
  | "file_registration";

export interface RoadStep {
  stage: RoadStage;
  kind: RoadStepKind;
  doer: Doer;
  href: string;
  /** Facts the wording needs. */
  until?: Date;
  count?: number;
  total?: number;
  outcome?: "stayed" | "joined_other";
  /** For the election's returning-officer steps: the same decision the Elections page shows. */
  waiting?: Waiting;
}

const due = (p: { closesAt: Date }, now: Date) => p.closesAt.getTime() <= now.getTime();

/**
 * The next step of the road: the first part not finished, and what it is waiting for. The
 * order is the road's own; each part is finished by a fact (the decision recorded, the standing
 * orders adopted, a version adopted, every office declared), never by a stored label.
 */
export function roadStep(f: RoadFacts): RoadStep {
  const m = f.movement;
  if (!m) return { stage: "campaign", kind: "set_up_campaign", doer: "organisers", href: "/campaign/manage" };
  if (m.phase === "stayed" || m.phase === "joined_other") return { stage: "decision", kind: "road_ended", doer: "nobody", href: "/campaign", outcome: m.phase };
  if (m.phase === "campaign") {
    if (m.deadline.getTime() > f.now.getTime())
      return { stage: "campaign", kind: "campaign_running", doer: "nobody", href: "/campaign/manage", until: m.deadline };
    if (m.demandsAnswered < m.demands)
      return { stage: "campaign", kind: "record_responses", doer: "organisers", href: "/campaign/manage", count: m.demandsAnswered, total: m.demands };
    return { stage: "decision", kind: "open_decision", doer: "organisers", href: "/campaign/manage" };
  }
  if (m.phase === "decision") {
    const poll = m.decisionPoll;
    if (!poll || poll.status === "cancelled") return { stage: "decision", kind: "open_decision", doer: "organisers", href: "/campaign/manage" };
    if (poll.status === "decrypting") return { stage: "decision", kind: "votes_decrypting", doer: "nobody", href: "/trustees" };
    if (poll.status !== "closed" && !due(poll, f.now))
      return { stage: "decision", kind: "decision_open", doer: "nobody", href: `/polls/${poll.id}`, until: poll.closesAt };
    return { stage: "decision", kind: "record_decision", doer: "organisers", href: "/campaign/manage" };
  }

  // Founding.
  if (f.invited === 0) return { stage: "founding", kind: "invite_founders", doer: "organisers", href: "/founding" };
  const so = f.standingOrders;
  if (!so || so.status === "cancelled") {
    if (f.roles.returningOfficer === null) return { stage: "standing_orders", kind: "appoint_returning_officer", doer: "organisers", href: "/roles" };
    return { stage: "standing_orders", kind: "open_standing_orders", doer: "organisers", href: "/founding" };
  }
  if (so.status === "decrypting") return { stage: "standing_orders", kind: "votes_decrypting", doer: "nobody", href: "/trustees" };
  if (so.status !== "closed") {
    if (!due(so, f.now)) return { stage: "standing_orders", kind: "standing_orders_open", doer: "nobody", href: `/polls/${so.id}`, until: so.closesAt };
    return { stage: "standing_orders", kind: "standing_orders_open", doer: "nobody", href: `/polls/${so.id}` };
  }
  if (!so.passed) return { stage: "standing_orders", kind: "standing_orders_not_adopted", doer: "organisers", href: `/polls/${so.id}` };

  // The constitution.
  const c = f.constitution;
  const d = c.draft;
  if (!c.adopted) {
    if (!d) return { stage: "constitution", kind: "start_draft", doer: "organisers", href: "/constitution/manage" };
    if (d.phase === "drafting")
      return { stage: "constitution", kind: "drafting", doer: "organisers", href: "/constitution/manage", count: d.readyForVote, total: d.amendments };
    if (d.phase === "voting" && d.round) {
      if (d.round.preparing) return { stage: "constitution", kind: "round_preparing", doer: "nobody", href: "/constitution/vote", count: d.round.number };
      if ((d.round.decrypting ?? 0) > 0) return { stage: "constitution", kind: "votes_decrypting", doer: "nobody", href: "/trustees" };
      if (!due(d.round, f.now))
        return { stage: "constitution", kind: "round_open", doer: "nobody", href: "/constitution/results", until: d.round.closesAt, count: d.round.number };
      return { stage: "constitution", kind: "round_due", doer: "organisers", href: "/constitution/results", count: d.round.number };
    }
    if (d.adoptionPoll?.status === "decrypting") return { stage: "constitution", kind: "votes_decrypting", doer: "nobody", href: "/trustees" };
    if (d.adoptionPoll && d.adoptionPoll.status !== "cancelled") {
      if (d.adoptionPoll.status !== "closed" && !due(d.adoptionPoll, f.now))
        return { stage: "constitution", kind: "adoption_open", doer: "nobody", href: "/constitution/results", until: d.adoptionPoll.closesAt };
      return { stage: "constitution", kind: "record_adoption", doer: "organisers", href: "/constitution/results" };
    }
    if (d.pending > 0) return { stage: "constitution", kind: "open_another_round", doer: "organisers", href: "/constitution/manage", count: d.pending };
    return { stage: "constitution", kind: "open_adoption", doer: "organisers", href: "/constitution/manage" };
  }

  // The officer elections.
  const e = f.election;
  if (!e) return { stage: "elections", kind: "set_up_election", doer: "organisers", href: "/elections" };
  const waiting = electionWaiting(
    { phase: e.phase, nominationsDue: due({ closesAt: e.nominationsCloseAt }, f.now), ballotsDue: e.ballotsDue, undeclared: e.undeclared },
    f.roles,
  );
  if (waiting && waiting.step !== "appoint_before_needed") {
    return { stage: "elections", kind: "election_waiting", doer: "returning_officer", href: "/elections", waiting };
  }
  if (e.phase === "nominations") {
    return {
      stage: "elections",
      kind: "nominations_open",
      doer: waiting ? "organisers" : "nobody",
      href: waiting ? "/roles" : "/elections",
      until: e.nominationsCloseAt,
      ...(waiting ? { waiting } : {}),
    };
  }
  if (e.phase === "ballot" && e.ballotsDecrypting > 0 && !waiting)
    return { stage: "elections", kind: "ballots_decrypting", doer: "nobody", href: "/elections" };
  if (e.phase === "ballot") {
    return {
      stage: "elections",
      kind: "ballots_open",
      doer: waiting ? "organisers" : "nobody",
      href: waiting ? "/roles" : "/elections",
      ...(e.ballotsCloseAt ? { until: e.ballotsCloseAt } : {}),
      ...(waiting ? { waiting } : {}),
    };
  }
  if (e.vacantSeats > 0 && !f.registration)
    return { stage: "elections", kind: "reopen_vacancies", doer: "organisers", href: "/elections", count: e.vacantSeats };

  // Registration.
  const r = f.registration;
  if (!r) return { stage: "elections", kind: "reopen_vacancies", doer: "organisers", href: "/elections", count: e.vacantSeats };
  if (r.fails > 0) return { stage: "registration", kind: "prepare_registration", doer: "organisers", href: "/registration/readiness", count: r.fails };
  return { stage: "registration", kind: "file_registration", doer: "organisers", href: "/registration/documents", count: r.warnings };
}
