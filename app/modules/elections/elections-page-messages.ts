/**
 * The wording of the Elections page's parts (components/elections-page/): the election as it
 * stands, setting it up and running it, and the seats over every round. What the route itself
 * says is electionsPageText in messages.ts.
 */
import { commonWords } from "~/components/messages";

export const electionsPartsText = {
  position: "Position",
  elected: "Elected",
  nominationsOpenAt: "Nominations open (UK time)",
  nominationsCloseAt: "Nominations close (UK time)",

  overview: {
    noElection:
      "Founding members nominate and elect the interim officers here, by ranked secret ballot, with a round-by-round count anyone can re-check. No election has been set up yet.",
    /** "Interim officers. Nominations: nominations open on … and close on … (UK time)." */
    lead: (title: string, phase: string, nominations: { opensAt: string; closesAt: string } | null) =>
      `${title}. ${phase}: nominations ${nominations ? `open on ${nominations.opensAt} and close on ${nominations.closesAt}` : "closed"} (UK time).`,
    ballotsClosed: (at: string) =>
      `The ballots closed on ${at}. They are being counted, the offices first and then the committee; the results appear here when the count is done.`,
    votingOpenUntil: (at: string) => `Voting is open until ${at}.`,
    nominatedTitle: "You have been nominated",
    nominatedBody: "You are not a candidate unless you accept. A nomination not accepted when nominations close lapses.",
    nominatedFor: (position: string, nominator: string) => `${position}, nominated by ${nominator}:`,
    acceptOrDecline: "accept or decline",
    /** After "accept or decline", for a screen reader. */
    theNominationFor: (position: string) => `the nomination for ${position}`,
    notRegistrable: "These officers could not be registered",
    registrable: "The officers elected meet the Electoral Commission’s rules on registered officers.",
    positions: "Positions",
    seatsAndCount: "Seats and count",
    validlyNominated: "Validly nominated",
    ballot: "Ballot",
    seatsAndMethod: (seats: number, method: string) => `${seats} ${seats === 1 ? "seat" : "seats"}, ${method}`,
    validOf: (valid: number, standing: number, tooFew: boolean) =>
      `${valid} of ${standing} standing${tooFew ? " (too few: re-open nominations is on the ballot, so members can vote for none of them)" : ""}`,
    electedNames: (names: string[], declared: boolean) => `${names.join(", ") || "Nobody"}${declared ? " (declared)" : ""}`,
    vote: "Vote",
    /** After "Vote", for a screen reader. */
    forPosition: (title: string) => `for ${title}`,
    waitingForReturningOfficer: "Not open yet: waiting for the returning officer",
    notOpen: "Not open",
  },

  create: {
    heading: "Set up the election of the interim officers",
    intro:
      "It comes with the offices the Electoral Commission registers (leader, nominating officer, treasurer) and an interim committee counted after them (standing orders 11).",
    title: "Title",
    defaultTitle: "Election of the interim officers",
    closesAtHint: "The standing orders ask for at least 14 days.",
    committeeSeats: "Seats on the interim committee (0 for none)",
    campaignsOfficer: "Also elect a campaigns officer (optional registered officer)",
    submit: "Set up the election",
  },

  addPosition: {
    heading: "Add a position",
    title: "Title (for example Chair, or Secretary)",
    seats: "Seats",
    seconders: "Seconders needed besides the nominator",
    eligibility: "Who may stand (optional)",
    submit: "Add the position",
  },

  openBallots: {
    heading: "Open the ballot",
    intro:
      "Each position gets a ranked secret ballot of its validly nominated candidates and “Re-open nominations”, on the roll of founding members. A position with nobody validly nominated gets no ballot: its nominations re-open.",
    closesAt: commonWords.ballotClosesAt,
    earlyReason: "Reason for closing nominations before their closing time",
    submit: "Close nominations and open the ballot",
  },

  count: {
    heading: "Close and count",
    intro: "The offices are counted first; anyone elected to one is left out of the committee count (standing orders 11.8).",
    due: "The closing time has passed: the ballots are counted automatically within a minute or so, or you can count them now.",
    earlyReason: "Reason, if closing before the closing time",
    countNow: "Count every ballot now",
    closeAndCount: "Close every ballot and count",
  },

  seatsFilled: {
    label: "Seats filled so far",
    caption: "Seats filled so far, over every round of nominations",
    filled: (names: string[], vacant: number) =>
      `${names.join(", ") || "Nobody yet"}${vacant > 0 && names.length > 0 ? `; ${vacant} ${vacant === 1 ? "seat" : "seats"} vacant` : ""}`,
  },

  vacantSeats: {
    heading: "Vacant seats",
    intro: "These seats are empty. Nominations re-open for exactly these seats; what the new round elects adds to the seats already filled.",
    vacant: "Vacant",
    why: "Why",
    vacantOf: (vacant: number, of: number) => `${vacant} of ${of} seats vacant`,
    reopenHeading: "Re-open nominations for the vacant seats",
    minimumDays: (days: number) => `The standing orders ask for at least ${days} days.`,
    reopen: "Re-open nominations",
    organisersReopen: "The organisers re-open nominations for these seats.",
  },
} as const;
