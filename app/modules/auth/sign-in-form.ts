/** The sign-in form's one schema (routes/login._index.tsx): checked in the browser before it is sent, and by the server. */
import { z } from "zod";
import { isEmailAddress } from "~/utils/email";
import { signInMessages } from "./messages";

export const signInForm = z.object({
  email: z.string().trim().min(1, { error: signInMessages.emailMissing }).refine(isEmailAddress, { error: signInMessages.emailFormat }),
  redirectTo: z.string().optional(),
});
