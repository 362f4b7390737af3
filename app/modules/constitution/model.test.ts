import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  clausesCovering,
  loadModelConstitution,
  missingRegistrationItems,
  ModelConstitutionError,
  parseFrontMatter,
  parseModelConstitution,
  type Clause,
} from "./model";
import { registrationItems, type RegistrationItemKey } from "./registration-items";

/**
 * Words a clause must actually contain to cover an item. `some`: every clause that claims the item
 * contains at least one of them. `every`: the claiming clauses, taken together, contain all of
 * them. Matched case-insensitively, as plain substrings.
 */
const evidence: Record<RegistrationItemKey, { some: string[]; every: string[] }> = {
  register: { some: ["register"], every: ["great britain", "england", "scotland", "wales", "northern ireland"] },
  aims: { some: ["aim"], every: ["democratic socialist"] },
  elections: { some: ["contest", "stand candidates"], every: ["intends to contest", "uk parliament", "local government"] },
  "candidate-selection": { some: ["select"], every: ["open selection", "secret ballot", "nominating officer"] },
  "structure-officers": {
    some: ["officer", "committee", "branch"],
    every: ["leader", "nominating officer", "treasurer", "campaigns officer", "term", "secret ballot", "recall", "vacan"],
  },
  "decision-making": {
    some: ["ballot", "quorum", "meeting", "decide", "decision"],
    every: ["member ballot", "secret ballot", "conference", "quorum", "minutes", "at least once"],
  },
  discipline: { some: ["discipline", "dispute", "complaint", "appeal", "code of conduct"], every: ["fair", "hearing", "sanction", "appeal", "dispute"] },
  membership: { some: ["join", "membership", "leave"], every: ["join", "fee", "leave", "personal data", "right"] },
  "financial-scheme": { some: ["financial scheme"], every: ["adopted a financial scheme", "electoral commission", "accounting unit"] },
  amendment: { some: ["amend"], every: ["two thirds", "entrenched", "member ballot", "quorum"] },
  dissolution: { some: ["dissol"], every: ["two thirds", "assets", "debts", "electoral commission"] },
  "consistent-with-law": {
    some: ["equality act 2010", "the law"],
    every: ["equality act 2010", "political parties, elections and referendums act 2000"],
  },
  "consistent-with-financial-scheme": {
    some: ["accounts", "campaign spending"],
    every: ["signs off", "annual", "campaign spending", "authoris", "financial scheme"],
  },
};

const normalise = (text: string) => text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ");

const textOf = (clause: Pick<Clause, "title" | "body">) => normalise(`${clause.title}\n${clause.body}`);

/** Problems with the evidence for each claimed item; empty when every claim is backed by text. */
function unsupportedClaims(clauses: readonly Clause[]): string[] {
  const problems: string[] = [];
  for (const item of registrationItems) {
    const covering = clausesCovering(clauses, item.key);
    const { some, every } = evidence[item.key];
    for (const clause of covering) {
      if (!some.some((word) => textOf(clause).includes(word))) problems.push(`${clause.id} claims ${item.key} but mentions none of: ${some.join(", ")}`);
    }
    const together = covering.map(textOf).join("\n");
    for (const word of every) {
      if (!together.includes(word)) problems.push(`${item.key}: the covering clauses never mention "${word}"`);
    }
  }
  return problems;
}

const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s+/;

describe("the model constitution in constitution/clauses", () => {
  let clauses: Clause[] = [];
  beforeAll(async () => {
    clauses = await loadModelConstitution(path.resolve(process.cwd(), "constitution/clauses"));
  });

  it("has at least 20 clauses, sorted by order, with unique ids and orders", () => {
    expect(clauses.length).toBeGreaterThanOrEqual(20);
    expect(new Set(clauses.map((c) => c.id)).size).toBe(clauses.length);
    expect(new Set(clauses.map((c) => c.order)).size).toBe(clauses.length);
    const orders = clauses.map((c) => c.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it("covers every item the Electoral Commission looks for", () => {
    expect(missingRegistrationItems(clauses).map((item) => item.key)).toEqual([]);
  });

  it("entrenches the aims, one member one vote, amendment and dissolution", () => {
    const entrenched = clauses.filter((c) => c.entrenched).map((c) => c.id);
    expect(entrenched).toEqual(expect.arrayContaining(["aims", "one-member-one-vote", "amendment", "dissolution"]));
    for (const key of ["aims", "amendment", "dissolution"] as const) {
      expect(
        clausesCovering(clauses, key).some((c) => c.entrenched),
        key,
      ).toBe(true);
    }
  });

  it("gives every clause a title and some text", () => {
    for (const clause of clauses) {
      expect(clause.title.trim(), clause.file).not.toBe("");
      expect(clause.body.trim().length, clause.file).toBeGreaterThan(40);
    }
  });

  it("backs every coverage claim with the words of the clauses", () => {
    expect(unsupportedClaims(clauses)).toEqual([]);
  });

  it("refers to other clauses only by titles that exist", () => {
    const titles = new Set(clauses.map((c) => c.title));
    // 'the clause "A"', and lists such as 'the clauses "A", "B" and "C"'.
    const broken = clauses.flatMap((c) =>
      [...c.body.matchAll(/clauses? ((?:"[^"]+"(?:, | and )?)+)/g)].flatMap((m) =>
        [...(m[1] ?? "").matchAll(/"([^"]+)"/g)]
          .map((q) => q[1] ?? "")
          .filter((title) => !titles.has(title))
          .map((title) => `${c.id} -> "${title}"`),
      ),
    );
    expect(broken).toEqual([]);
  });

  it("uses only the Markdown the app renders: one-line list items, no tables, no HTML", () => {
    const problems: string[] = [];
    for (const clause of clauses) {
      for (const block of clause.body.split(/\n{2,}/)) {
        const lines = block.trim().split("\n");
        const items = lines.filter((l) => LIST_ITEM.test(l)).length;
        if (items > 0 && items < lines.length) problems.push(`${clause.id}: a list mixed with other lines: ${lines[0]}`);
        if (lines.some((l) => /^\s*\|/.test(l))) problems.push(`${clause.id}: a table`);
        if (/<\/?[a-z][^>]*>/i.test(block)) problems.push(`${clause.id}: HTML`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("the keyword check", () => {
  it("catches a clause that claims an item it does not deal with", () => {
    const bogus: Clause = {
      id: "bogus",
      title: "Branch socials",
      order: 10,
      entrenched: false,
      covers: ["dissolution"],
      body: "Branches may hold social events.",
      file: "bogus.md",
    };
    expect(unsupportedClaims([bogus]).some((p) => p.startsWith("bogus claims dissolution"))).toBe(true);
  });
});

describe("front matter and validation", () => {
  const file = (name: string, front: string, body = "Some text.") => ({ name, text: `---\n${front}\n---\n\n${body}\n` });

  it("reads flat keys, quoted values, comments, and block or inline lists", () => {
    const parsed = parseFrontMatter(
      '---\nid: a\ntitle: "Discipline: fair process"\norder: 10 # first\nentrenched: true\ncovers:\n  - aims\n  - register\nother: [x, "y"]\n---\nBody\n',
    );
    expect(parsed?.problems).toEqual([]);
    expect(parsed?.data).toEqual({
      id: "a",
      title: "Discipline: fair process",
      order: "10",
      entrenched: "true",
      covers: ["aims", "register"],
      other: ["x", "y"],
    });
    expect(parsed?.body).toBe("Body\n");
    expect(parseFrontMatter("no front matter")).toBeNull();
  });

  it("returns clauses sorted by order, with covers: [] allowed", () => {
    const result = parseModelConstitution([
      file("b.md", "id: second\ntitle: Second\norder: 20\nentrenched: false\ncovers: []"),
      file("a.md", "id: first\ntitle: First\norder: 10\nentrenched: true\ncovers:\n  - aims"),
    ]);
    expect(result.ok && result.clauses.map((c) => [c.id, c.order, c.entrenched, c.covers])).toEqual([
      ["first", 10, true, ["aims"]],
      ["second", 20, false, []],
    ]);
  });

  it("reports missing fields, bad values, unknown keys and items, duplicates and empty bodies", () => {
    const result = parseModelConstitution([
      file("1.md", "id: same\ntitle: One\norder: 10\nentrenched: false\ncovers: [aims]"),
      file("2.md", "id: same\ntitle: Two\norder: 10\nentrenched: false\ncovers: [aims]"),
      file("3.md", "id: Not A Slug\norder: ten\nentrenched: maybe\ncovers: [nonsense]\nentrenchd: true"),
      file("4.md", "id: empty\ntitle: Empty\norder: 40\nentrenched: false\ncovers: []", "   "),
      { name: "5.md", text: "No front matter at all." },
    ]);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.join("\n");
    for (const expected of [
      'id "same" is also used by 1.md',
      "order 10 is also used by 1.md",
      "must be lower-case words",
      '"title" is missing',
      'order "ten"',
      "entrenched must be true or false",
      'unknown registration item "nonsense"',
      'unknown front matter key "entrenchd"',
      "4.md: the clause has no text",
      "5.md: no front matter",
    ]) {
      expect(problems).toContain(expected);
    }
  });

  it("throws every problem at once when loading a folder, ignoring files that are not Markdown", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "clauses-"));
    try {
      await writeFile(path.join(dir, "notes.txt"), "not a clause");
      await writeFile(path.join(dir, "01-a.md"), "---\nid: a\ntitle: A\norder: 10\nentrenched: false\ncovers: []\n---\nText.\n");
      await expect(loadModelConstitution(dir)).resolves.toHaveLength(1);
      await writeFile(path.join(dir, "02-b.md"), "---\nid: a\ntitle: B\norder: 10\nentrenched: no\ncovers: []\n---\nText.\n");
      const error = await loadModelConstitution(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelConstitutionError);
      expect((error as ModelConstitutionError).problems).toHaveLength(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("lists the registration items no clause covers", () => {
    const keys = missingRegistrationItems([{ covers: ["aims", "register"] }, { covers: ["aims"] }]).map((i) => i.key);
    expect(keys).not.toContain("aims");
    expect(keys).not.toContain("register");
    expect(keys).toHaveLength(registrationItems.length - 2);
  });
});
