import { describe, expect, it } from "vitest";
import { clearedJustCastCookie, justCastCookie, nextUnvoted, readJustCast, sittingProgress } from "./sitting";

const clauses = [
  { id: "name", voted: true },
  { id: "aims", voted: false },
  { id: "joining", voted: true },
  { id: "fees", voted: false },
];

describe("the sitting's way through the clauses", () => {
  it("goes on to the next clause not voted on, then round to one skipped earlier", () => {
    expect(nextUnvoted(clauses, "aims")).toBe("fees");
    expect(nextUnvoted(clauses, "fees")).toBe("aims");
    expect(nextUnvoted(clauses, "name")).toBe("aims");
    expect(
      nextUnvoted(
        clauses.map((c) => ({ ...c, voted: true })),
        "fees",
      ),
    ).toBeNull();
    // The clause just cast is never next, even before its vote is read back.
    expect(nextUnvoted([{ id: "only", voted: false }], "only")).toBeNull();
  });

  it("says which clause of how many, and how many are left", () => {
    expect(sittingProgress(clauses, "joining")).toEqual({ number: 3, total: 4, left: 2 });
  });
});

describe("the receipts carried to the next page", () => {
  it("round-trips through the cookie, HttpOnly, Secure on https, for ten minutes", () => {
    const cookie = justCastCookie({ clauseId: "aims", receipts: ["abcdefgh2345", "zyxwvuts7654"] }, true);
    expect(cookie).toMatch(/^bk_cast=[A-Za-z0-9_-]+; Path=\/constitution; HttpOnly; SameSite=Lax; Max-Age=600; Secure$/);
    const header = `bk_session=x; ${cookie.split(";")[0]}`;
    expect(readJustCast(header)).toEqual({ clauseId: "aims", receipts: ["abcdefgh2345", "zyxwvuts7654"] });
    expect(clearedJustCastCookie(false)).toBe("bk_cast=; Path=/constitution; HttpOnly; SameSite=Lax; Max-Age=0");
  });

  it("carries encrypted ballots' trackers, which are Base64 (with + and /), as they are", () => {
    const trackers = ["q3+Jd/8aXbN0YhT5mW2cLr9uPzK1vE4sG7iHoAfDn6w", "Zt/0a+P9kQ4mB7yR2cX5vN8uLwE3jH6gT1sDfKo+Ai8"];
    const cookie = justCastCookie({ clauseId: "aims", receipts: trackers }, false);
    expect(readJustCast(cookie.split(";")[0]!)).toEqual({ clauseId: "aims", receipts: trackers });
  });

  it("reads nothing from a cookie it did not write", () => {
    const encode = (v: unknown) => `bk_cast=${Buffer.from(JSON.stringify(v)).toString("base64url")}`;
    expect(readJustCast(null)).toBeNull();
    expect(readJustCast("bk_cast=not-json")).toBeNull();
    expect(readJustCast(encode({ c: "aims", r: ["<script>"] }))).toBeNull();
    expect(readJustCast(encode({ c: "../etc", r: ["abcdefgh2345"] }))).toBeNull();
    expect(readJustCast(encode({ c: "aims", r: [] }))).toBeNull();
  });
});
