import { describe, expect, it } from "vitest";
import { distinctiveWords, registeredNameClashes } from "./registered-names";
import { prepareNames } from "./similar-names";

const register = prepareNames(["Labour Party", "Plaid Cymru - The Party of Wales", "Green Party", "Social Democratic Party"]);
const clashNames = (text: string) => registeredNameClashes(text, register).map((c) => `${c.kind}:${c.name}`);

describe("names the Commission would refuse as a registered party's", () => {
  it.each(["Official Labour Party of Wales", "Real Labour", "True Labour", "New Labour", "Labour Party of Wales"])("%s fails against Labour Party", (text) => {
    expect(clashNames(text)).toEqual(["qualified:Labour Party"]);
  });

  it.each(["Labour Party", "labour party", "  LABOUR   Party ", "The Labour Party", "Labour"])("%s is identical to Labour Party", (text) => {
    expect(clashNames(text)).toEqual(["identical:Labour Party"]);
  });

  it.each(["Breakaway Party", "The Party of Wales", "Wales Together", "Workers Party of Britain", "People First"])(
    "%s merely shares generic words and does not fail",
    (text) => {
      expect(clashNames(text)).toEqual([]);
    },
  );

  it("leaves a distinctive word with words of one's own to the similarity warning", () => {
    expect(clashNames("Labour Futures Alliance")).toEqual([]);
    expect(clashNames("Democratic Workers")).toEqual([]);
  });

  it("needs every distinctive word of a longer name", () => {
    expect(clashNames("Real Plaid Cymru")).toEqual(["qualified:Plaid Cymru - The Party of Wales"]);
    expect(clashNames("Official Social Democratic Party")).toEqual(["qualified:Social Democratic Party"]);
    expect(clashNames("Social Alternative")).toEqual([]);
  });

  it("takes generic and place words out of a registered name", () => {
    expect(distinctiveWords("Plaid Cymru - The Party of Wales")).toEqual(["plaid"]);
    expect(distinctiveWords("The Party of Wales")).toEqual([]);
  });
});
