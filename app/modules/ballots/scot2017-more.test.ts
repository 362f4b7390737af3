/**
 * More real 2017 Scottish wards. No official answers are stored for these, so we check that
 * each counts without error, fills every seat, and keeps every invariant (conservation to the
 * last 0.00001 vote at every stage, quota, monotone non-transferable, ...), and that the
 * result does not depend on the order of the ballot lines.
 */
import { describe, expect, it } from "vitest";
import { parseBlt } from "./blt";
import { countIrv } from "./irv";
import { countSchulze } from "./schulze";
import { countScottishStv } from "./scottish-stv";
import { rankedInvariantProblems } from "./test-support/invariants";
import { listShared, readShared } from "./test-support/shared-ballots";

const files = listShared("scot2017-more", ".blt");

describe("scot2017-more wards", () => {
  it("has the 17 wards", () => {
    expect(files).toHaveLength(17);
  });

  for (const file of files) {
    it(`${file}: counts with every invariant kept`, () => {
      const election = parseBlt(readShared("scot2017-more", file));
      const report = countScottishStv(election);
      expect(rankedInvariantProblems(report)).toEqual([]);
      expect(report.elected).toHaveLength(election.seats);
      expect(report.vacantSeats).toBe(0);
      expect(report.ballots.empty).toBe(0);
      // No lot should be needed in real wards of this size.
      expect(report.tieBreaks.filter((t) => t.decidedBy === "lot")).toEqual([]);

      const reversed = countScottishStv({ ...election, ballots: [...election.ballots].reverse() });
      expect(reversed).toEqual(report);

      // The other methods run on the same data without error.
      expect(rankedInvariantProblems(countIrv(election))).toEqual([]);
      expect(countSchulze(election).elected).toHaveLength(election.seats);
    });
  }
});
