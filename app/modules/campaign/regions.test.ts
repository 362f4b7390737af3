import { describe, expect, it } from "vitest";
import { postcodeAreas, regionForPostcode } from "./regions";

describe("postcode regions", () => {
  it.each([
    ["EH1 1YZ", "Scotland"],
    ["cf10 3nq", "Wales"],
    ["BT7 1NN", "Northern Ireland"],
    ["SW1A 1AA", "London"],
    ["M14 5AB", "North West"],
    ["B29 6AA", "West Midlands"],
  ])("%s is in %s", (postcode, region) => {
    expect(regionForPostcode(postcode)).toMatchObject({ ok: true, region });
  });
  it("normalises spacing and case", () => {
    expect(regionForPostcode(" sw1a1aa ")).toMatchObject({ ok: true, postcode: "SW1A 1AA", area: "SW" });
  });
  it("refuses a malformed postcode and an unknown area", () => {
    expect(regionForPostcode("12345")).toEqual({ ok: false, code: "postcode_format" });
    expect(regionForPostcode("QQ1 1AA")).toEqual({ ok: false, code: "postcode_area_unknown" });
  });
  it("covers every UK postcode area", () => {
    expect(postcodeAreas.size).toBe(124);
  });
});
