import { describe, expect, it } from "vitest";
import { checkCsvShape, firstBinaryLine } from "./csv-shape";

const limits = { maxColumns: 3, maxRecordChars: 20, maxRecords: 2 };

describe("the shape of a CSV file, checked before parsing", () => {
  it("accepts a file within every limit, counting records that are not blank", () => {
    expect(checkCsvShape("a,b,c\r\n\n,,\nd,e,f\n", ",", limits)).toEqual({ ok: true, records: 2 });
  });

  it("refuses too many columns at the line where the row starts, without reading on", () => {
    expect(checkCsvShape("a,b,c\nd,e,f,g\n", ",", limits)).toEqual({ ok: false, code: "too_many_columns", line: 2 });
    // A million columns: refused at the fourth.
    expect(checkCsvShape(",".repeat(1_000_000), ",", limits)).toEqual({ ok: false, code: "too_many_columns", line: 1 });
  });

  it("does not count delimiters or line breaks inside quotes, including after an escaped quote", () => {
    expect(checkCsvShape('"a,b,c,d",x\n"say ""hi, there"", ok",y\n', ",", { ...limits, maxRecordChars: 100 })).toEqual({ ok: true, records: 2 });
    expect(checkCsvShape('"line one\nline two",x\n', ",", { ...limits, maxRecordChars: 100 })).toEqual({ ok: true, records: 1 });
    // A quote in the middle of a field is a plain character, as csv-parse reads it with relax_quotes.
    expect(checkCsvShape('5" tall,x\nnext,y\n', ",", limits)).toEqual({ ok: true, records: 2 });
  });

  it("refuses a record longer than the limit, and one that an unclosed quote runs to the end", () => {
    expect(checkCsvShape(`ok\n${"x".repeat(21)}\n`, ",", limits)).toEqual({ ok: false, code: "record_too_long", line: 2 });
    expect(checkCsvShape(`a\n"open${"\n".repeat(30)}`, ",", limits)).toEqual({ ok: false, code: "record_too_long", line: 2 });
  });

  it("refuses too many rows", () => {
    expect(checkCsvShape("a\nb\nc\n", ",", limits)).toEqual({ ok: false, code: "too_many_rows", line: 3 });
  });

  it("refuses a NUL byte or another control character as not text, with its line", () => {
    expect(checkCsvShape("a,b\nc\u0000d\n", ",", limits)).toEqual({ ok: false, code: "not_text", line: 2 });
    // A stray control character is its row's problem (the field's check reports it), not the file's.
    expect(checkCsvShape("a\u0007", ",", limits)).toMatchObject({ ok: true });
    expect(checkCsvShape("a\tb,c\r\n", ",", limits).ok).toBe(true);
    expect(firstBinaryLine("one\r\ntwo\rthree\n\u0000")).toBe(4);
    expect(firstBinaryLine("plain, text\t\n")).toBeNull();
  });
});
