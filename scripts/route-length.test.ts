/**
 * Routes stay short (issue 19, docs/architecture.md): a page authorises, parses, calls and
 * responds, and anything longer than 250 lines is doing work that belongs in its domain (a
 * `views.server.ts` for what it shows, the module for what it does, `<domain>/components/` for
 * its parts). The routes still longer are listed with their length today: each may only shrink,
 * and once under the limit it must leave the list, so the list can only get shorter.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIMIT = 250;
const routes = path.resolve(__dirname, "../app/routes");

/** Still too long, as measured on 6 December 2026 (lines, after Prettier). */
const stillTooLong: Record<string, number> = {
  "campaign.import._index.tsx": 383,
  "constitution.clauses.$clauseId.amend.tsx": 372,
  "founding._index.tsx": 366,
};

function lengths(): Map<string, number> {
  return new Map(readdirSync(routes).map((name) => [name, readFileSync(path.join(routes, name), "utf8").trimEnd().split("\n").length]));
}

describe("route files", () => {
  it(`are at most ${LIMIT} lines, or no longer than they were when listed`, () => {
    const tooLong: string[] = [];
    for (const [name, lines] of lengths()) {
      const allowed = stillTooLong[name] ?? LIMIT;
      if (lines > allowed) tooLong.push(`${name}: ${lines} lines (at most ${allowed})`);
    }
    expect(tooLong).toEqual([]);
  });

  it("leave the list once they are short enough, so that it only gets shorter", () => {
    const found = lengths();
    const done = Object.keys(stillTooLong).filter((name) => (found.get(name) ?? 0) <= LIMIT);
    expect(done, "remove these from stillTooLong: they are within the limit (or gone)").toEqual([]);
  });
});
