/** The wording of the audit log page (routes/audit.tsx); what each entry's action and a broken chain's problem are called is in messages.ts. */
import { chainProblemLabels } from "./messages";
import { formatNumber as count } from "../../utils/numbers";

export const auditLogPageText = {
  metaTitle: "Audit log",
  title: "Audit log",
  intro:
    "Every change that matters is recorded here, newest first. Entries cannot be changed or removed, and each carries a fingerprint (SHA-256) of the one before it, so any tampering shows up when the chain is checked.",
  intact: {
    title: "The chain is intact",
    /** Followed by the latest fingerprint. */
    checked: (entries: number) => `All ${count(entries)} entries check out. Latest fingerprint: `,
  },
  broken: {
    title: "The chain is broken",
    where: (entryId: number, problem: keyof typeof chainProblemLabels, checked: number) =>
      `Entry ${entryId} ${chainProblemLabels[problem]}. The ${checked} entries before it check out.`,
  },
  check: "Check the chain",
  caption: (total: number, page: number, pages: number) => `${count(total)} entries, page ${page} of ${pages}`,
  columns: { number: "No.", when: "When", who: "Who", what: "What", subject: "Subject", details: "Details" },
  pages: "Audit log pages",
  newer: "Newer entries",
  older: "Older entries",
};
