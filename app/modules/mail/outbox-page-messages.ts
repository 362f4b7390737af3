/** The wording of the demo mailbox (routes/dev.outbox.tsx), which shows the mail that would have been sent. */
export const outboxPageText = {
  metaTitle: "Demo mailbox",
  title: "Demo mailbox",
  intro: "No mail server is set up, so the mail Breakaway would send is shown here instead, newest first. This page only exists in demo and development mode.",
  empty: "No mail yet.",
  /** Around the address it went to, before the time it was written. */
  to: { before: "To ", after: ", " },
  notFound: "Not found",
};
