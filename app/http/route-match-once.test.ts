import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The server's copy of the router (what @remix-run/server-runtime requires), as patched by
// patches/@remix-run+router+*.patch (decision 043).
const require = createRequire(import.meta.url);
const { matchRoutes } = require("@remix-run/router") as {
  matchRoutes: (routes: object[], location: string) => { route: { id: string } }[] | null;
};

/** A route tree whose routes count how often their path is read (each flattening reads every one). */
function countedRoutes() {
  let reads = 0;
  const route = (id: string, path: string | undefined, children?: object[]) => ({
    id,
    index: path === undefined,
    get path() {
      reads += 1;
      return path;
    },
    children,
  });
  const routes = [route("root", "/", [route("home", undefined), route("polls", "polls"), route("poll", "polls/:pollId"), route("campaign", "campaign")])];
  return { routes, reads: () => reads };
}

describe("route matching", () => {
  it("works out the route tree once per routes array, not on every request", () => {
    const tree = countedRoutes();
    expect(matchRoutes(tree.routes, "/polls/42")?.at(-1)?.route.id).toBe("poll");
    const afterFirst = tree.reads();
    expect(afterFirst).toBeGreaterThan(0);
    for (const path of ["/polls", "/campaign", "/", "/polls/7"]) matchRoutes(tree.routes, path);
    expect(tree.reads()).toBe(afterFirst);
  });

  it("still matches each path to its own route", () => {
    const tree = countedRoutes();
    expect(matchRoutes(tree.routes, "/campaign")?.at(-1)?.route.id).toBe("campaign");
    expect(matchRoutes(tree.routes, "/polls")?.at(-1)?.route.id).toBe("polls");
    expect(matchRoutes(tree.routes, "/")?.at(-1)?.route.id).toBe("home");
    expect(matchRoutes(tree.routes, "/nowhere")).toBeNull();
  });
});
