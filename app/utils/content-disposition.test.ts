import { describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition";

describe("the Content-Disposition of a download", () => {
  it("keeps a plain name as it is", () => {
    expect(contentDisposition("attachment", "pledges-2026-11-20.csv")).toBe('attachment; filename="pledges-2026-11-20.csv"');
  });

  it('writes = ; " \\ line breaks and non-ASCII safely, and a Headers object accepts every one', () => {
    for (const name of ["a=b;c.csv", 'say "hi".pdf', "back\\slash.txt", "two\r\nlines.pdf", "Zoë Ó'Brien – pack.zip", "=cmd|' /C calc'!A0"]) {
      const header = contentDisposition("inline", name);
      expect(() => new Headers({ "Content-Disposition": header })).not.toThrow();
      const [, fallback, encoded] = /^inline; filename="([^"]*)"; filename\*=UTF-8''(\S*)$/.exec(header)!;
      expect(fallback).toMatch(/^[\x20-\x7e]*$/);
      expect(fallback).not.toMatch(/[;=\\"]/);
      expect(decodeURIComponent(encoded!)).toBe(name.replace(/[\r\n]/g, " "));
    }
  });
});
