import { describe, expect, it } from "vitest";
import { MAX_CSV_COLUMNS } from "~/utils/input-limits";
import { shapeProblemAtStart } from "./csv-reading";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("a file's shape judged from its start", () => {
  it("refuses a million columns from the first row, naming the line", () => {
    const wide = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(",") + "\nA,a@example.org\n";
    expect(shapeProblemAtStart(bytes(wide))).toEqual({ ok: false, code: "too_many_columns", line: 1 });
  });

  it("refuses a first line that never ends", () => {
    expect(shapeProblemAtStart(bytes("x".repeat(1_000_000)))?.code).toBe("record_too_long");
  });

  it("passes an ordinary file, and one with its widest row at the limit", () => {
    expect(shapeProblemAtStart(bytes("name,email,postcode\nAnn,ann@example.org,EH1 1YZ\n"))).toBeNull();
    const atLimit = Array.from({ length: MAX_CSV_COLUMNS }, (_, i) => `c${i}`).join(",");
    expect(shapeProblemAtStart(bytes(`${atLimit}\n${atLimit}\n`))).toBeNull();
  });

  it("does not judge a multi-byte character cut at the end of the start it reads", () => {
    const text = "name,email\n" + "Zoë,zoe@example.org\n".repeat(40_000);
    expect(shapeProblemAtStart(bytes(text))).toBeNull();
  });
});
