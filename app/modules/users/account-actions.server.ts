/**
 * The forms of the account page (routes/account.tsx): a change of address (its field read with
 * its zod schema, email-change-form.ts), removing one's information, signing out everywhere.
 */
import { requestEmailChange } from "~/modules/auth/email-change.server";
import { signOutEverywhere } from "~/modules/auth/sign-out.server";
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";
import type { SessionUser } from "~/utils/context.server";
import type { Db } from "~/utils/db.server";
import { parseForm, type FieldErrors } from "~/utils/form-values";
import { accountPageText as t } from "./account-messages";
import { newEmailForm } from "./email-change-form";
import { emailChangeMessages, eraseRefusedMessages } from "./messages";
import { eraseAccount } from "./personal-data.server";

export type AccountAnswer = { errors?: FieldErrors; newEmail?: string; sent?: string };

/** What the request needs to send the links of a change of address. */
export interface EmailChangeRequest {
  ip: string;
  appUrl: string;
  secret: string;
}

/**
 * The answer to one of the page's forms, or where to go once the person is signed out (their
 * information removed, or every session ended): the route clears the session cookie.
 */
export async function accountAction(
  db: Db,
  user: SessionUser,
  values: Record<string, string>,
  sending: EmailChangeRequest,
): Promise<{ signedOutTo: string } | ActionAnswer<AccountAnswer>> {
  const intent = values.intent;
  if (intent === "change-email") {
    const newEmail = (values.newEmail ?? "").trim();
    const fail = (error: string, status = 400) => refused<AccountAnswer>({ errors: { newEmail: error }, newEmail }, status);
    const parsed = parseForm(newEmailForm, { newEmail: values.newEmail ?? "" });
    if (!parsed.ok) return fail(parsed.errors.newEmail ?? emailChangeMessages.emailFormat);
    const result = await requestEmailChange(db, user, { newEmail: parsed.data.newEmail, ...sending });
    if (!result.ok) return fail(emailChangeMessages[result.code], result.code === "rate_limited" ? 429 : 400);
    return succeeded<AccountAnswer>({ sent: newEmail });
  }
  if (intent === "erase") {
    if (values.confirmErase !== "yes") return refused<AccountAnswer>({ errors: { confirmErase: t.yourInformation.confirmMissing } });
    const erased = await eraseAccount(db, user.id);
    if (!erased.ok && erased.code !== "not_found") return refused<AccountAnswer>({ errors: { confirmErase: eraseRefusedMessages[erased.code] } }, 409);
    return { signedOutTo: "/?removed=1" };
  }
  if (intent !== "sign-out-everywhere") return refused<AccountAnswer>({ errors: { confirmErase: t.unknownRequest } });
  await signOutEverywhere(db, user);
  return { signedOutTo: "/?signedOut=everywhere" };
}
