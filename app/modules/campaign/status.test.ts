import { describe, expect, it } from "vitest";
import { campaignStatus, pledgesOpen, type CampaignState } from "./status";

const now = new Date("2026-12-05T12:00:00Z");
const hourAgo = new Date(now.getTime() - 3600_000);
const inAnHour = new Date(now.getTime() + 3600_000);
const state = (over: Partial<CampaignState>): CampaignState => ({ phase: "campaign", deadline: inAnHour, decision: null, invited: 0, ...over });

describe("the campaign's status line (issue 15)", () => {
  it("says the campaign is running only before the deadline", () => {
    expect(campaignStatus(state({}), now)).toBe("The campaign is running: pledges are open until the deadline.");
    const after = campaignStatus(state({ deadline: hourAgo }), now);
    expect(after).not.toContain("running");
    expect(after).toContain("The deadline has passed and pledges are closed.");
  });

  it("says the members are deciding only while their ballot is open", () => {
    expect(campaignStatus(state({ phase: "decision", deadline: hourAgo, decision: { status: "open", closesAt: inAnHour } }), now)).toContain(
      "Pledgers are deciding together",
    );
    for (const decision of [
      { status: "open" as const, closesAt: hourAgo },
      { status: "closed" as const, closesAt: inAnHour },
    ]) {
      const line = campaignStatus(state({ phase: "decision", deadline: hourAgo, decision }), now);
      expect(line).toContain("The members' decision ballot has closed.");
      expect(line).not.toContain("deciding");
    }
  });

  it("says founding members are being invited only once invitations are out, and how many", () => {
    const before = campaignStatus(state({ phase: "founding", deadline: hourAgo }), now);
    expect(before).not.toContain("being invited");
    expect(before).not.toContain("been invited");
    expect(before).toContain("The organisers will invite everyone who pledged");
    expect(campaignStatus(state({ phase: "founding", deadline: hourAgo, invited: 1 }), now)).toContain("1 person has been invited to be founding members.");
    expect(campaignStatus(state({ phase: "founding", deadline: hourAgo, invited: 1234 }), now)).toContain("1,234 people have been invited");
  });

  it("says the campaign has ended once the members decided to stay or join another party", () => {
    expect(campaignStatus(state({ phase: "stayed", deadline: hourAgo }), now)).toContain("The campaign has ended.");
    expect(campaignStatus(state({ phase: "joined_other", deadline: hourAgo }), now)).toContain("join another party");
  });

  it("takes pledges only while the campaign runs and before its deadline", () => {
    expect(pledgesOpen({ phase: "campaign", deadline: inAnHour }, now)).toBe(true);
    expect(pledgesOpen({ phase: "campaign", deadline: now }, now)).toBe(false);
    expect(pledgesOpen({ phase: "decision", deadline: inAnHour }, now)).toBe(false);
    expect(pledgesOpen(null, now)).toBe(false);
  });
});
