import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { polls } from "./polls";
import { users } from "./users";

/**
 * Drafting and adopting the constitution (issue 5, standing orders sections 6, 7 and 10).
 * A draft is one pass through amend → vote → adopt; the first starts from the model clauses in
 * constitution/clauses (or an uploaded Markdown file), later ones from the adopted version.
 * Allowed moves between phases are data in app/modules/constitution/phases.ts.
 */
export const draftPhaseValues = ["drafting", "voting", "closed"] as const;
export type DraftPhase = (typeof draftPhaseValues)[number];

export const constitutionDrafts = pgTable(
  "constitution_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The adopted version this draft amends; null for the first constitution. */
    baseVersion: integer("base_version"),
    /** Where the text came from: "model", "upload" or "version". */
    source: text("source").notNull(),
    phase: text("phase", { enum: draftPhaseValues }).notNull().default("drafting"),
    /** Supporters (besides the proposer) an amendment needs to go to the vote (standing orders 7.4). */
    supportersNeeded: integer("supporters_needed").notNull(),
    /** Printed line width that line numbers and anchors are counted at. */
    lineWidth: integer("line_width").notNull().default(80),
    /** The final yes/no vote on the whole text (standing orders 10.5). */
    adoptionPollId: uuid("adoption_poll_id").references(() => polls.id, { onDelete: "set null" }),
    /**
     * Adoption votes on this draft that were counted and not carried (quorum or two thirds
     * missed), oldest first: released from adoptionPollId so that a new one can open, and kept
     * for the results page and the founding record.
     */
    failedAdoptionPollIds: uuid("failed_adoption_poll_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** Set when the adoption vote carried and the text became a version. */
    adoptedVersion: integer("adopted_version"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("constitution_drafts_phase_known", sql`${t.phase} in ('drafting', 'voting', 'closed')`),
    check("constitution_drafts_supporters", sql`${t.supportersNeeded} >= 0`),
  ],
);

/**
 * The text of a draft, clause by clause, as published for amendment. Never changed while the
 * draft lives: amendments carry the hash of the text they were written against, and the text
 * as amended is always worked out from it and the carried amendments.
 */

export const draftClauses = pgTable(
  "draft_clauses",
  {
    draftId: uuid("draft_id")
      .notNull()
      .references(() => constitutionDrafts.id, { onDelete: "cascade" }),
    clauseId: text("clause_id").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    text: text("text").notNull(),
    entrenched: boolean("entrenched").notNull().default(false),
    covers: jsonb("covers").$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.clauseId] })],
);

/** A clause's decision in a voting round (stage 2); a clause with no row is still pending. */
export const clauseDecisionValues = ["adopted", "rejected"] as const;
export type ClauseDecision = (typeof clauseDecisionValues)[number] | "pending";

export const clauseDecisions = pgTable(
  "clause_decisions",
  {
    draftId: uuid("draft_id")
      .notNull()
      .references(() => constitutionDrafts.id, { onDelete: "cascade" }),
    clauseId: text("clause_id").notNull(),
    decision: text("decision", { enum: clauseDecisionValues }).notNull(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => votingRounds.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.clauseId] }), check("clause_decisions_known", sql`${t.decision} in ('adopted', 'rejected')`)],
);

/** The operation of an amendment, as the text engine reads it, without its id and time. */
export type StoredOperation = Record<string, unknown> & { kind: string };

export const amendmentStatusValues = ["open", "withdrawn", "carried", "lost", "undecided"] as const;
export type AmendmentStatus = (typeof amendmentStatusValues)[number];

export const amendments = pgTable(
  "amendments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    draftId: uuid("draft_id")
      .notNull()
      .references(() => constitutionDrafts.id, { onDelete: "cascade" }),
    /** A1, A2, … in order of proposal within the draft. */
    number: integer("number").notNull(),
    /** The clause it is filed under: the one it changes, or the one a new clause follows. */
    clauseId: text("clause_id").notNull(),
    operation: jsonb("operation").$type<StoredOperation>().notNull(),
    reason: text("reason").notNull().default(""),
    proposerId: uuid("proposer_id").references(() => users.id, { onDelete: "set null" }),
    /** Committee amendments need no supporters (standing orders 7.10). */
    byCommittee: boolean("by_committee").notNull().default(false),
    status: text("status", { enum: amendmentStatusValues }).notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    unique("amendments_draft_number").on(t.draftId, t.number),
    index("amendments_draft_clause_idx").on(t.draftId, t.clauseId),
    check("amendments_status_known", sql`${t.status} in ('open', 'withdrawn', 'carried', 'lost', 'undecided')`),
  ],
);

export const amendmentSupporters = pgTable(
  "amendment_supporters",
  {
    amendmentId: uuid("amendment_id")
      .notNull()
      .references(() => amendments.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.amendmentId, t.userId] }), index("amendment_supporters_user_idx").on(t.userId)],
);

/** The drafting committee's advice on an amendment (7.11), kept apart from the amendment itself. */
export const recommendationValues = ["accept", "reject", "compromise"] as const;
export type RecommendationKind = (typeof recommendationValues)[number];

export const amendmentRecommendations = pgTable(
  "amendment_recommendations",
  {
    amendmentId: uuid("amendment_id")
      .primaryKey()
      .references(() => amendments.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: recommendationValues }).notNull(),
    /** For a compromise: the clause text the committee would accept instead. */
    compromiseText: text("compromise_text"),
    reasons: text("reasons").notNull().default(""),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("amendment_recommendations_kind_known", sql`${t.kind} in ('accept', 'reject', 'compromise')`)],
);

/** Members' comments on a clause or an amendment, threaded by `parentId`. Plain text only. */
export const draftComments = pgTable(
  "draft_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    draftId: uuid("draft_id")
      .notNull()
      .references(() => constitutionDrafts.id, { onDelete: "cascade" }),
    clauseId: text("clause_id").notNull(),
    amendmentId: uuid("amendment_id").references(() => amendments.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id"),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("draft_comments_target_idx").on(t.draftId, t.clauseId)],
);

/** One voting round of a draft: a ballot per pending clause, all on one frozen roll. */
export const votingRounds = pgTable(
  "voting_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    draftId: uuid("draft_id")
      .notNull()
      .references(() => constitutionDrafts.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    rollSize: integer("roll_size").notNull(),
    quorumPercent: integer("quorum_percent").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /**
     * A large round's questions are prepared in the background (decision 049): their elections,
     * with a credential per member each, are made after the round is created, and voting opens
     * when the last is ready. True until then.
     */
    preparing: boolean("preparing").notNull().default(false),
  },
  (t) => [unique("voting_rounds_draft_number").on(t.draftId, t.number)],
);

/** One question of a clause's ballot: an amendment, a group of competing ones, or the clause. */
export const voteItemKindValues = ["amendment", "competing", "clause"] as const;
export type VoteItemKind = (typeof voteItemKindValues)[number];

export const voteItems = pgTable(
  "vote_items",
  {
    pollId: uuid("poll_id")
      .primaryKey()
      .references(() => polls.id, { onDelete: "cascade" }),
    roundId: uuid("round_id")
      .notNull()
      .references(() => votingRounds.id, { onDelete: "cascade" }),
    clauseId: text("clause_id").notNull(),
    /** Order of questions within the round: clause by clause, amendments before the clause. */
    position: integer("position").notNull(),
    kind: text("kind", { enum: voteItemKindValues }).notNull(),
    /** amendment: one id; competing: the ids in option order (option 0 is "No change"). */
    amendmentIds: jsonb("amendment_ids").$type<string[]>().notNull().default([]),
  },
  (t) => [index("vote_items_round_idx").on(t.roundId, t.position)],
);

export interface AdoptedClause {
  id: string;
  title: string;
  text: string;
  entrenched: boolean;
  covers: string[];
}

export interface AdoptionRecord {
  draftId: string;
  adoptedAt: string;
  rounds: { number: number; openedAt: string; closedAt: string; rollSize: number }[];
  clauses: { id: string; title: string; decision: ClauseDecision; yes: number; no: number; abstain: number; majority: string }[];
  adoptionVote: { pollId: string; rollSize: number; yes: number; no: number; abstain: number; turnout: number; majority: string; chainHead: string };
  /** Earlier adoption votes on the same text that were not carried (absent in older records). */
  failedAdoptionVotes?: {
    pollId: string;
    closedAt: string;
    rollSize: number;
    yes: number;
    no: number;
    abstain: number;
    turnout: number;
    majority: string;
    code: string;
    chainHead: string;
  }[];
}

/** Adopted constitutions: version 1, then 2, … Never updated once written. */
export const constitutionVersions = pgTable("constitution_versions", {
  number: integer("number").primaryKey(),
  draftId: uuid("draft_id")
    .notNull()
    .references(() => constitutionDrafts.id),
  adoptedAt: timestamp("adopted_at", { withTimezone: true }).notNull(),
  clauses: jsonb("clauses").$type<AdoptedClause[]>().notNull(),
  record: jsonb("record").$type<AdoptionRecord>().notNull(),
});
