/**
 * Routes stay short (issue 19, docs/architecture.md): a page authorises, parses, calls and
 * responds, and anything longer than 250 lines is doing work that belongs in its domain (a
 * `<page>-view.server.ts` for what it shows, `<page>-actions.server.ts` for what its forms do,
 * `<domain>/components/<page>/` for its parts). Since 6 December 2026 every route is within it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIMIT = 250;
const routes = path.resolve(__dirname, "../app/routes");

function lengths(): Map<string, number> {
  return new Map(readdirSync(routes).map((name) => [name, readFileSync(path.join(routes, name), "utf8").trimEnd().split("\n").length]));
}

describe("route files", () => {
  it(`are at most ${LIMIT} lines`, () => {
    const tooLong = [...lengths()].filter(([, lines]) => lines > LIMIT).map(([name, lines]) => `${name}: ${lines} lines`);
    expect(tooLong).toEqual([]);
  });

  it("are measured: the routes folder is read and its pages have lines", () => {
    const found = lengths();
    expect(found.size).toBeGreaterThan(40);
    expect(Math.max(...found.values())).toBeGreaterThan(50);
  });
});
