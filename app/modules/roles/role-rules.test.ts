import { describe, expect, it } from "vitest";
import { conflictRefusal, ruleSentence } from "./messages";
import { conflictsFor, incompatibleCapacities, removalProblem } from "./role-rules";

describe("who may hold which roles at once", () => {
  it("keeps the returning officer apart from the organisers, both ways", () => {
    expect(conflictsFor("returning_officer", ["organiser"])).toEqual([{ held: "organiser", wanted: "returning_officer", reason: "independent_of_organisers" }]);
    expect(conflictsFor("organiser", ["returning_officer"])).toEqual([{ held: "returning_officer", wanted: "organiser", reason: "independent_of_organisers" }]);
  });

  it("keeps the returning officer out of the election they run: no standing, nominating or seconding", () => {
    for (const part of ["candidate", "nominator", "seconder"] as const) {
      expect(conflictsFor(part, ["returning_officer"]).map((c) => c.reason)).toEqual(["runs_the_election"]);
      expect(conflictsFor("returning_officer", [part]).map((c) => c.held)).toEqual([part]);
    }
  });

  it("lets members take part, and organisers stand, nominate and second", () => {
    for (const part of ["candidate", "nominator", "seconder"] as const) {
      expect(conflictsFor(part, [])).toEqual([]);
      expect(conflictsFor(part, ["organiser"])).toEqual([]);
    }
    expect(conflictsFor("organiser", ["candidate", "seconder"])).toEqual([]);
  });

  it("reports every rule broken at once", () => {
    expect(conflictsFor("returning_officer", ["organiser", "candidate", "seconder"]).map((c) => c.held)).toEqual(["organiser", "candidate", "seconder"]);
  });

  it("explains each rule in plain words, on the page and in a refusal", () => {
    expect(incompatibleCapacities.map(({ pair: [a, b], reason }) => ruleSentence(a, b, reason))).toHaveLength(4);
    expect(ruleSentence("returning_officer", "candidate", "runs_the_election")).toBe(
      "The returning officer cannot also be a candidate in the election that is running. The returning officer runs the election, so takes no side in it: they do not stand, nominate or second.",
    );
    expect(conflictRefusal("Ann Smith", "returning_officer", "organiser", "independent_of_organisers")).toBe(
      "Ann Smith is an organiser. The returning officer runs the ballots independently of the organisers, who set them up. To make Ann Smith the returning officer, remove them as an organiser first.",
    );
  });
});

describe("taking a role away", () => {
  it("never removes the last organiser", () => {
    expect(removalProblem("organiser", { organisers: 1, electionRunning: false })).toBe("last_organiser");
    expect(removalProblem("organiser", { organisers: 0, electionRunning: false })).toBe("last_organiser");
    expect(removalProblem("organiser", { organisers: 2, electionRunning: true })).toBeNull();
  });

  it("removes the returning officer only while no election runs", () => {
    expect(removalProblem("returning_officer", { organisers: 1, electionRunning: true })).toBe("election_running");
    expect(removalProblem("returning_officer", { organisers: 1, electionRunning: false })).toBeNull();
  });
});
