import { describe, expect, it } from "vitest";
import { SIMILARITY_THRESHOLD, normaliseName, prepareNames, similarNames, similarity } from "./similar-names";

const register = prepareNames([
  "Labour Party",
  "Liberal Democrats",
  "Green Party",
  "The Breakaway Party",
  "Workers Party of Britain",
  "Scottish National Party (SNP)",
  "Reform UK",
]);
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
});
