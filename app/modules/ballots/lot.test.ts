import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { drawLot, lotTicket, seededRandom, sha256Hex } from "./lot";

describe("sha256Hex", () => {
  it("matches node:crypto for the standard vectors and many lengths and characters", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const samples = ["Loch a Tuath", "Ménage à trois", "\u{1F5F3} ballot", "a\nb\r\nc"];
    for (let length = 0; length < 300; length += 7) samples.push("x".repeat(length));
    for (const text of samples) {
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });
});

describe("drawLot", () => {
  it("gives each candidate the documented ticket and draws the smallest", () => {
    const names = ["Ann", "Bob", "Cy"];
    const { drawn, tickets } = drawLot("seed-2024", 6, names);
    expect(tickets).toEqual(names.map((n) => createHash("sha256").update(`seed-2024\n6\n${n}`).digest("hex")));
    expect(tickets[drawn]).toBe([...tickets].sort()[0]);
    expect(lotTicket("seed-2024", 6, "Bob")).toBe(tickets[1]);
  });

  it("is reproducible, and depends on the seed and the stage", () => {
    const names = Array.from({ length: 8 }, (_, i) => `Candidate ${i}`);
    expect(drawLot("s", 3, names)).toEqual(drawLot("s", 3, names));
    const drawnBySeed = new Set(Array.from({ length: 40 }, (_, i) => drawLot(`seed ${i}`, 3, names).drawn));
    expect(drawnBySeed.size).toBeGreaterThan(3);
    const drawnByStage = new Set(Array.from({ length: 40 }, (_, i) => drawLot("s", i, names).drawn));
    expect(drawnByStage.size).toBeGreaterThan(3);
  });

  it("does not depend on where a candidate sits in the list", () => {
    const names = ["Ann", "Bob", "Cy", "Dee"];
    const chosen = names[drawLot("x", 2, names).drawn];
    const reversed = [...names].reverse();
    expect(reversed[drawLot("x", 2, reversed).drawn]).toBe(chosen);
  });
});

describe("seededRandom", () => {
  it("repeats for the same seed and spreads over [0, 1)", () => {
    const a = seededRandom("bench");
    const b = seededRandom("bench");
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(seededRandom("other")()).not.toBe(seededRandom("bench")());
  });
});
