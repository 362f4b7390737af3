/**
 * The UK Electoral Commission's rules on a party's registered officers, plus our standing orders'
 * stricter one-office rule, kept as data and read by a small pure evaluator.
 *
 * Sources: docs/registration-uk.md section 2 ("Officers (all enforceable)"), which follows PPERA
 * 2000 s24 and Schedule 4 and the Commission's guidance "Your party's officers"; and the interim
 * standing orders 11.1-11.3 and 11.8 with their rules block (`registered_offices`,
 * `one_registered_office_per_person`).
 *
 * No English here: rules and problems carry codes only. Wording lives in officer-rules-messages.ts.
 */

export type RegisteredRole = "leader" | "nominating-officer" | "treasurer" | "campaigns-officer";

export const registeredRoles: readonly RegisteredRole[] = ["leader", "nominating-officer", "treasurer", "campaigns-officer"];

export type PartyKind = "major" | "minor";

/** One person and the registered roles they hold (or stand for). `person` is any stable id. */
export interface Holding {
  person: string;
  roles: RegisteredRole[];
}

export interface OfficerRuleOptions {
  partyKind: PartyKind;
  /** Standing orders 11.3 / rules block `one_registered_office_per_person`. */
  onePerPerson: boolean;
  /** The additional officer and the named office they hold in the party, if one is given. */
  additionalOfficer?: { person: string; office: string } | null;
}

export type OfficerProblemCode =
  | "leader_missing"
  | "nominating_officer_missing"
  | "treasurer_missing"
  | "minor_party_treasurer"
  | "minor_party_campaigns_officer"
  | "fewer_than_two_people"
  | "nominating_officer_is_treasurer" // same person, not the leader
  | "campaigns_officer_is_treasurer"
  | "additional_officer_required" // leader = NO = treasurer and no campaigns officer, and no additional officer
  | "additional_officer_not_allowed" // an additional officer given when not needed
  | "role_held_twice" // two people in one role
  | "more_than_one_office"; // onePerPerson (standing orders 11.3) and someone holds 2+ of leader/NO/treasurer

export interface OfficerProblem {
  code: OfficerProblemCode;
  people?: string[];
  roles?: RegisteredRole[];
  severity: "fail" | "warning";
}

// ---------------------------------------------------------------------------------------------
// The rules, as data
// ---------------------------------------------------------------------------------------------

/** "law": the set cannot be registered. "standing-orders": it breaks our own binding rules. */
export type OfficerRuleBasis = "law" | "standing-orders";

interface RuleBase {
  code: OfficerProblemCode;
  basis: OfficerRuleBasis;
  severity: OfficerProblem["severity"];
  /** Also report this rule to someone standing for an office (standingProblems). */
  warnNominee?: true;
}

/** The role must have a holder, for these kinds of party. */
export interface RequiredRoleRule extends RuleBase {
  required: RegisteredRole;
  partyKinds: readonly PartyKind[];
}

/** The role may not have a holder, for these kinds of party. */
export interface NotAllowedRoleRule extends RuleBase {
  notAllowed: RegisteredRole;
  partyKinds: readonly PartyKind[];
}

/** No role may have more than `max` holders. */
export interface HoldersPerRoleRule extends RuleBase {
  maxHoldersPerRole: number;
}

/** At least this many different people among the officers (the additional officer counts). */
export interface MinimumPeopleRule extends RuleBase {
  minimumPeople: number;
}

/** One person may not hold both roles, unless they also hold `unless`. */
export interface SameHolderRule extends RuleBase {
  sameHolder: readonly [RegisteredRole, RegisteredRole];
  unless?: RegisteredRole;
}

/**
 * An additional officer is needed exactly when one person holds every role the party kind
 * requires and nobody holds any of `noHolderOf`. "required": one must be given when needed;
 * "not-allowed": one may not be given otherwise (checked only once the required roles are filled).
 */
export interface AdditionalOfficerRule extends RuleBase {
  additionalOfficer: "required" | "not-allowed";
  neededWhen: { oneHolderOf: "required-roles"; noHolderOf: readonly RegisteredRole[] };
}

/** Nobody may hold more than one of these roles, when the named option is on. */
export interface OnePerPersonRule extends RuleBase {
  atMostOneOf: readonly RegisteredRole[];
  whenOption: "onePerPerson";
}

export type OfficerRule =
  | RequiredRoleRule
  | NotAllowedRoleRule
  | HoldersPerRoleRule
  | MinimumPeopleRule
  | SameHolderRule
  | AdditionalOfficerRule
  | OnePerPersonRule;

/** Standing orders rules block: `registered_offices: [leader, nominating-officer, treasurer]`. */
export const standingOrdersRegisteredOffices: readonly RegisteredRole[] = ["leader", "nominating-officer", "treasurer"];

/** Evaluated in this order; problems come out in this order. */
export const officerRules: readonly OfficerRule[] = [
  // registration-uk 2: "Required: leader, nominating officer, treasurer. Minor party: leader and
  // nominating officer only" (PPERA s24(1)-(2); s24(4) for the treasurer's exemption).
  { code: "leader_missing", basis: "law", severity: "fail", required: "leader", partyKinds: ["major", "minor"] },
  { code: "nominating_officer_missing", basis: "law", severity: "fail", required: "nominating-officer", partyKinds: ["major", "minor"] },
  { code: "treasurer_missing", basis: "law", severity: "fail", required: "treasurer", partyKinds: ["major"] },

  // registration-uk 2: a minor party "may not have a treasurer or campaigns officer".
  { code: "minor_party_treasurer", basis: "law", severity: "fail", notAllowed: "treasurer", partyKinds: ["minor"], warnNominee: true },
  { code: "minor_party_campaigns_officer", basis: "law", severity: "fail", notAllowed: "campaigns-officer", partyKinds: ["minor"], warnNominee: true },

  // Each registered role is a single post: one registered leader, one nominating officer, and so
  // on (no deputy nominating officer can be registered, registration-uk 2). Candidates competing
  // for a role are not a problem, so nominees are not warned about this one.
  { code: "role_held_twice", basis: "law", severity: "fail", maxHoldersPerRole: 1 },

  // registration-uk 2: "At least 2 different people." An additional officer is one of them.
  { code: "fewer_than_two_people", basis: "law", severity: "fail", minimumPeople: 2 },

  // registration-uk 2: "Nominating officer and treasurer must be different people unless that
  // person is also the leader."
  {
    code: "nominating_officer_is_treasurer",
    basis: "law",
    severity: "fail",
    sameHolder: ["nominating-officer", "treasurer"],
    unless: "leader",
    warnNominee: true,
  },

  // registration-uk 2: "Campaigns officer (optional) may not be the treasurer."
  { code: "campaigns_officer_is_treasurer", basis: "law", severity: "fail", sameHolder: ["campaigns-officer", "treasurer"], warnNominee: true },

  // registration-uk 2: "If leader = nominating officer = treasurer and there is no campaigns
  // officer, an additional officer holding a named office in the party is required (a campaigns
  // officer fills this slot); otherwise an additional officer is not allowed." The Commission's
  // guidance applies the same to a minor party whose leader is also its nominating officer, hence
  // "required-roles" (the roles the party kind requires) rather than a fixed list.
  {
    code: "additional_officer_required",
    basis: "law",
    severity: "fail",
    additionalOfficer: "required",
    neededWhen: { oneHolderOf: "required-roles", noHolderOf: ["campaigns-officer"] },
    warnNominee: true,
  },
  {
    code: "additional_officer_not_allowed",
    basis: "law",
    severity: "fail",
    additionalOfficer: "not-allowed",
    neededWhen: { oneHolderOf: "required-roles", noHolderOf: ["campaigns-officer"] },
  },

  // Standing orders 11.3 ("Nobody may hold more than one of these three offices") and 11.8 (nor
  // stand for more than one at once); rules block `one_registered_office_per_person: true`.
  // Stricter than the law, and binding on us, so also "fail".
  {
    code: "more_than_one_office",
    basis: "standing-orders",
    severity: "fail",
    atMostOneOf: standingOrdersRegisteredOffices,
    whenOption: "onePerPerson",
    warnNominee: true,
  },
];

// ---------------------------------------------------------------------------------------------
// The evaluator
// ---------------------------------------------------------------------------------------------

interface Officers {
  /** People in order of first appearance, each with the set of roles they hold. */
  byPerson: Map<string, Set<RegisteredRole>>;
  /** Holders of each role, in order of first appearance. */
  byRole: Map<RegisteredRole, string[]>;
}

function collect(holdings: readonly Holding[]): Officers {
  const byPerson = new Map<string, Set<RegisteredRole>>();
  for (const { person, roles } of holdings) {
    if (roles.length === 0) continue;
    const held = byPerson.get(person) ?? new Set<RegisteredRole>();
    for (const role of roles) held.add(role);
    byPerson.set(person, held);
  }
  const byRole = new Map<RegisteredRole, string[]>(registeredRoles.map((role) => [role, []]));
  for (const [person, held] of byPerson) {
    for (const role of held) byRole.get(role)?.push(person);
  }
  return { byPerson, byRole };
}

function holdersOf(officers: Officers, role: RegisteredRole): string[] {
  return officers.byRole.get(role) ?? [];
}

/** Roles in the canonical order of `registeredRoles`. */
function ordered(roles: Iterable<RegisteredRole>): RegisteredRole[] {
  const set = new Set(roles);
  return registeredRoles.filter((role) => set.has(role));
}

function requiredRoles(partyKind: PartyKind): RegisteredRole[] {
  return ordered(officerRules.flatMap((rule) => ("required" in rule && rule.partyKinds.includes(partyKind) ? [rule.required] : [])));
}

/** The one person who holds every required role alone, if there is such a person. */
function soleHolderOf(officers: Officers, roles: readonly RegisteredRole[]): string | null {
  let sole: string | null = null;
  for (const role of roles) {
    const holders = holdersOf(officers, role);
    const only = holders[0];
    if (holders.length !== 1 || only === undefined) return null;
    if (sole !== null && sole !== only) return null;
    sole = only;
  }
  return sole;
}

function evaluate(rule: OfficerRule, officers: Officers, options: OfficerRuleOptions): OfficerProblem[] {
  const problem = (people?: string[], roles?: RegisteredRole[]): OfficerProblem => ({
    code: rule.code,
    ...(people ? { people } : {}),
    ...(roles ? { roles } : {}),
    severity: rule.severity,
  });

  if ("required" in rule) {
    if (!rule.partyKinds.includes(options.partyKind)) return [];
    return holdersOf(officers, rule.required).length === 0 ? [problem(undefined, [rule.required])] : [];
  }

  if ("notAllowed" in rule) {
    if (!rule.partyKinds.includes(options.partyKind)) return [];
    const holders = holdersOf(officers, rule.notAllowed);
    return holders.length > 0 ? [problem(holders, [rule.notAllowed])] : [];
  }

  if ("maxHoldersPerRole" in rule) {
    return registeredRoles.flatMap((role) => {
      const holders = holdersOf(officers, role);
      return holders.length > rule.maxHoldersPerRole ? [problem(holders, [role])] : [];
    });
  }

  if ("minimumPeople" in rule) {
    const people = [...officers.byPerson.keys()];
    const extra = options.additionalOfficer?.person;
    if (extra !== undefined && !people.includes(extra)) people.push(extra);
    return people.length < rule.minimumPeople ? [problem(people)] : [];
  }

  if ("sameHolder" in rule) {
    const [first, second] = rule.sameHolder;
    return [...officers.byPerson]
      .filter(([, held]) => held.has(first) && held.has(second) && !(rule.unless !== undefined && held.has(rule.unless)))
      .map(([person]) => problem([person], [first, second]));
  }

  if ("additionalOfficer" in rule) {
    const required = requiredRoles(options.partyKind);
    const sole = soleHolderOf(officers, required);
    const needed = sole !== null && rule.neededWhen.noHolderOf.every((role) => holdersOf(officers, role).length === 0);
    const given = options.additionalOfficer ?? null;
    if (rule.additionalOfficer === "required") {
      return needed && sole !== null && given === null ? [problem([sole], required)] : [];
    }
    const filled = required.every((role) => holdersOf(officers, role).length > 0);
    return filled && !needed && given !== null ? [problem([given.person], required)] : [];
  }

  // atMostOneOf
  if (!options[rule.whenOption]) return [];
  const offices = new Set(rule.atMostOneOf);
  return [...officers.byPerson].flatMap(([person, held]) => {
    const roles = ordered([...held].filter((role) => offices.has(role)));
    return roles.length > 1 ? [problem([person], roles)] : [];
  });
}

/** Every rule the set of officers breaks, in the order of `officerRules`. Empty when it is fine. */
export function checkOfficers(holdings: readonly Holding[], options: OfficerRuleOptions): OfficerProblem[] {
  const officers = collect(holdings);
  return officerRules.flatMap((rule) => evaluate(rule, officers, options));
}

function problemKey(p: OfficerProblem): string {
  return JSON.stringify([p.code, p.people ?? [], p.roles ?? []]);
}

/**
 * Would `person` standing for `role` (on top of what they already hold or stand for) make an
 * unregistrable or standing-orders-breaking set? For warning a nominee.
 *
 * Reports only problems that this step creates, that name `person`, and whose rule concerns one
 * person's combination of roles (`warnNominee`): rivals for the same role, or offices nobody has
 * stood for yet, are not the nominee's concern.
 */
export function standingProblems(person: string, role: RegisteredRole, current: readonly Holding[], options: OfficerRuleOptions): OfficerProblem[] {
  const before = new Set(checkOfficers(current, options).map(problemKey));
  const after = checkOfficers([...current, { person, roles: [role] }], options);
  const nomineeCodes = new Set(officerRules.filter((rule) => rule.warnNominee).map((rule) => rule.code));
  return after.filter((p) => nomineeCodes.has(p.code) && (p.people ?? []).includes(person) && !before.has(problemKey(p)));
}
