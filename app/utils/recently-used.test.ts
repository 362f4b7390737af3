import { describe, expect, it } from "vitest";
import { RecentlyUsed } from "./recently-used";

describe("RecentlyUsed", () => {
  it("works a result out once and hands the same one out again", () => {
    const kept = new RecentlyUsed<string, { n: number }>(2);
    let made = 0;
    const make = () => ({ n: ++made });
    const first = kept.get("a", make);
    expect(kept.get("a", make)).toBe(first);
    expect(made).toBe(1);
  });

  it("lets the least recently used go first once full", () => {
    const kept = new RecentlyUsed<string, string>(2);
    const made: string[] = [];
    const make = (key: string) => () => {
      made.push(key);
      return key.toUpperCase();
    };
    kept.get("a", make("a"));
    kept.get("b", make("b"));
    kept.get("a", make("a")); // a is now the most recent
    kept.get("c", make("c")); // so b goes
    expect(kept.count).toBe(2);
    kept.get("a", make("a"));
    kept.get("b", make("b"));
    expect(made).toEqual(["a", "b", "c", "b"]);
  });
});
