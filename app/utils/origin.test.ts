import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./origin";

describe("cross-site write check", () => {
  const base = { host: "app.example.org", protocol: "https" as const, hasSessionCookie: true };
  it.each([
    ["GET from anywhere", { method: "GET", origin: "https://evil.example" }, false],
    ["POST from this site", { method: "POST", origin: "https://app.example.org" }, false],
    ["POST from this site with the default port written out", { method: "POST", origin: "https://app.example.org:443" }, false],
    ["POST from another site", { method: "POST", origin: "https://evil.example" }, true],
    ["POST from this host over plain http to the https site", { method: "POST", origin: "http://app.example.org" }, true],
    ["POST from this host on another port", { method: "POST", origin: "https://app.example.org:8443" }, true],
    ["POST with a null origin and our cookie", { method: "POST", origin: "null" }, true],
    ["POST with no origin and our cookie", { method: "POST", origin: undefined }, true],
    ["POST with an origin that is not a URL", { method: "POST", origin: "app.example.org" }, true],
  ])("%s", (_n, input, expected) => {
    expect(isCrossSiteWrite({ ...base, ...input })).toBe(expected);
  });
  it("compares the scheme the other way too: an https page writing to the http site", () => {
    expect(isCrossSiteWrite({ method: "POST", origin: "https://localhost:3000", host: "localhost:3000", protocol: "http", hasSessionCookie: false })).toBe(
      true,
    );
  });
  it("lets a cookieless POST without origin through (nothing to forge)", () => {
    expect(isCrossSiteWrite({ method: "POST", origin: undefined, host: "h", protocol: "http", hasSessionCookie: false })).toBe(false);
  });
});
