import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./origin";

describe("cross-site write check", () => {
  const base = { host: "app.example.org", hasSessionCookie: true };
  it.each([
    ["GET from anywhere", { method: "GET", origin: "https://evil.example" }, false],
    ["POST from this site", { method: "POST", origin: "https://app.example.org" }, false],
    ["POST from another site", { method: "POST", origin: "https://evil.example" }, true],
    ["POST with a null origin and our cookie", { method: "POST", origin: "null" }, true],
    ["POST with no origin and our cookie", { method: "POST", origin: undefined }, true],
  ])("%s", (_n, input, expected) => {
    expect(isCrossSiteWrite({ ...base, ...input })).toBe(expected);
  });
  it("lets a cookieless POST without origin through (nothing to forge)", () => {
    expect(isCrossSiteWrite({ method: "POST", origin: undefined, host: "h", hasSessionCookie: false })).toBe(false);
  });
});
