/** The account page's change of address: its one schema, checked in the browser before it is sent, and by the server. */
import { z } from "zod";
import { isEmailAddress } from "~/utils/email";
import { MAX_EMAIL_LENGTH } from "~/utils/input-limits";
import { emailChangeMessages } from "./messages";

export const newEmailForm = z.object({
  newEmail: z
    .string()
    .trim()
    .min(1, { error: emailChangeMessages.emailMissing })
    .max(MAX_EMAIL_LENGTH, { error: emailChangeMessages.emailFormat })
    .refine(isEmailAddress, { error: emailChangeMessages.emailFormat }),
});
