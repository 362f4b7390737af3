/**
 * The forms of the Founding page (routes/founding._index.tsx): a member accepting the invitation
 * or confirming their resignation; the organisers inviting, reminding, withdrawing an invitation,
 * setting the leaving day and opening the standing orders vote.
 */
import type { Actor } from "~/modules/audit/audit.server";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";
import type { Db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/form-values";
import { fromLondonLocal } from "~/utils/london-time";
import {
  acceptInvitation,
  confirmResigned,
  openStandingOrdersVote,
  resendInvitations,
  sendInvitations,
  setLeavingDay,
  withdrawInvitation,
} from "./founding.server";
import { leavingDayProblem } from "./leaving-day";
import { foundingPageText as t } from "./page-messages";
import { foundingMessages, leavingDayMessages } from "./wording";

/** What the page shows after one of its forms. */
export interface FoundingAnswer {
  message?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

type Answer = ActionAnswer<FoundingAnswer>;

/** The intents a founding member sends about themselves; the rest are the organisers' (founding.manage). */
export const memberIntents: readonly string[] = ["accept", "resigned"];

/** A founding member's own form: accepting the invitation, or confirming they resigned. */
export async function memberAction(db: Db, user: { id: string; email: string }, intent: string, values: Record<string, string>): Promise<Answer> {
  if (intent === "accept") {
    const result = await acceptInvitation(db, user, { acceptStatement: values.acceptStatement === "yes", consent: values.consent === "yes" });
    return result.ok ? succeeded({ message: t.welcome(result.membershipNumber) }) : refused({ errors: { acceptStatement: foundingMessages[result.code] } });
  }
  const result = await confirmResigned(db, user);
  return result.ok ? succeeded({ message: t.resignedRecorded }) : refused({ errors: { resigned: foundingMessages[result.code] } }, 409);
}

/** An organiser's form. */
export async function organiserAction(db: Db, actor: Actor, intent: string, values: Record<string, string>, appUrl: string): Promise<Answer> {
  switch (intent) {
    case "invite": {
      const r = await sendInvitations(db, actor, appUrl);
      return r.ok ? succeeded({ message: t.invitationsSent(r.sent) }) : refused({ errors: { invite: foundingMessages[r.code] } }, 409);
    }
    case "resend": {
      const r = await resendInvitations(db, actor, appUrl);
      return r.ok ? succeeded({ message: t.remindersSent(r.sent) }) : refused({ errors: { invite: foundingMessages[r.code] } }, 409);
    }
    case "withdraw": {
      const email = values.withdrawEmail ?? "";
      const reason = values.withdrawReason ?? "";
      const r = await withdrawInvitation(db, actor, { email, reason });
      if (r.ok) return succeeded({ message: t.withdrawn });
      const field = r.code === "reason_missing" || r.code === "reason_too_long" ? "withdrawReason" : "withdrawEmail";
      return refused(
        { errors: { [field]: foundingMessages[r.code] }, values: { withdrawEmail: email, withdrawReason: reason } },
        field === "withdrawReason" ? 400 : 409,
      );
    }
    case "leaving-day": {
      const value = values.leavingDay ?? "";
      const problem = leavingDayProblem(value, new Date());
      if (problem) return refused({ errors: { leavingDay: leavingDayMessages[problem] } });
      const r = await setLeavingDay(db, actor, value);
      return r.ok ? succeeded({ message: t.leavingDaySet }) : refused({ errors: { leavingDay: foundingMessages[r.code] } }, 409);
    }
    case "standing-orders": {
      const closesAt = fromLondonLocal(values.closesAt ?? "");
      if (!closesAt) return refused({ errors: { closesAt: t.closesAtMissing } });
      const rules = await standingOrderRules();
      const r = await openStandingOrdersVote(db, actor, { closesAt, quorumPercent: rules.quorumPercent, majority: rules.standingOrdersAdoptionMajority });
      return r.ok ? succeeded({ message: t.voteOpened(r.rollSize) }) : refused({ errors: { closesAt: foundingMessages[r.code] } }, 409);
    }
    default:
      return refused({ errors: { invite: t.unknownRequest } });
  }
}
