/**
 * The wording of the shared UI in app/components: the header, the form patterns, the comment
 * thread, the ranking list and the charts. It knows no domain: a component that shows a domain's
 * words (who sees a comment's author, what an empty chart lacks) is given them by its caller.
 */
import { ordinal } from "~/utils/ordinal";

/** The site header (site-header.tsx): who is signed in, and the links to each part of the site. */
export const headerText = {
  signedInAs: "Signed in as ",
  signOut: "Sign out",
  signIn: "Sign in",
  navigation: "Main",
  home: "Home",
  sections: {
    campaign: "Campaign",
    polls: "Polls",
    constitution: "Constitution",
    elections: "Elections",
    registration: "Registration",
  },
  roles: "Roles",
  auditLog: "Audit log",
};

/** A person's role as the header and the account show it. */
export const roleLabels: Record<string, string> = {
  member: "Member",
  organiser: "Organiser",
  returning_officer: "Returning officer",
};

/**
 * Words several domains say with one meaning, defined once so that each is translated once. A
 * domain's messages module names them where it needs them (`unknownAction: commonWords.unknownAction`).
 */
export const commonWords = {
  /** A form posted an action the page does not know (a stale page, or a hand-made request). */
  unknownAction: "Unknown action",
  /** A form's fields could not be read at all. */
  notUnderstood: "The form was not understood. Go back and try again.",
  /** A submit button while its request is on its way. */
  sending: "Sending…",
  /** The heading once we have sent someone a link by email. */
  checkEmail: "Check your email",
  /** The two answers of a yes-or-no question on a form or in a document (not a ballot's choices). */
  yes: "Yes",
  no: "No",
  /** A form posted to a page that does not take it (the same as an unknown action, where a page has no actions). */
  unknownRequest: "Unknown request",
  /** After a change that the audit log keeps. */
  recorded: "Recorded in the audit log.",
  /** A postcode's label wherever one is asked for or printed: a pledge, a letter, an address. */
  postcode: "Postcode",
  /** An email address left out, where the person gives their own. */
  emailMissing: "Enter your email address",
  emailFormat: "Enter an email address in the correct format, like name@example.com",
  /** An upload whose body was cut short or could not be read as a form. */
  uploadBroken: "The file did not arrive whole. Choose it again and upload it",
  /** The label of the field where an organiser sets when a ballot they open closes. */
  ballotClosesAt: "The ballot closes at (UK time)",
  /** A ballot's closing time that has already passed. */
  closesInPast: "The closing time must be in the future",
  /** The plain answer (404) where an address has nothing behind it: no such poll, no standing orders file, no demo mailbox. */
  notFound: "Not found",
  /** The link back to a part of the site, from a page of that part or from its trustees' page. */
  backToConstitution: "Back to the constitution",
  backToRegistration: "Back to registration",
};

/** The GOV.UK form patterns (forms.tsx). */
export const formText = {
  problem: "There is a problem",
  /** Before an error line, for screen readers; a space follows it. */
  error: "Error:",
  /** Before a warning's sentence, for screen readers. */
  warning: "Warning: ",
  /** Under a field with a word limit, once it has a value. */
  wordCount: (words: number, max: number) => `${words === 1 ? "1 word" : `${words} words`} (at most ${max})${words > max ? `: ${words - max} too many` : ""}`,
};

/** Members' comments (comment-thread.tsx). */
export const commentText = {
  wrote: " wrote on ",
  replyTo: (author: string) => `Reply to ${author}`,
  replyLabel: (author: string) => `Your reply to ${author}`,
  none: "No comments yet.",
  add: "Add a comment",
  /** `limit` is "2,000 characters"; `whoSeesNames` is the caller's sentence saying who reads the author's name. */
  hint: (limit: string, whoSeesNames: string) => `Plain text, up to ${limit}. ${whoSeesNames}`,
  post: "Post comment",
};

/** The ranking list a ranked ballot gains once its page has loaded (ranking-enhancer.tsx). */
export const rankingText = {
  intro: "Drag the options into order, or use the buttons. The numbers below change to match, and you can still type them.",
  ranked: "Your ranking",
  noneRanked: "Nobody ranked yet.",
  unranked: "Not ranked",
  allRanked: "You have ranked everyone.",
  moveUp: "Move up",
  moveDown: "Move down",
  remove: "Remove from ranking",
  add: "Add to ranking",
  /** A button's words with the candidate's name, as a screen reader reads them. */
  buttonFor: (action: string, name: string) => `${action}: ${name}`,
  /** What a screen reader hears after each change. */
  alreadyFirst: (name: string) => `${name} is already first`,
  alreadyLast: (name: string) => `${name} is already last`,
  moved: (name: string, place: number) => `${name} moved to ${ordinal(place)}`,
  removed: (name: string) => `${name} removed from your ranking`,
  added: (name: string, place: number) => `${name} added to your ranking at ${ordinal(place)}`,
};

/** The charts (line-chart.tsx): what a screen reader hears of a line, its figures already written out. */
export const chartText = {
  lineSummary: (title: string, from: { value: string; day: string }, to: { value: string; day: string }) =>
    `${title}: from ${from.value} on ${from.day} to ${to.value} on ${to.day}`,
};

/** The frame of every page (root.tsx): the skip link, the footer, and the error pages. */
export const siteText = {
  name: "Breakaway",
  skipLink: "Skip to main content",
  footer: "Breakaway: from a pledge to a new party, with democracy at every step.",
  demoMailbox: "Demo mailbox",
  forbiddenTitle: "You do not have permission to see this page",
  forbidden: "This page is for people with a different role. If you think you should see it, ask an organiser.",
  notFoundTitle: "Page not found",
  notFound: "If you typed the web address, check it is correct.",
  problemTitle: "Sorry, there is a problem",
  tryLater: "Please try again later.",
  homeLink: "Go to the home page",
  serviceProblemTitle: "Sorry, there is a problem with the service",
  serviceProblem: "Please try again later. Nothing you submitted has been half-saved: each change is all or nothing.",
};
