import { describe, expect, it } from "vitest";
import { formatLondon, fromLondonWallClock } from "~/utils/london-time";
import { checkMapping, EVERY_ROW, normaliseMapping, type ImportMapping } from "./import-mapping";
import { columnLetter, decodeCsvBytes, detectDelimiter, looksLikeSpreadsheetFile, readCsv, type CsvFile } from "./csv-reading";
import { countsForNewPledge, mergeWithExisting } from "./import-merge";
import { csvSafe } from "./csv-writing";
import { guessMapping } from "./mapping-guess";
import { importState } from "./import-state";
import { mapRow, planImport, type ImportedPledge, type RowContext } from "./import-rows";
import { parseDate } from "./cell-dates";
import { parseRelation, parseSubscription, parseYesNo } from "./cell-values";
import { MAX_CSV_RECORD_CHARS, MAX_IMPORT_ROWS } from "~/utils/input-limits";
import { exportHeaders, uploadProblemMessage } from "./import-messages";

const now = new Date("2026-11-20T12:00:00Z");

function file(text: string): CsvFile {
  const read = readCsv(text);
  if (!read.ok) throw new Error(read.code);
  return read.file;
}

function context(mapping: ImportMapping, extra: Partial<RowContext> = {}): RowContext {
  return { mapping, fileName: "signups.csv", alreadyConfirmed: false, now, ...extra };
}

const basic = [
  "Full name,Email address,Postcode,Membership status,Membership number,Monthly subscription,Consent to contact,Privacy consent,Signed up",
  "Ann Smith,Ann@Example.org,sw1a1aa,Active,A123,£4.50,yes,yes,2026-03-05 14:30",
  "Bob Jones,bob@example.org,EH1 1YZ,Lapsed,,,no,yes,05/03/2026",
].join("\n");

describe("reading the file", () => {
  it("finds the header below a title line, numbers rows by the line they start on, skips blank rows", () => {
    const f = file(
      `Exported 2026-11-01\n\n${basic}\n\n"Cy ""C"" Lee","cy@example.org\n",G1 1AA,supporter,,,,yes,\nDee,dee@example.org,CF10 1AA,member,,,,yes,`,
    );
    expect(f.headerLine).toBe(3);
    expect(f.headers[1]).toBe("Email address");
    expect(f.rows.map((r) => r.line)).toEqual([4, 5, 7, 9]);
    expect(f.rows[2]!.cells[0]).toBe('Cy "C" Lee');
  });

  it("reads semicolon and tab separated files and strips a byte order mark", () => {
    expect(detectDelimiter("Name;Email;Postcode\nA;b@c.de;G1 1AA")).toBe(";");
    expect(detectDelimiter("Name\tEmail\nA\tb@c.de")).toBe("\t");
    expect(detectDelimiter('"Smith, Ann",a@b.cd\nx,y')).toBe(",");
    const f = file("\uFEFFName;Email;Postcode\nAnn;ann@example.org;G1 1AA");
    expect(f.headers).toEqual(["Name", "Email", "Postcode"]);
    expect(f.rows[0]!.cells).toEqual(["Ann", "ann@example.org", "G1 1AA"]);
  });

  it("says why a file cannot be used", () => {
    expect(readCsv("")).toEqual({ ok: false, code: "file_empty" });
    expect(readCsv("\n\n ,\n")).toEqual({ ok: false, code: "file_empty" });
    expect(readCsv("Name,Email\n")).toEqual({ ok: false, code: "no_rows" });
    expect(readCsv('Name,Email\n"Ann,ann@example.org\n')).toMatchObject({ ok: false, code: "file_unreadable" });
  });

  it("reads Windows-1252 when the bytes are not UTF-8, and recognises spreadsheets", () => {
    expect(decodeCsvBytes(new Uint8Array([0xa3, 0x34]))).toBe("£4");
    expect(decodeCsvBytes(new TextEncoder().encode("£4"))).toBe("£4");
    expect(looksLikeSpreadsheetFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe(true);
    expect(looksLikeSpreadsheetFile(new TextEncoder().encode("Name,Email"))).toBe(false);
  });

  it("names columns as spreadsheets do", () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});

describe("guessing the mapping", () => {
  it("maps common column names", () => {
    const m = guessMapping(file(basic));
    expect(m).toMatchObject({
      name: "0",
      email: "1",
      postcode: "2",
      relation: "3",
      membershipNumber: "4",
      subscription: "5",
      consentContact: "6",
      consentDataUse: "7",
      createdAt: "8",
      firstName: "",
      confirmed: "",
      subscriptionUnit: "pounds",
    });
    expect(checkMapping(m)).toEqual([]);
  });

  it("uses first and last names, and prefers an exact header over a partial one", () => {
    const m = guessMapping(file("First Name,Surname,E-mail,Email confirmed,Post Code,Are you a party member?\nA,B,a@b.cd,yes,G1 1AA,yes"));
    expect(m).toMatchObject({ name: "", firstName: "0", lastName: "1", email: "2", confirmed: "3", postcode: "4", relation: "5" });
  });

  it("guesses pence from the header or from whole numbers of 100 or more", () => {
    expect(guessMapping(file("Email,Subscription (pence)\na@b.cd,5")).subscriptionUnit).toBe("pence");
    expect(guessMapping(file("Email,Subscription\na@b.cd,450\nb@b.cd,529\nc@b.cd,")).subscriptionUnit).toBe("pence");
    expect(guessMapping(file("Email,Subscription\na@b.cd,5\nb@b.cd,450")).subscriptionUnit).toBe("pounds");
    expect(guessMapping(file("Email,Subscription\na@b.cd,450\nb@b.cd,4.50")).subscriptionUnit).toBe("pounds");
  });

  it("reads back our own export's columns", () => {
    const m = guessMapping(file(`${exportHeaders.join(",")}\nA,a@b.cd,G1 1AA,Scotland,Member,1,4.50,Yes,Yes,v1,2026-01-01 10:00:00,,`));
    expect(m).toMatchObject({
      name: "0",
      email: "1",
      postcode: "2",
      relation: "4",
      membershipNumber: "5",
      subscription: "6",
      consentContact: "7",
      consentDataUse: "8",
      consentVersion: "9",
      createdAt: "10",
      confirmed: "11",
      withdrawn: "12",
      subscriptionUnit: "pounds",
    });
  });

  it("lists what must be chosen before starting", () => {
    const m = guessMapping(file("Who,Where\nA,B"));
    expect(checkMapping(m).map((p) => p.code)).toEqual(["email_not_mapped", "name_not_mapped", "postcode_not_mapped", "data_consent_not_mapped"]);
    const twice = normaliseMapping({ email: "0", name: "0", postcode: "1", consentDataUse: EVERY_ROW }, 2);
    expect(checkMapping(twice)).toEqual([{ field: "email", code: "column_used_twice" }]);
  });

  it("cleans a mapping from a form: unknown columns and misplaced 'every row' become unmapped", () => {
    const m = normaliseMapping({ email: "7", name: "1", postcode: EVERY_ROW, consentContact: EVERY_ROW, subscriptionUnit: "pence", evil: "x" }, 3);
    expect(m.email).toBe("");
    expect(m.name).toBe("1");
    expect(m.postcode).toBe("");
    expect(m.consentContact).toBe(EVERY_ROW);
    expect(m.subscriptionUnit).toBe("pence");
    expect("evil" in m).toBe(false);
  });
});

describe("values", () => {
  it.each([
    ["£4.50", "pounds", 450],
    ["4.5", "pounds", 450],
    ["4", "pounds", 400],
    ["4.50 per month", "pounds", 450],
    ["450p", "pounds", 450],
    ["450", "pence", 450],
    ["£4.50", "pence", 450],
    ["GBP 12.00", "pounds", 1200],
    ["", "pounds", null],
    ["1,500.00", "pounds", "invalid"],
    ["-4", "pounds", "invalid"],
    ["four pounds", "pounds", "invalid"],
  ] as const)("subscription %s in %s is %s", (text, unit, expected) => {
    expect(parseSubscription(text, unit)).toBe(expected);
  });

  it.each([
    ["Member", "member"],
    ["current member", "member"],
    ["Active", "member"],
    ["yes", "member"],
    ["Former member", "former_member"],
    ["Lapsed", "former_member"],
    ["ex-member", "former_member"],
    ["Member (lapsed)", "former_member"],
    ["Supporter", "supporter"],
    ["not a member", "supporter"],
    ["No", "supporter"],
    ["", null],
    ["purple", "unclear"],
  ] as const)("relation %s is %s", (text, expected) => {
    expect(parseRelation(text)).toBe(expected);
  });

  it("reads yes and no, ticks and dates", () => {
    expect(["Yes", "TRUE", "1", "x", "✓", "Opted in"].map((v) => parseYesNo(v, now))).toEqual([true, true, true, true, true, true]);
    expect(["No", "false", "0", "Unsubscribed"].map((v) => parseYesNo(v, now))).toEqual([false, false, false, false]);
    expect(parseYesNo("", now)).toBeNull();
    expect(parseYesNo("2026-01-02", now)).toBe(true);
    expect(parseYesNo("maybe", now)).toBe("unclear");
  });

  it("reads dates in UK time, day first with slashes", () => {
    expect(parseDate("2026-03-05", now)).toEqual(new Date("2026-03-05T00:00:00Z"));
    expect(parseDate("2026-07-05 14:30", now)).toEqual(new Date("2026-07-05T13:30:00Z"));
    expect(parseDate("2026-07-05T14:30:15", now)).toEqual(new Date("2026-07-05T13:30:15Z"));
    expect(parseDate("05/07/2026 14:30:00", now)).toEqual(new Date("2026-07-05T13:30:00Z"));
    expect(parseDate("5/7/26", now)).toEqual(new Date("2026-07-04T23:00:00Z"));
    expect(parseDate("2026-07-05T14:30:00Z", now)).toEqual(new Date("2026-07-05T14:30:00Z"));
    expect(parseDate("2026-07-05T14:30:00.123+0200", now)).toEqual(new Date("2026-07-05T12:30:00.123Z"));
    expect(parseDate("31/02/2026", now)).toBe("invalid");
    expect(parseDate("yesterday", now)).toBe("invalid");
    expect(parseDate("2030-01-01", now)).toBe("future");
    expect(parseDate(" ", now)).toBeNull();
  });

  it("handles the clock changes and formats back to UK time", () => {
    // 29 March 2026: clocks go forward at 01:00 UTC.
    expect(fromLondonWallClock(2026, 3, 29, 0, 30)).toEqual(new Date("2026-03-29T00:30:00Z"));
    expect(fromLondonWallClock(2026, 3, 29, 2, 30)).toEqual(new Date("2026-03-29T01:30:00Z"));
    expect(fromLondonWallClock(2026, 2, 30)).toBeNull();
    expect(formatLondon(new Date("2026-07-05T13:30:00Z"))).toBe("2026-07-05 14:30:00");
    expect(formatLondon(new Date("2026-12-05T13:30:00Z"))).toBe("2026-12-05 13:30:00");
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvSafe('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(csvSafe("+44")).toBe("'+44");
    expect(csvSafe("@sum")).toBe("'@sum");
    expect(csvSafe("Ann")).toBe("Ann");
  });
});

describe("rows", () => {
  const f = file(basic);
  const m = guessMapping(f);

  it("normalises a good row", () => {
    const r = mapRow(f.rows[0]!, context(m));
    expect(r).toEqual({
      ok: true,
      pledge: {
        line: 2,
        name: "Ann Smith",
        email: "ann@example.org",
        postcode: "SW1A 1AA",
        region: "London",
        relation: "member",
        membershipNumber: "A123",
        monthlySubscriptionPence: 450,
        consentContact: true,
        consentDataUse: true,
        consentVersion: "import:signups.csv",
        createdAt: new Date("2026-03-05T14:30:00Z"),
        confirmedAt: null,
        withdrawnAt: null,
      },
    });
  });

  it("keeps membership details for members only, and infers members from a number", () => {
    const g = file("Name,Email,Postcode,Member number,Subscription,Consent\nA,a@b.cd,G1 1AA,M1,5,yes\nB,b@b.cd,G1 1AA,,5,yes");
    const gm = guessMapping(g);
    const [a, b] = g.rows.map((row) => mapRow(row, context(gm)));
    expect(a).toMatchObject({ ok: true, pledge: { relation: "member", membershipNumber: "M1", monthlySubscriptionPence: 500 } });
    expect(b).toMatchObject({ ok: true, pledge: { relation: "supporter", membershipNumber: null, monthlySubscriptionPence: null } });
  });

  it("refuses names and membership numbers with control or hidden characters, as the pledge form does", () => {
    const g = file(
      'Name,Email,Postcode,Member number,Subscription,Consent\n"Ann\u0007 Smith",a@b.cd,G1 1AA,M1,5,yes\n"\u202ehtimS",b@b.cd,G1 1AA,"M\u200b2",5,yes',
    );
    const gm = guessMapping(g);
    const [a, b] = g.rows.map((row) => mapRow(row, context(gm)));
    expect(a).toEqual({ ok: false, problems: [{ field: "name", code: "name_bad_character" }] });
    expect(b).toEqual({
      ok: false,
      problems: [
        { field: "name", code: "name_bad_character" },
        { field: "membershipNumber", code: "membership_number_bad_character" },
      ],
    });
  });

  it("reports every problem of a row at once", () => {
    const g = file("Name,Email,Postcode,Status,Subscription,Consent,Confirmed\n,not-an-email,XX1 1XX,purple,lots,maybe,soon");
    const r = mapRow(g.rows[0]!, context(guessMapping(g)));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      { field: "name", code: "name_missing" },
      { field: "email", code: "email_invalid" },
      { field: "postcode", code: "postcode_area_unknown" },
      { field: "subscription", code: "subscription_invalid" },
      { field: "consentDataUse", code: "consent_unclear" },
      { field: "confirmed", code: "date_invalid" },
    ]);
  });

  it("needs agreement to keep the data, unless every row agreed", () => {
    const g = file("Name,Email,Postcode,Privacy consent\nA,a@b.cd,G1 1AA,no\nB,b@b.cd,G1 1AA,");
    const gm = guessMapping(g);
    for (const row of g.rows) expect(mapRow(row, context(gm))).toEqual({ ok: false, problems: [{ field: "consentDataUse", code: "no_data_consent" }] });
    const every = { ...gm, consentDataUse: EVERY_ROW };
    for (const row of g.rows) expect(mapRow(row, context(every)).ok).toBe(true);
  });

  it("confirms from a date, a yes, or the 'already confirmed' box; an explicit no wins", () => {
    const g = file(
      "Name,Email,Postcode,Consent,Signed up,Confirmed\nA,a@b.cd,G1 1AA,yes,2026-01-01,2026-01-02 09:00\nB,b@b.cd,G1 1AA,yes,2026-01-01,yes\nC,c@b.cd,G1 1AA,yes,,\nD,d@b.cd,G1 1AA,yes,2026-01-01,no",
    );
    const gm = guessMapping(g);
    const confirmed = (alreadyConfirmed: boolean) =>
      g.rows.map((row) => {
        const r = mapRow(row, context(gm, { alreadyConfirmed }));
        return r.ok ? r.pledge.confirmedAt : "error";
      });
    expect(confirmed(false)).toEqual([new Date("2026-01-02T09:00:00Z"), new Date("2026-01-01T00:00:00Z"), null, null]);
    expect(confirmed(true)).toEqual([new Date("2026-01-02T09:00:00Z"), new Date("2026-01-01T00:00:00Z"), now, null]);
  });
});

describe("planning an import", () => {
  it("keeps each address once, filling blanks from later rows, and counts rows exactly once", () => {
    const g = file(
      [
        "Name,Email,Postcode,Relation,Membership number,Subscription,Consent,Confirmed",
        "Ann,ann@example.org,G1 1AA,member,,,yes,",
        "Ann S,ANN@example.org,G1 1AA,member,M9,4.50,yes,2026-02-01",
        "Bad,,G1 1AA,member,,,yes,",
        "Bob,bob@example.org,G1 1AA,supporter,,,yes,",
        "Ann again,ann@example.org,G1 1AA,member,M10,9,yes,2026-01-01",
      ].join("\n"),
    );
    const plan = planImport(g, context(guessMapping(g)));
    expect(plan.totals).toEqual({ rows: 5, pledges: 2, duplicates: 2, errorRows: 1 });
    expect(plan.entries.map((e) => e.kind)).toEqual(["pledge", "duplicate", "error", "pledge", "duplicate"]);
    const ann = plan.entries[0]!.kind === "pledge" ? plan.entries[0]!.pledge : null;
    expect(ann).toMatchObject({ name: "Ann", membershipNumber: "M9", monthlySubscriptionPence: 450, confirmedAt: new Date("2026-01-01T00:00:00Z") });
    expect(plan.errors).toEqual([{ line: 4, column: "Email", field: "email", code: "email_missing" }]);
  });
});

describe("merging with a pledge already held", () => {
  const incoming: ImportedPledge = {
    line: 2,
    name: "New name",
    email: "a@b.cd",
    postcode: "G1 1AA",
    region: "Scotland",
    relation: "member",
    membershipNumber: "M1",
    monthlySubscriptionPence: 500,
    consentContact: true,
    consentDataUse: true,
    consentVersion: "import:x.csv",
    createdAt: null,
    confirmedAt: new Date("2026-02-01T00:00:00Z"),
    withdrawnAt: null,
  };
  const existing = {
    region: "London",
    relation: "member" as const,
    membershipNumber: null,
    monthlySubscriptionPence: null,
    confirmedAt: null,
    withdrawnAt: null,
    erasedAt: null,
  };

  it("confirms an unconfirmed pledge, filling blanks, and counts it where it is held", () => {
    expect(mergeWithExisting(existing, incoming)).toEqual({
      set: { membershipNumber: "M1", monthlySubscriptionPence: 500, confirmedAt: incoming.confirmedAt, confirmTokenHash: null },
      counts: [{ at: incoming.confirmedAt, region: "London", relation: "member", confirmed: 1, subscriptionsPence: 500 }],
    });
  });

  it("never unconfirms and never overwrites; a filled subscription of a counted pledge adds to the totals", () => {
    const confirmedAt = new Date("2026-01-01T00:00:00Z");
    expect(mergeWithExisting({ ...existing, confirmedAt, membershipNumber: "OLD" }, { ...incoming, confirmedAt: null })).toEqual({
      set: { monthlySubscriptionPence: 500 },
      counts: [{ at: confirmedAt, region: "London", relation: "member", subscriptionsPence: 500 }],
    });
    const full = { ...existing, confirmedAt, membershipNumber: "OLD", monthlySubscriptionPence: 100 };
    expect(mergeWithExisting(full, incoming)).toEqual({ set: {}, counts: [] });
  });

  it("leaves withdrawn and erased pledges alone", () => {
    expect(mergeWithExisting({ ...existing, withdrawnAt: new Date() }, incoming)).toEqual({ set: {}, counts: [] });
    expect(mergeWithExisting({ ...existing, erasedAt: new Date() }, incoming)).toEqual({ set: {}, counts: [] });
  });

  it("counts new pledges only when confirmed, and their withdrawal", () => {
    expect(countsForNewPledge({ ...incoming, confirmedAt: null })).toEqual([]);
    const withdrawnAt = new Date("2026-03-01T00:00:00Z");
    expect(countsForNewPledge({ ...incoming, withdrawnAt })).toEqual([
      { at: incoming.confirmedAt, region: "Scotland", relation: "member", confirmed: 1, subscriptionsPence: 500 },
      { at: withdrawnAt, region: "Scotland", relation: "member", withdrawn: 1, subscriptionsPence: -500 },
    ]);
  });
});

describe("import state", () => {
  it("shows a run older than 10 minutes as stalled", () => {
    expect(importState({ status: "running", startedAt: new Date(now.getTime() - 9 * 60_000) }, now)).toBe("running");
    expect(importState({ status: "running", startedAt: new Date(now.getTime() - 11 * 60_000) }, now)).toBe("stalled");
    expect(importState({ status: "done", startedAt: new Date(0) }, now)).toBe("done");
  });
});

describe("files that pass a limit (issue 13)", () => {
  it("refuses a file of 1,000,000 columns at once, saying so", () => {
    const read = readCsv(`${"x,".repeat(1_000_000)}x\nann@example.org\n`);
    expect(read).toEqual({ ok: false, code: "too_many_columns", line: 1 });
    expect(uploadProblemMessage("too_many_columns", 1)).toMatch(/^The file has more than 500 columns/);
  });

  it("refuses a very long line, and an unclosed quote that swallows the rest of the file", () => {
    expect(readCsv(`Name,Email\nAnn,${"a".repeat(MAX_CSV_RECORD_CHARS)}\n`)).toEqual({ ok: false, code: "record_too_long", line: 2 });
    expect(readCsv(`Name,Email\n"Ann,${"ann@example.org\n".repeat(10_000)}`)).toEqual({ ok: false, code: "record_too_long", line: 2 });
    expect(uploadProblemMessage("record_too_long", 2)).toContain("longer than 65,536 characters");
  });

  // Two files of the most rows an import takes: generous, for a shared and slow CI machine.
  it("refuses more than the most rows an import takes, and reads exactly that many", { timeout: 120_000 }, () => {
    const rows = (n: number) => `Name,Email\n${"A,a@b.cd\n".repeat(n)}`;
    expect(readCsv(rows(MAX_IMPORT_ROWS + 1))).toMatchObject({ ok: false, code: "too_many_rows" });
    const full = readCsv(rows(MAX_IMPORT_ROWS));
    expect(full.ok && full.file.rows.length).toBe(MAX_IMPORT_ROWS);
    expect(uploadProblemMessage("too_many_rows")).toBe("The file has more than 250,000 rows. Split it into smaller files and import each one");
  });

  it("refuses a NUL byte as not a CSV text file, with the line", () => {
    expect(readCsv("Name,Email\nAnn\u0000,ann@example.org\n")).toEqual({ ok: false, code: "not_text", line: 2 });
    expect(uploadProblemMessage("not_text", 2)).toMatch(/^This file is not a CSV text file/);
  });
});
