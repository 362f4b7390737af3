import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionLabels } from "./messages";

/**
 * Every audit action the app writes has a plain-English label on the audit page. The actions are
 * read from the source (every `action: "…"` and `action = "…"`, both sides of a `? :`), so a new
 * action without a label fails here.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The quoted "domain.snake_case" codes given to an `action` property or variable anywhere in app/. */
function auditActions(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(path.resolve("app"))) {
    for (const [, value] of readFileSync(file, "utf8").matchAll(/\baction\s*(?::|=(?!=))\s*([^,;}\n]+)/g)) {
      for (const [, code] of value!.matchAll(/"([a-z]+\.[a-z]+(?:_[a-z]+)*)"/g)) found.add(code!);
    }
  }
  return [...found].sort();
}

describe("audit action labels", () => {
  it("finds the actions in the source, from every domain and every way they are written", () => {
    expect(auditActions()).toEqual(
      expect.arrayContaining([
        "session.signed_in",
        "campaign.demand_added",
        // `let action = …` and `action = …`, then `{ action }`
        "pledge.submitted",
        "pledge.renewed",
        // both sides of `cond ? "…" : "…"`
        "election.seconded",
        "election.seconding_withdrawn",
        // inside appendAuditEntries' list
        "constitution.round_closed",
        "founding.accepted",
        "registration.details_saved",
        "registration.financial_scheme_saved",
        "registration.financial_scheme_reset",
      ]),
    );
  });

  it("labels every action the app writes", () => {
    expect(auditActions().filter((action) => !auditActionLabels[action])).toEqual([]);
  });
});
