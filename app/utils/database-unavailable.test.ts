import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable";

function withCode(code: string): Error {
  return Object.assign(new Error("write CONNECTION_CLOSED 127.0.0.1:5432"), { code });
}

describe("isDatabaseUnavailable", () => {
  it.each(["ECONNREFUSED", "CONNECTION_CLOSED", "CONNECT_TIMEOUT", "57P01", "57P02", "57P03", "57014"])("is true for %s", (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
  });

  it("reads the driver's error inside drizzle's", () => {
    const wrapped = new Error("Failed query: select 1", { cause: withCode("57P03") });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it.each(["23505", "40001", "22P02"])("is false for a fault of the request itself (%s)", (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(false);
  });

  it("is false for an error without a code, or no error", () => {
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
