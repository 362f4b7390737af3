import { describe, expect, it } from "vitest";
import { SIMILARITY_THRESHOLD, normaliseName, prepareNames, similarNames, similarity } from "./similar-names";

const register = prepareNames(["Labour Party", "Liberal Democrats", "Green Party", "The Breakaway Party", "Workers Party of Britain", "Scottish National Party (SNP)", "Reform UK"]);
const names = (text: string) => similarNames(text, register).map((s) => s.name);

describe("normaliseName", () => {
  it("ignores case, accents, punctuation, “the” and “party”, and reads & as and", () => {
    expect(normaliseName("The People’s Party & Friends!")).toBe("peoples and friends");
    expect(normaliseName("Páirtí Éire")).toBe("pairti eire");
    expect(normaliseName("THE PARTY")).toBe("");
  });
});

describe("similarNames", () => {
  it("finds a name that differs only in case, punctuation, “the” or “party”", () => {
    expect(names("labour")).toEqual(["Labour Party"]);
    expect(names("Breakaway")).toEqual(["The Breakaway Party"]);
    expect(names("The Break-Away Party")).toEqual(["The Breakaway Party"]);
  });

  it("finds a one-letter change in a long name", () => {
    const [closest] = similarNames("Literal Democrats", register);
    expect(closest?.name).toBe("Liberal Democrats");
    expect(closest?.score).toBeGreaterThanOrEqual(0.9);
  });

  it("finds the same words reordered", () => {
    expect(names("Britain Workers Party")).toEqual(["Workers Party of Britain"]);
  });

  it("reads & as and", () => {
    const local = prepareNames(["Workers and Farmers"]);
    expect(similarNames("Workers & Farmers", local).map((s) => s.name)).toEqual(["Workers and Farmers"]);
  });

  it("does not flag names that merely share a word", () => {
    expect(names("Green Workers Alliance")).toEqual([]);
    expect(names("Breakaway Democrats for Change")).toEqual([]);
    expect(names("New Dawn")).toEqual([]);
  });

  it("lists the closest first, at most three", () => {
    const many = prepareNames(["Breakaway", "Breakaways", "Break Away Now", "Breakaway Movement", "The Breakaway Party", "Unrelated"]);
    const found = similarNames("Breakaway Party", many);
    expect(found.length).toBe(3);
    expect(found[0]?.score).toBe(1);
    expect(found.map((s) => s.score)).toEqual([...found.map((s) => s.score)].sort((a, b) => b - a));
    expect(found.every((s) => s.score >= SIMILARITY_THRESHOLD)).toBe(true);
  });

  it("skips texts and names that normalise to nothing", () => {
    expect(prepareNames(["The Party", "  "])).toEqual([]);
    expect(similarNames("The Party", register)).toEqual([]);
  });

  it("scores 1 for the same name and less for different ones", () => {
    const [a, b, c] = prepareNames(["Green Party", "The Green Party", "Red Party"]);
    if (!a || !b || !c) throw new Error("prepared");
    expect(similarity(a, b)).toBe(1);
    expect(similarity(a, c)).toBeLessThan(SIMILARITY_THRESHOLD);
  });

  it("is fast enough for 500 registered names and 13 texts", () => {
    const words = ["Green", "Labour", "Workers", "Alliance", "Independent", "Democratic", "People", "Freedom", "Reform", "Heritage", "Community", "Socialist", "Unity", "Future"];
    const many = Array.from({ length: 500 }, (_, i) => `${words[i % 14]} ${words[(i * 7) % 14]} ${words[(i * 3 + 1) % 14]} ${i} Party`);
    const texts = Array.from({ length: 13 }, (_, i) => `Breakaway ${words[i]} for the many and not the few`);
    // Warm the JIT once; the budget is generous because the test machine is shared.
    similarNames("warm up", prepareNames(many));
    const start = performance.now();
    const prepared = prepareNames(many);
    for (const text of texts) similarNames(text, prepared);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
