import { describe, expect, it } from "vitest";
import { hashText, normalizeText } from "./hash";

describe("hashText", () => {
  it.each([
    ["", "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["é", "sha256:4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c"],
  ])("hashes the UTF-8 bytes of %j", (text, expected) => {
    expect(hashText(text)).toBe(expected);
  });

  it("tells texts apart that differ only in spacing", () => {
    expect(hashText("a b")).not.toBe(hashText("a  b"));
    expect(hashText("a\nb")).not.toBe(hashText("a\r\nb"));
  });
});

describe("normalizeText", () => {
  it.each([
    ["a\r\nb\rc", "a\nb\nc"],
    ["a  \nb\t", "a\nb"],
    ["a\n\n\n\nb", "a\n\nb"],
    ["\n\na\n\n", "a"],
    ["already fine\n\n- item", "already fine\n\n- item"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});
