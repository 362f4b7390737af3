import { describe, expect, it, vi } from "vitest";
import { describeFailure, logFailure } from "./errors";

describe("what is logged of a failure", () => {
  it("names the kind, the code and where in our code, never the message", () => {
    const cause = Object.assign(new Error("duplicate key value violates unique constraint, Key (email)=(ann@example.org)"), { code: "23505" });
    const error = new Error("Failed query: insert into users values ($1)\nparams: ann@example.org", { cause });
    const described = describeFailure(error);
    expect(described).toMatch(/^Error 23505/);
    expect(described).not.toContain("ann@example.org");
    expect(described).not.toContain("duplicate");
  });

  it("reads no line of a message, even one that looks like a stack frame", () => {
    const error = new Error("bad input\n    at ann@example.org (secret.ts:1:1)");
    expect(describeFailure(error)).not.toContain("ann@example.org");
    expect(describeFailure(error)).toContain("app/utils/errors.test.ts");
  });

  it("logs the method and path of a request, never its query", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    logFailure({ method: "GET", url: "http://localhost/login/verify?token=abc123" }, new TypeError("x"));
    expect(spy).toHaveBeenCalledWith(expect.stringMatching(/^request failed: GET \/login\/verify: TypeError/));
    expect(String(spy.mock.calls[0]?.[0])).not.toContain("abc123");
    spy.mockRestore();
  });

  it("describes a thrown value that is not an error by its type alone", () => {
    expect(describeFailure("ann@example.org")).toBe("string");
  });
});
