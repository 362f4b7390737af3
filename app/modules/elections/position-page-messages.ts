/**
 * The wording of a position page's parts (components/position-page/): the ballot's outcome, the
 * candidates and their hustings, nominating, standing. What the route itself says is
 * positionPageText in messages.ts.
 */
import { verificationFailedAdvice } from "~/modules/polls/messages";
import { formatNumber } from "~/utils/numbers";
import { publishedBallotsText } from "~/modules/polls/published-ballots-messages";

/** The empty seats, as a sentence refers back to them: "it" or "them". */
const itOrThem = (seats: number) => (seats === 1 ? "it" : "them");

export const positionPartsText = {
  electionsPage: "Elections page",

  outcome: {
    heading: "Result",
    elected: (names: string[], declared: boolean) =>
      `Elected: ${names.join(", ") || "nobody"}. ${declared ? "Declared by the returning officer." : "Not yet declared."}`,
    /** Before the link to the Elections page. */
    wonByRon: (seats: number) =>
      `Re-open nominations won ${seats === 1 ? "a seat: it stays empty" : `${seats} seats: they stay empty`}. Once every result is declared, the organisers re-open nominations for ${itOrThem(seats)} from the`,
    /** After the link to the Elections page. */
    wonByRonRule: "(standing orders 11.14).",
    /** The failed check's own words, then what to do about it. */
    failedCheck: (check: string) => `${check} ${verificationFailedAdvice}`,
    checkReceipt: "Check your receipt",
    publishedBallots: publishedBallotsText.title,
    ballotFile: "Ballot file (BLT)",
    declarationPdf: "Declaration of result (PDF)",
    recount: (r: { at: string; superseded: string[]; reason: string; corrected: boolean; beforeDeclaration: boolean }) =>
      r.corrected && r.beforeDeclaration
        ? `Recount on ${r.at}: the stored count failed its check and elected ${r.superseded.join(", ") || "nobody"}; the recount corrected it before the declaration. Reason: ${r.reason}`
        : r.corrected
          ? `Corrected by recount on ${r.at}: the superseded declaration elected ${r.superseded.join(", ") || "nobody"}, and is kept on record. Reason: ${r.reason}`
          : `Recount on ${r.at}: the recount confirmed the result. Reason: ${r.reason}`,
    askRecount: "Ask for a recount",
    recountDeclared:
      "The count runs again from the stored ballots, on the same rules. If it differs, it corrects the declaration; the earlier one stays on record.",
    recountFailedCheck:
      "The stored count failed its check, so it cannot be declared. A recount counts the stored ballots again, on the same rules, and records the correction; you can then declare the corrected result.",
    recountReason: "Reason for the recount",
    recountSubmit: "Recount",
    declare: "Declare the result",
    /** Before the link to the Elections page; a full stop follows it. */
    noBallot: (seats: number) =>
      `Nobody was validly nominated, so there was no ballot: ${seats === 1 ? "the seat is vacant" : "the seats are vacant"}. Once every result is declared, the organisers re-open nominations for ${itOrThem(seats)} from the`,
    fullStop: ".",
    voteFor: (title: string) => `Vote for ${title}`,
  },

  candidates: {
    withdrawn: "Withdrawn",
    validlyNominated: "Validly nominated",
    secondedBy: (seconders: string[], required: number) =>
      `Seconded by ${seconders.length > 0 ? seconders.join(", ") : "nobody yet"} (${seconders.length} of ${required} needed).`,
    notYetValid: (problems: string[]) => ` Not yet valid: ${problems.join("; ")}.`,
    noStatement: "No statement.",
    withdrawSeconding: (name: string) => `Withdraw my seconding of ${name}`,
    second: (name: string) => `Second ${name}`,
    withdraw: "Withdraw my candidacy",
    withdrawDuringBallot: "The ballot is open: your name stays on the paper, and the count skips you.",
    questions: "Questions from members",
    noQuestions: "No questions yet.",
    /** After the asker's name. */
    asked: "asked",
    answered: (name: string) => `${name} answered:`,
    answer: "Your answer",
    postAnswer: "Post my answer",
    notAnswered: "Not answered yet.",
    ask: (name: string) => `Ask ${name} a question`,
    askSubmit: "Ask",
  },

  pending: {
    heading: "Nominations waiting for an answer",
    intro: "A nominee is not a candidate until they accept. A nomination not accepted when nominations close lapses.",
    nominee: (nominee: string, nominator: string) => `${nominee}, nominated by ${nominator}`,
  },

  nominationForMe: {
    heading: (nominator: string) => `Nominated by ${nominator}: accept or decline`,
    intro: (position: string) =>
      `You are not a candidate for ${position} unless you accept. To accept, write your statement and agree to stand. If you do neither before nominations close, the nomination lapses.`,
    warningsLead: "Before you accept:",
    accept: "Accept the nomination",
    decline: "Decline the nomination",
  },

  nominate: {
    heading: (position: string) => `Nominate another founding member for ${position}`,
    intro:
      "They are emailed and asked to accept; until they do, they are not a candidate. You do not count as one of their seconders. To put yourself forward, stand instead.",
    find: "Find a founding member by name or membership number",
    findSubmit: "Find",
    noMatch: (find: string) => `No other founding member matches “${find}”.`,
    legend: (position: string) => `Who are you nominating for ${position}?`,
    choice: (name: string, membershipNumber: number | null) => (membershipNumber ? `${name} (founding member ${membershipNumber})` : name),
    tooMany: (shown: number) => `Only the first ${shown} matches are shown: search for a fuller name to narrow them down.`,
    submit: "Nominate",
  },

  stand: {
    heading: (position: string) => `Stand for ${position}`,
    warningsLead: "Before you stand:",
    foundingMembersOnly: "Founding members can stand, nominate, second candidates and ask them questions here.",
    signIn: "Sign in",
  },

  candidacyForm: {
    statementHint: (maxCharacters: number) =>
      `Shown with the ballot. You may use **bold**, paragraphs and lists starting with a dash. At most ${formatNumber(maxCharacters)} characters.`,
    consent: "I agree to stand for this position, and to serve if elected.",
    registeredOfficer:
      "If elected, I will give the Electoral Commission my full name, home address and email (the address is not published), have my name published on the register, and sign or authorise the party's application (standing orders 11.9).",
    treasurerEligible:
      "I declare that in the last 5 years I have not been convicted of an offence under the Political Parties, Elections and Referendums Act 2000, or of an election offence (standing orders 11.10).",
  },
} as const;

/** The help page given instead of a position's declaration of result before there is one. */
export const declarationHelp = {
  notYet: { title: "No declaration yet", body: "The returning officer has not declared this result yet." },
} as const;
