import path from "node:path";
import { describe, expect, it } from "vitest";
import { uploadProblemMessages } from "./messages";
import { loadModelConstitution } from "./model";
import { isRegistrationItemKey } from "./registration-items";
import { parseBlocks } from "./text/blocks";
import { splitMarkdownIntoClauses, UPLOAD_LIMITS, type UploadedClause, type UploadProblem, type UploadProblemCode, type UploadResult } from "./upload";

function clausesOf(markdown: string): UploadedClause[] {
  const result = splitMarkdownIntoClauses(markdown);
  if (!result.ok) throw new Error(`expected clauses, got problems: ${JSON.stringify(result.problems)}`);
  return result.clauses;
}

function problemsOf(markdown: string): UploadProblem[] {
  const result = splitMarkdownIntoClauses(markdown);
  if (result.ok) throw new Error(`expected problems, got ${result.clauses.length} clause(s)`);
  return result.problems;
}

function okResult(markdown: string): Extract<UploadResult, { ok: true }> {
  const result = splitMarkdownIntoClauses(markdown);
  if (!result.ok) throw new Error(`expected clauses, got problems: ${JSON.stringify(result.problems)}`);
  return result;
}

/** A file of `n` short clauses titled "Clause title 1", "Clause title 2", … */
function manyClauses(n: number): string {
  return Array.from({ length: n }, (_, i) => `## Clause title ${i + 1}\n\nText ${i + 1}.`).join("\n\n");
}

describe("splitMarkdownIntoClauses: splitting", () => {
  it("starts a clause at each level-2 heading", () => {
    const clauses = clausesOf("## Name\n\nThe party is called X.\n\n## Aims\n\nTo win.\n");
    expect(clauses.map((c) => c.title)).toEqual(["Name", "Aims"]);
    expect(clauses.map((c) => c.text)).toEqual(["The party is called X.", "To win."]);
  });

  it("needs no blank line between a heading and its text", () => {
    expect(clausesOf("## Name\nThe party is called X.\n## Aims\nTo win.").map((c) => c.text)).toEqual(["The party is called X.", "To win."]);
  });

  it("ignores a level-1 title and text before the first clause, and says so", () => {
    const result = okResult("# Our constitution\n\nAdopted at the founding meeting.\n\n## Name\n\nX.\n");
    expect(result.ignoredPreamble).toBe(true);
    expect(result.clauses.map((c) => c.title)).toEqual(["Name"]);
    expect(result.clauses[0]?.text).toBe("X.");
  });

  it("ignores plain text before the first clause even without a title", () => {
    expect(okResult("Some introduction.\n\n## Name\n\nX.").ignoredPreamble).toBe(true);
  });

  it("reports no preamble when the file starts with a clause (blank lines aside)", () => {
    expect(okResult("\n\n  \n## Name\n\nX.").ignoredPreamble).toBe(false);
  });

  it("uses level-1 headings as clauses when there are several and no level-2 headings", () => {
    const result = okResult("Intro.\n\n# Name\n\nX.\n\n# Aims\n\nY.\n");
    expect(result.clauses.map((c) => c.title)).toEqual(["Name", "Aims"]);
    expect(result.ignoredPreamble).toBe(true);
  });

  it("treats a single level-1 heading as a title, not a clause", () => {
    expect(problemsOf("# Our constitution\n\nSome text.")).toEqual([{ code: "no_clauses" }]);
  });

  it("prefers level-2 headings when there are both, even several level-1 headings", () => {
    const clauses = clausesOf("# Constitution\n\n## Name\n\nX.\n\n# Part two\n\n## Aims\n\nY.");
    expect(clauses.map((c) => c.title)).toEqual(["Name", "Aims"]);
    // A shallower heading inside a clause is kept as text, never dropped.
    expect(clauses[0]?.text).toBe("X.\n\nPart two");
  });

  it("turns deeper headings into a paragraph of their text", () => {
    const clauses = clausesOf("## Officers\n\nIntro.\n### The treasurer\nKeeps the accounts.\n#### Deputy ####\n\nHelps.");
    expect(clauses).toHaveLength(1);
    expect(clauses[0]?.text).toBe("Intro.\n\nThe treasurer\n\nKeeps the accounts.\n\nDeputy\n\nHelps.");
    // Blank lines around it keep the heading its own paragraph in the text engine.
    expect(parseBlocks(clauses[0]?.text ?? "").map((b) => b.kind)).toEqual(Array(5).fill("paragraph"));
  });

  it("drops an empty deeper heading", () => {
    expect(clausesOf("## Name\n\nX.\n\n###\n\nY.")[0]?.text).toBe("X.\n\nY.");
  });

  it("does not take '#hashtag', a 4-space indented '#' or a heading in a list item as a heading", () => {
    const text = "#hashtag stays\n\n    ## indented code\n\n- ## in a list";
    expect(clausesOf(`## Name\n\n${text}`)[0]?.text).toBe(text);
  });

  it("accepts up to three spaces before a heading", () => {
    expect(clausesOf("   ## Name\n\nX.")[0]?.title).toBe("Name");
  });

  it("does not treat '#' lines inside fenced code as headings", () => {
    const fenced = "```\n## not a clause\n# nor this\n```\n\n~~~~\n## still code\n~~~\n## still code\n~~~~";
    const clauses = clausesOf(`## Name\n\n${fenced}\n\n## Aims\n\nY.`);
    expect(clauses.map((c) => c.title)).toEqual(["Name", "Aims"]);
    expect(clauses[0]?.text).toBe(fenced);
  });

  it("skips YAML front matter whose comments look like headings", () => {
    const result = okResult("---\ntitle: Constitution\n# a comment\ntags:\n  - rules\n---\n## Name\n\nX.");
    expect(result.clauses.map((c) => c.title)).toEqual(["Name"]);
    expect(result.ignoredPreamble).toBe(true);
  });

  it("does not mistake a '---' rule for front matter and swallow clauses", () => {
    const clauses = clausesOf("---\n\n## Name\n\nX.\n\n---\n\n## Aims\n\nY.");
    expect(clauses.map((c) => c.title)).toEqual(["Name", "Aims"]);
    expect(clauses[0]?.text).toBe("X.\n\n---");
  });
});

describe("splitMarkdownIntoClauses: normalising the file", () => {
  it("reads CRLF line endings", () => {
    const clauses = clausesOf("# Title\r\n\r\n## Name\r\n\r\nLine one\r\nline two.\r\n\r\n## Aims\r\n\r\n- To win.\r\n");
    expect(clauses.map((c) => c.title)).toEqual(["Name", "Aims"]);
    expect(clauses.map((c) => c.text)).toEqual(["Line one\nline two.", "- To win."]);
    expect(clauses.some((c) => c.text.includes("\r") || c.title.includes("\r"))).toBe(false);
  });

  it("reads old Mac CR line endings", () => {
    expect(clausesOf("## Name\r\rX.\r## Aims\r\rY.").map((c) => c.text)).toEqual(["X.", "Y."]);
  });

  it("strips a byte order mark, so the first heading is still a heading", () => {
    const result = okResult("\uFEFF## Name\n\nX.");
    expect(result.clauses.map((c) => c.title)).toEqual(["Name"]);
    expect(result.ignoredPreamble).toBe(false);
  });

  it("trims the text, removes trailing spaces and collapses runs of blank lines", () => {
    const clauses = clausesOf("## Name\n\n\n  \nFirst.   \n\n\n\n\t\nSecond.\t\n\n\n");
    expect(clauses[0]?.text).toBe("First.\n\nSecond.");
  });

  it("keeps a single blank line and soft line breaks as they are", () => {
    expect(clausesOf("## Name\n\nOne\ntwo.\n\nThree.")[0]?.text).toBe("One\ntwo.\n\nThree.");
  });

  it("keeps lists intact, markers and indentation included", () => {
    const list = "(1) The party's aims are:\n\n- (a) to win;\n- (b) to govern.\n\n1. First\n2) Second\n   continued\n  - nested\n* star\n+ plus";
    const text = clausesOf(`## Aims\n\n${list}\n`)[0]?.text ?? "";
    expect(text).toBe(list);
    expect(parseBlocks(text).map((b) => b.marker ?? "paragraph")).toEqual(["(1)", "- (a)", "- (b)", "1.", "2)", "-", "*", "+"]);
  });

  it("keeps Markdown inline markup exactly as typed", () => {
    const text = "Members **must** pay. See [rules](https://example.org) and <b>this</b> & `code`.";
    expect(clausesOf(`## Fees\n\n${text}`)[0]?.text).toBe(text);
  });
});

describe("splitMarkdownIntoClauses: titles", () => {
  it.each([
    ["## 3. Membership", "Membership"],
    ["## 3 Membership", "Membership"],
    ["## 3) Membership", "Membership"],
    ["## 3: Membership", "Membership"],
    ["## 3.Membership", "Membership"],
    ["## 12.4 Membership", "Membership"],
    ["## 3 - Membership", "Membership"],
    ["## Clause 3 – Membership", "Membership"],
    ["## Clause 3 — Membership", "Membership"],
    ["## clause 3: Membership", "Membership"],
    ["## Clause 3. Membership", "Membership"],
    ["## Section 12 Membership", "Membership"],
    ["## Article IV. Membership", "Membership"],
    ["## Rule 3a Membership", "Membership"],
  ])("strips the clause number from %j", (heading, title) => {
    expect(clausesOf(`${heading}\n\nText.`)[0]?.title).toBe(title);
  });

  it.each([
    ["## 3rd party campaigns", "3rd party campaigns"],
    ["## Clause 3", "Clause 3"],
    ["## 3.", "3."],
    ["## Rule changes", "Rule changes"],
    ["## Part of a whole", "Part of a whole"],
  ])("leaves %j alone when there is no number to strip, or nothing after it", (heading, title) => {
    expect(clausesOf(`${heading}\n\nText.`)[0]?.title).toBe(title);
  });

  it("strips the number from level-1 clause headings too", () => {
    expect(clausesOf("# 1. Name\n\nX.\n\n# 2. Aims\n\nY.").map((c) => c.title)).toEqual(["Name", "Aims"]);
  });

  it("removes a closing run of hashes and collapses spaces in the title", () => {
    expect(clausesOf("##   Name   of  the\tparty   ##\n\nX.")[0]?.title).toBe("Name of the party");
  });

  it.each(["(entrenched)", "(Entrenched)", "(ENTRENCHED)", "( entrenched )"])(
    "marks a clause entrenched by a title ending in %j and removes the marker",
    (marker) => {
      const clause = clausesOf(`## 2. Aims and values ${marker}\n\nText.`)[0];
      expect(clause?.title).toBe("Aims and values");
      expect(clause?.entrenched).toBe(true);
    },
  );

  it("does not entrench a clause that only mentions the word", () => {
    const clauses = clausesOf("## Entrenched clauses\n\nX.\n\n## Aims (entrenched) and values\n\nY.\n\n## Name\n\nZ.");
    expect(clauses.map((c) => c.entrenched)).toEqual([false, false, false]);
    expect(clauses[1]?.title).toBe("Aims (entrenched) and values");
  });

  it("names a clause whose heading is empty after its position", () => {
    const clauses = clausesOf("## Name\n\nX.\n\n##\n\nY.\n\n## (entrenched)\n\nZ.");
    expect(clauses.map((c) => c.title)).toEqual(["Name", "Clause 2", "Clause 3"]);
    expect(clauses[2]?.entrenched).toBe(true);
  });
});

describe("splitMarkdownIntoClauses: ids", () => {
  it("makes an id from the title: lower case ascii letters, digits and hyphens", () => {
    const clauses = clausesOf("## Members' rights & duties\n\nX.\n\n## Élection du comité\n\nY.\n\n## 2025 review: “Next steps”!\n\nZ.");
    // "2025 " is read as a clause number and stripped, like "3 Membership".
    expect(clauses.map((c) => c.id)).toEqual(["members-rights-duties", "election-du-comite", "review-next-steps"]);
  });

  it("keeps ids to 40 characters, cut between words", () => {
    const ids = clausesOf(
      "## The quick brown fox jumps over the lazy dog again and again\n\nX.\n\n## The quick brown fox jumps over the lazy do\n\nY.\n\n## " +
        "Supercalifragilisticexpialidociousnessabcdefgh\n\nZ.",
    ).map((c) => c.id);
    expect(ids).toEqual([
      "the-quick-brown-fox-jumps-over-the-lazy",
      "the-quick-brown-fox-jumps-over-the-2",
      // One word longer than the limit has nowhere to cut but the limit.
      "supercalifragilisticexpialidociousnessab",
    ]);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(40);
  });

  it("falls back to clause-N when the title has no ascii letters or digits", () => {
    expect(clausesOf("## Name\n\nX.\n\n## Ελληνικά\n\nY.\n\n## 🙂\n\nZ.").map((c) => c.id)).toEqual(["name", "clause-2", "clause-3"]);
  });

  it("makes ids unique with -2, -3 suffixes", () => {
    const clauses = clausesOf("## Aims!\n\nX.\n\n## Aims?\n\nY.\n\n## Aims.\n\nZ.\n\n## Aims 2\n\nW.");
    expect(clauses.map((c) => c.id)).toEqual(["aims", "aims-2", "aims-3", "aims-2-2"]);
  });

  it("keeps suffixed ids within 40 characters", () => {
    const title = "A very long clause title that goes on and on";
    const ids = clausesOf(`## ${title} one\n\nX.\n\n## ${title} two\n\nY.`).map((c) => c.id);
    expect(ids).toEqual(["a-very-long-clause-title-that-goes-on", "a-very-long-clause-title-that-goes-on-2"]);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(40);
  });

  it("gives ids the model constitution would accept", () => {
    const clauses = clausesOf(manyClauses(30) + "\n\n## --Odd--  title--\n\nX.\n\n## ----\n\nY.");
    for (const clause of clauses) expect(clause.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(clauses.map((c) => c.id)).size).toBe(clauses.length);
  });
});

describe("splitMarkdownIntoClauses: covers", () => {
  it.each([
    ["Name, register and nations", ["register"]],
    ["Aims and values", ["aims"]],
    ["Contesting elections", ["elections"]],
    ["Selecting candidates", ["candidate-selection"]],
    ["The party's officers", ["structure-officers"]],
    ["Party structure", ["structure-officers"]],
    ["Decision-making", ["decision-making"]],
    ["General meetings", ["decision-making"]],
    ["Discipline and fair process", ["discipline"]],
    ["Disputes and complaints", ["discipline"]],
    ["Membership", ["membership"]],
    ["Finance and the financial scheme", ["financial-scheme"]],
    ["Amending this constitution", ["amendment"]],
    ["Dissolving the party", ["dissolution"]],
    ["Dissolution", ["dissolution"]],
    ["Discipline of members", ["discipline", "membership"]],
    ["Name", []],
    ["Equality and access", []],
    ["Remembering our founders", []],
  ])("guesses what %j covers from its title", (title, covers) => {
    expect(clausesOf(`## ${title}\n\nText.`)[0]?.covers).toEqual(covers);
  });

  it("only guesses real registration item keys", () => {
    const titles = "aims register election candidate officer structure decision meeting discipline dispute member finance amend dissolve";
    const clauses = clausesOf(
      titles
        .split(" ")
        .map((t, i) => `## ${t} ${i}\n\nX.`)
        .join("\n\n"),
    );
    const keys = clauses.flatMap((c) => c.covers);
    expect(keys.length).toBeGreaterThanOrEqual(14);
    for (const key of keys) expect(isRegistrationItemKey(key)).toBe(true);
  });
});

describe("splitMarkdownIntoClauses: problems", () => {
  it.each(["", "   ", "\n\n\t\n", "\uFEFF", "\r\n\r\n"])("reports an empty file (%j)", (markdown) => {
    expect(problemsOf(markdown)).toEqual([{ code: "empty" }]);
  });

  it("reports a file with no headings", () => {
    expect(problemsOf("Just some text.\n\n- and a list")).toEqual([{ code: "no_clauses" }]);
  });

  it("reports a file whose only headings are inside code", () => {
    expect(problemsOf("```\n## Name\n## Aims\n```")).toEqual([{ code: "no_clauses" }]);
  });

  it(`accepts ${UPLOAD_LIMITS.maxClauses} clauses and reports one more`, () => {
    expect(clausesOf(manyClauses(UPLOAD_LIMITS.maxClauses))).toHaveLength(UPLOAD_LIMITS.maxClauses);
    expect(problemsOf(manyClauses(UPLOAD_LIMITS.maxClauses + 1))).toEqual([{ code: "too_many_clauses" }]);
  });

  it("measures the size in UTF-8 bytes, not characters", () => {
    const heading = "## Name\n\n";
    const ascii = heading + "a".repeat(UPLOAD_LIMITS.maxBytes - heading.length);
    expect(clausesOf(ascii)).toHaveLength(1);
    expect(problemsOf(ascii + "a")).toEqual([{ code: "too_large" }]);
    // "é" is 2 bytes: fewer characters than the limit, more bytes.
    const accented = heading + "é".repeat(UPLOAD_LIMITS.maxBytes / 2);
    expect(accented.length).toBeLessThan(UPLOAD_LIMITS.maxBytes);
    expect(problemsOf(accented)).toEqual([{ code: "too_large" }]);
  });

  it("reports a clause with no text at the line of its heading", () => {
    const markdown = "# Title\n\n## Name\n\nX.\n\n## 2. Aims\n\n   \n\n## Fees\n\nY.\n\n## Last (entrenched)\n";
    expect(problemsOf(markdown)).toEqual([
      { code: "clause_empty", line: 7, title: "Aims" },
      { code: "clause_empty", line: 15, title: "Last" },
    ]);
  });

  it("counts heading lines the same with CRLF, CR or a BOM", () => {
    const lf = "## Name\n\nX.\n\n## Aims\n";
    const expected = [{ code: "clause_empty", line: 5, title: "Aims" }];
    expect(problemsOf(lf)).toEqual(expected);
    expect(problemsOf(lf.replace(/\n/g, "\r\n"))).toEqual(expected);
    expect(problemsOf(lf.replace(/\n/g, "\r"))).toEqual(expected);
    expect(problemsOf(`\uFEFF${lf}`)).toEqual(expected);
  });

  it("counts a clause holding only an empty deeper heading as empty", () => {
    expect(problemsOf("## Name\n\n###\n")).toEqual([{ code: "clause_empty", line: 1, title: "Name" }]);
  });

  it("reports a title longer than the limit, measured after the number and marker are stripped", () => {
    const long = "T".repeat(UPLOAD_LIMITS.maxTitleLength + 1);
    const justRight = "R".repeat(UPLOAD_LIMITS.maxTitleLength);
    expect(clausesOf(`## 12. ${justRight} (entrenched)\n\nX.`)[0]?.title).toBe(justRight);
    expect(problemsOf(`## Name\n\nX.\n\n## ${long}\n\nY.`)).toEqual([{ code: "title_too_long", line: 5, title: long }]);
  });

  it("reports a title used twice, ignoring case and clause numbers, at each repeat", () => {
    const markdown = "## 1. Aims\n\nX.\n\n## 2. AIMS\n\nY.\n\n## Name\n\nZ.\n\n## aims (entrenched)\n\nW.";
    expect(problemsOf(markdown)).toEqual([
      { code: "duplicate_title", line: 5, title: "AIMS" },
      { code: "duplicate_title", line: 13, title: "aims" },
    ]);
  });

  it("collects every problem instead of stopping at the first", () => {
    const long = "L".repeat(UPLOAD_LIMITS.maxTitleLength + 5);
    const markdown = `${manyClauses(UPLOAD_LIMITS.maxClauses)}\n\n## ${long}\n\n## Clause title 1\n\n${"x".repeat(UPLOAD_LIMITS.maxBytes)}`;
    const lines = markdown.split("\n");
    const longLine = lines.indexOf(`## ${long}`) + 1;
    expect(problemsOf(markdown)).toEqual([
      { code: "too_large" },
      { code: "too_many_clauses" },
      { code: "title_too_long", line: longLine, title: long },
      { code: "clause_empty", line: longLine, title: long },
      { code: "duplicate_title", line: longLine + 2, title: "Clause title 1" },
    ]);
  });
});

describe("uploadProblemMessages", () => {
  it("says where the problem is and which clause", () => {
    expect(uploadProblemMessages.clause_empty({ code: "clause_empty", line: 12, title: "Aims" })).toBe("Line 12: the clause “Aims” has no text");
    expect(uploadProblemMessages.duplicate_title({ code: "duplicate_title", line: 30, title: "Aims" })).toBe(
      "Line 30: there is already a clause called “Aims”. Each clause needs a different title",
    );
    expect(uploadProblemMessages.title_too_long({ code: "title_too_long", line: 4, title: "Short" })).toBe(
      `Line 4: the title “Short” must be ${UPLOAD_LIMITS.maxTitleLength} characters or fewer`,
    );
  });

  it("shortens a very long title and starts with a capital without a line", () => {
    const message = uploadProblemMessages.title_too_long({ code: "title_too_long", title: "x".repeat(500) });
    expect(message.startsWith("The title “xxx")).toBe(true);
    expect(message).toContain("…”");
    expect(message.length).toBeLessThan(150);
  });

  it("states the file-wide limits", () => {
    expect(uploadProblemMessages.empty({ code: "empty" })).toBe("The file is empty");
    expect(uploadProblemMessages.too_large({ code: "too_large" })).toBe("The file must be smaller than 500 KB");
    expect(uploadProblemMessages.too_many_clauses({ code: "too_many_clauses" })).toBe("The file must have 200 clauses or fewer");
    expect(uploadProblemMessages.no_clauses({ code: "no_clauses" })).toContain("## Membership");
  });

  it("has plain-text wording for every code, as a GOV.UK error summary shows it", () => {
    const codes: UploadProblemCode[] = ["empty", "no_clauses", "too_many_clauses", "too_large", "clause_empty", "title_too_long", "duplicate_title"];
    expect(Object.keys(uploadProblemMessages).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      const message = uploadProblemMessages[code]({ code, line: 3, title: "Aims" });
      expect(message).toMatch(/^[A-Z]/);
      expect(message).not.toMatch(/[.<>]$|undefined/);
    }
  });
});

describe("splitMarkdownIntoClauses: round trip of the model constitution", () => {
  it("gives back the model's titles, texts and entrenched flags", async () => {
    const model = await loadModelConstitution(path.resolve("constitution/clauses"));
    expect(model.length).toBeGreaterThan(10);
    const markdown = [
      "# Model constitution",
      "",
      "This file was made from the model clauses.",
      "",
      ...model.map((c) => `## ${c.title}${c.entrenched ? " (entrenched)" : ""}\n\n${c.body}\n`),
    ].join("\n");

    for (const file of [markdown, `\uFEFF${markdown.replace(/\n/g, "\r\n")}`]) {
      const result = okResult(file);
      expect(result.ignoredPreamble).toBe(true);
      expect(result.clauses.map((c) => c.title)).toEqual(model.map((c) => c.title));
      expect(result.clauses.map((c) => c.text)).toEqual(model.map((c) => c.body.trim()));
      expect(result.clauses.map((c) => c.entrenched)).toEqual(model.map((c) => c.entrenched));
      expect(model.some((c) => c.entrenched)).toBe(true);
      expect(new Set(result.clauses.map((c) => c.id)).size).toBe(model.length);
    }
  });
});

describe("hostile headings (issue 13)", () => {
  it("reads the issue's 2 KB upload (#, 2,000 spaces, U+2028) as a heading and a line of text", () => {
    // The old heading pattern was cubic on this line: 15 s for 2,000 spaces.
    const markdown = `#${" ".repeat(2000)}\u2028x\n## Aims\n\nTo win.\n`;
    const result = splitMarkdownIntoClauses(markdown);
    expect(result).toEqual({
      ok: true,
      ignoredPreamble: true,
      clauses: [expect.objectContaining({ title: "Aims", text: "To win." })],
    });
  });

  it("ends a line at U+2028, U+2029, NEL and a lone carriage return", () => {
    for (const lineEnd of ["\u2028", "\u2029", "\u0085", "\r", "\r\n"]) {
      const clauses = clausesOf(["## Aims", "To win.", "## Membership", "Anyone."].join(lineEnd));
      expect(
        clauses.map((c) => [c.title, c.text]),
        JSON.stringify(lineEnd),
      ).toEqual([
        ["Aims", "To win."],
        ["Membership", "Anyone."],
      ]);
    }
  });

  it("keeps a heading's title exact around long runs of spaces and hashes", () => {
    expect(clausesOf(`##${" ".repeat(5000)}Aims${" ".repeat(5000)}##\nTo win.\n## Two\nText.`)[0]?.title).toBe("Aims");
    expect(clausesOf(`## C#\nText.\n## ${"#".repeat(5000)}\nMore.`).map((c) => c.title)).toEqual(["C#", "Clause 2"]);
  });
});
