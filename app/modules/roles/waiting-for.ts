/**
 * What a page's state is waiting for, and who can move it on: the decision behind the notices on
 * the elections, polls and constitution pages (docs/decisions/029-roles.md). Pure: the pages
 * pass in the facts; messages.ts words the answer.
 */

/** The step someone else has to take. */
export type WaitingStep =
  /** Nominations have closed: the returning officer opens the ballots. */
  | "open_ballots"
  /** The ballots have reached their closing time: the returning officer counts them. */
  | "count"
  /** Counted: the returning officer declares each result. */
  | "declare"
  /** Nothing is due yet, but the step after this one needs a returning officer and there is none. */
  | "appoint_before_needed"
  /** A poll or round is open: only the returning officer can close it before its time. */
  | "close_early";

/** Who can take the step: the viewer, the returning officer (named), or nobody until one is appointed. */
export type Unblocker = { kind: "you" } | { kind: "returning_officer"; name: string } | { kind: "no_returning_officer" };

export interface Waiting {
  step: WaitingStep;
  by: Unblocker;
}

export interface RoleFacts {
  /** The returning officer's name, or null when nobody holds the role. */
  returningOfficer: string | null;
  /** Whether the person viewing the page is the returning officer. */
  viewerIsReturningOfficer: boolean;
}

function unblocker(facts: RoleFacts): Unblocker {
  if (facts.viewerIsReturningOfficer) return { kind: "you" };
  return facts.returningOfficer === null ? { kind: "no_returning_officer" } : { kind: "returning_officer", name: facts.returningOfficer };
}

export interface ElectionFacts {
  phase: "nominations" | "ballot" | "counted";
  /** The nominations' closing time has passed. */
  nominationsDue: boolean;
  /** Every ballot has reached its closing time (the poll closer closes them; the count is the returning officer's). */
  ballotsDue: boolean;
  /** Positions counted whose result is not declared yet. */
  undeclared: number;
}

/**
 * The election's notice. Nominations still open with nobody to open the ballots is flagged early,
 * so that organisers appoint a returning officer before it matters; the rest only once the step
 * is due. The returning officer sees their own step as theirs ("you").
 */
export function electionWaiting(election: ElectionFacts, roles: RoleFacts): Waiting | null {
  const by = unblocker(roles);
  if (election.phase === "nominations") {
    if (election.nominationsDue) return { step: "open_ballots", by };
    return by.kind === "no_returning_officer" ? { step: "appoint_before_needed", by } : null;
  }
  if (election.phase === "ballot") {
    if (election.ballotsDue) return { step: "count", by };
    return by.kind === "no_returning_officer" ? { step: "appoint_before_needed", by } : null;
  }
  return election.undeclared > 0 ? { step: "declare", by } : null;
}

/**
 * An open poll (or voting round) before its closing time, seen by someone who runs polls but
 * may not close them early: only the returning officer can. Null when the viewer can close it
 * themselves, or it is not open, or its time has come (it then closes by itself).
 */
export function earlyCloseWaiting(poll: { open: boolean; closesInFuture: boolean }, viewer: { canCloseEarly: boolean }, roles: RoleFacts): Waiting | null {
  if (!poll.open || !poll.closesInFuture || viewer.canCloseEarly) return null;
  return { step: "close_early", by: unblocker(roles) };
}
