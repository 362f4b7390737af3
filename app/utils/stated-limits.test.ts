/**
 * Every limit a member is told is the limit that is enforced (issue 15): word limits come from
 * the standing orders' rules block, character limits from input-limits.ts, and no page or
 * message states a figure of its own.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRulesBlock } from "~/modules/content/standing-order-rules";
import { proposeIntro, reasonHint, recommendationReasonsLabel, draftingProblemMessages, wordLimitMessages } from "~/modules/constitution/messages";
import { statementLabel, statementTooLong } from "~/modules/elections/messages";
import { foundingMessages } from "~/modules/founding/wording";
import { MAX_AMENDMENT_REASON_LENGTH, MAX_COMMENT_LENGTH, MAX_CORRECTION_REASON_LENGTH, MAX_SUPPORTERS_NEEDED } from "./input-limits";
import { characters, words } from "./text-limit-messages";

const model = readFileSync("constitution/standing-orders.md", "utf8");

/** Files a member reads wording from: pages, components and every module of wording. */
function wordingFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.test\.tsx?$/.test(name)) continue;
      else if (file.startsWith(path.join("app", "routes")) || file.startsWith(path.join("app", "components")) || /(^|-)(messages|wording)\.ts$/.test(name))
        found.push(file);
    }
  };
  walk("app");
  return found;
}

describe("limits as members are told them", () => {
  it("has no figure of characters or words written into a page or a message", () => {
    const written: string[] = [];
    for (const file of wordingFiles()) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (/^\s*(\*|\/\/|\/\*)/.test(line)) return;
          if (/(?<![\d,])\d[\d,]*\s+(characters|words)\b/.test(line)) written.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(written).toEqual([]);
  });

  it("says the standing orders' word limits, whatever the rules block says", () => {
    for (const figures of [
      { reason: 150, recommendation: 150, statement: 500 },
      { reason: 75, recommendation: 220, statement: 1_200 },
    ]) {
      const rules = parseRulesBlock(
        model
          .replace(/^amendment_statement_max_words: \d+/m, `amendment_statement_max_words: ${figures.reason}`)
          .replace(/^recommendation_max_words: \d+/m, `recommendation_max_words: ${figures.recommendation}`)
          .replace(/^candidate_statement_max_words: \d+/m, `candidate_statement_max_words: ${figures.statement}`),
      );
      const reason = words(rules.amendmentStatementMaxWords);
      expect(reason).toBe(`${figures.reason.toLocaleString("en-GB")} words`);
      expect(wordLimitMessages.reason(rules.amendmentStatementMaxWords)).toBe(`The reason must be ${reason} or fewer`);
      expect(reasonHint(rules.amendmentStatementMaxWords)).toBe(
        `Up to ${reason} (${characters(MAX_AMENDMENT_REASON_LENGTH)}). Shown with the amendment and on the ballot.`,
      );
      expect(proposeIntro(rules.amendmentStatementMaxWords)).toContain(`Give a reason of up to ${reason}.`);
      const recommendation = words(rules.recommendationMaxWords);
      expect(wordLimitMessages.recommendationReasons(rules.recommendationMaxWords)).toBe(`The reasons must be ${recommendation} or fewer`);
      expect(recommendationReasonsLabel(rules.recommendationMaxWords)).toBe(`Reasons (up to ${recommendation})`);
      const statement = words(rules.candidateStatementMaxWords);
      expect(statementTooLong(rules.candidateStatementMaxWords)).toBe(`Your statement must be ${statement} or fewer`);
      expect(statementLabel(rules.candidateStatementMaxWords)).toBe(`Your statement (up to ${statement})`);
    }
  });

  it("says the character limits that input-limits.ts enforces", () => {
    expect(draftingProblemMessages.comment_too_long).toBe(`Comments must be ${characters(MAX_COMMENT_LENGTH)} or fewer`);
    expect(draftingProblemMessages.supporters_invalid).toBe(`Enter a whole number of supporters from 0 to ${MAX_SUPPORTERS_NEEDED.toLocaleString("en-GB")}`);
    expect(foundingMessages.reason_too_long).toBe(`The reason must be ${characters(MAX_CORRECTION_REASON_LENGTH)} or fewer`);
  });
});
