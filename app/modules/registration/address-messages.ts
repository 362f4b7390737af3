import { commonWords } from "~/components/messages";

/**
 * The labels of the application's addresses, the same wherever one is asked for or named: the
 * details form and the problems found in its answers, the readiness checks, the officer's page
 * and their sheet in the pack.
 */
export const addressLabels = {
  headquarters: "Headquarters address",
  line1: "Address line 1",
  town: "Town or city",
  postcode: commonWords.postcode,
  /** An officer's own address: never published, printed only on their officer sheet. */
  home: "Home address",
} as const;
