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
    [{ name: "x".repeat(50_000) }, "name", "Your name must be 120 characters or fewer"],
    [{ name: "Ann\u0001\u001b[31m Smith" }, "name", "Your name must not contain control characters"],
    [{ name: "\u202ehtimS nnA" }, "name", "Your name must not contain control characters"],
    [{ name: "An\u200bn" }, "name", "Your name must not contain control characters"],
    [{ postcode: "EH1 1YZ".padEnd(130_000, " x") }, "postcode", "Your postcode must be 20 characters or fewer"],
    [{ postcode: "EH1\u00071YZ" }, "postcode", "Your postcode must not contain control characters"],
    [{ membershipNumber: "L".repeat(41) }, "membershipNumber", "The membership number must be 40 characters or fewer"],
    [{ membershipNumber: "L1\u007f" }, "membershipNumber", "The membership number must not contain control characters"],
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
