/**
 * The financial scheme in the database: generated from the model (constitution/financial-scheme.md)
 * and the application's details, or the text organisers edited and saved
 * (registration_details.financial_scheme; null means "the generated text"). Saving and resetting
 * are each one transaction with their audit entry.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { getMovement } from "~/modules/campaign/campaign.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { MAX_FINANCIAL_SCHEME_LENGTH } from "~/utils/input-limits";
import { staleSave, type Shown, type StaleSave } from "~/utils/stale-edit";
import { textLimitProblem, type TextProblem } from "~/utils/text-limits";
import { officerDetails, registrationDetails } from "../../../db/schema";
import type { RegistrationDraft } from "./details";
import { financialSchemeText, schemeAsAdopted, schemeAsBallotText } from "./financial-scheme";
import { loadDraft, registeredOfficers } from "./registration.server";

const MODEL_FILE = path.resolve(process.cwd(), "constitution/financial-scheme.md");

/** Longest scheme organisers may save (input-limits.ts). */
export const MAX_SCHEME_LENGTH = MAX_FINANCIAL_SCHEME_LENGTH;

export async function loadSchemeModel(): Promise<string> {
  return readFile(MODEL_FILE, "utf8");
}

/**
 * The new party's name as the documents print it: the registered name applied for, or until it is
 * chosen, the movement's name.
 */
export async function packPartyName(db: DbOrTx, details?: RegistrationDraft): Promise<string> {
  const name = (details ?? (await loadDraft(db)).details).name?.trim();
  if (name) return name;
  return (await getMovement(db))?.name ?? "Breakaway";
}

/** The declared treasurer's full name as they gave it, else their name on Breakaway; null if none. */
export async function treasurerName(db: DbOrTx): Promise<string | null> {
  const treasurer = (await registeredOfficers(db)).find((o) => o.role === "treasurer");
  if (!treasurer) return null;
  const [row] = await db.select({ fullName: officerDetails.fullName }).from(officerDetails).where(eq(officerDetails.userId, treasurer.userId));
  return row?.fullName.trim() || treasurer.name;
}

export interface SchemeState {
  /** The text that will be exported: sentence (2) says it was adopted by ballot only when it was. */
  text: string;
  /** The text generated from the model now (what "reset" goes back to), in its ballot form. */
  generated: string;
  /** True when organisers saved their own text. */
  edited: boolean;
  partyName: string;
  treasurerName: string | null;
  /** The text as put to (or as it would be put to) the founding members' ballot, and its hash. */
  ballotText: string;
  hash: string;
  /** True when a carried ballot adopted exactly this text; an edit since makes it false. */
  adopted: boolean;
  /** Some text was adopted by ballot before (so, when not adopted now, it was edited since). */
  adoptedBefore: boolean;
  /** The ballot that adopted this text, when adopted. */
  adoptedPollId: string | null;
  /** A ballot open or counted but not yet recorded: its poll and the hash of the text it is on. */
  ballot: { pollId: string; hash: string } | null;
  /** The last ballot recorded (carried or not), for the page to link to. */
  lastPollId: string | null;
}

/** The hash a scheme ballot freezes: SHA-256 of the ballot text, as hex. */
export function schemeHash(ballotText: string): string {
  return createHash("sha256").update(ballotText, "utf8").digest("hex");
}

export async function financialSchemeState(db: DbOrTx): Promise<SchemeState> {
  const draft = await loadDraft(db);
  const [partyName, treasurer, model, [row]] = await Promise.all([
    packPartyName(db, draft.details),
    treasurerName(db),
    loadSchemeModel(),
    db
      .select({
        pollId: registrationDetails.financialSchemePollId,
        pollHash: registrationDetails.financialSchemePollHash,
        adoptedPollId: registrationDetails.financialSchemeAdoptedPollId,
        adoptedHash: registrationDetails.financialSchemeAdoptedHash,
      })
      .from(registrationDetails)
      .where(eq(registrationDetails.id, 1)),
  ]);
  const generated = financialSchemeText({ details: draft.details, treasurerName: treasurer, partyName, model });
  const edited = Boolean(draft.financialScheme?.trim());
  const ballotText = schemeAsBallotText(edited ? (draft.financialScheme ?? generated) : generated);
  const hash = schemeHash(ballotText);
  const adopted = row?.adoptedHash === hash;
  return {
    text: adopted ? schemeAsAdopted(ballotText) : ballotText,
    generated,
    edited,
    partyName,
    treasurerName: treasurer,
    ballotText,
    hash,
    adopted,
    adoptedBefore: Boolean(row?.adoptedHash),
    adoptedPollId: adopted ? (row?.adoptedPollId ?? null) : null,
    ballot: row?.pollId && row.pollHash ? { pollId: row.pollId, hash: row.pollHash } : null,
    lastPollId: row?.pollId ?? null,
  };
}

export type SaveSchemeResult = { ok: true; edited: boolean } | { ok: false; code: "empty" | "ballot_open" | TextProblem } | StaleSave;

/** The scheme as its form shows it (the state's text): what the form's edit version is a fingerprint of. */
export function schemeShown(state: Pick<SchemeState, "text">): Shown {
  return { scheme: state.text };
}

function normalise(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

/**
 * Saves the organisers' text. Text the same as the generated one is stored as "generated" (null),
 * so the scheme keeps following the details (a new treasurer, a changed financial year).
 */
export async function saveFinancialScheme(db: Db, actor: Actor, text: string, version?: string): Promise<SaveSchemeResult> {
  // The limit, the character rule and the longest word first, before any other work.
  const problem = textLimitProblem(text, MAX_SCHEME_LENGTH);
  if (problem) return { ok: false, code: problem };
  const clean = normalise(text);
  if (!clean) return { ok: false, code: "empty" };
  return db.transaction(async (tx) => {
    await tx.insert(registrationDetails).values({ id: 1 }).onConflictDoNothing();
    const [before] = await tx
      .select({ scheme: registrationDetails.financialScheme })
      .from(registrationDetails)
      .where(eq(registrationDetails.id, 1))
      .for("update");
    // The generated text is read after the lock, so it matches the details this save is compared
    // with: a details change saved meanwhile cannot make the same text look edited (or not).
    const state = await financialSchemeState(tx);
    const { generated, ballot } = state;
    // The text on an open ballot is frozen: members vote on what they read.
    if (ballot) return { ok: false, code: "ballot_open" } as const;
    // Edited by someone else (or regenerated from changed details) since the form was loaded.
    const stale = staleSave(version, schemeShown(state));
    if (stale) return stale;
    const ballotForm = schemeAsBallotText(clean);
    const stored = ballotForm === normalise(generated) ? null : `${ballotForm}\n`;
    if ((before?.scheme ?? null) === stored) return { ok: true, edited: stored !== null } as const;
    await tx.update(registrationDetails).set({ financialScheme: stored, updatedAt: new Date(), updatedBy: actor.id }).where(eq(registrationDetails.id, 1));
    await appendAudit(tx, {
      actor,
      action: stored === null ? "registration.financial_scheme_reset" : "registration.financial_scheme_saved",
      subjectType: "registration",
      subjectId: "1",
      details: { characters: stored?.length ?? 0, sameAsGenerated: stored === null },
    });
    return { ok: true, edited: stored !== null } as const;
  });
}

/** Goes back to the text generated from the model; refused while a ballot on the scheme is open. */
export async function resetFinancialScheme(db: Db, actor: Actor, version?: string): Promise<{ ok: true } | { ok: false; code: "ballot_open" } | StaleSave> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ scheme: registrationDetails.financialScheme, pollHash: registrationDetails.financialSchemePollHash })
      .from(registrationDetails)
      .where(eq(registrationDetails.id, 1))
      .for("update");
    if (before?.pollHash) return { ok: false, code: "ballot_open" } as const;
    // Resetting throws the edited text away: only the text the organiser saw, never an edit saved since.
    const stale = version === undefined ? null : staleSave(version, schemeShown(await financialSchemeState(tx)));
    if (stale) return stale;
    if (!before?.scheme) return { ok: true } as const;
    await tx.update(registrationDetails).set({ financialScheme: null, updatedAt: new Date(), updatedBy: actor.id }).where(eq(registrationDetails.id, 1));
    await appendAudit(tx, {
      actor,
      action: "registration.financial_scheme_reset",
      subjectType: "registration",
      subjectId: "1",
      details: { characters: 0, sameAsGenerated: true },
    });
    return { ok: true } as const;
  });
}
