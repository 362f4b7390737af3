import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRulesBlock, rulesBlockSchema, StandingOrderRulesError, withoutRulesBlock } from "./standing-order-rules";

const model = readFileSync("constitution/standing-orders.md", "utf8");
/** The model standing orders with one line of the rules block changed. */
const withLine = (from: RegExp, to: string) => {
  expect(model).toMatch(from);
  return model.replace(from, to);
};

function problemsOf(markdown: string): readonly string[] {
  try {
    parseRulesBlock(markdown);
  } catch (error) {
    if (error instanceof StandingOrderRulesError) return error.problems;
    throw error;
  }
  throw new Error("the rules block was accepted");
}

describe("standing orders rules block", () => {
  it("reads every figure of the model standing orders, typed", () => {
    expect(parseRulesBlock(model)).toEqual({
      quorumPercent: 20,
      ordinaryMajority: "simple",
      entrenchedMajority: "two-thirds",
      adoptionMajority: "two-thirds",
      standingOrdersAdoptionMajority: "simple",
      otherQuestionsMajority: "simple",
      ballotMinOpenDays: 7,
      nominationDays: 14,
      amendmentSupporters: 5,
      amendmentStatementMaxWords: 150,
      recommendationMaxWords: 150,
      secondersRequired: 2,
      candidateStatementMaxWords: 500,
      onePerPerson: true,
      severalSeatsMethod: "scottish-stv",
    });
  });

  it("takes the several-seat method as data, and refuses a rule it cannot count", () => {
    expect(parseRulesBlock(withLine(/^several_seats_method: scottish-stv/m, "several_seats_method: meek"))).toMatchObject({ severalSeatsMethod: "meek" });
    expect(parseRulesBlock(withLine(/^several_seats_method: scottish-stv/m, "several_seats_method: wigm-rational"))).toMatchObject({
      severalSeatsMethod: "wigm-rational",
    });
    expect(problemsOf(withLine(/^several_seats_method: scottish-stv/m, "several_seats_method: borda"))[0]).toMatch(/^"several_seats_method": /);
    // Standing orders written before the key existed count as they always did.
    expect(parseRulesBlock(withLine(/^several_seats_method: scottish-stv.*\n/m, ""))).toMatchObject({ severalSeatsMethod: "scottish-stv" });
  });

  it("keeps a zero as zero (no seconders, no supporters, a quorum of nobody)", () => {
    expect(parseRulesBlock(withLine(/^seconders_required: 2/m, "seconders_required: 0"))).toMatchObject({ secondersRequired: 0 });
    expect(parseRulesBlock(withLine(/^amendment_supporters: 5/m, "amendment_supporters: 0"))).toMatchObject({ amendmentSupporters: 0 });
    expect(parseRulesBlock(withLine(/^quorum_percent: 20/m, "quorum_percent: 0"))).toMatchObject({ quorumPercent: 0 });
  });

  it("refuses a key it does not know, naming it", () => {
    const problems = problemsOf(withLine(/^seconders_required: 2/m, "seconders_required: 2\nseconders_requried: 3"));
    expect(problems).toEqual(['unknown key "seconders_requried": Breakaway does not read it. Check its spelling, or remove it']);
    expect(() => parseRulesBlock(withLine(/^seconders_required: 2/m, "seconders_required: 2\ncomplaint_days: 3"))).toThrow(/unknown key "complaint_days"/);
  });

  it("refuses a missing figure or one of the wrong kind, naming the key, instead of guessing", () => {
    expect(problemsOf(withLine(/^quorum_percent: 20.*\n/m, ""))).toEqual(['"quorum_percent" is missing']);
    expect(problemsOf(withLine(/^quorum_percent: 20/m, "quorum_percent: lots"))[0]).toMatch(/^"quorum_percent": /);
    expect(problemsOf(withLine(/^ordinary_majority: simple/m, "ordinary_majority: most"))[0]).toMatch(/^"ordinary_majority": /);
    expect(problemsOf(withLine(/^candidate_statement_max_words: 500/m, "candidate_statement_max_words: 0"))[0]).toMatch(/^"candidate_statement_max_words": /);
    expect(problemsOf("No block here.")).toEqual(["there is no ```yaml rules block"]);
    expect(problemsOf("```yaml\nquorum_percent: [\n```")[0]).toMatch(/^it is not valid YAML/);
  });

  it("has every key read somewhere in the app, outside this module and the tests", () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !file.endsWith(path.join("content", "standing-order-rules.ts")))
          sources.push(readFileSync(file, "utf8"));
      }
    };
    walk("app");
    const rules = parseRulesBlock(model);
    const unread = Object.keys(rules).filter(
      (key) => !sources.some((source) => new RegExp(String.raw`\b(?:rules|standingOrderRules\(\)\))\.${key}\b`).test(source)),
    );
    expect(unread).toEqual([]);
    // And the block and the schema name the same keys.
    expect(Object.keys(rulesBlockSchema.shape)).toHaveLength(Object.keys(rules).length);
  });

  it("leaves the rules block out of the text members read", () => {
    const text = withoutRulesBlock(model);
    expect(text).not.toContain("```");
    expect(text).not.toContain("quorum_percent");
    expect(text).toContain("## 1. Purpose and how long these rules last");
  });
});
