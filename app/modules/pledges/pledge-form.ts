import { z } from "zod";
import { regionForPostcode } from "./regions";
import { isEmailAddress } from "~/utils/email";
import { MAX_MEMBERSHIP_NUMBER_LENGTH, MAX_PERSON_NAME_LENGTH, MAX_POSTCODE_LENGTH } from "~/utils/input-limits";
import { limitedText } from "~/utils/text-limits";
import { pledgeMessages as m, pledgeTextMessages as t } from "./messages";

/** Monthly subscription as typed ("£4.50", "4.5", "12") to pence; blank is none. */
export function parsePounds(input: string): number | null | "invalid" {
  const text = input.trim().replace(/^£/, "").replace(/,/g, "");
  if (text === "") return null;
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(text)) return "invalid";
  return Math.round(Number(text) * 100);
}

export const pledgeFormSchema = z
  .object({
    // Each text is checked against its limit and the character rule first (input-limits.ts).
    name: limitedText(MAX_PERSON_NAME_LENGTH, "name", t.name).trim().min(1, { error: m.nameMissing }),
    email: z.string().trim().min(1, { error: m.emailMissing }).refine(isEmailAddress, { error: m.emailFormat }),
    postcode: limitedText(MAX_POSTCODE_LENGTH, "name", t.postcode)
      .trim()
      .min(1, { error: m.postcodeMissing })
      .superRefine((v, ctx) => {
        const region = regionForPostcode(v);
        if (v && !region.ok) ctx.addIssue({ code: "custom", message: region.code === "postcode_format" ? m.postcodeFormat : m.postcodeArea });
      }),
    relation: z.enum(["member", "former_member", "supporter"], { error: m.relationMissing }),
    membershipNumber: limitedText(MAX_MEMBERSHIP_NUMBER_LENGTH, "name", t.membershipNumber).trim().optional().default(""),
    monthlySubscription: z
      .string()
      .optional()
      .default("")
      .refine((v) => parsePounds(v) !== "invalid", { error: m.subscriptionFormat }),
    consentContact: z.string().optional(),
    consentDataUse: z.string({ error: m.consentDataUseMissing }).refine((v) => v === "yes", { error: m.consentDataUseMissing }),
  })
  .transform((v, ctx) => {
    // Both were checked field by field above; this narrows their types.
    const region = regionForPostcode(v.postcode);
    const pence = parsePounds(v.monthlySubscription);
    if (!region.ok || pence === "invalid") {
      ctx.addIssue({ code: "custom", path: ["postcode"], message: m.postcodeFormat });
      return z.NEVER;
    }
    return {
      name: v.name,
      email: v.email.toLowerCase(),
      postcode: region.postcode,
      region: region.region,
      relation: v.relation,
      membershipNumber: v.relation === "member" && v.membershipNumber ? v.membershipNumber : null,
      monthlySubscriptionPence: v.relation === "member" ? pence : null,
      consentContact: v.consentContact === "yes",
      consentDataUse: true,
    };
  });

export type PledgeInput = z.output<typeof pledgeFormSchema>;
