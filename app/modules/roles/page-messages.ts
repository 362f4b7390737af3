import { commonWords } from "~/components/messages";

/** The wording of the Roles page (routes/roles.tsx); the roles' names, rules and refusals are in messages.ts. */
export const rolesPageText = {
  metaTitle: "Roles",
  title: "Roles",
  lead: "Who runs what in the movement. Everyone else is a member.",
  recorded: "Recorded in the audit log, and they and the other organisers are emailed.",
  returningOfficer: {
    heading: "Returning officer",
    none: (canAppoint: boolean) =>
      `There is no returning officer. Nobody can open, count or declare an election, or close a poll early, until ${canAppoint ? "you appoint one below" : "an organiser appoints one"}.`,
  },
  organisers: { heading: "Organisers" },
  holder: {
    you: " (you)",
    yourself: "yourself",
    remove: (who: string, role: string) => `Remove ${who} as ${role}`,
  },
  rules: {
    heading: "Who may hold which roles",
    alwaysAnOrganiser: "The movement always has at least one organiser: nobody can remove the last one, themselves included.",
    returningOfficerReplaced:
      "Appointing a returning officer replaces the one there was. While an election is running, the returning officer can only be replaced, not removed.",
  },
  appoint: {
    heading: "Appoint someone",
    intro: "They need an account: founding members and pledgers invited to vote have one. They are emailed, and the change takes effect on their next page.",
    legend: "Which role?",
    organiser: "Organiser",
    returningOfficer: "Returning officer",
    returningOfficerInPlaceOf: (name: string) => `Returning officer (in place of ${name})`,
    email: "Their email address",
    emailHint: "The address they sign in with.",
    submit: "Appoint",
    roleMissing: "Choose the role to appoint them to",
  },
  unknownAction: commonWords.unknownAction,
};
