/**
 * Issue 19: every decision record says when it was taken and where it stands, so a newcomer
 * reading an old one knows whether it still holds. Its title carries the file's number.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.resolve("docs/decisions");
const records = readdirSync(dir).filter((name) => name.endsWith(".md"));

describe("decision records", () => {
  it("are numbered files, each titled with its number, dated and with a status", () => {
    expect(records.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const name of records) {
      const text = readFileSync(path.join(dir, name), "utf8");
      const number = /^(\d{3})-[a-z0-9-]+\.md$/.exec(name)?.[1];
      if (!number) problems.push(`${name}: not named NNN-title.md`);
      const [title, blank, date, status] = text.split("\n");
      if (!title?.startsWith(`# ${number}. `)) problems.push(`${name}: the title does not start "# ${number}. "`);
      if (blank !== "" || !/^Date: \d{4}-\d{2}-\d{2}$/.test(date ?? "")) problems.push(`${name}: no "Date: YYYY-MM-DD" line under the title`);
      if (!/^Status: (accepted|proposed|superseded)\b/.test(status ?? ""))
        problems.push(`${name}: no "Status: accepted|proposed|superseded" line under the date`);
    }
    expect(problems).toEqual([]);
  });
});
