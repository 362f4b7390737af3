/**
 * Who may do what, as data. Every loader and action asks `requirePermission(…, action)`
 * (app/utils/auth.server.ts); nothing else decides access. "visitor" is someone not signed in.
 */
export const principals = ["visitor", "member", "organiser", "returning_officer"] as const;
export type Principal = (typeof principals)[number];

const everyone: readonly Principal[] = principals;
const signedIn: readonly Principal[] = ["member", "organiser", "returning_officer"];

export const permissions = {
  /** Public pages: home, campaign, the phases' public pages. */
  "site.view": everyone,
  /** Asking for and using a sign-in link. */
  "session.start": everyone,
  /** Own account: sign out, sign out everywhere. */
  "account.manage": signedIn,
  /** Following a link mailed to confirm a change of e-mail address (either address; signed in or not). */
  "account.confirm_email": everyone,
  /** Casting a ballot (only in polls whose roll includes the person). */
  "poll.vote": signedIn,
  /** Creating, opening and closing polls (at or after their closing time). */
  "poll.manage": ["organiser", "returning_officer"],
  /** Closing a poll before its closing time, with a reason: the returning officer's call alone. */
  "poll.close_early": ["returning_officer"],
  /**
   * Correcting a poll on the record, with a reason: cancelling it before it closes, or moving its
   * closing time later. Free-standing polls, the members' decision and the standing orders vote:
   * the organisers, who open them, and the returning officer (decision 028).
   */
  "poll.correct": ["organiser", "returning_officer"],
  /**
   * The same for a poll held under the standing orders (a clause's question, the adoption vote,
   * an election's ballot, the financial scheme's vote): the returning officer alone (4.8, 5.7).
   */
  "poll.correct_under_standing_orders": ["returning_officer"],
  /** Running the campaign: settings, demands, the party's response, phases, the decision ballot. */
  "campaign.manage": ["organiser"],
  /** Pledgers' personal data: import and export of pledges. */
  "pledges.manage": ["organiser"],
  /** Taking part in founding: accepting an invitation, the resignation letter. (Invited people only.) */
  "founding.take_part": signedIn,
  /** The founding roll: invitations, the leaving day, the standing orders vote. */
  "founding.manage": ["organiser"],
  /** Reading the constitution's text (draft or adopted) and its PDF: a party's rules are public. */
  "constitution.read": everyone,
  /**
   * Amending, supporting, commenting and voting on the draft, and reading the debate (names of
   * proposers, supporters and commenters). Founding members only: checked against the roll.
   */
  "constitution.take_part": signedIn,
  /** The drafting committee: starting drafts, recommendations, voting rounds, the adoption vote. */
  "constitution.manage": ["organiser"],
  /** Standing, seconding and asking candidates questions (founding members: checked against the roll). */
  "elections.take_part": signedIn,
  /** Setting up an election: its nomination period and positions. */
  "elections.manage": ["organiser"],
  /** Running the ballot: opening it when nominations close, counting, declaring the result. */
  "elections.run": ["returning_officer"],
  /**
   * Naming the trustees who hold the key of the standing orders vote, the constitution's votes and
   * the financial scheme's vote (decision 048): the returning officer, who runs the ballots apart
   * from the organisers. The decision ballot's are named by the organisers (campaign.manage),
   * before there is a returning officer.
   */
  "trustees.name": ["returning_officer"],
  /** The registration application: details, emblems, the names list, readiness, the documents and pack. */
  "registration.manage": ["organiser"],
  /** A declared officer's own private details and declarations (checked against the declared results). */
  "registration.officer": signedIn,
  /**
   * Who holds which role (organisers, the returning officer): a public fact within the movement,
   * so every signed-in person may read it; their email addresses are for organisers only.
   */
  "roles.read": signedIn,
  /** Appointing and removing organisers and the returning officer (docs/decisions/029-roles.md). */
  "roles.manage": ["organiser"],
  /** Reading the audit log and checking its chain. */
  "audit.read": ["organiser", "returning_officer"],
} as const satisfies Record<string, readonly Principal[]>;

export type Action = keyof typeof permissions;

export function isAllowed(principal: Principal, action: Action): boolean {
  return (permissions[action] as readonly Principal[]).includes(principal);
}
