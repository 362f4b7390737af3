import { commonWords } from "~/components/messages";

/** The wording of the sign-in and sign-out pages (routes/login._index.tsx, login.verify.tsx, logout.tsx); refusals are in messages.ts. */
export const signInPageText = {
  metaTitle: "Sign in",
  title: "Sign in",
  alreadySignedIn: "You are already signed in",
  signedInAs: (email: string) => `You are signed in as ${email}. Signing in again replaces nothing.`,
  intro: "We will email you a link to sign in. There is no password to remember.",
  email: "Email address",
  emailHint: "Use the address you gave when you pledged or were invited.",
  sending: commonWords.sending,
  submit: "Send me a sign-in link",
  sent: {
    title: commonWords.checkEmail,
    /** Around the address, shown in bold. */
    ifBelongs: { before: "If ", after: " belongs to someone in this movement, we have sent a sign-in link to it." },
    linkLasts: "The link works once, for 15 minutes. It can take a few minutes to arrive; check your spam folder too.",
    differentEmail: "Use a different email address",
  },
};

/** The page a sign-in link opens: one button, so that mail scanners opening the link start nothing. */
export const confirmSignInPageText = {
  metaTitle: "Confirm sign in",
  title: "Sign in",
  /** Around the address, shown in bold. */
  signingInAs: { before: "You are signing in as ", after: "." },
  submit: "Sign in",
  linkInvalidTitle: "This link cannot be used",
  newLink: "Get a new sign-in link",
};

export const signOutPageText = {
  metaTitle: "Sign out",
  title: "Sign out",
  submit: "Sign out",
};
