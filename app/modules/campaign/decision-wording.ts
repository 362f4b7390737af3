/** The decision ballot's options, in ballot order (their positions decide the outcome). */
export const decisionOptions = [
  "Stay: the demands were met",
  "Leave and join another party",
  "Leave and found a new party",
] as const satisfies readonly string[];
