import { describe, expect, it } from "vitest";
import { castCheckPageFor, newCastRecord, noteCastSent, noteCastStored } from "./cast-record";

describe("where a voter checks whether they have voted", () => {
  it("is the poll's page for its ballot form and its ballot endpoint", () => {
    expect(castCheckPageFor("/polls/abc")).toBe("/polls/abc");
    expect(castCheckPageFor("/polls/abc/")).toBe("/polls/abc");
    expect(castCheckPageFor("/polls/abc/ballot")).toBe("/polls/abc");
  });

  it("is the constitution's voting progress for the sitting and each clause's ballot", () => {
    expect(castCheckPageFor("/constitution/vote")).toBe("/constitution/vote");
    expect(castCheckPageFor("/constitution/vote/aims")).toBe("/constitution/vote");
  });

  it("is nothing for pages where no ballot is cast", () => {
    for (const path of [
      "/",
      "/polls",
      "/polls/new",
      "/polls/abc/receipt",
      "/polls/abc/ballots",
      "/constitution",
      "/constitution/vote/aims/more",
      "/elections",
    ]) {
      expect(castCheckPageFor(path)).toBeNull();
    }
  });
});

describe("a request's record of its cast", () => {
  it("holds the receipts as the commit returned them, apart from the caller's array", () => {
    const record = newCastRecord();
    noteCastSent(record, "/polls/abc");
    expect(record).toEqual({ sentFrom: "/polls/abc", stored: null });
    const receipts = ["R1", "R2"];
    noteCastStored(record, { receipts, checkAt: "/constitution/vote" });
    receipts.push("R3");
    expect(record.stored).toEqual({ receipts: ["R1", "R2"], checkAt: "/constitution/vote" });
  });
});
