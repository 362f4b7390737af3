import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as limits from "./input-limits";

/**
 * The operator guide lists every limit of input-limits.ts with its figure, so that the people
 * running Breakaway can answer "why was this refused?" without reading code. This keeps the two
 * in step: a figure changed or added here without the guide fails.
 */
const guide = readFileSync(path.resolve("docs/operator-guide.md"), "utf8");

/** A figure as the guide writes it: bytes in MiB or KiB where they divide evenly, else grouped digits. */
function figure(name: string, value: number): string {
  const grouped = (n: number) => n.toLocaleString("en-GB");
  if (name.includes("BYTES")) {
    if (value % (1024 * 1024) === 0) return `${grouped(value / (1024 * 1024))} MiB`;
    if (value % 1024 === 0) return `${grouped(value / 1024)} KiB`;
    return `${grouped(value)} bytes`;
  }
  return grouped(value);
}

const rows: [string, string][] = [];
for (const [name, value] of Object.entries(limits)) {
  if (typeof value === "number") rows.push([`\`${name}\``, figure(name, value)]);
  else for (const [key, entry] of Object.entries(value as Record<string, number>)) rows.push([`\`${name}["${key}"]\``, figure(name, entry)]);
}

describe("the operator guide's table of limits", () => {
  it.each(rows)("lists %s as %s", (cell, shown) => {
    expect(guide).toContain(`| ${cell} | ${shown} |`);
  });

  it("lists nothing the module does not have", () => {
    const listed = [...guide.matchAll(/^\| `([A-Z][A-Z0-9_]{2,60})(?:\["[^"]{1,60}"\])?` \|/gm)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(0);
    for (const name of listed) expect(Object.keys(limits), name).toContain(name);
  });
});
