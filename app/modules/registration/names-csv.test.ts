import { describe, expect, it } from "vitest";
import { namesProblemMessages } from "./messages";
import { MAX_NAME_ROWS, parseNamesCsv } from "./names-csv";

describe("the registered names CSV", () => {
  it("reads the column headed name, with the register, skipping blank and repeated names", () => {
    expect(parseNamesCsv("\uFEFFRegister,Name\nGB,Green Party\nGB,\nNI,green  party\nNI,Alliance Party\n")).toEqual({
      ok: true,
      names: [
        { name: "Green Party", register: "GB" },
        { name: "Alliance Party", register: "NI" },
      ],
      rowsRead: 4,
      skipped: 2,
    });
  });

  it("reads the first column when there is no name heading", () => {
    const r = parseNamesCsv('Green Party,x\n"Labour Party, The",y\n');
    expect(r).toEqual({
      ok: true,
      names: [
        { name: "Green Party", register: "" },
        { name: "Labour Party, The", register: "" },
      ],
      rowsRead: 2,
      skipped: 0,
    });
  });

  it("refuses a file with no names or that is not CSV", () => {
    expect(parseNamesCsv("name\n\n,\n")).toEqual({ ok: false, code: "empty" });
    expect(parseNamesCsv("")).toEqual({ ok: false, code: "empty" });
    expect(parseNamesCsv('"unterminated\n')).toEqual({ ok: false, code: "unreadable" });
  });

  it("refuses a file of more than 5,000 rows, and reads one of exactly 5,000", () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `Party ${i + 1}`).join("\n");
    expect(MAX_NAME_ROWS).toBe(5000);
    expect(parseNamesCsv(`name\n${rows(5001)}\n`)).toEqual({ ok: false, code: "too_many_rows" });
    expect(parseNamesCsv(`${rows(5001)}\n`)).toEqual({ ok: false, code: "too_many_rows" });
    expect(parseNamesCsv(`${rows(20_000)}\n`)).toEqual({ ok: false, code: "too_many_rows" });
    const exactly = parseNamesCsv(`name\n${rows(5000)}\n`);
    expect(exactly.ok && exactly.names.length).toBe(5000);
    // Blank lines are not rows.
    const withBlanks = parseNamesCsv(`name\n${rows(5000)}\n\n\n\n`);
    expect(withBlanks.ok).toBe(true);
  });

  it("skips a name longer than 200 characters and cuts a register to 100", () => {
    const long = "A".repeat(201);
    const r = parseNamesCsv(`name,register\n${long},GB\n${"B".repeat(200)},${"R".repeat(150)}\n`);
    expect(r).toEqual({ ok: true, names: [{ name: "B".repeat(200), register: "R".repeat(100) }], rowsRead: 2, skipped: 1 });
  });
});

describe("a names file that passes a limit (issue 13)", () => {
  it("refuses 1,000,000 columns, a very long line and a NUL byte, each with its own answer", () => {
    expect(parseNamesCsv(`name\n${",".repeat(1_000_000)}\n`)).toEqual({ ok: false, code: "too_many_columns", line: 2 });
    expect(parseNamesCsv(`name\n${"x".repeat(70_000)}\n`)).toEqual({ ok: false, code: "record_too_long", line: 2 });
    expect(parseNamesCsv("name\nGreen\u0000 Party\n")).toEqual({ ok: false, code: "not_text", line: 2 });
    expect(namesProblemMessages.too_many_columns).toMatch(/^The file has more than 500 columns/);
    expect(namesProblemMessages.not_text).toMatch(/^This file is not a CSV text file/);
  });
});
