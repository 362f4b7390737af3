/** The fields of the Polls page's "new poll" form, as a browser without JavaScript sends them: a Yes/No poll closing far ahead. */
export const newPollForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  title: "Adopt the campaign statement",
  description: "",
  method: "yes-no",
  seats: "1",
  options: "",
  quorumPercent: "0",
  majority: "simple",
  publication: "separate-lists",
  closesAt: "2099-01-01T12:00",
  ...overrides,
});
