import { commonWords } from "~/components/messages";

/** Wording for signing in, kept apart from the rules so it can be translated. */
export const signInMessages = {
  emailMissing: commonWords.emailMissing,
  emailFormat: commonWords.emailFormat,
  rateLimitedEmail: "Too many sign-in links have been asked for this email address. Wait 15 minutes, then try again.",
  rateLimitedIp: "Too many sign-in links have been asked for from your connection. Wait 15 minutes, then try again.",
  rateLimitedOverall: "A great many people are asking for sign-in links just now. Wait a few minutes, then try again.",
  linkInvalid: "This sign-in link has expired or has already been used. Links work once, for 15 minutes. Ask for a new one below.",
};
