import { describe, expect, it } from "vitest";
import { parseNamesCsv } from "./names-csv";

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
    const r = parseNamesCsv("Green Party,x\n\"Labour Party, The\",y\n");
    expect(r).toEqual({ ok: true, names: [{ name: "Green Party", register: "" }, { name: "Labour Party, The", register: "" }], rowsRead: 2, skipped: 0 });
  });

  it("refuses a file with no names or that is not CSV", () => {
    expect(parseNamesCsv("name\n\n,\n")).toEqual({ ok: false, code: "empty" });
    expect(parseNamesCsv("")).toEqual({ ok: false, code: "empty" });
    expect(parseNamesCsv('"unterminated\n')).toEqual({ ok: false, code: "unreadable" });
  });
});
