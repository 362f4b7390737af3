import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { polls, severalSeatMethodValues, trusteeSets } from "./polls";
import { users } from "./users";

/**
 * Electing the interim officers (standing orders section 11): an election has a nomination
 * period and positions; founding members stand, second, ask candidates questions; the returning
 * officer opens one ranked ballot per position, counts and declares.
 */
export const electionPhaseValues = ["nominations", "ballot", "counted"] as const;
export type ElectionPhase = (typeof electionPhaseValues)[number];

export const elections = pgTable(
  "elections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    phase: text("phase", { enum: electionPhaseValues }).notNull().default("nominations"),
    nominationsOpenAt: timestamp("nominations_open_at", { withTimezone: true }).notNull(),
    nominationsCloseAt: timestamp("nominations_close_at", { withTimezone: true }).notNull(),
    /**
     * Re-opened nominations: the election whose vacant seats this one fills (its positions say
     * which seats). Null for an election of its own.
     */
    followsElectionId: uuid("follows_election_id").references((): AnyPgColumn => elections.id, { onDelete: "restrict" }),
    /** The trustees who hold the key of this election's ballots (decision 047); null: the server holds it. */
    trusteeSetId: uuid("trustee_set_id").references(() => trusteeSets.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("elections_phase_known", sql`${t.phase} in ('nominations', 'ballot', 'counted')`),
    check("elections_period", sql`${t.nominationsCloseAt} > ${t.nominationsOpenAt}`),
  ],
);

export const positionMethodValues = ["irv", ...severalSeatMethodValues] as const;

export const positions = pgTable(
  "positions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    electionId: uuid("election_id")
      .notNull()
      .references(() => elections.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** The Electoral Commission's registered role, if this is one (officer-rules.ts). */
    registeredRole: text("registered_role"),
    seats: integer("seats").notNull().default(1),
    method: text("method", { enum: positionMethodValues }).notNull(),
    secondersRequired: integer("seconders_required").notNull(),
    /** Who may stand, in words (for example "Founding members who are not treasurer candidates"). */
    eligibility: text("eligibility").notNull().default(""),
    /** Counted after the registered offices; their winners are withdrawn from it (11.8). */
    countedAfterOffices: boolean("counted_after_offices").notNull().default(false),
    sortOrder: integer("sort_order").notNull(),
    pollId: uuid("poll_id").references(() => polls.id, { onDelete: "set null" }),
    declaredAt: timestamp("declared_at", { withTimezone: true }),
    /** Set on declaration: the people elected, in order (empty seats are RON wins). */
    elected: jsonb("elected").$type<{ userId: string | null; name: string }[]>(),
    /** In an election that re-opens nominations: the original position whose vacant seats this fills. */
    fillsPositionId: uuid("fills_position_id").references((): AnyPgColumn => positions.id, { onDelete: "restrict" }),
    /** Which of the original position's seats (numbered from 1) this fills, in order. */
    fillsSeats: jsonb("fills_seats").$type<number[]>(),
  },
  (t) => [
    check("positions_seats", sql`${t.seats} >= 1`),
    check("positions_seconders", sql`${t.secondersRequired} >= 0`),
    index("positions_election_idx").on(t.electionId),
  ],
);

export const candidacyStatusValues = ["standing", "withdrawn"] as const;

export const candidacies = pgTable(
  "candidacies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    positionId: uuid("position_id")
      .notNull()
      .references(() => positions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The founding member who nominated them; the candidate themselves when they stood. */
    nominatedBy: uuid("nominated_by").references(() => users.id, { onDelete: "set null" }),
    statement: text("statement").notNull().default(""),
    /** The candidate's consent to stand (11.6: "must accept the nomination"). */
    consentedAt: timestamp("consented_at", { withTimezone: true }),
    /** 11.9 for the registered offices; 11.10 (eligibility) for treasurer. */
    declarations: jsonb("declarations").$type<{ registeredOfficer?: boolean; treasurerEligible?: boolean }>().notNull().default({}),
    status: text("status", { enum: candidacyStatusValues }).notNull().default("standing"),
    /** The candidate's option on the ballot paper (0-based), once the ballot opens. */
    ballotPosition: integer("ballot_position"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [unique("candidacies_position_user").on(t.positionId, t.userId), check("candidacies_status_known", sql`${t.status} in ('standing', 'withdrawn')`)],
);

export const seconders = pgTable(
  "seconders",
  {
    candidacyId: uuid("candidacy_id")
      .notNull()
      .references(() => candidacies.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.candidacyId, t.userId] })],
);

/** Hustings: members' questions to a candidate, and the candidate's answers. Plain text. */
export const hustingsQuestions = pgTable(
  "hustings_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidacyId: uuid("candidacy_id")
      .notNull()
      .references(() => candidacies.id, { onDelete: "cascade" }),
    askedBy: uuid("asked_by").references(() => users.id, { onDelete: "set null" }),
    question: text("question").notNull(),
    answer: text("answer"),
    askedAt: timestamp("asked_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [index("hustings_candidacy_idx").on(t.candidacyId)],
);

export const recountOutcomeValues = ["confirmed", "corrected"] as const;

/**
 * A recount of a declared position, asked for by the returning officer with a reason: the count
 * run again from the stored ballots, with the same rules and the same lot seed. A recount that
 * differs replaces the declaration shown; the declaration it replaced is kept here, with the
 * result it was declared from (never deleted).
 */
export const recounts = pgTable(
  "recounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    positionId: uuid("position_id")
      .notNull()
      .references(() => positions.id, { onDelete: "restrict" }),
    reason: text("reason").notNull(),
    outcome: text("outcome", { enum: recountOutcomeValues }).notNull(),
    recountedAt: timestamp("recounted_at", { withTimezone: true }).notNull().defaultNow(),
    /** The declaration standing before the recount (superseded when the outcome is "corrected"). */
    /** Null when the recount came before any declaration (a count that failed its check). */
    previousDeclaredAt: timestamp("previous_declared_at", { withTimezone: true }),
    previousElected: jsonb("previous_elected").$type<{ userId: string | null; name: string }[]>().notNull(),
    previousResult: jsonb("previous_result"),
    /** What the recount elected, and its full result. */
    elected: jsonb("elected").$type<{ userId: string | null; name: string }[]>().notNull(),
    result: jsonb("result").notNull(),
  },
  (t) => [check("recounts_outcome_known", sql`${t.outcome} in ('confirmed', 'corrected')`), index("recounts_position_idx").on(t.positionId)],
);
