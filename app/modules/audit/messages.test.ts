import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionLabels } from "./messages";

/**
 * Every audit action the registration code writes has a plain-English label on the audit page.
 * The actions are read from the source, so a new action without a label fails here. (Other
 * domains are not covered yet: several of their actions still show their code.)
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Quoted "registration.<snake_case>" strings: audit actions (permissions are single words). */
function registrationActions(): string[] {
  const found = new Set<string>();
  for (const file of [...sourceFiles(path.resolve("app/modules/registration")), ...sourceFiles(path.resolve("app/routes"))]) {
    for (const match of readFileSync(file, "utf8").matchAll(/"(registration\.[a-z]+_[a-z_]+)"/g)) found.add(match[1]!);
  }
  return [...found].sort();
}

describe("audit action labels", () => {
  it("finds the registration actions in the source", () => {
    expect(registrationActions()).toEqual(expect.arrayContaining(["registration.details_saved", "registration.financial_scheme_saved", "registration.financial_scheme_reset"]));
  });

  it("labels every registration action", () => {
    expect(registrationActions().filter((action) => !auditActionLabels[action])).toEqual([]);
  });
});
