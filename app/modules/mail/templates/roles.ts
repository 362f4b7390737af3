/** Wording of the mail about a change of role (decision 029). */
import type { MailText } from "./mail-text";

/** A role as the mail names it; the roles domain words its roles once, for its page and this mail. */
export interface RoleWords {
  /** "returning officer" */
  name: string;
  /** "the returning officer" */
  withArticle: string;
  /** What the role does, in a sentence. */
  description: string;
}

/** To the person whose role changed (`toThePerson`), and to the other organisers. */
export function roleChangeMail(input: {
  movementName: string;
  recipientName: string;
  personName: string;
  toThePerson: boolean;
  change: "appointed" | "removed";
  role: RoleWords;
  byName: string;
  link: string;
}): MailText {
  const role = input.role.name;
  const what =
    input.change === "appointed"
      ? `appointed ${input.toThePerson ? "you" : input.personName} ${role}`
      : `removed ${input.toThePerson ? "you" : input.personName} as ${role}`;
  const subject = input.toThePerson
    ? input.change === "appointed"
      ? `You are now ${input.role.withArticle} of ${input.movementName}`
      : `You are no longer ${input.role.withArticle} of ${input.movementName}`
    : `${input.personName} ${input.change === "appointed" ? "appointed" : "removed as"} ${role}`;
  const lines = [`Dear ${input.recipientName},`, "", `${input.byName} has ${what} in ${input.movementName}.`, ""];
  if (input.toThePerson && input.change === "appointed")
    lines.push(input.role.description, "", "The change takes effect the next time you open a page: you do not need to sign in again.", "");
  if (input.toThePerson && input.change === "removed")
    lines.push("You keep your account and your membership; the pages for that role are no longer open to you.", "");
  lines.push(`Who holds which role: ${input.link}`, "", "Every change of role is recorded in the movement's audit log.");
  return { subject, text: lines.join("\n") };
}
