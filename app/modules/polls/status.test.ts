import { describe, expect, it } from "vitest";
import { formatLondonLong } from "~/utils/london-time";
import { pollTimeLine, pollTurnoutLine, type PollTimes } from "./status";

const now = new Date("2026-12-05T12:00:00Z");
const tomorrow = new Date("2026-12-06T12:00:00Z");
const yesterday = new Date("2026-12-04T12:00:00Z");
const poll = (over: Partial<PollTimes>): PollTimes => ({ status: "open", closesAt: tomorrow, closedAt: null, cancelledAt: null, ...over });

describe("a poll's time line (issue 15)", () => {
  it("gives a poll closed early the time it closed, never the time it was set to close", () => {
    const line = pollTimeLine(poll({ status: "closed", closedAt: now }), now);
    expect(line).toBe(`Closed early, on ${formatLondonLong(now)} (UK time). It was set to close on ${formatLondonLong(tomorrow)} (UK time).`);
    expect(line).not.toMatch(/^Closes/);
  });

  it("says when an open poll closes, that one past its time is being counted, and when a poll closed or was cancelled", () => {
    expect(pollTimeLine(poll({}), now)).toBe(`Closes on ${formatLondonLong(tomorrow)} (UK time).`);
    expect(pollTimeLine(poll({ closesAt: yesterday }), now)).toBe(`Voting closed on ${formatLondonLong(yesterday)} (UK time). The ballots are being counted.`);
    expect(pollTimeLine(poll({ status: "closed", closesAt: yesterday, closedAt: yesterday }), now)).toBe(`Closed on ${formatLondonLong(yesterday)} (UK time).`);
    expect(pollTimeLine(poll({ status: "cancelled", cancelledAt: yesterday }), now)).toContain(`Cancelled on ${formatLondonLong(yesterday)}`);
    expect(pollTimeLine(poll({ status: "draft" }), now)).toContain("Not open yet.");
  });
});

describe("a poll's turnout line (issue 15)", () => {
  it("never tells someone who has just voted that nobody has", () => {
    const line = pollTurnoutLine({ status: "open", rollSize: 3, voters: 0, youVoted: true });
    expect(line).toBe("3 people on the roll; 1 has voted so far, you among them.");
    expect(line).not.toContain("0 have voted");
    expect(pollTurnoutLine({ status: "open", rollSize: 3, voters: 2, youVoted: true })).toBe("3 people on the roll; 2 have voted so far, you among them.");
  });

  it("counts people in the singular and plural, and says 'voted' once the poll has closed", () => {
    expect(pollTurnoutLine({ status: "open", rollSize: 1, voters: 0, youVoted: false })).toBe("1 person on the roll; 0 have voted so far.");
    expect(pollTurnoutLine({ status: "closed", rollSize: 1200, voters: 1000, youVoted: false })).toBe("1,200 people on the roll; 1,000 voted.");
    expect(pollTurnoutLine({ status: "draft", rollSize: 0, voters: 0, youVoted: false })).toBe("Frozen when the poll opens");
  });
});
