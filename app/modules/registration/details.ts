import { z } from "zod";
import {
  MAX_ASSETS_DETAIL_LENGTH,
  MAX_EMAIL_LENGTH,
  MAX_FULL_NAME_LENGTH,
  MAX_LEADER_PURPOSE_LENGTH,
  MAX_PHONE_LENGTH,
  MAX_POSTCODE_LENGTH,
  MAX_REGISTRATION_LINE_LENGTH,
  MAX_TOWN_LENGTH,
} from "~/utils/input-limits";
import { limitedText, type TextKind } from "~/utils/text-limits";

/**
 * The registration application's fields (registration-uk.md section 1), shared by the form, the
 * readiness checks and the documents. Pure: no database, no wording for people (that lives in
 * messages.ts beside the pages).
 *
 * A draft may be incomplete in any way, so every field is optional here; the readiness checks
 * (readiness.ts) say what is missing. The zod schema only refuses what is never valid in a
 * draft: wrong types, unknown choices, more than 12 descriptions or 3 accounting units... the
 * limits a form field itself would enforce.
 */

export const registerValues = ["GB", "NI", "both"] as const;
export type Register = (typeof registerValues)[number];

export const nationValues = ["england", "scotland", "wales"] as const;
export type Nation = (typeof nationValues)[number];

export const partyTypeValues = ["full", "minor"] as const;
export type PartyType = (typeof partyTypeValues)[number];

/** What a minor party contests (it must say which). */
export const minorElectionValues = ["english-parish", "welsh-community"] as const;
export type MinorElection = (typeof minorElectionValues)[number];

export const MAX_DESCRIPTIONS = 12;
export const MAX_EMBLEMS = 3;
export const MAX_NAME_WORDS = 6;
/** Assets and liabilities each at most this many pounds: the short declaration is enough. */
export const ASSETS_THRESHOLD_POUNDS = 500;

/**
 * A text field: its limit (input-limits.ts) and the character rule (text-limits.ts) checked
 * before anything else; "name" for one line, "prose" for a sentence or more.
 */
const text = (max: number, kind: TextKind = "name") => limitedText(max, kind).trim();

export const descriptionSchema = z.object({
  /** The description in English (or the only language). */
  text: text(MAX_REGISTRATION_LINE_LENGTH),
  /** Its Welsh form (GB parties contesting in Wales) or Irish form (NI parties), if any. */
  translation: text(MAX_REGISTRATION_LINE_LENGTH).optional(),
});
export type Description = z.infer<typeof descriptionSchema>;

export const addressSchema = z.object({
  line1: text(MAX_REGISTRATION_LINE_LENGTH).optional(),
  line2: text(MAX_REGISTRATION_LINE_LENGTH).optional(),
  town: text(MAX_TOWN_LENGTH).optional(),
  postcode: text(MAX_POSTCODE_LENGTH).optional(),
});
export type Address = z.infer<typeof addressSchema>;

export const accountingUnitSchema = z.object({
  name: text(MAX_REGISTRATION_LINE_LENGTH),
  treasurer: text(MAX_FULL_NAME_LENGTH).optional(),
  secondOfficer: text(MAX_FULL_NAME_LENGTH).optional(),
  address: addressSchema.optional(),
});
export type AccountingUnit = z.infer<typeof accountingUnitSchema>;

/** Amounts in whole pounds. */
export const assetsRecordSchema = z.object({
  cashAtBank: z.number().int().min(0).optional(),
  equipment: z.number().int().min(0).optional(),
  otherAssets: z.number().int().min(0).optional(),
  otherAssetsDetail: text(MAX_ASSETS_DETAIL_LENGTH, "prose").optional(),
  loansFromFinancialInstitutions: z.number().int().min(0).optional(),
  otherLoans: z.number().int().min(0).optional(),
  tradeAndOtherCreditors: z.number().int().min(0).optional(),
  otherLiabilities: z.number().int().min(0).optional(),
  otherLiabilitiesDetail: text(MAX_ASSETS_DETAIL_LENGTH, "prose").optional(),
});
export type AssetsRecord = z.infer<typeof assetsRecordSchema>;

export const registrationDraftSchema = z.object({
  register: z.enum(registerValues).optional(),
  /** GB or both: which of England, Scotland and Wales. */
  nations: z.array(z.enum(nationValues)).max(3).optional(),
  partyType: z.enum(partyTypeValues).optional(),
  /** Minor parties only: the elections contested. */
  minorElections: z.array(z.enum(minorElectionValues)).max(2).optional(),
  /** Must be true: the party intends to field at least one candidate at some election. */
  intendsToContest: z.boolean().optional(),
  /** The optional declaration that the party will not contest UK Parliamentary general elections (not for minor parties). */
  notContestingGeneralElections: z.boolean().optional(),

  name: text(MAX_REGISTRATION_LINE_LENGTH).optional(),
  /** The Welsh form of the name (GB, contesting in Wales) or the Irish form (NI). */
  nameTranslation: text(MAX_REGISTRATION_LINE_LENGTH).optional(),
  /** Which language `nameTranslation` is in. */
  nameTranslationLanguage: z.enum(["welsh", "irish"]).optional(),

  descriptions: z.array(descriptionSchema).max(MAX_DESCRIPTIONS).optional(),

  headquarters: addressSchema.optional(),
  /** True when the headquarters address is someone's home (a PO box is suggested instead: it is published). */
  headquartersIsHome: z.boolean().optional(),
  contactEmail: text(MAX_EMAIL_LENGTH).optional(),
  contactPhone: text(MAX_PHONE_LENGTH).optional(),

  /** Where there is no single overall leader: the purpose for which the registered leader leads. */
  leaderPurpose: text(MAX_LEADER_PURPOSE_LENGTH, "prose").optional(),
  /** The additional officer (only when leader = nominating officer = treasurer and no campaigns officer). */
  additionalOfficer: z.object({ userId: z.string().uuid().optional(), office: text(MAX_REGISTRATION_LINE_LENGTH).optional() }).optional(),

  hasAccountingUnits: z.boolean().optional(),
  accountingUnits: z.array(accountingUnitSchema).max(50).optional(),

  /** The financial year's last day, as "DD-MM" (for example "31-12"). */
  financialYearEnd: z
    .string()
    .regex(/^\d{2}-\d{2}$/)
    .optional(),

  /** The proposed treasurer's declaration: true = assets and liabilities each do not exceed £500. */
  assetsWithinThreshold: z.boolean().optional(),
  assetsRecord: assetsRecordSchema.optional(),

  /** Confirmation that the party is not a recognised third party (non-party campaigner). */
  notThirdParty: z.boolean().optional(),
});
export type RegistrationDraft = z.infer<typeof registrationDraftSchema>;

/** What sharp found in an uploaded emblem (inspect-emblem.server.ts). */
export interface EmblemInspection {
  width: number;
  height: number;
  format: string;
  /** Largest colour saturation among the pixels, 0..1 (0 = pure greyscale). */
  maxSaturation: number;
  /** Share of pixels with visible colour (saturation above the noise floor), 0..1. */
  colouredShare: number;
  /** Empty (near-white or transparent) margin on each side, as a share of the width or height. */
  margins: { top: number; right: number; bottom: number; left: number };
}

/** Per registered role an officer holds: the ISO time they confirmed its declaration. */
export type OfficerConfirmations = Partial<Record<"leader" | "nominating-officer" | "treasurer" | "campaigns-officer", string>>;
