import { describe, expect, it } from "vitest";
import { decideRate, MAX_LINKS_PER_EMAIL, MAX_LINKS_PER_IP, MAX_MAIL_REQUESTS_OVERALL } from "./rate-limit";
import { safeRedirectPath } from "./redirect";
import { readSessionToken, SESSION_COOKIE, sessionCookie } from "./session.server";
import { generateToken, hashToken, keyedHash } from "./tokens";

describe("sign-in rules", () => {
  it.each([
    ["/account", "/account"],
    ["/audit?page=2", "/audit?page=2"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example", "/"],
    ["/login", "/"],
    ["/\t/evil.example", "/"],
    ["/ /evil.example", "/"],
    [undefined, "/"],
  ])("redirect %s goes to %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it("rate-limits per email, per connection and overall", () => {
    expect(decideRate({ email: MAX_LINKS_PER_EMAIL - 1, ip: 0, overall: 0 })).toEqual({ allowed: true });
    expect(decideRate({ email: MAX_LINKS_PER_EMAIL, ip: 0, overall: 0 })).toEqual({ allowed: false, limitedBy: "email" });
    expect(decideRate({ email: 0, ip: MAX_LINKS_PER_IP, overall: 0 })).toEqual({ allowed: false, limitedBy: "ip" });
    expect(decideRate({ email: 0, ip: 0, overall: MAX_MAIL_REQUESTS_OVERALL })).toEqual({ allowed: false, limitedBy: "overall" });
  });

  it("lets a meeting of 200 on one connection each ask twice, but keeps one address to a few links", () => {
    expect(decideRate({ email: 1, ip: 399, overall: 399 })).toEqual({ allowed: true });
    expect(MAX_LINKS_PER_EMAIL).toBeLessThanOrEqual(5);
    expect(MAX_LINKS_PER_IP).toBeLessThan(MAX_MAIL_REQUESTS_OVERALL);
  });

  it("makes tokens of 160 random bits and never stores them as they are", () => {
    const a = generateToken();
    expect(a).toMatch(/^[a-z2-7]{32}$/);
    expect(generateToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keys sign-in hashes with the server secret (HMAC-SHA-256)", () => {
    // RFC 4231, test case 2.
    expect(keyedHash("Jefe", "what do ya want for nothing?")).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    expect(keyedHash("x".repeat(32), "token")).not.toBe(keyedHash("y".repeat(32), "token"));
    expect(keyedHash("x".repeat(32), "token")).not.toBe(hashToken("token"));
    expect(() => keyedHash("", "token")).toThrow();
  });

  it("reads only well-formed session cookies", () => {
    const token = generateToken();
    expect(readSessionToken(`other=1; ${SESSION_COOKIE}=${token}`)).toBe(token);
    expect(readSessionToken(`${SESSION_COOKIE}=<script>`)).toBeNull();
    expect(readSessionToken(undefined)).toBeNull();
  });

  it("sets HttpOnly SameSite=Lax cookies, Secure over HTTPS", () => {
    const cookie = sessionCookie("t", new Date(Date.now() + 60_000), true);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    expect(sessionCookie("t", new Date(Date.now() + 60_000), false)).not.toMatch(/Secure/);
  });
});
