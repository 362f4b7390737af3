/** A complete, valid pledge form as a member fills it in; `over` changes some of its answers. */
export const pledgeForm = (over: Record<string, string> = {}) => ({
  name: "Zebedee Quartermaine",
  email: "zeb@example.org",
  postcode: "EH1 1YZ",
  relation: "member",
  membershipNumber: "CP777",
  monthlySubscription: "5.25",
  consentDataUse: "yes",
  consentContact: "yes",
  ...over,
});
