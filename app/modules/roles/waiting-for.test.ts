import { describe, expect, it } from "vitest";
import { waitingNotice } from "./messages";
import { earlyCloseWaiting, electionWaiting, type ElectionFacts, type RoleFacts } from "./waiting-for";

const none: RoleFacts = { returningOfficer: null, viewerIsReturningOfficer: false };
const rita: RoleFacts = { returningOfficer: "Rita Returning", viewerIsReturningOfficer: false };
const me: RoleFacts = { returningOfficer: "Rita Returning", viewerIsReturningOfficer: true };
const nominations: ElectionFacts = { phase: "nominations", nominationsDue: false, ballotsDue: false, undeclared: 0 };

describe("what the election is waiting for", () => {
  it("after nominations close: the returning officer opening the ballots, or appointing one (the issue's example)", () => {
    const closed = { ...nominations, nominationsDue: true };
    expect(electionWaiting(closed, none)).toEqual({ step: "open_ballots", by: { kind: "no_returning_officer" } });
    expect(waitingNotice(electionWaiting(closed, none)!, { canAppoint: true }).text).toBe(
      "Waiting for the returning officer to open the ballots. There is no returning officer yet: appoint one on the Roles page.",
    );
    expect(waitingNotice(electionWaiting(closed, none)!, { canAppoint: false }).text).toBe(
      "Waiting for the returning officer to open the ballots. There is no returning officer yet: an organiser appoints one on the Roles page.",
    );
    expect(waitingNotice(electionWaiting(closed, rita)!, { canAppoint: true })).toEqual({
      title: "Nominations have closed",
      text: "Waiting for the returning officer, Rita Returning, to open the ballots.",
      roles: false,
    });
    expect(waitingNotice(electionWaiting(closed, me)!, { canAppoint: false }).text).toBe("It is for you, as returning officer, to open the ballots.");
  });

  it("while nominations are open: nothing, unless nobody could open the ballots when they close", () => {
    expect(electionWaiting(nominations, rita)).toBeNull();
    expect(electionWaiting(nominations, none)).toEqual({ step: "appoint_before_needed", by: { kind: "no_returning_officer" } });
    expect(waitingNotice(electionWaiting(nominations, none)!, { canAppoint: true })).toMatchObject({ title: "There is no returning officer yet", roles: true });
  });

  it("once the ballots are due: the count; once counted: the declarations", () => {
    expect(electionWaiting({ ...nominations, phase: "ballot", nominationsDue: true }, rita)).toBeNull();
    expect(electionWaiting({ ...nominations, phase: "ballot", nominationsDue: true, ballotsDue: true }, rita)).toEqual({
      step: "count",
      by: { kind: "returning_officer", name: "Rita Returning" },
    });
    expect(electionWaiting({ ...nominations, phase: "counted", nominationsDue: true, undeclared: 2 }, me)).toEqual({ step: "declare", by: { kind: "you" } });
    expect(electionWaiting({ ...nominations, phase: "counted", nominationsDue: true, undeclared: 0 }, none)).toBeNull();
  });
});

describe("closing a poll early", () => {
  it("tells those who run polls that only the returning officer can, and who that is", () => {
    const open = { open: true, closesInFuture: true };
    expect(earlyCloseWaiting(open, { canCloseEarly: true }, me)).toBeNull();
    expect(earlyCloseWaiting({ ...open, closesInFuture: false }, { canCloseEarly: false }, rita)).toBeNull();
    expect(earlyCloseWaiting({ ...open, open: false }, { canCloseEarly: false }, rita)).toBeNull();
    expect(waitingNotice(earlyCloseWaiting(open, { canCloseEarly: false }, rita)!, { canAppoint: true }).text).toBe(
      "Only the returning officer can close a poll before its closing time. It closes and is counted by itself when the time comes. The returning officer is Rita Returning.",
    );
    expect(waitingNotice(earlyCloseWaiting(open, { canCloseEarly: false }, none)!, { canAppoint: true })).toMatchObject({ roles: true });
  });
});
