/**
 * The financial scheme's line on the registration hub, derived from the state (decision 039). The
 * scheme is always generated from the model, so "there is text" says nothing: it is complete once
 * the founding members have adopted it, and until then the line says what it is waiting for.
 * Pure; the wording is in messages.ts.
 */
import type { DraftSection } from "./draft-form";
import { schemeStatusMessages as t, type PartStatus } from "./messages";

/** The application's sections whose answers the model scheme fills in (financial-scheme.ts). */
export const schemeSections: readonly DraftSection[] = ["register", "name", "accounting-units", "financial-year"];

export interface SchemeStatusInput {
  /** False when the model scheme could not be read. */
  modelRead: boolean;
  adopted: boolean;
  /** A ballot on it is open, or counted and not yet recorded. */
  ballot: boolean;
  edited: boolean;
  /** How many of schemeSections are answered. */
  sectionsAnswered: number;
  treasurerNamed: boolean;
}

export function schemeStatus(s: SchemeStatusInput): { status: PartStatus; progress: string } {
  if (!s.modelRead) return { status: "not-started", progress: t.modelUnreadable };
  if (s.adopted) return { status: "complete", progress: t.adopted };
  if (s.ballot) return { status: "in-progress", progress: t.ballotOpen };
  const waitingFor = [
    ...(s.sectionsAnswered < schemeSections.length ? [t.waitingForSections(s.sectionsAnswered, schemeSections.length)] : []),
    ...(s.treasurerNamed ? [] : [t.waitingForTreasurer]),
  ];
  if (waitingFor.length > 0) {
    // Started once organisers have answered or edited something it draws on.
    const started = s.edited || s.sectionsAnswered > 0;
    return { status: started ? "in-progress" : "not-started", progress: t.waiting(waitingFor) };
  }
  return { status: "in-progress", progress: s.edited ? t.readyEdited : t.readyGenerated };
}
