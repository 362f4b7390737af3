/**
 * The home page's own wording (routes/_index.tsx): what it says after signing out or erasure, to
 * whoever is signed in, and before a movement is set up. Its parts say the rest: the next steps
 * (next-steps/messages.ts), the campaign (campaign/messages.ts), the demo (demo/messages.ts).
 */
export const homePageText = {
  siteName: "Breakaway",
  notices: {
    removed: {
      title: "Your information has been removed",
      text: "We have deleted your name, email address, postcode and membership details. Counts and anonymous ballots stay as they were.",
    },
    signedOut: { title: "You have signed out", text: "Sign in again at any time with a link sent to your email." },
    signedOutEverywhere: { title: "You have signed out everywhere", text: "Every sign-in you had, on every device, has ended." },
  },
  welcomeBack: "Welcome back",
  signedInAs: (name: string, role: string) => `You are signed in as ${name} (${role}).`,
  noMovement: "No movement has been set up yet. An organiser can set one up after signing in.",
} as const;

/** Why the home page was opened: after erasure or signing out, it says so. */
export type HomeNotice = keyof typeof homePageText.notices;
