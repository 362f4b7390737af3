import { describe, expect, it } from "vitest";
import { isValidHost, readClientFacts } from "./forwarded";

describe("host names", () => {
  it.each(["localhost", "localhost:3000", "app.example.org", "APP.Example.org:443", "127.0.0.1:8080", "[::1]", "[::1]:3000", "xn--bcher-kva.example"])(
    "accepts %s",
    (host) => {
      expect(isValidHost(host)).toBe(true);
    },
  );
  it.each(["", "a b", "evil.example/path", "host:99999", "host:", "-bad.example", "a..b", "[::1", "x".repeat(300), "host\0", "user@host"])(
    "refuses %j",
    (host) => {
      expect(isValidHost(host)).toBe(false);
    },
  );
});

describe("client facts", () => {
  const base = { remoteAddress: "::ffff:10.0.0.5", encrypted: false, siteProtocol: "http" as const };
  it("reads the connection when no proxy is trusted, whatever the headers say", () => {
    const result = readClientFacts({
      ...base,
      trustProxy: false,
      headers: new Headers({ host: "a.example", "x-forwarded-for": "1.2.3.4", "x-forwarded-proto": "https" }),
    });
    expect(result).toEqual({ ok: true, facts: { protocol: "http", host: "a.example", ip: "10.0.0.5" } });
  });
  it("takes the last hop of each forwarded header behind a trusted proxy", () => {
    const result = readClientFacts({
      ...base,
      trustProxy: true,
      headers: new Headers({
        host: "internal:3000",
        "x-forwarded-for": "6.6.6.6, 203.0.113.7",
        "x-forwarded-proto": "https",
        "x-forwarded-host": "app.example.org",
      }),
    });
    expect(result).toEqual({ ok: true, facts: { protocol: "https", host: "app.example.org", ip: "203.0.113.7" } });
  });
  it("takes a plain connection to an https site as https: TLS ended at a proxy in front", () => {
    const result = readClientFacts({ ...base, siteProtocol: "https", trustProxy: false, headers: new Headers({ host: "app.example.org" }) });
    expect(result.ok && result.facts.protocol).toBe("https");
  });

  it("names the header it could not read", () => {
    expect(readClientFacts({ ...base, trustProxy: true, headers: new Headers({ host: "a.example", "x-forwarded-for": "1.2.3.4, nonsense" }) })).toEqual({
      ok: false,
      header: "X-Forwarded-For",
    });
    expect(readClientFacts({ ...base, trustProxy: false, headers: new Headers({ host: "a b" }) })).toEqual({ ok: false, header: "Host" });
  });
});
