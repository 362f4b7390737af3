import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { countElection, type Election, type RankedCountReport } from "~/modules/ballots";
import { StageChart, stageSeries } from "./stage-chart";

// The demo's committee election: two popular candidates, a close race for the third seat.
const candidates = ["Aisha Khan", "Ben Murray", "Catrin Evans", "Daniel Walker", "Eilidh Campbell", "Re-open nominations"];
const patterns = [[0, 2, 1], [0, 1], [1, 3, 0], [1, 0, 4], [2, 4, 3], [4, 2], [3, 1], [0, 4, 2, 1], [2, 0], [5]];
const weights = [7, 5, 6, 4, 3, 3, 3, 2, 2, 1];
const committee: Election = {
  title: "Interim steering committee",
  candidates,
  seats: 3,
  ballots: patterns.map((ranking, i) => ({ ranking, weight: weights[i]! })),
  withdrawn: [],
};

function count(election: Election, method: "scottish-stv" | "irv"): RankedCountReport {
  const report = countElection(election, method);
  if (report.method === "schulze") throw new Error("expected a ranked count");
  return report;
}

describe("stageSeries", () => {
  const report = count(committee, "scottish-stv");
  const series = stageSeries(report);
  const byName = new Map(series.map((s) => [s.candidate, s]));

  it("gives every candidate one total per stage, in ballot order", () => {
    expect(series.map((s) => s.candidate)).toEqual(candidates);
    for (const s of series) expect(s.votes).toHaveLength(report.stages.length);
    expect(series.map((s) => s.votes[0])).toEqual([14, 10, 5, 3, 3, 1]);
  });

  it("matches the count's own totals at every stage", () => {
    report.stages.forEach((stage, i) => {
      for (const t of stage.totals) expect(byName.get(t.candidate)!.votes[i]).toBe(t.votes);
    });
  });

  it("records who was elected and excluded, and when", () => {
    expect(byName.get("Aisha Khan")).toMatchObject({ electedAt: 1, excludedAt: null });
    expect(byName.get("Ben Murray")).toMatchObject({ electedAt: 1, excludedAt: null });
    expect(byName.get("Catrin Evans")!.electedAt).toBe(report.stages.length);
    const excluded = report.stages.flatMap((s) => s.excluded.map((name) => [name, s.stage] as const));
    expect(excluded.length).toBeGreaterThan(0);
    for (const [name, stage] of excluded) {
      const s = byName.get(name)!;
      expect(s.excludedAt).toBe(stage);
      // Excluded candidates drop to zero and stay there.
      expect(s.votes.slice(stage - 1).every((v) => v === 0)).toBe(true);
      expect(s.votes[0]).toBeGreaterThan(0);
    }
  });

  it("shows the surplus moving: Aisha Khan falls to the quota as her surplus is transferred", () => {
    const aisha = byName.get("Aisha Khan")!.votes;
    expect(aisha[0]).toBe(14);
    expect(aisha[1]).toBe(report.quota);
    expect(byName.get("Catrin Evans")!.votes[1]).toBeGreaterThan(5);
  });

  it("leaves out withdrawn candidates", () => {
    const withDrawn = count({ ...committee, withdrawn: [3] }, "scottish-stv");
    expect(stageSeries(withDrawn).map((s) => s.candidate)).not.toContain("Daniel Walker");
  });

  it("works for IRV, which has no quota", () => {
    const irv = count({ ...committee, seats: 1 }, "irv");
    expect(irv.quota).toBeNull();
    const s = stageSeries(irv);
    expect(s.filter((c) => c.electedAt !== null)).toHaveLength(1);
    expect(s.every((c) => c.votes.length === irv.stages.length)).toBe(true);
  });
});

describe("StageChart", () => {
  it("is an image labelled with a summary, with a text legend", () => {
    const html = renderToStaticMarkup(createElement(StageChart, { report: count(committee, "scottish-stv") }));
    expect(html).toContain('role="img"');
    expect(html).toMatch(/aria-label="How the votes moved over 5 stages, quota 10\. Aisha Khan: 14 at stage 1, 10 at stage 5, elected at stage 1;/);
    expect(html).toContain("Daniel Walker: 3 at stage 1, excluded at stage 4");
    expect(html).toContain('class="chart-legend"');
    for (const name of candidates) expect(html).toContain(`${name}<`);
    expect(html).toContain("Quota: 10 votes");
  });

  it("draws IRV's majority line instead of a quota", () => {
    const html = renderToStaticMarkup(createElement(StageChart, { report: count({ ...committee, seats: 1 }, "irv") }));
    expect(html).not.toContain("Quota:");
    expect(html).toContain("Votes needed for a majority at each stage");
  });
});
