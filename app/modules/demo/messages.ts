/** How the home page tells a visitor to try the demo (routes/_index.tsx). */
export const tryTheDemoText = {
  heading: "Try the demo",
  /** The sentence before the addresses: its text around two links, in order. */
  beforeSignIn: "This is a demonstration with made-up people. To sign in, ",
  signInLink: "ask for a sign-in link",
  beforeMailbox: " with one of these addresses, then open the ",
  mailboxLink: "demo mailbox",
  afterMailbox: " to follow the link:",
} as const;
