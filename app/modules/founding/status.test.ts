import { describe, expect, it } from "vitest";
import { formatLondonLong } from "~/utils/london-time";
import { standingOrdersVoteStatus } from "./status";

const now = new Date("2026-12-05T12:00:00Z");
const inAnHour = new Date(now.getTime() + 3600_000);
const hourAgo = new Date(now.getTime() - 3600_000);

describe("the standing orders vote's status line (issue 15)", () => {
  it("is under way only while open and before its closing time, which it gives as people write it", () => {
    const open = standingOrdersVoteStatus({ status: "open", closesAt: inAnHour, passed: null }, now);
    expect(open.text).toBe(`The standing orders vote is under way. It closes on ${formatLondonLong(inAnHour)} (UK time).`);
    expect(open.link).toBe("Vote on the interim standing orders");
  });

  it("is no longer under way once closed, and says what the founding members decided", () => {
    const counting = standingOrdersVoteStatus({ status: "open", closesAt: hourAgo, passed: null }, now);
    const adopted = standingOrdersVoteStatus({ status: "closed", closesAt: inAnHour, passed: true }, now);
    const lost = standingOrdersVoteStatus({ status: "closed", closesAt: hourAgo, passed: false }, now);
    for (const s of [counting, adopted, lost]) {
      expect(s.text).not.toContain("under way");
      expect(s.link).not.toContain("Vote on");
    }
    expect(counting.text).toContain("being counted");
    expect(adopted.text).toBe("The founding members adopted the interim standing orders by secret ballot.");
    expect(lost.text).toContain("did not adopt");
  });
});
