/** Plain UK English for the officer rules in officer-rules.ts, kept apart so it can be translated. */
import type { OfficerProblem, OfficerProblemCode, RegisteredRole } from "./officer-rules";

export const roleLabels: Record<RegisteredRole, string> = {
  leader: "leader",
  "nominating-officer": "nominating officer",
  treasurer: "treasurer",
  "campaigns-officer": "campaigns officer",
};

/** "A", "A and B", "A, B and C". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;
}

/** "the leader and the nominating officer". */
function theRoles(roles: readonly RegisteredRole[] | undefined): string {
  return list((roles ?? []).map((role) => `the ${roleLabels[role]}`));
}

function names(p: OfficerProblem, nameOf: (person: string) => string): string {
  return list((p.people ?? []).map(nameOf));
}

/** "both" for two roles, "all three" for three, and so on. */
function howMany(count: number): string {
  if (count === 2) return "both";
  const words = ["", "", "", "three", "four"];
  return `all ${words[count] ?? String(count)}`;
}

type Message = (p: OfficerProblem, nameOf: (person: string) => string) => string;

export const officerProblemMessages: Record<OfficerProblemCode, Message> = {
  leader_missing: () => "The party must have a leader.",
  nominating_officer_missing: () => "The party must have a nominating officer.",
  treasurer_missing: () => "The party must have a treasurer. Only a minor party can be registered without one.",
  minor_party_treasurer: (p, nameOf) =>
    `A minor party cannot register a treasurer (${names(p, nameOf)} ${(p.people ?? []).length > 1 ? "are" : "is"} down as treasurer).`,
  minor_party_campaigns_officer: (p, nameOf) =>
    `A minor party cannot register a campaigns officer (${names(p, nameOf)} ${(p.people ?? []).length > 1 ? "are" : "is"} down as campaigns officer).`,
  fewer_than_two_people: (p, nameOf) => {
    const people = p.people ?? [];
    const who = people.length === 0 ? "nobody is yet" : `only ${names(p, nameOf)} is`;
    return `At least two different people must be registered as officers (${who}).`;
  },
  nominating_officer_is_treasurer: (p, nameOf) =>
    `The nominating officer and the treasurer must be different people unless that person is also the leader (${names(p, nameOf)} holds both).`,
  campaigns_officer_is_treasurer: (p, nameOf) => `The campaigns officer cannot also be the treasurer (${names(p, nameOf)} holds both).`,
  additional_officer_required: (p, nameOf) => {
    const roles = p.roles ?? [];
    const noCampaignsOfficer = roles.includes("treasurer") ? " and there is no campaigns officer" : "";
    return (
      `When one person is ${theRoles(roles)}${noCampaignsOfficer}, the party must also register an additional officer ` +
      `who holds a named office in the party (${names(p, nameOf)} holds ${howMany(roles.length)}).`
    );
  },
  additional_officer_not_allowed: (p, nameOf) => {
    const roles = p.roles ?? [];
    const noCampaignsOfficer = roles.includes("treasurer") ? " and there is no campaigns officer" : "";
    return (
      `An additional officer can only be registered when one person is ${theRoles(roles)}${noCampaignsOfficer}, ` +
      `so ${names(p, nameOf)} cannot be registered as one.`
    );
  },
  role_held_twice: (p, nameOf) => {
    const role = p.roles?.[0];
    const count = (p.people ?? []).length;
    return `Only one person can be registered as ${role ? theRoles([role]) : "each officer"} (${names(p, nameOf)} are ${count === 2 ? "both" : "all"} down for it).`;
  },
  more_than_one_office: (p, nameOf) => {
    const roles = p.roles ?? [];
    return (
      "Under our standing orders (11.3), nobody may hold more than one of the offices of leader, nominating officer and treasurer " +
      `(${names(p, nameOf)} is ${roles.length === 2 ? "both " : ""}${theRoles(roles)}).`
    );
  },
};
