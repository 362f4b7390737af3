import { describe, expect, it } from "vitest";
import { ballotInWords } from "./ballot-in-words";
import { publishedBallotsText } from "./published-ballots-messages";
import { receiptCheckText } from "./receipt-messages";

const options = [
  { position: 1, label: "Ada" },
  { position: 2, label: "Ben" },
];

describe("a published ballot in words", () => {
  it("gives a choice as it is", () => {
    expect(ballotInWords(options, publishedBallotsText.ranking)({ choice: "abstain" })).toBe("abstain");
  });

  it("names a ranking's options in order, as each page joins them, with ? for a number no option has", () => {
    expect(ballotInWords(options, publishedBallotsText.ranking)({ ranking: [2, 1] })).toBe("Ben > Ada");
    expect(ballotInWords(options, receiptCheckText.ranking)({ ranking: [2, 7, 1] })).toBe("Ben, then ?, then Ada");
  });

  it("has no words for an encrypted ballot", () => {
    expect(ballotInWords(options, receiptCheckText.ranking)({ belenios: "{}" })).toBeNull();
  });
});
