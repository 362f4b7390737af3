/** Wording of the mail about the election of the interim officers. */
import { formatDateTime } from "~/utils/dates";
import type { MailText } from "./mail-text";

/** To a founding member someone has nominated. */
export function nominationMail(input: {
  nomineeName: string;
  nominatorName: string;
  positionTitle: string;
  movementName: string;
  link: string;
  closesAt: Date;
}): MailText {
  return {
    subject: `${input.nominatorName} has nominated you for ${input.positionTitle}`,
    text: [
      `Dear ${input.nomineeName},`,
      "",
      `${input.nominatorName} has nominated you for ${input.positionTitle} in the election of ${input.movementName}'s interim officers.`,
      "",
      `You are not a candidate unless you accept. To accept, write your statement and confirm that you agree to stand; or decline. Do either before nominations close on ${formatDateTime(input.closesAt, { weekday: true })} (UK time): after that, the nomination lapses.`,
      "",
      input.link,
      "",
      "Sign in with this email address to answer. If you do nothing, you will not be on the ballot.",
    ].join("\n"),
  };
}
