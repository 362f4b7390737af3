/**
 * The New poll form's one schema (routes/polls.new.tsx): every check that needs no database, run in
 * the browser before the form is sent and again by the server, which then looks the trustees up.
 * The one check that reads the clock (a closing time already past) is the server's alone: a
 * phone whose clock runs fast must not refuse a closing time the server would take, with no way
 * round it.
 */
import { z } from "zod";
import { MAX_OPTION_LABEL_LENGTH, MAX_POLL_DESCRIPTION_LENGTH, MAX_POLL_OPTIONS, MAX_POLL_TITLE_LENGTH } from "~/utils/input-limits";
import { splitLines } from "~/utils/line-breaks";
import { fromLondonLocal } from "~/utils/london-time";
import { limitedText, textLimitProblem } from "~/utils/text-limits";
import { pollMethodValues } from "../../../db/schema/polls";
import { pollTextMessages } from "./messages";
import { newPollProblems as problems } from "./new-poll-messages";
import { trusteeFieldProblems } from "./trustee-fields";

/** The options typed, one a line: each trimmed, blank lines left out. */
export function optionLines(text: string): string[] {
  return splitLines(text)
    .map((l) => l.trim())
    .filter(Boolean);
}

function pollSchema({ checkClock }: { checkClock: boolean }) {
  return z
    .object({
      // Each text is checked against its limit and the character rule first (input-limits.ts).
      title: limitedText(MAX_POLL_TITLE_LENGTH, "name", pollTextMessages.title).trim().min(1, { error: problems.titleMissing }),
      description: limitedText(MAX_POLL_DESCRIPTION_LENGTH, "prose", pollTextMessages.description).trim(),
      method: z.enum(pollMethodValues, { error: problems.methodMissing }),
      seats: z.coerce
        .number({ error: problems.seatsNotWhole })
        .int({ error: problems.seatsNotWhole })
        .min(1, { error: problems.seatsTooFew })
        .max(50, { error: problems.seatsTooMany }),
      // The whole field's length first, then each option (a label: one line, no hidden characters).
      options: z.string().superRefine((v, ctx) => {
        if (v.length > MAX_POLL_OPTIONS * (MAX_OPTION_LABEL_LENGTH + 2))
          return ctx.addIssue({ code: "custom", message: pollTextMessages.tooManyOptions, continue: false });
        const lines = optionLines(v);
        if (lines.length > MAX_POLL_OPTIONS) return ctx.addIssue({ code: "custom", message: pollTextMessages.tooManyOptions, continue: false });
        for (const line of lines) {
          const problem = textLimitProblem(line, MAX_OPTION_LABEL_LENGTH, "name");
          if (problem) return ctx.addIssue({ code: "custom", message: pollTextMessages.option[problem], continue: false });
        }
      }),
      ron: z.string().optional(),
      quorumPercent: z.coerce
        .number({ error: problems.quorumOutOfRange })
        .int({ error: problems.quorumNotWhole })
        .min(0, { error: problems.quorumOutOfRange })
        .max(100, { error: problems.quorumOutOfRange }),
      majority: z.enum(["simple", "absolute", "two-thirds"], { error: problems.majorityMissing }),
      publication: z.enum(["separate-lists", "receipts-with-rankings"], { error: problems.publicationMissing }),
      closesAt: z.string().min(1, { error: problems.closesAtMissing }),
      // Email addresses, one per line (decision 045), and how many must decrypt (decision 046):
      // read by trustee-form.server.ts, as on the Elections page, and looked up after these checks.
      trustees: z.string().optional(),
      trusteeThreshold: z.string().optional(),
    })
    .superRefine((v, ctx) => {
      const lines = optionLines(v.options);
      if (v.method !== "yes-no" && lines.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: problems.optionsTooFew });
      if (new Set(lines).size !== lines.length) ctx.addIssue({ code: "custom", path: ["options"], message: problems.optionsRepeated });
      if (v.method !== "yes-no" && v.seats >= lines.length + (v.ron ? 1 : 0))
        ctx.addIssue({ code: "custom", path: ["seats"], message: problems.seatsNotFewerThanOptions });
      const closes = fromLondonLocal(v.closesAt);
      if (!closes) ctx.addIssue({ code: "custom", path: ["closesAt"], message: problems.closesAtNotADate });
      else if (checkClock && closes.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: ["closesAt"], message: problems.closesAtPast });
      for (const [field, message] of Object.entries(trusteeFieldProblems(v.trustees, v.trusteeThreshold)))
        ctx.addIssue({ code: "custom", path: [field], message });
    });
}

/** The server's schema: every check, the closing time against its clock too. */
export const pollForm = pollSchema({ checkClock: true });

/** The browser's: the same checks but the clock's (the server still makes that one). */
export const pollFormInBrowser = pollSchema({ checkClock: false });
