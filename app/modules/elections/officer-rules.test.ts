import { describe, expect, it } from "vitest";
import {
  checkOfficers,
  officerRules,
  registeredRoles,
  standingOrdersRegisteredOffices,
  standingProblems,
  type Holding,
  type OfficerProblem,
  type OfficerProblemCode,
  type OfficerRuleOptions,
  type RegisteredRole,
} from "./officer-rules";
import { officerProblemMessages, roleLabels } from "./officer-rules-messages";

const h = (person: string, ...roles: RegisteredRole[]): Holding => ({ person, roles });
const major: OfficerRuleOptions = { partyKind: "major", onePerPerson: false };
const majorSO: OfficerRuleOptions = { partyKind: "major", onePerPerson: true };
const minor: OfficerRuleOptions = { partyKind: "minor", onePerPerson: false };
const codes = (problems: OfficerProblem[]) => problems.map((p) => p.code);

const allCodes: OfficerProblemCode[] = [
  "leader_missing",
  "nominating_officer_missing",
  "treasurer_missing",
  "minor_party_treasurer",
  "minor_party_campaigns_officer",
  "fewer_than_two_people",
  "nominating_officer_is_treasurer",
  "campaigns_officer_is_treasurer",
  "additional_officer_required",
  "additional_officer_not_allowed",
  "role_held_twice",
  "more_than_one_office",
];

/** A complete, legal major-party set with three different people. */
const threePeople = [h("ann", "leader"), h("ben", "nominating-officer"), h("cat", "treasurer")];

describe("the rules are data", () => {
  it("lists the registered roles", () => {
    expect(registeredRoles).toEqual(["leader", "nominating-officer", "treasurer", "campaigns-officer"]);
    expect(standingOrdersRegisteredOffices).toEqual(["leader", "nominating-officer", "treasurer"]);
  });

  it("has exactly one rule per problem code", () => {
    expect([...officerRules.map((r) => r.code)].sort()).toEqual([...allCodes].sort());
  });

  it("holds no functions (survives a JSON round trip)", () => {
    expect(JSON.parse(JSON.stringify(officerRules))).toEqual(officerRules);
  });

  it("makes every problem a fail, and only the one-office rule comes from the standing orders", () => {
    expect(officerRules.every((r) => r.severity === "fail")).toBe(true);
    expect(officerRules.filter((r) => r.basis === "standing-orders").map((r) => r.code)).toEqual(["more_than_one_office"]);
  });
});

describe("checkOfficers: combinations the law allows", () => {
  it.each<[string, Holding[], OfficerRuleOptions]>([
    ["three different people", threePeople, major],
    ["three different people under the one-office rule", threePeople, majorSO],
    ["leader + nominating officer", [h("ann", "leader", "nominating-officer"), h("cat", "treasurer")], major],
    ["leader + treasurer", [h("ann", "leader", "treasurer"), h("ben", "nominating-officer")], major],
    [
      "leader + nominating officer + treasurer with a campaigns officer",
      [h("ann", "leader", "nominating-officer", "treasurer"), h("dan", "campaigns-officer")],
      major,
    ],
    [
      "leader + nominating officer + treasurer with an additional officer",
      [h("ann", "leader", "nominating-officer", "treasurer")],
      { ...major, additionalOfficer: { person: "eve", office: "secretary" } },
    ],
    ["a campaigns officer who is also the leader", [...threePeople.slice(1), h("ann", "leader", "campaigns-officer")], majorSO],
    ["a minor party with two people", [h("ann", "leader"), h("ben", "nominating-officer")], minor],
    [
      "a minor party whose leader is its nominating officer, with an additional officer",
      [h("ann", "leader", "nominating-officer")],
      { ...minor, additionalOfficer: { person: "eve", office: "secretary" } },
    ],
  ])("%s", (_name, holdings, options) => {
    expect(checkOfficers(holdings, options)).toEqual([]);
  });
});

describe("checkOfficers: each rule", () => {
  it("leader_missing", () => {
    expect(checkOfficers([h("ben", "nominating-officer"), h("cat", "treasurer")], major)).toEqual([
      { code: "leader_missing", roles: ["leader"], severity: "fail" },
    ]);
    expect(codes(checkOfficers(threePeople, major))).not.toContain("leader_missing");
  });

  it("nominating_officer_missing (major and minor)", () => {
    expect(checkOfficers([h("ann", "leader"), h("cat", "treasurer")], major)).toEqual([
      { code: "nominating_officer_missing", roles: ["nominating-officer"], severity: "fail" },
    ]);
    expect(codes(checkOfficers([h("ann", "leader"), h("cat", "treasurer")], minor))).toContain("nominating_officer_missing");
    expect(codes(checkOfficers(threePeople, major))).not.toContain("nominating_officer_missing");
  });

  it("treasurer_missing, for a major party only", () => {
    const noTreasurer = [h("ann", "leader"), h("ben", "nominating-officer")];
    expect(checkOfficers(noTreasurer, major)).toEqual([{ code: "treasurer_missing", roles: ["treasurer"], severity: "fail" }]);
    expect(checkOfficers(noTreasurer, minor)).toEqual([]);
  });

  it("reports every missing role of an empty set", () => {
    expect(codes(checkOfficers([], major))).toEqual(["leader_missing", "nominating_officer_missing", "treasurer_missing", "fewer_than_two_people"]);
    expect(codes(checkOfficers([h("ann")], minor))).toEqual(["leader_missing", "nominating_officer_missing", "fewer_than_two_people"]);
  });

  it("minor_party_treasurer", () => {
    const withTreasurer = [h("ann", "leader"), h("ben", "nominating-officer"), h("cat", "treasurer")];
    expect(checkOfficers(withTreasurer, minor)).toEqual([{ code: "minor_party_treasurer", people: ["cat"], roles: ["treasurer"], severity: "fail" }]);
    expect(checkOfficers(withTreasurer, major)).toEqual([]);
  });

  it("minor_party_campaigns_officer", () => {
    const withCampaigns = [h("ann", "leader"), h("ben", "nominating-officer"), h("dan", "campaigns-officer")];
    expect(checkOfficers(withCampaigns, minor)).toEqual([
      { code: "minor_party_campaigns_officer", people: ["dan"], roles: ["campaigns-officer"], severity: "fail" },
    ]);
    expect(checkOfficers([...withCampaigns, h("cat", "treasurer")], major)).toEqual([]);
  });

  it("fewer_than_two_people", () => {
    expect(checkOfficers([h("ann", "leader"), h("ann", "nominating-officer")], { ...minor, additionalOfficer: null })).toEqual([
      { code: "fewer_than_two_people", people: ["ann"], severity: "fail" },
      { code: "additional_officer_required", people: ["ann"], roles: ["leader", "nominating-officer"], severity: "fail" },
    ]);
    expect(codes(checkOfficers([h("ann", "leader"), h("ben", "nominating-officer")], minor))).not.toContain("fewer_than_two_people");
  });

  it("fewer_than_two_people counts the additional officer, but only as a different person", () => {
    const alone = [h("ann", "leader", "nominating-officer", "treasurer")];
    expect(checkOfficers(alone, { ...major, additionalOfficer: { person: "eve", office: "chair" } })).toEqual([]);
    expect(checkOfficers(alone, { ...major, additionalOfficer: { person: "ann", office: "chair" } })).toEqual([
      { code: "fewer_than_two_people", people: ["ann"], severity: "fail" },
    ]);
  });

  it("nominating_officer_is_treasurer, unless that person is the leader", () => {
    expect(checkOfficers([h("ann", "leader"), h("ben", "nominating-officer", "treasurer")], major)).toEqual([
      { code: "nominating_officer_is_treasurer", people: ["ben"], roles: ["nominating-officer", "treasurer"], severity: "fail" },
    ]);
    expect(codes(checkOfficers([h("ann", "leader", "nominating-officer", "treasurer"), h("dan", "campaigns-officer")], major))).not.toContain(
      "nominating_officer_is_treasurer",
    );
  });

  it("campaigns_officer_is_treasurer", () => {
    expect(checkOfficers([h("ann", "leader", "nominating-officer"), h("cat", "treasurer", "campaigns-officer")], major)).toEqual([
      { code: "campaigns_officer_is_treasurer", people: ["cat"], roles: ["campaigns-officer", "treasurer"], severity: "fail" },
    ]);
    expect(checkOfficers([...threePeople, h("dan", "campaigns-officer")], major)).toEqual([]);
    // Even the leader may not be both.
    expect(codes(checkOfficers([h("ann", "leader", "treasurer", "campaigns-officer"), h("ben", "nominating-officer")], major))).toEqual([
      "campaigns_officer_is_treasurer",
    ]);
  });

  it("additional_officer_required when one person holds leader, nominating officer and treasurer and there is no campaigns officer", () => {
    const alone = [h("ann", "leader", "nominating-officer", "treasurer")];
    expect(checkOfficers(alone, major)).toEqual([
      { code: "fewer_than_two_people", people: ["ann"], severity: "fail" },
      { code: "additional_officer_required", people: ["ann"], roles: ["leader", "nominating-officer", "treasurer"], severity: "fail" },
    ]);
    expect(checkOfficers([...alone, h("dan", "campaigns-officer")], major)).toEqual([]);
    expect(checkOfficers(alone, { ...major, additionalOfficer: { person: "eve", office: "secretary" } })).toEqual([]);
  });

  it("additional_officer_not_allowed when it is not needed", () => {
    const eve = { person: "eve", office: "secretary" };
    expect(checkOfficers([h("ann", "leader", "nominating-officer"), h("cat", "treasurer")], { ...major, additionalOfficer: eve })).toEqual([
      { code: "additional_officer_not_allowed", people: ["eve"], roles: ["leader", "nominating-officer", "treasurer"], severity: "fail" },
    ]);
    // A campaigns officer fills the slot, so an additional officer is then not allowed.
    expect(
      codes(checkOfficers([h("ann", "leader", "nominating-officer", "treasurer"), h("dan", "campaigns-officer")], { ...major, additionalOfficer: eve })),
    ).toEqual(["additional_officer_not_allowed"]);
    expect(codes(checkOfficers([h("ann", "leader"), h("ben", "nominating-officer")], { ...minor, additionalOfficer: eve }))).toEqual([
      "additional_officer_not_allowed",
    ]);
    expect(checkOfficers(threePeople, { ...major, additionalOfficer: null })).toEqual([]);
  });

  it("does not judge the additional officer until the required roles are filled", () => {
    const eve = { person: "eve", office: "secretary" };
    expect(codes(checkOfficers([h("ann", "leader", "nominating-officer")], { ...major, additionalOfficer: eve }))).toEqual(["treasurer_missing"]);
  });

  it("role_held_twice", () => {
    expect(checkOfficers([h("ann", "leader"), h("bob", "leader"), ...threePeople.slice(1)], major)).toEqual([
      { code: "role_held_twice", people: ["ann", "bob"], roles: ["leader"], severity: "fail" },
    ]);
    // The same person listed twice is one holder.
    expect(checkOfficers([...threePeople, h("ann", "leader")], major)).toEqual([]);
  });

  it("role_held_twice, once per role", () => {
    const problems = checkOfficers(
      [...threePeople, h("dan", "campaigns-officer"), h("eve", "campaigns-officer"), h("fay", "campaigns-officer"), h("gus", "treasurer")],
      major,
    );
    expect(problems.filter((p) => p.code === "role_held_twice").map((p) => [p.roles, p.people])).toEqual([
      [["treasurer"], ["cat", "gus"]],
      [["campaigns-officer"], ["dan", "eve", "fay"]],
    ]);
  });

  it("more_than_one_office only under the one-office standing order", () => {
    const combined = [h("ann", "leader", "nominating-officer"), h("cat", "treasurer")];
    expect(checkOfficers(combined, majorSO)).toEqual([
      { code: "more_than_one_office", people: ["ann"], roles: ["leader", "nominating-officer"], severity: "fail" },
    ]);
    expect(checkOfficers(combined, major)).toEqual([]);
    expect(checkOfficers(threePeople, majorSO)).toEqual([]);
  });

  it("more_than_one_office lists every office held, together with the law's own problems", () => {
    expect(checkOfficers([h("ann", "leader", "nominating-officer", "treasurer"), h("dan", "campaigns-officer")], majorSO)).toEqual([
      { code: "more_than_one_office", people: ["ann"], roles: ["leader", "nominating-officer", "treasurer"], severity: "fail" },
    ]);
    expect(codes(checkOfficers([h("ann", "leader"), h("ben", "nominating-officer", "treasurer")], majorSO))).toEqual([
      "nominating_officer_is_treasurer",
      "more_than_one_office",
    ]);
  });

  it("merges a person's roles across holdings", () => {
    expect(codes(checkOfficers([h("ann", "leader"), h("ben", "nominating-officer"), h("ben", "treasurer")], major))).toEqual([
      "nominating_officer_is_treasurer",
    ]);
  });

  it("reports problems in the order of the rules table", () => {
    const order = officerRules.map((r) => r.code);
    const problems = codes(
      checkOfficers([h("ann", "treasurer", "nominating-officer", "campaigns-officer"), h("bob", "treasurer")], {
        ...minor,
        onePerPerson: true,
      }),
    );
    expect(problems).toEqual([
      "leader_missing",
      "minor_party_treasurer",
      "minor_party_campaigns_officer",
      "role_held_twice",
      "nominating_officer_is_treasurer",
      "campaigns_officer_is_treasurer",
      "more_than_one_office",
    ]);
    expect([...problems].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(problems);
  });
});

describe("checkOfficers: minor parties", () => {
  it("need only a leader and a nominating officer, held by two people", () => {
    expect(checkOfficers([h("ann", "leader"), h("ben", "nominating-officer")], minor)).toEqual([]);
  });

  it("need an additional officer when one person is leader and nominating officer", () => {
    expect(codes(checkOfficers([h("ann", "leader", "nominating-officer")], minor))).toEqual(["fewer_than_two_people", "additional_officer_required"]);
  });

  it("may not have a treasurer or campaigns officer", () => {
    expect(codes(checkOfficers([h("ann", "leader"), h("ben", "nominating-officer"), h("cat", "treasurer"), h("dan", "campaigns-officer")], minor))).toEqual([
      "minor_party_treasurer",
      "minor_party_campaigns_officer",
    ]);
  });
});

describe("standingProblems", () => {
  it("warns someone standing for treasurer who stands for nominating officer", () => {
    expect(standingProblems("ben", "nominating-officer", [h("ann", "leader"), h("ben", "treasurer")], major)).toEqual([
      { code: "nominating_officer_is_treasurer", people: ["ben"], roles: ["nominating-officer", "treasurer"], severity: "fail" },
    ]);
  });

  it("does not warn the leader who also stands for nominating officer and treasurer when there is a campaigns officer", () => {
    expect(standingProblems("ann", "treasurer", [h("ann", "leader", "nominating-officer"), h("dan", "campaigns-officer")], major)).toEqual([]);
  });

  it("warns the leader taking on all three offices that an additional officer will be needed", () => {
    expect(standingProblems("ann", "treasurer", [h("ann", "leader", "nominating-officer")], major)).toEqual([
      { code: "additional_officer_required", people: ["ann"], roles: ["leader", "nominating-officer", "treasurer"], severity: "fail" },
    ]);
    expect(
      standingProblems("ann", "treasurer", [h("ann", "leader", "nominating-officer")], { ...major, additionalOfficer: { person: "eve", office: "chair" } }),
    ).toEqual([]);
  });

  it("warns a treasurer standing for campaigns officer", () => {
    expect(codes(standingProblems("cat", "campaigns-officer", threePeople, major))).toEqual(["campaigns_officer_is_treasurer"]);
  });

  const offices = standingOrdersRegisteredOffices;
  const pairs = offices.flatMap((first) => offices.filter((second) => second !== first).map((second) => [first, second] as const));

  it.each(pairs)("with the one-office rule, warns someone standing for %s who stands for %s", (first, second) => {
    const problems = standingProblems("ann", second, [h("ann", first)], majorSO);
    expect(problems).toContainEqual({
      code: "more_than_one_office",
      people: ["ann"],
      roles: registeredRoles.filter((r) => r === first || r === second),
      severity: "fail",
    });
    expect(codes(standingProblems("ann", second, [h("ann", first)], major))).not.toContain("more_than_one_office");
  });

  it("with the one-office rule, warns again for a third office", () => {
    expect(standingProblems("ann", "treasurer", [h("ann", "leader", "nominating-officer"), h("dan", "campaigns-officer")], majorSO)).toEqual([
      { code: "more_than_one_office", people: ["ann"], roles: ["leader", "nominating-officer", "treasurer"], severity: "fail" },
    ]);
  });

  it("with the one-office rule, lets an officer also be campaigns officer", () => {
    expect(standingProblems("ann", "campaigns-officer", [h("ann", "leader")], majorSO)).toEqual([]);
  });

  it("does not warn about rivals, empty offices or too few people", () => {
    expect(standingProblems("ann", "treasurer", [h("bob", "treasurer")], majorSO)).toEqual([]);
    expect(standingProblems("ann", "leader", [], majorSO)).toEqual([]);
    expect(standingProblems("ann", "leader", [h("ann", "leader")], majorSO)).toEqual([]);
  });

  it("does not repeat a problem the nominee already has, nor report other people's", () => {
    const current = [h("ann", "leader"), h("ben", "nominating-officer", "treasurer"), h("cat", "treasurer", "campaigns-officer")];
    expect(standingProblems("ben", "campaigns-officer", current, major)).toEqual([
      { code: "campaigns_officer_is_treasurer", people: ["ben"], roles: ["campaigns-officer", "treasurer"], severity: "fail" },
    ]);
  });

  it("warns a nominee in a minor party", () => {
    expect(codes(standingProblems("cat", "treasurer", [h("ann", "leader"), h("ben", "nominating-officer")], minor))).toEqual(["minor_party_treasurer"]);
    expect(codes(standingProblems("dan", "campaigns-officer", [], minor))).toEqual(["minor_party_campaigns_officer"]);
    expect(codes(standingProblems("ann", "nominating-officer", [h("ann", "leader")], { ...minor, onePerPerson: true }))).toEqual([
      "additional_officer_required",
      "more_than_one_office",
    ]);
  });
});

describe("messages", () => {
  const people: Record<string, string> = { ann: "Ann Smith", ben: "Ben Jones", cat: "Cat Patel", bob: "Bob Lee", eve: "Eve Khan" };
  const nameOf = (id: string) => people[id] ?? id;
  const say = (p: OfficerProblem) => officerProblemMessages[p.code](p, nameOf);

  it("has a label for every role", () => {
    expect(roleLabels).toEqual({
      leader: "leader",
      "nominating-officer": "nominating officer",
      treasurer: "treasurer",
      "campaigns-officer": "campaigns officer",
    });
  });

  it("words the nominating officer rule as in the guidance", () => {
    const [problem] = checkOfficers([h("ann", "leader"), h("ben", "nominating-officer", "treasurer")], major);
    expect(problem && say(problem)).toBe(
      "The nominating officer and the treasurer must be different people unless that person is also the leader (Ben Jones holds both).",
    );
  });

  it.each<[Holding[], OfficerRuleOptions, string[]]>([
    [
      [],
      major,
      [
        "The party must have a leader.",
        "The party must have a nominating officer.",
        "The party must have a treasurer. Only a minor party can be registered without one.",
        "At least two different people must be registered as officers (nobody is yet).",
      ],
    ],
    [
      [h("ann", "leader", "nominating-officer", "treasurer")],
      major,
      [
        "At least two different people must be registered as officers (only Ann Smith is).",
        "When one person is the leader, the nominating officer and the treasurer and there is no campaigns officer, the party must also register an additional officer who holds a named office in the party (Ann Smith holds all three).",
      ],
    ],
    [
      [h("ann", "leader", "nominating-officer")],
      minor,
      [
        "At least two different people must be registered as officers (only Ann Smith is).",
        "When one person is the leader and the nominating officer, the party must also register an additional officer who holds a named office in the party (Ann Smith holds both).",
      ],
    ],
    [
      [h("ann", "leader"), h("bob", "leader"), h("ben", "nominating-officer"), h("cat", "treasurer", "campaigns-officer")],
      { ...major, additionalOfficer: { person: "eve", office: "chair" } },
      [
        "Only one person can be registered as the leader (Ann Smith and Bob Lee are both down for it).",
        "The campaigns officer cannot also be the treasurer (Cat Patel holds both).",
        "An additional officer can only be registered when one person is the leader, the nominating officer and the treasurer and there is no campaigns officer, so Eve Khan cannot be registered as one.",
      ],
    ],
    [
      [h("ann", "leader", "nominating-officer"), h("ben", "treasurer"), h("cat", "campaigns-officer")],
      { ...minor, onePerPerson: true },
      [
        "A minor party cannot register a treasurer (Ben Jones is down as treasurer).",
        "A minor party cannot register a campaigns officer (Cat Patel is down as campaigns officer).",
        "Under our standing orders (11.3), nobody may hold more than one of the offices of leader, nominating officer and treasurer (Ann Smith is both the leader and the nominating officer).",
      ],
    ],
    [
      [h("ann", "leader", "nominating-officer", "treasurer"), h("ben", "campaigns-officer")],
      majorSO,
      [
        "Under our standing orders (11.3), nobody may hold more than one of the offices of leader, nominating officer and treasurer (Ann Smith is the leader, the nominating officer and the treasurer).",
      ],
    ],
  ])("words the problems of set %#", (holdings, options, expected) => {
    expect(checkOfficers(holdings, options).map(say)).toEqual(expected);
  });

  it("words every code without gaps", () => {
    for (const code of allCodes) {
      const text = officerProblemMessages[code]({ code, people: ["ann", "ben"], roles: ["leader", "treasurer"], severity: "fail" }, nameOf);
      expect(text).toMatch(/^[A-Z].*\.$/);
      expect(text).not.toMatch(/undefined|null|\s{2}/);
    }
  });
});
