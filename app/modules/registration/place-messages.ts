/**
 * The names of the registers and of the nations of Great Britain, the same on the details form, in
 * the saved answers, the readiness checks and the application summary. Where a register is "both",
 * each says so in its own words.
 */
export const registerNames = { GB: "Great Britain", NI: "Northern Ireland" } as const;

export const nationNames = { england: "England", scotland: "Scotland", wales: "Wales" } as const;
