import { asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { declaredOfficers, declaredPositions, declaredRegisteredPositions } from "~/modules/elections/declaring.server";
import { electionChain } from "~/modules/elections/current-election.server";
import { registeredRoles, type RegisteredRole } from "~/modules/elections/officer-rules";
import type { Db, DbOrTx } from "~/utils/db.server";
import { officerDetails, positions, registeredPartyNames, registrationDetails, registrationEmblems } from "../../../db/schema";
import { MAX_EMBLEMS, registrationDraftSchema, type EmblemInspection, type OfficerConfirmations, type RegistrationDraft } from "./details";
import { draftSections, draftToValues, sectionValues, type DraftSection, type FormProblem, type SectionPatch } from "./draft-form";
import { EmblemFileError, inspectEmblem, type EmblemFileErrorCode } from "./inspect-emblem.server";
import type { RegisteredNameRow } from "./names-csv";
import { isEmailAddress } from "~/utils/email";
import { MAX_EMAIL_LENGTH, MAX_EMBLEM_FILE_BYTES, MAX_FULL_NAME_LENGTH, MAX_HOME_ADDRESS_LENGTH } from "~/utils/input-limits";
import { staleSave, type Shown, type StaleSave } from "~/utils/stale-edit";
import { limitedText, textIssueOf, type TextProblem } from "~/utils/text-limits";

/**
 * The registration application in the database: the draft of its details, the emblems, the list
 * of names already registered, and the officers' private details. Every change is one
 * transaction with its audit entry; audit details name fields and counts, never what a person
 * typed about themselves.
 */

const SUBJECT = { subjectType: "registration", subjectId: "1" } as const;

// ---------------------------------------------------------------------------------------------
// The draft
// ---------------------------------------------------------------------------------------------

export interface StoredDraft {
  details: RegistrationDraft;
  financialScheme: string | null;
  updatedAt: Date | null;
}

export async function loadDraft(db: DbOrTx): Promise<StoredDraft> {
  const [row] = await db.select().from(registrationDetails).where(eq(registrationDetails.id, 1));
  if (!row) return { details: {}, financialScheme: null, updatedAt: null };
  return { details: checkedDraft(row.details), financialScheme: row.financialScheme, updatedAt: row.updatedAt };
}

/** Stored drafts were checked when saved; parsing again keeps the type honest if the schema grew. */
function checkedDraft(details: RegistrationDraft): RegistrationDraft {
  const parsed = registrationDraftSchema.safeParse(details);
  return parsed.success ? parsed.data : details;
}

/** A problem with one field: its path in the draft (also the form field's id) and its code. */
export interface DraftIssue {
  path: string;
  code: FormProblem | "too_long" | "bad_character" | "word_too_long" | "too_many" | "invalid" | "not_an_office_holder";
  max?: number;
}

export type SaveDraftResult = { ok: true; changed: string[] } | { ok: false; issues: DraftIssue[] } | StaleSave;

function issueOf(issue: z.core.$ZodIssue): DraftIssue {
  const path = issue.path.map(String).join(".");
  const text = textIssueOf(issue);
  if (text) return { path, code: text.textProblem, max: text.max };
  if (issue.code === "too_big") {
    const max = Number(issue.maximum);
    return { path, code: issue.origin === "array" ? "too_many" : "too_long", max };
  }
  return { path, code: "invalid" };
}

/** Merges one section's change into the stored draft, checks the result and saves it. */
export async function saveDraftSection(db: Db, actor: Actor, section: DraftSection, patch: SectionPatch, version?: string): Promise<SaveDraftResult> {
  return db.transaction(async (tx) => {
    await tx.insert(registrationDetails).values({ id: 1 }).onConflictDoNothing();
    const [row] = await tx.select().from(registrationDetails).where(eq(registrationDetails.id, 1)).for("update");
    // Only this section's fields count: organisers saving different sections do not conflict.
    const shownNow = sectionValues(draftToValues(checkedDraft(row?.details ?? {})), section);
    const stale = staleSave(version, shownNow);
    if (stale) return stale;
    const stored: Record<string, unknown> = { ...(row?.details ?? {}) };
    const merged: Record<string, unknown> = { ...stored };
    for (const key of draftSections[section]) {
      if (patch[key] === undefined) delete merged[key];
      else merged[key] = patch[key];
    }
    const parsed = registrationDraftSchema.safeParse(merged);
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(issueOf) } as const;
    // The additional officer must hold a named office in the party: someone declared elected to a
    // position of the current election (the people the form offers), never any user's id.
    const additional = parsed.data.additionalOfficer?.userId;
    if (section === "officers" && additional && !(await electedPeople(tx)).some((p) => p.userId === additional)) {
      return { ok: false, issues: [{ path: "additionalOfficer.userId", code: "not_an_office_holder" }] } as const;
    }
    const saved = parsed.data as Record<string, unknown>;
    const changed = draftSections[section].filter((key) => JSON.stringify(stored[key]) !== JSON.stringify(saved[key]));
    if (changed.length === 0) return { ok: true, changed: [] } as const;
    await tx.update(registrationDetails).set({ details: parsed.data, updatedAt: new Date(), updatedBy: actor.id }).where(eq(registrationDetails.id, 1));
    await appendAudit(tx, { actor, action: "registration.details_saved", ...SUBJECT, details: { section, fields: changed } });
    return { ok: true, changed } as const;
  });
}

/**
 * People declared elected to any position of the current election (with the rounds of re-opened
 * nominations before it): the additional officer is one of them.
 */
export async function electedPeople(db: DbOrTx): Promise<{ userId: string; name: string; position: string }[]> {
  const chain = await electionChain(db);
  if (chain.length === 0) return [];
  const rows = await db
    .select({ title: positions.title, elected: positions.elected })
    .from(positions)
    .where(declaredPositions(chain))
    .orderBy(asc(positions.sortOrder));
  return rows.flatMap((p) => (p.elected ?? []).flatMap((e) => (e.userId ? [{ userId: e.userId, name: e.name, position: p.title }] : [])));
}

// ---------------------------------------------------------------------------------------------
// Emblems
// ---------------------------------------------------------------------------------------------

export const MAX_EMBLEM_BYTES = MAX_EMBLEM_FILE_BYTES;

export interface EmblemSummary {
  slot: number;
  fileName: string;
  mimeType: string;
  inspection: EmblemInspection;
  /** The organiser's answers; null until answered (a fresh upload has none). */
  hasPicture: boolean | null;
  hasText: boolean | null;
  smallestTextPx: number | null;
  uploadedAt: Date;
}

export async function listEmblems(db: DbOrTx): Promise<EmblemSummary[]> {
  return db
    .select({
      slot: registrationEmblems.slot,
      fileName: registrationEmblems.fileName,
      mimeType: registrationEmblems.mimeType,
      inspection: registrationEmblems.inspection,
      hasPicture: registrationEmblems.hasPicture,
      hasText: registrationEmblems.hasText,
      smallestTextPx: registrationEmblems.smallestTextPx,
      uploadedAt: registrationEmblems.uploadedAt,
    })
    .from(registrationEmblems)
    .orderBy(asc(registrationEmblems.slot));
}

export async function emblemImage(db: DbOrTx, slot: number): Promise<{ data: Uint8Array; mimeType: string } | null> {
  if (!isSlot(slot)) return null;
  const [row] = await db
    .select({ data: registrationEmblems.data, mimeType: registrationEmblems.mimeType })
    .from(registrationEmblems)
    .where(eq(registrationEmblems.slot, slot));
  return row ?? null;
}

export function isSlot(slot: number): boolean {
  return Number.isInteger(slot) && slot >= 1 && slot <= MAX_EMBLEMS;
}

const mimeTypes: Record<string, string> = {
  png: "image/png",
  jpeg: "image/jpeg",
  jpg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  tiff: "image/tiff",
  svg: "image/svg+xml",
  avif: "image/avif",
};

export type EmblemProblem = "slot_invalid" | "file_missing" | "file_too_big" | "not_image" | "not_found" | "text_size_invalid";

export async function uploadEmblem(
  db: Db,
  actor: Actor,
  input: { slot: number; fileName: string; bytes: Uint8Array },
): Promise<{ ok: true; replaced: boolean } | { ok: false; code: EmblemProblem; file?: EmblemFileErrorCode }> {
  if (!isSlot(input.slot)) return { ok: false, code: "slot_invalid" };
  if (input.bytes.byteLength === 0) return { ok: false, code: "file_missing" };
  if (input.bytes.byteLength > MAX_EMBLEM_BYTES) return { ok: false, code: "file_too_big" };
  let inspection: EmblemInspection;
  try {
    inspection = await inspectEmblem(input.bytes);
  } catch (error) {
    // The inspector refused it (and says why), or sharp could not read it at all.
    return { ok: false, code: "not_image", ...(error instanceof EmblemFileError ? { file: error.code } : {}) };
  }
  const mimeType = mimeTypes[inspection.format.toLowerCase()];
  if (!mimeType) return { ok: false, code: "not_image" };
  const fileName = input.fileName.replace(/[^\w .()-]/g, "_").slice(0, 200) || `emblem-${input.slot}`;
  return db.transaction(async (tx) => {
    const removed = await tx.delete(registrationEmblems).where(eq(registrationEmblems.slot, input.slot)).returning({ slot: registrationEmblems.slot });
    await tx.insert(registrationEmblems).values({ slot: input.slot, fileName, mimeType, data: input.bytes, inspection, uploadedBy: actor.id });
    const replaced = removed.length > 0;
    await appendAudit(tx, {
      actor,
      action: replaced ? "registration.emblem_replaced" : "registration.emblem_uploaded",
      ...SUBJECT,
      details: { slot: input.slot, format: inspection.format, width: inspection.width, height: inspection.height },
    });
    return { ok: true, replaced } as const;
  });
}

/**
 * The organiser's answers about an emblem, which the inspection cannot see: whether it has a
 * picture, whether it has lettering and, if it has, its smallest letters' height in pixels.
 */
export async function setEmblemAnswers(
  db: Db,
  actor: Actor,
  slot: number,
  input: { hasPicture: boolean; hasText: boolean; smallestTextPx: number | null },
): Promise<{ ok: true } | { ok: false; code: EmblemProblem }> {
  if (!isSlot(slot)) return { ok: false, code: "slot_invalid" };
  const px = input.smallestTextPx;
  if (input.hasText && (px === null || !Number.isInteger(px) || px < 1 || px > 100_000)) return { ok: false, code: "text_size_invalid" };
  // No lettering, no height: a height left over from an earlier answer would be misleading.
  const answers = { hasPicture: input.hasPicture, hasText: input.hasText, smallestTextPx: input.hasText ? px : null };
  return db.transaction(async (tx) => {
    const updated = await tx.update(registrationEmblems).set(answers).where(eq(registrationEmblems.slot, slot)).returning({ slot: registrationEmblems.slot });
    if (updated.length === 0) return { ok: false, code: "not_found" } as const;
    await appendAudit(tx, { actor, action: "registration.emblem_described", ...SUBJECT, details: { slot, ...answers } });
    return { ok: true } as const;
  });
}

export async function removeEmblem(db: Db, actor: Actor, slot: number): Promise<{ ok: true } | { ok: false; code: EmblemProblem }> {
  if (!isSlot(slot)) return { ok: false, code: "slot_invalid" };
  return db.transaction(async (tx) => {
    const removed = await tx.delete(registrationEmblems).where(eq(registrationEmblems.slot, slot)).returning({ slot: registrationEmblems.slot });
    if (removed.length === 0) return { ok: false, code: "not_found" } as const;
    await appendAudit(tx, { actor, action: "registration.emblem_removed", ...SUBJECT, details: { slot } });
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Names already registered
// ---------------------------------------------------------------------------------------------

export async function registeredNamesSummary(db: DbOrTx, sample = 10): Promise<{ total: number; first: RegisteredNameRow[]; loadedAt: Date | null }> {
  const [total] = await db.select({ n: count() }).from(registeredPartyNames);
  const first = await db
    .select({ name: registeredPartyNames.name, register: registeredPartyNames.register, loadedAt: registeredPartyNames.loadedAt })
    .from(registeredPartyNames)
    .orderBy(asc(registeredPartyNames.name))
    .limit(sample);
  return { total: total?.n ?? 0, first: first.map(({ name, register }) => ({ name, register })), loadedAt: first[0]?.loadedAt ?? null };
}

export async function registeredNames(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ name: registeredPartyNames.name }).from(registeredPartyNames);
  return rows.map((r) => r.name);
}

const NAMES_BATCH = 1000;

/** Replaces the whole list at once, so the checks never see half of an old and half of a new one. */
export async function replaceRegisteredNames(
  db: Db,
  actor: Actor,
  input: { names: readonly RegisteredNameRow[]; rowsRead: number; skipped: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(registeredPartyNames);
    const loadedAt = new Date();
    for (let i = 0; i < input.names.length; i += NAMES_BATCH) {
      await tx.insert(registeredPartyNames).values(input.names.slice(i, i + NAMES_BATCH).map((n) => ({ ...n, loadedAt })));
    }
    await appendAudit(tx, {
      actor,
      action: "registration.names_loaded",
      ...SUBJECT,
      details: { names: input.names.length, rowsRead: input.rowsRead, skipped: input.skipped },
    });
  });
}

export async function clearRegisteredNames(db: Db, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const removed = await tx.delete(registeredPartyNames).returning({ id: registeredPartyNames.id });
    await appendAudit(tx, { actor, action: "registration.names_cleared", ...SUBJECT, details: { names: removed.length } });
    return removed.length;
  });
}

// ---------------------------------------------------------------------------------------------
// Officers' own details
// ---------------------------------------------------------------------------------------------

export interface DeclaredOfficer {
  role: RegisteredRole;
  userId: string;
  name: string;
}

const isRole = (role: string): role is RegisteredRole => (registeredRoles as readonly string[]).includes(role);

/** The declared registered officers, in the order of the roles. */
export async function registeredOfficers(db: DbOrTx): Promise<DeclaredOfficer[]> {
  const declared = (await declaredOfficers(db)).flatMap((o) => (isRole(o.role) ? [{ ...o, role: o.role }] : []));
  return declared.sort((a, b) => registeredRoles.indexOf(a.role) - registeredRoles.indexOf(b.role));
}

export async function rolesHeldBy(db: DbOrTx, userId: string): Promise<RegisteredRole[]> {
  return (await registeredOfficers(db)).filter((o) => o.userId === userId).map((o) => o.role);
}

/** Whether any registered office of the current election has been declared. */
export async function officersDeclared(db: DbOrTx): Promise<boolean> {
  const chain = await electionChain(db);
  if (chain.length === 0) return false;
  const [row] = await db.select({ n: count() }).from(positions).where(declaredRegisteredPositions(chain));
  return (row?.n ?? 0) > 0;
}

export interface OfficerPrivateDetails {
  fullName: string;
  homeAddress: string;
  email: string;
  confirmations: OfficerConfirmations;
  updatedAt: Date;
}

/** One officer's private details: only for that officer, organisers, and the officer's own sheet. */
export async function loadOfficerDetails(db: DbOrTx, userId: string): Promise<OfficerPrivateDetails | null> {
  const [row] = await db.select().from(officerDetails).where(eq(officerDetails.userId, userId));
  return row ? { fullName: row.fullName, homeAddress: row.homeAddress, email: row.email, confirmations: row.confirmations, updatedAt: row.updatedAt } : null;
}

export const officerDetailsSchema = z.object({
  // Limits (input-limits.ts) and the character rule (text-limits.ts) first.
  fullName: limitedText(MAX_FULL_NAME_LENGTH, "name").trim().min(1),
  homeAddress: limitedText(MAX_HOME_ADDRESS_LENGTH, "prose").trim().min(1),
  email: z.string().trim().min(1).max(MAX_EMAIL_LENGTH, { abort: true }).refine(isEmailAddress),
});
export type OfficerDetailsInput = z.infer<typeof officerDetailsSchema>;

export type OfficerProblem = "not_an_officer" | "role_not_held";

export type SaveOfficerResult =
  | { ok: true; changed: string[] }
  | StaleSave
  | { ok: false; code: OfficerProblem }
  | { ok: false; code: "invalid"; issues: { path: string; code: OfficerFieldProblem }[] };

export type OfficerFieldProblem = "missing" | "not_an_email" | TextProblem;

/**
 * An officer saves their own details and confirms the declaration of each role they hold. A
 * confirmation keeps its first time while it stays ticked; unticking withdraws it.
 */
/** An officer's details as their form shows them: what its edit version is a fingerprint of. */
export function officerShown(
  details: { fullName: string; homeAddress: string; email: string; confirmations: OfficerConfirmations } | null | undefined,
  held: readonly RegisteredRole[],
): Shown {
  return {
    fullName: details?.fullName ?? "",
    homeAddress: details?.homeAddress ?? "",
    email: details?.email ?? "",
    confirm: held.filter((role) => details?.confirmations[role]),
  };
}

export async function saveOfficerDetails(
  db: Db,
  officer: Actor & { id: string },
  input: { fullName: string; homeAddress: string; email: string; confirm: readonly string[] },
  /** The form's version (optimistic concurrency): a save from a stale page is refused, nothing written. */
  version?: string,
): Promise<SaveOfficerResult> {
  return db.transaction(async (tx) => {
    // Whether they are an officer at all comes first: someone who is not is refused, never told what is wrong with the form.
    const held = await rolesHeldBy(tx, officer.id);
    if (held.length === 0) return { ok: false, code: "not_an_officer" } as const;
    const parsed = officerDetailsSchema.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        code: "invalid",
        issues: parsed.error.issues.map((i) => ({
          path: String(i.path[0] ?? ""),
          code:
            textIssueOf(i)?.textProblem ??
            (i.code === "too_big" ? ("too_long" as const) : i.code === "too_small" ? ("missing" as const) : ("not_an_email" as const)),
        })),
      } as const;
    }
    if (input.confirm.some((role) => !held.includes(role as RegisteredRole))) return { ok: false, code: "role_not_held" } as const;
    const [before] = await tx.select().from(officerDetails).where(eq(officerDetails.userId, officer.id)).for("update");
    // The same officer on two devices, or an organiser's page open while they save: the later save from an older page is refused.
    const stale = staleSave(version, officerShown(before, held));
    if (stale) return stale;
    const now = new Date().toISOString();
    const confirmations: OfficerConfirmations = {};
    for (const role of held) if (input.confirm.includes(role)) confirmations[role] = before?.confirmations[role] ?? now;
    const changed = [
      ...(["fullName", "homeAddress", "email"] as const).filter((k) => before?.[k] !== parsed.data[k]),
      ...held.filter((role) => Boolean(before?.confirmations[role]) !== Boolean(confirmations[role])).map((role) => `declaration:${role}`),
    ];
    if (changed.length === 0) return { ok: true, changed } as const;
    await tx
      .insert(officerDetails)
      .values({ userId: officer.id, ...parsed.data, confirmations, updatedAt: new Date() })
      .onConflictDoUpdate({ target: officerDetails.userId, set: { ...parsed.data, confirmations, updatedAt: new Date() } });
    await appendAudit(tx, {
      actor: officer,
      action: "registration.officer_details_saved",
      subjectType: "officer_details",
      subjectId: officer.id,
      // Which fields changed and which roles are confirmed: never the name, address or email.
      details: { fields: changed, confirmed: Object.keys(confirmations) },
    });
    return { ok: true, changed } as const;
  });
}

export interface OfficerCompletion extends DeclaredOfficer {
  detailsComplete: boolean;
  confirmed: boolean;
}

/** Each declared officer's progress, without their private details: for organisers and the readiness checks. */
export async function officerCompletion(db: DbOrTx): Promise<OfficerCompletion[]> {
  const officers = await registeredOfficers(db);
  const rows = officers.length ? await db.select().from(officerDetails) : [];
  const byUser = new Map(rows.map((r) => [r.userId, r]));
  return officers.map((o) => {
    const row = byUser.get(o.userId);
    return {
      ...o,
      detailsComplete: Boolean(row?.fullName.trim() && row.homeAddress.trim() && row.email.trim()),
      confirmed: Boolean(row?.confirmations[o.role]),
    };
  });
}
