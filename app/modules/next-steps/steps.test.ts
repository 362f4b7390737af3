import { describe, expect, it } from "vitest";
import { personalStepView, roadStepView } from "./messages";
import { personalSteps, roadStep, type PersonalFacts, type RoadFacts } from "./steps";

const now = new Date("2026-12-05T12:00:00Z");
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

const nobody: PersonalFacts = {
  now,
  founding: null,
  partyName: "the Old Party",
  leavingDay: null,
  polls: [],
  clauseRound: null,
  drafting: null,
  nominations: null,
  nominatedFor: [],
  officer: null,
};

describe("a person's own steps", () => {
  it("has nothing for someone with nothing to do", () => {
    expect(personalSteps(nobody)).toEqual([]);
  });

  it("asks an invited person to confirm their founding membership first, and not once they have left", () => {
    const invited = {
      ...nobody,
      founding: { accepted: false, left: false, mustResign: false, resigned: false },
      polls: [{ id: "p", title: "A poll", closesAt: later(1), voted: false }],
    };
    expect(personalSteps(invited).map((s) => s.kind)).toEqual(["accept_founding", "vote_poll"]);
    expect(personalStepView(personalSteps(invited)[0]!)).toMatchObject({ title: "Confirm your founding membership", href: "/founding" });
    expect(personalSteps({ ...invited, founding: { ...invited.founding, left: true } }).map((s) => s.kind)).toEqual(["vote_poll"]);
  });

  it("lists ballots not yet cast, soonest closing first, with how many clauses are left", () => {
    const facts: PersonalFacts = {
      ...nobody,
      polls: [
        { id: "late", title: "Adopt the constitution", closesAt: later(6), voted: false },
        { id: "done", title: "Already voted", closesAt: later(1), voted: true },
        { id: "past", title: "Past its closing time", closesAt: later(-1), voted: false },
      ],
      clauseRound: { number: 2, closesAt: later(3), clauses: Array.from({ length: 40 }, (_, i) => ({ id: `c${i + 1}`, voted: i < 28 })) },
    };
    const steps = personalSteps(facts);
    expect(steps.map((s) => s.kind)).toEqual(["vote_clauses", "vote_poll"]);
    const clauses = personalStepView(steps[0]!);
    expect(clauses.title).toBe("Carry on voting on the constitution");
    expect(clauses.text).toBe("12 of 40 clauses left to vote on in round 2. Voting closes on Tuesday 8 December 2026 at midday.");
    expect(clauses.href).toBe("/constitution/vote/c29");
    expect(personalStepView(steps[1]!)).toEqual({
      title: "Vote: Adopt the constitution",
      text: "Your secret ballot is waiting. Voting closes on Friday 11 December 2026 at midday.",
      href: "/polls/late",
    });
  });

  it("drops the clause round once every clause is voted on", () => {
    const facts = { ...nobody, clauseRound: { number: 1, closesAt: later(3), clauses: [{ id: "a", voted: true }] } };
    expect(personalSteps(facts)).toEqual([]);
  });

  it("asks a declared officer for what is missing, naming their offices", () => {
    const facts: PersonalFacts = { ...nobody, officer: { roles: ["leader", "treasurer"], detailsComplete: false, unconfirmed: ["treasurer"] } };
    expect(personalStepView(personalSteps(facts)[0]!)).toEqual({
      title: "Give your officer details",
      text: "You were elected leader and treasurer. To register the party, give your details and confirm your declaration as treasurer.",
      href: "/registration/officer",
    });
    expect(personalSteps({ ...facts, officer: { roles: ["leader"], detailsComplete: true, unconfirmed: [] } })).toEqual([]);
  });

  it("reminds a former member of the old party to resign, with the leaving day in words", () => {
    const facts: PersonalFacts = { ...nobody, leavingDay: "2027-01-15", founding: { accepted: true, left: false, mustResign: true, resigned: false } };
    expect(personalStepView(personalSteps(facts)[0]!).text).toBe(
      "Founding members resign together on 15 January 2027. Send your resignation letter that day, then tell us you have resigned.",
    );
    expect(personalSteps({ ...facts, founding: { ...facts.founding!, resigned: true } })).toEqual([]);
  });

  it("tells a candidate what their nomination still lacks, until it is valid", () => {
    const candidacy = { positionId: "t", title: "Treasurer", secondersShort: 1, declarationMissing: false, eligibilityMissing: true, closesAt: later(9) };
    const steps = personalSteps({ ...nobody, candidacies: [candidacy] });
    expect(personalStepView(steps[0]!)).toEqual({
      title: "Complete your nomination for Treasurer",
      text: "You are not validly nominated yet: you need 1 more member to second you and your declaration that you may be treasurer before nominations close on Monday 14 December 2026 at midday.",
      href: "/elections/positions/t",
    });
    expect(personalSteps({ ...nobody, candidacies: [{ ...candidacy, secondersShort: 0, eligibilityMissing: false }] })).toEqual([]);
  });

  it("puts a nomination to answer before the open windows for amendments and nominations", () => {
    const facts: PersonalFacts = {
      ...nobody,
      drafting: { waitingForSupport: 3 },
      nominations: { closesAt: later(10) },
      nominatedFor: [{ positionId: "pos", title: "Treasurer" }],
    };
    const steps = personalSteps(facts);
    expect(steps.map((s) => s.kind)).toEqual(["answer_nomination", "amend_draft", "nominations_open"]);
    expect(personalStepView(steps[1]!).text).toBe("The draft is open for amendments. 3 amendments still need supporters to go to the vote.");
    expect(personalStepView(steps[0]!).href).toBe("/elections/positions/pos");
  });
});

const road: RoadFacts = {
  now,
  movement: { phase: "campaign", deadline: later(10), demands: 3, demandsAnswered: 0, decisionPoll: null },
  invited: 0,
  roles: { returningOfficer: null, viewerIsReturningOfficer: false },
  standingOrders: null,
  constitution: { adopted: false, draft: null },
  election: null,
  registration: null,
};
const organiser = { organiser: true, returningOfficer: false };

describe("the next step of the road, phase by phase", () => {
  it("walks from an empty movement to filing the registration", () => {
    const walk: [RoadFacts, string, string][] = [
      [{ ...road, movement: null }, "set_up_campaign", "/campaign/manage"],
      [road, "campaign_running", "/campaign/manage"],
      [{ ...road, movement: { ...road.movement!, deadline: later(-1), demandsAnswered: 1 } }, "record_responses", "/campaign/manage"],
      [{ ...road, movement: { ...road.movement!, deadline: later(-1), demandsAnswered: 3 } }, "open_decision", "/campaign/manage"],
      [
        { ...road, movement: { ...road.movement!, phase: "decision", decisionPoll: { id: "d", status: "open", closesAt: later(2) } } },
        "decision_open",
        "/polls/d",
      ],
      [
        { ...road, movement: { ...road.movement!, phase: "decision", decisionPoll: { id: "d", status: "open", closesAt: later(-1) } } },
        "record_decision",
        "/campaign/manage",
      ],
      // Held by trustees (decision 048), closed to voting: waiting for them, not the organisers.
      [
        { ...road, movement: { ...road.movement!, phase: "decision", decisionPoll: { id: "d", status: "decrypting", closesAt: later(-1) } } },
        "votes_decrypting",
        "/trustees",
      ],
    ];
    const founding = { ...road, movement: { ...road.movement!, phase: "founding" as const, deadline: later(-20) } };
    const so = { id: "so", status: "closed" as const, closesAt: later(-1), passed: true };
    const constitution = { ...founding, invited: 5, roles: { returningOfficer: "Rita", viewerIsReturningOfficer: false }, standingOrders: so };
    const draft = { phase: "drafting" as const, amendments: 4, readyForVote: 2, pending: 10, round: null, adoptionPoll: null };
    const elections = { ...constitution, constitution: { adopted: true, draft: null } };
    const election = {
      phase: "nominations" as const,
      nominationsCloseAt: later(5),
      ballotsCloseAt: null,
      ballotsDue: false,
      ballotsDecrypting: 0,
      undeclared: 0,
      vacantSeats: 0,
    };
    walk.push(
      [founding, "invite_founders", "/founding"],
      [{ ...founding, invited: 5 }, "appoint_returning_officer", "/roles"],
      [{ ...constitution, standingOrders: null }, "open_standing_orders", "/founding"],
      [{ ...constitution, standingOrders: { ...so, status: "open", closesAt: later(3) } }, "standing_orders_open", "/polls/so"],
      [{ ...constitution, standingOrders: { ...so, passed: false } }, "standing_orders_not_adopted", "/polls/so"],
      [{ ...constitution, standingOrders: { ...so, status: "decrypting", passed: undefined } }, "votes_decrypting", "/trustees"],
      [constitution, "start_draft", "/constitution/manage"],
      [{ ...constitution, constitution: { adopted: false, draft } }, "drafting", "/constitution/manage"],
      // A large round made ready in the background (decision 049): nobody can vote yet.
      [
        { ...constitution, constitution: { adopted: false, draft: { ...draft, phase: "voting", round: { number: 1, closesAt: later(7), preparing: true } } } },
        "round_preparing",
        "/constitution/vote",
      ],
      [
        { ...constitution, constitution: { adopted: false, draft: { ...draft, phase: "voting", round: { number: 1, closesAt: later(7) } } } },
        "round_open",
        "/constitution/results",
      ],
      [
        { ...constitution, constitution: { adopted: false, draft: { ...draft, phase: "voting", round: { number: 1, closesAt: later(-1) } } } },
        "round_due",
        "/constitution/results",
      ],
      [
        { ...constitution, constitution: { adopted: false, draft: { ...draft, phase: "voting", round: { number: 1, closesAt: later(-1), decrypting: 3 } } } },
        "votes_decrypting",
        "/trustees",
      ],
      [{ ...constitution, constitution: { adopted: false, draft: { ...draft, phase: "closed", pending: 2 } } }, "open_another_round", "/constitution/manage"],
      [{ ...constitution, constitution: { adopted: false, draft: { ...draft, phase: "closed", pending: 0 } } }, "open_adoption", "/constitution/manage"],
      [
        {
          ...constitution,
          constitution: { adopted: false, draft: { ...draft, phase: "closed", pending: 0, adoptionPoll: { status: "open", closesAt: later(7) } } },
        },
        "adoption_open",
        "/constitution/results",
      ],
      [
        {
          ...constitution,
          constitution: { adopted: false, draft: { ...draft, phase: "closed", pending: 0, adoptionPoll: { status: "closed", closesAt: later(-1) } } },
        },
        "record_adoption",
        "/constitution/results",
      ],
      [
        {
          ...constitution,
          constitution: { adopted: false, draft: { ...draft, phase: "closed", pending: 0, adoptionPoll: { status: "decrypting", closesAt: later(-1) } } },
        },
        "votes_decrypting",
        "/trustees",
      ],
      [elections, "set_up_election", "/elections"],
      [{ ...elections, election }, "nominations_open", "/elections"],
      [{ ...elections, election: { ...election, nominationsCloseAt: later(-1) } }, "election_waiting", "/elections"],
      [{ ...elections, election: { ...election, phase: "ballot", nominationsCloseAt: later(-1), ballotsCloseAt: later(6) } }, "ballots_open", "/elections"],
      [
        { ...elections, election: { ...election, phase: "ballot", nominationsCloseAt: later(-1), ballotsCloseAt: later(-1), ballotsDue: true } },
        "election_waiting",
        "/elections",
      ],
      // Ballots held by trustees (decision 047), closed to voting: waiting for the trustees, not the returning officer.
      [
        { ...elections, election: { ...election, phase: "ballot", nominationsCloseAt: later(-1), ballotsCloseAt: null, ballotsDecrypting: 2 } },
        "ballots_decrypting",
        "/elections",
      ],
      [{ ...elections, election: { ...election, phase: "counted", nominationsCloseAt: later(-1), undeclared: 2 } }, "election_waiting", "/elections"],
      [{ ...elections, election: { ...election, phase: "counted", nominationsCloseAt: later(-1), vacantSeats: 1 } }, "reopen_vacancies", "/elections"],
      [
        { ...elections, election: { ...election, phase: "counted", nominationsCloseAt: later(-1) }, registration: { fails: 4, warnings: 1 } },
        "prepare_registration",
        "/registration/readiness",
      ],
      [
        { ...elections, election: { ...election, phase: "counted", nominationsCloseAt: later(-1) }, registration: { fails: 0, warnings: 1 } },
        "file_registration",
        "/registration/documents",
      ],
    );
    for (const [facts, kind, href] of walk) {
      const step = roadStep(facts);
      expect({ kind: step.kind, href: step.href }).toEqual({ kind, href });
      // Every step reads as a sentence, with no code or machine date in it.
      const view = roadStepView(step, organiser);
      expect(view.text).not.toMatch(/\d{4}-\d{2}-\d{2}|undefined|null|NaN|_/);
    }
  });

  it("says what the step waits for, and who takes it", () => {
    const open = roadStepView(roadStep(road), organiser);
    expect(open).toMatchObject({
      stage: "The campaign",
      title: "Gather pledges",
      text: "The campaign runs until the deadline, Tuesday 15 December 2026 at midday. Then record the party's response to each demand.",
    });
    const responses = roadStep({ ...road, movement: { ...road.movement!, deadline: later(-1), demandsAnswered: 1 } });
    expect(roadStepView(responses, organiser).text).toBe("The deadline has passed. Record the party's response to each demand: 1 of 3 recorded.");
    // The returning officer is not an organiser: the organisers' step is theirs to wait for.
    expect(roadStepView(responses, { organiser: false, returningOfficer: true }).text).toBe(
      "Waiting for the organisers: the deadline has passed. Record the party's response to each demand: 1 of 3 recorded.",
    );
  });

  it("links someone who is not an organiser to the stage's own page, never to an organisers' page they cannot open", () => {
    const ro = { organiser: false, returningOfficer: true };
    const responses = roadStep({ ...road, movement: { ...road.movement!, deadline: later(-1), demandsAnswered: 1 } });
    expect(roadStepView(responses, organiser).href).toBe("/campaign/manage");
    expect(roadStepView(responses, ro).href).toBe("/campaign");
    expect(roadStepView(roadStep(road), ro).href).toBe("/campaign");
    for (const [stage, href, expected] of [
      ["constitution", "/constitution/manage", "/constitution"],
      ["registration", "/registration/readiness", "/registration"],
      ["registration", "/registration/documents", "/registration"],
      ["elections", "/elections", "/elections"],
      ["founding", "/roles", "/roles"],
    ] as const) {
      expect(roadStepView({ stage, kind: "drafting", doer: "organisers", href, count: 0, total: 0 }, ro).href).toBe(expected);
    }
  });

  it("names the returning officer's election steps as the Elections page does", () => {
    const facts: RoadFacts = {
      ...road,
      movement: { ...road.movement!, phase: "founding" },
      invited: 5,
      roles: { returningOfficer: "Rita Returning", viewerIsReturningOfficer: false },
      standingOrders: { id: "so", status: "closed", closesAt: later(-30), passed: true },
      constitution: { adopted: true, draft: null },
      election: {
        phase: "nominations",
        nominationsCloseAt: later(-1),
        ballotsCloseAt: null,
        ballotsDue: false,
        ballotsDecrypting: 0,
        undeclared: 0,
        vacantSeats: 0,
      },
    };
    expect(roadStepView(roadStep(facts), organiser)).toMatchObject({
      title: "Nominations have closed",
      text: "Waiting for the returning officer, Rita Returning, to open the ballots.",
    });
    const mine = roadStep({ ...facts, roles: { ...facts.roles, viewerIsReturningOfficer: true } });
    expect(roadStepView(mine, { organiser: false, returningOfficer: true }).text).toBe("It is for you, as returning officer, to open the ballots.");
    // No returning officer while nominations are open: appoint one before they close.
    const none = roadStep({
      ...facts,
      roles: { returningOfficer: null, viewerIsReturningOfficer: false },
      election: { ...facts.election!, nominationsCloseAt: later(4) },
    });
    expect(none).toMatchObject({ kind: "nominations_open", href: "/roles" });
    expect(roadStepView(none, organiser).text).toBe(
      "Nominations close on Wednesday 9 December 2026 at midday. Only the returning officer can open the ballots when nominations close, then count and declare them. Appoint one on the Roles page before then.",
    );
  });

  it("ends the road when the members decide to stay", () => {
    const stayed = roadStep({ ...road, movement: { ...road.movement!, phase: "stayed" } });
    expect(roadStepView(stayed, organiser).text).toBe("The members decided to stay: the party met the demands. There is nothing more to do.");
  });
});
