import { commonWords, siteText } from "~/components/messages";

/** The wording of the demo mailbox (routes/dev.outbox.tsx), which shows the mail that would have been sent. */
export const outboxPageText = {
  metaTitle: siteText.demoMailbox,
  title: siteText.demoMailbox,
  intro: "No mail server is set up, so the mail Breakaway would send is shown here instead, newest first. This page only exists in demo and development mode.",
  empty: "No mail yet.",
  /** Around the address it went to, before the time it was written. */
  to: { before: "To ", after: ", " },
  notFound: commonWords.notFound,
};
