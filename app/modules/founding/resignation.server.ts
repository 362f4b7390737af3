import { eq, inArray } from "drizzle-orm";
import { createElement } from "react";
import { fileSlug } from "~/modules/documents/format";
import { resignationRefusals } from "./pdf/messages";
import { renderPdf } from "~/modules/documents/render.server";
import { ResignationLetterDocument, resignationLetterText, type ResignationLetterData } from "~/modules/founding/pdf/resignation-letter";
import { getMovement } from "~/modules/campaign/campaign.server";
import type { DbOrTx } from "~/utils/db.server";
import { demands, foundingMembers, pledges, users } from "../../../db/schema";

export type ResignationRefusal = keyof typeof resignationRefusals;

export type ResignationLetterResult = { ok: true; data: ResignationLetterData } | { ok: false; code: ResignationRefusal };

/**
 * The resignation letter of one person, always the person asking (the caller passes the
 * signed-in user's id; there is no way to ask for someone else's). Only founding members who
 * have accepted and who belong to the old party have one.
 */
export async function findResignationLetter(db: DbOrTx, userId: string, options: { withReason?: boolean; now?: Date } = {}): Promise<ResignationLetterResult> {
  const [row] = await db
    .select({
      acceptedAt: foundingMembers.acceptedAt,
      mustResign: foundingMembers.mustResign,
      displayName: users.displayName,
      pledgeName: pledges.name,
      oldMembershipNumber: pledges.membershipNumber,
      postcode: pledges.postcode,
      pledgeErasedAt: pledges.erasedAt,
    })
    .from(foundingMembers)
    .innerJoin(users, eq(users.id, foundingMembers.userId))
    .leftJoin(pledges, eq(pledges.id, foundingMembers.pledgeId))
    .where(eq(foundingMembers.userId, userId))
    .limit(1);
  if (!row) return { ok: false, code: "not_invited" };
  if (!row.acceptedAt) return { ok: false, code: "not_accepted" };
  if (!row.mustResign) return { ok: false, code: "not_needed" };
  const m = await getMovement(db);
  if (!m) return { ok: false, code: "no_movement" };

  // The name the old party knows is the one given when pledging; an erased pledge keeps
  // nothing personal, so fall back to the account's name and a blank number line.
  const pledge = row.pledgeErasedAt ? null : row;
  const name = pledge?.pledgeName?.trim() || row.displayName;

  // Give the reason only when the record shows demands were not (fully) met: the letter must
  // not claim what organisers have not recorded.
  let reasonDeadline: Date | null = null;
  if (options.withReason !== false) {
    const unmet = await db
      .select({ id: demands.id })
      .from(demands)
      .where(inArray(demands.response, ["not_met", "partly_met"]))
      .limit(1);
    if (unmet.length > 0) reasonDeadline = m.deadline;
  }

  return {
    ok: true,
    data: {
      memberName: name,
      oldMembershipNumber: pledge?.oldMembershipNumber ?? null,
      postcode: pledge?.postcode ?? null,
      partyName: m.partyName,
      movementName: m.name,
      leavingDay: m.leavingDay,
      reasonDeadline,
      generatedAt: options.now ?? new Date(),
    },
  };
}

function fileName(data: ResignationLetterData, extension: "pdf" | "txt"): string {
  return `${fileSlug(`resignation letter ${data.memberName}`, "resignation-letter")}.${extension}`;
}

export async function resignationLetterPdf(data: ResignationLetterData): Promise<{ pdf: Buffer; fileName: string }> {
  return { pdf: await renderPdf(createElement(ResignationLetterDocument, { data })), fileName: fileName(data, "pdf") };
}

export function resignationLetterPlainText(data: ResignationLetterData): { text: string; fileName: string } {
  return { text: resignationLetterText(data), fileName: fileName(data, "txt") };
}
