import type { CheckStatus } from "./readiness-types";

/** A readiness check's outcome, the same on the readiness page and in the checklist PDF. */
export const statusLabel: Record<CheckStatus, string> = {
  pass: "Pass",
  warning: "Warning",
  fail: "Fail",
};
