import { describe, expect, it } from "vitest";
import type { MajorityRule } from "~/modules/ballots";
import { countPoll, type PollResult, type PollRules } from "~/modules/polls/ballot-rules";
import type { BallotContent } from "../../../db/schema";
import { NO_CHANGE_LABEL, amendmentMajority, competingLabels, decideRound, planRound, type CountedItem, type PlannedItem, type RoundRules } from "./round";
import { hashText, type ConstitutionDocument, type InsertAfterAmendment } from "./text";
import { AIMS, MEMBERS, NAME, entrench, insertAfter, move, remove, rename, replace, replaceText, sampleDocument, words } from "./text/test-support";

const rules: RoundRules = { ordinaryMajority: "simple", entrenchedMajority: "two-thirds", quorumPercent: 20 };
const allPending = new Set(["name", "aims", "members"]);

/** An insertAfter of a clause that would be entrenched. */
function insertEntrenched(afterClauseId: string | null, newId: string, id: string, createdAt: number): InsertAfterAmendment {
  const base = insertAfter(afterClauseId, newId, "Entrenched text.", id, createdAt);
  return { ...base, clause: { ...base.clause, entrenched: true } };
}

/** What each clause's ballot asks, compactly: [kind, amendment ids, majority]. */
function questions(plans: ReturnType<typeof planRound>["plans"]) {
  return plans.map((p) => [p.clauseId, p.items.map((i) => [i.kind, i.amendmentIds, i.majority])]);
}

describe("planRound", () => {
  it("asks only about pending clauses; a new clause filed under a decided one goes on the first pending ballot", () => {
    const doc = sampleDocument();
    const onName = replaceText("name", NAME, NAME.replace("Example", "Sample"), "n1", 1);
    const onMembers = replaceText("members", MEMBERS, MEMBERS.replace("yearly", "monthly"), "m1", 2);
    const afterName = insertAfter("name", "values", "We value fairness.", "i1", 3);
    const staleOnName = { ...replaceText("name", NAME, "Another name."), id: "n2", createdAt: 4, baseHash: hashText("An earlier name.") };
    const { plans, leftOut } = planRound(doc, [onName, onMembers, afterName, staleOnName], new Set(["members"]), rules);
    expect(questions(plans)).toEqual([
      [
        "members",
        [
          ["amendment", ["i1"], "simple"],
          ["amendment", ["m1"], "simple"],
          ["clause", [], "simple"],
        ],
      ],
    ]);
    // Changes to a clause already decided are moot: reported, never asked.
    expect(leftOut).toEqual(["n1", "n2"]);
  });

  it("gives a clause with no amendments its clause question alone", () => {
    const { plans } = planRound(sampleDocument(), [], allPending, rules);
    expect(questions(plans)).toEqual([
      ["name", [["clause", [], "simple"]]],
      ["aims", [["clause", [], "two-thirds"]]],
      ["members", [["clause", [], "simple"]]],
    ]);
  });

  it("groups two changes of the same words as one competing question, and leaves a change to other words standing alone", () => {
    const doc = sampleDocument();
    const annual = replaceText("members", MEMBERS, MEMBERS.replace("yearly", "annual"), "t1", 1);
    const conference = replace("members", MEMBERS, words(2, 8, 2, 9), "members' meeting.", "r1", 2);
    const monthly = replaceText("members", MEMBERS, MEMBERS.replace("yearly", "monthly"), "t2", 3);
    const { plans } = planRound(doc, [monthly, conference, annual], new Set(["members"]), rules);
    expect(questions(plans)).toEqual([
      [
        "members",
        [
          ["competing", ["t1", "t2"], "simple"],
          ["amendment", ["r1"], "simple"],
          ["clause", [], "simple"],
        ],
      ],
    ]);
  });

  it("does not group two changes to different words of one clause", () => {
    const doc = sampleDocument();
    const first = replaceText("members", MEMBERS, MEMBERS.replace("Anyone", "Everyone"), "t1", 1);
    const second = replaceText("members", MEMBERS, MEMBERS.replace("conference", "members"), "t2", 2);
    const { plans } = planRound(doc, [first, second], new Set(["members"]), rules);
    expect(plans[0]?.items.map((i) => [i.kind, i.amendmentIds])).toEqual([
      ["amendment", ["t1"]],
      ["amendment", ["t2"]],
      ["clause", []],
    ]);
  });

  it("needs the entrenched majority to amend or delete an entrenched clause, and the ordinary one otherwise (8.5)", () => {
    const doc = sampleDocument();
    const aimsText = replaceText("aims", AIMS, AIMS.replace("green", "fair"), "a1", 1);
    const aimsDelete = remove("aims", "a2", 2);
    const nameText = replaceText("name", NAME, NAME.replace("Example", "Sample"), "n1", 3);
    const membersDelete = remove("members", "m1", 4);
    const { plans } = planRound(doc, [aimsText, nameText, membersDelete], allPending, rules);
    expect(questions(plans)).toEqual([
      [
        "name",
        [
          ["amendment", ["n1"], "simple"],
          ["clause", [], "simple"],
        ],
      ],
      [
        "aims",
        [
          ["amendment", ["a1"], "two-thirds"],
          ["clause", [], "two-thirds"],
        ],
      ],
      [
        "members",
        [
          ["amendment", ["m1"], "simple"],
          ["clause", [], "simple"],
        ],
      ],
    ]);
    expect(amendmentMajority(aimsDelete, doc, rules)).toBe("two-thirds");
    expect(amendmentMajority(move("aims", null, "a3", 5), doc, rules)).toBe("two-thirds");
    expect(amendmentMajority(rename("name", "Our name", "n2", 6), doc, rules)).toBe("simple");
  });

  it("needs the entrenched majority to entrench a clause or stop it being entrenched", () => {
    const doc = sampleDocument();
    expect(amendmentMajority(entrench("name", true, "e1", 1), doc, rules)).toBe("two-thirds");
    expect(amendmentMajority(entrench("aims", false, "e2", 2), doc, rules)).toBe("two-thirds");
    const { plans } = planRound(doc, [entrench("name", true, "e1", 1)], new Set(["name"]), rules);
    expect(plans[0]?.items[0]).toEqual({ kind: "amendment", clauseId: "name", amendmentIds: ["e1"], majority: "two-thirds" });
  });

  it("needs the entrenched majority to add an entrenched clause, and the ordinary one to add an ordinary clause", () => {
    const doc = sampleDocument();
    const ordinary = insertAfter("name", "values", "We value fairness.", "i1", 1);
    const entrenched = insertEntrenched("name", "rights", "i2", 2);
    expect(amendmentMajority(ordinary, doc, rules)).toBe("simple");
    expect(amendmentMajority(entrenched, doc, rules)).toBe("two-thirds");
    const { plans } = planRound(doc, [ordinary, entrenched], new Set(["name"]), rules);
    expect(questions(plans)).toEqual([
      [
        "name",
        [
          ["amendment", ["i1"], "simple"],
          ["amendment", ["i2"], "two-thirds"],
          ["clause", [], "simple"],
        ],
      ],
    ]);
  });

  it("gives a competing group the strictest majority its amendments need", () => {
    const doc = sampleDocument();
    // Deleting an ordinary clause needs a simple majority, entrenching it two thirds; they compete.
    const drop = remove("name", "d1", 1);
    const fix = entrench("name", true, "e1", 2);
    expect(amendmentMajority(drop, doc, rules)).toBe("simple");
    const { plans } = planRound(doc, [drop, fix], new Set(["name"]), rules);
    expect(plans[0]?.items[0]).toEqual({ kind: "competing", clauseId: "name", amendmentIds: ["d1", "e1"], majority: "two-thirds" });
    // With an absolute ordinary majority, two ordinary amendments keep it.
    const absolute: RoundRules = { ...rules, ordinaryMajority: "absolute" };
    const a = replaceText("name", NAME, NAME.replace("Example", "Sample"), "t1", 3);
    const b = replaceText("name", NAME, NAME.replace("Example", "Model"), "t2", 4);
    expect(planRound(doc, [a, b], new Set(["name"]), absolute).plans[0]?.items[0]?.majority).toBe("absolute");
  });

  it("asks the clause question last on every clause's ballot", () => {
    const doc = sampleDocument();
    const list = [
      insertAfter("aims", "values", "x", "i1", 1),
      remove("aims", "d1", 2),
      replaceText("members", MEMBERS, MEMBERS.replace("yearly", "monthly"), "t1", 3),
      entrench("members", true, "e1", 4),
    ];
    const { plans } = planRound(doc, list, allPending, rules);
    for (const plan of plans) {
      const kinds = plan.items.map((i) => i.kind);
      expect(kinds.lastIndexOf("clause")).toBe(kinds.length - 1);
      expect(kinds.filter((k) => k === "clause")).toHaveLength(1);
    }
    expect(plans.map((p) => p.items.length)).toEqual([1, 3, 3]);
  });

  it("asks about a new clause at the very start on the first clause's ballot, before that clause's own amendments", () => {
    // Stored out of order: the first clause is the one with the lowest order.
    const sample = sampleDocument();
    const doc: ConstitutionDocument = { clauses: [...sample.clauses].reverse() };
    const own = replaceText("name", NAME, NAME.replace("Example", "Sample"), "n1", 1);
    const atStart = insertAfter(null, "preamble", "We the members.", "i1", 2);
    const { plans } = planRound(doc, [own, atStart], allPending, rules);
    expect(plans.map((p) => p.clauseId)).toEqual(["name", "aims", "members"]);
    expect(plans[0]?.items.map((i) => [i.kind, i.amendmentIds])).toEqual([
      ["amendment", ["i1"]],
      ["amendment", ["n1"]],
      ["clause", []],
    ]);
  });

  it("asks a new clause at the start on the ballot of the clause it is filed under, even after the first clause changed", () => {
    // A carried move put "members" first; the insert was filed under "name" when proposed.
    const sample = sampleDocument();
    const doc: ConstitutionDocument = { clauses: sample.clauses.map((c) => (c.id === "members" ? { ...c, order: 5 } : c)) };
    const atStart = insertAfter(null, "preamble", "We the members.", "i1", 2);
    const { plans, leftOut } = planRound(doc, [atStart], new Set(["name", "aims"]), rules, new Map([["i1", "name"]]));
    expect(leftOut).toEqual([]);
    expect(plans.find((p) => p.clauseId === "name")?.items.map((i) => i.kind)).toEqual(["amendment", "clause"]);
  });

  it("asks a new clause on the first pending clause's ballot when the clause it is filed under is decided", () => {
    const atStart = insertAfter(null, "preamble", "We the members.", "i1", 2);
    const { plans, leftOut } = planRound(sampleDocument(), [atStart], new Set(["aims", "members"]), rules, new Map([["i1", "name"]]));
    expect(leftOut).toEqual([]);
    expect(plans[0]?.clauseId).toBe("aims");
    expect(plans[0]?.items.map((i) => [i.kind, i.amendmentIds])).toEqual([
      ["amendment", ["i1"]],
      ["clause", []],
    ]);
  });

  it("leaves out, and reports, an amendment to a clause already decided", () => {
    const change = replaceText("name", NAME, NAME.replace("Example", "Sample"), "n1", 1);
    const { plans, leftOut } = planRound(sampleDocument(), [change], new Set(["aims"]), rules);
    expect(leftOut).toEqual(["n1"]);
    expect(plans.map((p) => p.clauseId)).toEqual(["aims"]);
  });

  it("leaves out an amendment written against an older text, and reports it", () => {
    const doc = sampleDocument();
    const stale = { ...replaceText("members", MEMBERS, "Members pay nothing."), id: "old", createdAt: 1, baseHash: hashText("An earlier text.") };
    const fresh = replaceText("members", MEMBERS, MEMBERS.replace("yearly", "monthly"), "new", 2);
    // The stale one changes the same words, but cannot compete: it is not on the ballot at all.
    const { plans, leftOut } = planRound(doc, [stale, fresh], new Set(["members"]), rules);
    expect(leftOut).toEqual(["old"]);
    expect(plans[0]?.items.map((i) => [i.kind, i.amendmentIds])).toEqual([
      ["amendment", ["new"]],
      ["clause", []],
    ]);
  });
});

// Counting: real ballots through the poll engine.

const quorum = { numerator: 20, denominator: 100 };

function yesNoResult(majority: MajorityRule, yes: number, no: number, abstain: number, roll: number): PollResult {
  const pollRules: PollRules = { title: "Q", method: "yes-no", seats: 1, quorum, majority, lotSeed: "seed", options: [] };
  const contents: BallotContent[] = [
    ...Array.from({ length: yes }, () => ({ choice: "yes" as const })),
    ...Array.from({ length: no }, () => ({ choice: "no" as const })),
    ...Array.from({ length: abstain }, () => ({ choice: "abstain" as const })),
  ];
  return countPoll(pollRules, contents, roll);
}

/** Ranked ballots on "No change" (position 0) and the group's amendments (1, 2, …). */
function competingResult(
  amendmentCount: number,
  ballots: readonly (readonly [number, readonly number[]])[],
  roll: number,
  seed = "seed",
): { result: PollResult; ballotCount: number } {
  const labels = competingLabels(Array.from({ length: amendmentCount }, (_, i) => i + 1));
  const pollRules: PollRules = {
    title: "Competing",
    method: "schulze",
    seats: 1,
    quorum,
    majority: "simple",
    lotSeed: seed,
    options: labels.map((label, position) => ({ position, label, isRon: false, withdrawn: false })),
  };
  const contents: BallotContent[] = ballots.flatMap(([times, ranking]) => Array.from({ length: times }, () => ({ ranking: [...ranking] })));
  return { result: countPoll(pollRules, contents, roll), ballotCount: contents.length };
}

const amendmentItem = (id: string, majority: MajorityRule = "simple"): PlannedItem => ({
  kind: "amendment",
  clauseId: "members",
  amendmentIds: [id],
  majority,
});
const clauseItem = (clauseId: string, majority: MajorityRule = "simple"): PlannedItem => ({ kind: "clause", clauseId, amendmentIds: [], majority });
const competingItem = (ids: string[], majority: MajorityRule = "simple"): PlannedItem => ({
  kind: "competing",
  clauseId: "members",
  amendmentIds: ids,
  majority,
});

function yesNoCounted(item: PlannedItem, yes: number, no: number, abstain: number, roll: number): CountedItem {
  return { item, result: yesNoResult(item.majority, yes, no, abstain, roll), rollSize: roll, ballotCount: yes + no + abstain };
}

function competingCounted(item: PlannedItem, ballots: readonly (readonly [number, readonly number[]])[], roll: number, seed?: string): CountedItem {
  const { result, ballotCount } = competingResult(item.amendmentIds.length, ballots, roll, seed);
  return { item, result, rollSize: roll, ballotCount };
}

describe("competingLabels", () => {
  it("puts No change first, then each amendment by its number", () => {
    expect(competingLabels([4, 7])).toEqual([NO_CHANGE_LABEL, "Amendment A4", "Amendment A7"]);
    expect(NO_CHANGE_LABEL).toBe("No change");
  });
});

describe("decideRound: yes/no questions", () => {
  it("carries an amendment and adopts a clause that pass", () => {
    const outcome = decideRound([yesNoCounted(amendmentItem("a1"), 6, 4, 0, 20), yesNoCounted(clauseItem("members"), 7, 1, 2, 20)], 20);
    expect(outcome.amendments.get("a1")).toBe("carried");
    expect(outcome.clauses.get("members")).toBe("adopted");
    expect(outcome.items.map((i) => [i.vote?.passed, i.quorumMet, i.winner])).toEqual([
      [true, true, null],
      [true, true, null],
    ]);
  });

  it("loses an amendment and rejects a clause that fail, a tie included (8.3)", () => {
    const outcome = decideRound([yesNoCounted(amendmentItem("a1"), 5, 5, 0, 20), yesNoCounted(clauseItem("members"), 2, 6, 0, 20)], 20);
    expect(outcome.amendments.get("a1")).toBe("lost");
    expect(outcome.clauses.get("members")).toBe("rejected");
  });

  it("decides nothing where the quorum is not met: the amendment is undecided and the clause pending (8.2)", () => {
    // 3 of 20 voted: 15%, under the 20% quorum, though all said yes.
    const outcome = decideRound([yesNoCounted(amendmentItem("a1"), 3, 0, 0, 20), yesNoCounted(clauseItem("members"), 3, 0, 0, 20)], 20);
    expect(outcome.amendments.get("a1")).toBe("undecided");
    expect(outcome.clauses.get("members")).toBe("pending");
    expect(outcome.items.map((i) => i.quorumMet)).toEqual([false, false]);
  });

  it("counts abstentions towards the quorum", () => {
    // 1 yes and 3 abstentions of 20 is exactly 20%.
    const outcome = decideRound([yesNoCounted(clauseItem("members"), 1, 0, 3, 20)], 20);
    expect(outcome.clauses.get("members")).toBe("adopted");
  });

  it("passes exactly two thirds, 20 yes to 10 no, and fails 19 to 10 (8.4)", () => {
    const exact = decideRound([yesNoCounted(amendmentItem("a1", "two-thirds"), 20, 10, 0, 40)], 20);
    expect(exact.amendments.get("a1")).toBe("carried");
    const short = decideRound([yesNoCounted(amendmentItem("a1", "two-thirds"), 19, 10, 0, 40)], 20);
    expect(short.amendments.get("a1")).toBe("lost");
    // Abstentions do not count against two thirds.
    const abstaining = decideRound([yesNoCounted(clauseItem("aims", "two-thirds"), 20, 10, 9, 40)], 20);
    expect(abstaining.clauses.get("aims")).toBe("adopted");
  });
});

describe("decideRound: competing amendments", () => {
  it("carries the Schulze winner when it beats No change head to head", () => {
    // 6 prefer A1, 3 prefer A2, 2 want no change.
    const counted = competingCounted(
      competingItem(["x", "y"]),
      [
        [6, [1, 2, 0]],
        [3, [2, 1, 0]],
        [2, [0, 2, 1]],
      ],
      20,
    );
    const outcome = decideRound([counted], 20);
    expect(outcome.amendments.get("x")).toBe("carried");
    expect(outcome.amendments.get("y")).toBe("lost");
    expect(outcome.items[0]?.winner).toBe("x");
    // Head to head, A1 against No change: 9 to 2.
    expect(outcome.items[0]?.vote?.tally).toMatchObject({ yes: 9, no: 2, abstain: 0 });
  });

  it("carries the option in second place on the ballot when it is the winner", () => {
    const counted = competingCounted(
      competingItem(["x", "y"]),
      [
        [3, [1, 2, 0]],
        [6, [2, 1, 0]],
      ],
      20,
    );
    const outcome = decideRound([counted], 20);
    expect(outcome.amendments.get("y")).toBe("carried");
    expect(outcome.amendments.get("x")).toBe("lost");
  });

  it("carries nothing when No change wins outright", () => {
    const counted = competingCounted(
      competingItem(["x", "y"]),
      [
        [3, [1, 0, 2]],
        [6, [0, 2, 1]],
      ],
      20,
    );
    const outcome = decideRound([counted], 20);
    expect([outcome.amendments.get("x"), outcome.amendments.get("y")]).toEqual(["lost", "lost"]);
    expect(outcome.items[0]?.winner).toBeNull();
  });

  it("carries nothing when the Schulze winner loses to No change head to head (10.2)", () => {
    // A cycle: A1 beats A2 6-3, A2 beats No change 7-2, No change beats A1 5-4. Schulze ranks A1 first.
    const ballots = [
      [4, [1, 2, 0]],
      [3, [2, 0, 1]],
      [2, [0, 1, 2]],
    ] as const;
    const counted = competingCounted(competingItem(["x", "y"]), ballots, 20);
    if (counted.result.kind !== "ranked") throw new Error("expected a ranked result");
    expect(counted.result.report.elected).toEqual(["Amendment A1"]);
    const outcome = decideRound([counted], 20);
    expect([outcome.amendments.get("x"), outcome.amendments.get("y")]).toEqual(["lost", "lost"]);
    expect(outcome.items[0]?.winner).toBeNull();
    expect(outcome.items[0]?.vote).toMatchObject({ passed: false, tally: { yes: 4, no: 5 } });
  });

  it("keeps the text when a first place is shared with No change, even if the amendment beats it head to head", () => {
    // A1 beats No change 4-3, A2 beats A1 4-3, No change beats A2 6-1: the strongest paths
    // between A1 and No change are equal, so they share first place (A2 is beaten by No change).
    const ballots = [
      [3, [1, 0, 2]],
      [3, [0, 2, 1]],
      [1, [2, 1, 0]],
    ] as const;
    const counted = competingCounted(competingItem(["x", "y"]), ballots, 20);
    if (counted.result.kind !== "ranked" || counted.result.report.method !== "schulze") throw new Error("expected a Schulze report");
    const report = counted.result.report;
    expect(report.ranking[0]).toEqual([NO_CHANGE_LABEL, "Amendment A1"]);
    expect([report.pairwise[1]?.[0], report.pairwise[0]?.[1]]).toEqual([4, 3]);
    // Whichever of the two the lot puts first, the text stays as it was.
    for (const seed of ["a", "b", "c", "d", "e", "f", "g", "h"]) {
      const outcome = decideRound([competingCounted(competingItem(["x", "y"]), ballots, 20, seed)], 20);
      expect([outcome.amendments.get("x"), outcome.amendments.get("y")]).toEqual(["lost", "lost"]);
      expect(outcome.items[0]?.winner).toBeNull();
      expect(outcome.items[0]?.quorumMet).toBe(true);
    }
  });

  it("needs the group's majority head to head: 6 to 4 carries by a simple majority, not by two thirds", () => {
    const ballots = [
      [6, [1, 0]],
      [4, [0, 1]],
    ] as const;
    expect(decideRound([competingCounted(competingItem(["x", "z"], "simple"), ballots, 20)], 20).amendments.get("x")).toBe("carried");
    expect(decideRound([competingCounted(competingItem(["x", "z"], "two-thirds"), ballots, 20)], 20).amendments.get("x")).toBe("lost");
  });

  it("passes exactly two thirds head to head, 20 to 10, and fails 19 to 10", () => {
    const exact = decideRound(
      [
        competingCounted(
          competingItem(["x", "y"], "two-thirds"),
          [
            [20, [1, 0]],
            [10, [0, 1]],
          ],
          40,
        ),
      ],
      20,
    );
    expect(exact.amendments.get("x")).toBe("carried");
    expect(exact.items[0]?.vote?.tally).toMatchObject({ yes: 20, no: 10 });
    const short = decideRound(
      [
        competingCounted(
          competingItem(["x", "y"], "two-thirds"),
          [
            [19, [1, 0]],
            [10, [0, 1]],
          ],
          40,
        ),
      ],
      20,
    );
    expect(short.amendments.get("x")).toBe("lost");
  });

  it("counts papers that do not compare the winner with No change as abstentions, outside the majority", () => {
    // 3 papers rank only A2, so they say nothing about A1 against No change: A1 wins 4 to 2.
    const counted = competingCounted(
      competingItem(["x", "y"], "simple"),
      [
        [4, [1, 0]],
        [2, [0, 1]],
        [3, [2]],
      ],
      20,
    );
    const outcome = decideRound([counted], 20);
    expect(outcome.items[0]?.winner).toBe("x");
    expect(outcome.items[0]?.vote?.tally).toEqual({ yes: 4, no: 2, abstain: 3, roll: 20 });
  });

  it("leaves the whole group undecided when the quorum is not met", () => {
    // 3 papers of a roll of 20 is 15%.
    const counted = competingCounted(competingItem(["x", "y"]), [[3, [1, 2, 0]]], 20);
    const outcome = decideRound([counted], 20);
    expect([outcome.amendments.get("x"), outcome.amendments.get("y")]).toEqual(["undecided", "undecided"]);
    expect(outcome.items[0]).toMatchObject({ quorumMet: false, winner: null, vote: null });
    // One more paper meets it.
    const met = decideRound([competingCounted(competingItem(["x", "y"]), [[4, [1, 2, 0]]], 20)], 20);
    expect(met.amendments.get("x")).toBe("carried");
  });

  it("decides each question of a round on its own", () => {
    const outcome = decideRound(
      [
        competingCounted(competingItem(["x", "y"]), [[5, [2, 1, 0]]], 20),
        yesNoCounted(amendmentItem("z"), 1, 4, 0, 20),
        yesNoCounted(clauseItem("members"), 5, 0, 0, 20),
        yesNoCounted(clauseItem("name"), 1, 0, 0, 20),
      ],
      20,
    );
    expect(Object.fromEntries(outcome.amendments)).toEqual({ x: "lost", y: "carried", z: "lost" });
    expect(Object.fromEntries(outcome.clauses)).toEqual({ members: "adopted", name: "pending" });
    expect(outcome.items).toHaveLength(4);
  });
});
