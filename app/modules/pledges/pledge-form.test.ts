import { describe, expect, it } from "vitest";
import { parsePounds, pledgeFormSchema } from "./pledge-form";

const good = {
  name: "Ada Lovelace",
  email: "Ada@Example.org",
  postcode: "eh1 1yz",
  relation: "member",
  membershipNumber: "L123",
  monthlySubscription: "£4.50",
  consentContact: "yes",
  consentDataUse: "yes",
};

describe("pledge form", () => {
  it("normalises a good pledge", () => {
    expect(pledgeFormSchema.parse(good)).toEqual({
      name: "Ada Lovelace",
      email: "ada@example.org",
      postcode: "EH1 1YZ",
      region: "Scotland",
      relation: "member",
      membershipNumber: "L123",
      monthlySubscriptionPence: 450,
      consentContact: true,
      consentDataUse: true,
    });
  });
  it("drops membership details for people who are not members", () => {
    expect(pledgeFormSchema.parse({ ...good, relation: "supporter" })).toMatchObject({ membershipNumber: null, monthlySubscriptionPence: null });
  });
  it.each([
    [{ name: "" }, "name", "Enter your name"],
    [{ email: "nope" }, "email", "Enter an email address in the correct format"],
    [{ postcode: "12345" }, "postcode", "Enter a real postcode"],
    [{ relation: "" }, "relation", "Say whether you are"],
    [{ monthlySubscription: "lots" }, "monthlySubscription", "Enter your monthly subscription"],
    [{ consentDataUse: undefined }, "consentDataUse", "You must agree"],
  ])("explains %j", (change, field, message) => {
    const r = pledgeFormSchema.safeParse({ ...good, ...change });
    expect(r.success).toBe(false);
    if (!r.success) {
      const issue = r.error.issues.find((i) => i.path[0] === field);
      expect(issue?.message).toContain(message);
    }
  });
  it.each([
    ["4.50", 450],
    ["£12", 1200],
    ["", null],
    ["4.555", "invalid"],
  ])("reads %s as %s pence", (input, pence) => {
    expect(parsePounds(input)).toBe(pence);
  });
});
