import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, serial, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { polls } from "./polls";
import { users } from "./users";

/**
 * Where the movement is on its road. Allowed moves between phases are data in
 * app/modules/campaign/phases.ts.
 */
export const phaseValues = ["campaign", "decision", "founding", "stayed", "joined_other"] as const;
export type Phase = (typeof phaseValues)[number];

/** The one movement this installation serves (id is always 1). */
export const movement = pgTable(
  "movement",
  {
    id: integer("id").primaryKey().default(1),
    name: text("name").notNull(),
    partyName: text("party_name").notNull(),
    statement: text("statement").notNull().default(""),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    phase: text("phase", { enum: phaseValues }).notNull().default("campaign"),
    /** The members' decision at the deadline (IRV over confirmed pledgers). */
    decisionPollId: uuid("decision_poll_id").references(() => polls.id, { onDelete: "set null" }),
    /** The founding members' vote on the interim standing orders. */
    standingOrdersPollId: uuid("standing_orders_poll_id").references(() => polls.id, { onDelete: "set null" }),
    /** The day members of the old party resign together. */
    leavingDay: date("leaving_day", { mode: "string" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("movement_singleton", sql`${t.id} = 1`),
    check("movement_phase_known", sql`${t.phase} in ('campaign', 'decision', 'founding', 'stayed', 'joined_other')`),
  ],
);

export const responseValues = ["met", "partly_met", "not_met"] as const;
export type DemandResponse = (typeof responseValues)[number];

export const demands = pgTable("demands", {
  id: serial("id").primaryKey(),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  /** The party's response, recorded by organisers at or after the deadline. */
  response: text("response", { enum: responseValues }),
  responseNote: text("response_note"),
  responseEvidenceUrl: text("response_evidence_url"),
  respondedAt: timestamp("responded_at", { withTimezone: true }),
});

export const relationValues = ["member", "former_member", "supporter"] as const;
export type Relation = (typeof relationValues)[number];

export const pledges = pgTable(
  "pledges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    email: text("email").notNull().unique(),
    postcode: text("postcode").notNull(),
    region: text("region").notNull(),
    relation: text("relation", { enum: relationValues }).notNull(),
    membershipNumber: text("membership_number"),
    monthlySubscriptionPence: integer("monthly_subscription_pence"),
    consentContact: boolean("consent_contact").notNull(),
    consentDataUse: boolean("consent_data_use").notNull(),
    consentVersion: text("consent_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    /** SHA-256 of the token in the confirmation link (double opt-in); cleared once used. */
    confirmTokenHash: text("confirm_token_hash").unique(),
    /** SHA-256 of the token in the one-click withdrawal link sent with every pledge mail. */
    withdrawTokenHash: text("withdraw_token_hash").unique(),
    /** The pledger's account, made when they are invited to vote or to found the party. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The import that brought the pledge in, if any. */
    importId: uuid("import_id"),
    /** Set when the person asked to be removed: personal fields are blanked, counts stay. */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
  },
  (t) => [
    check("pledges_relation_known", sql`${t.relation} in ('member', 'former_member', 'supporter')`),
    index("pledges_region_idx").on(t.region),
    index("pledges_user_idx").on(t.userId),
    // The export reads the pledges in this order, a piece at a time after the last row sent.
    index("pledges_created_idx").on(t.createdAt, t.id),
  ],
);

/**
 * A pledge made with the address of a withdrawn pledge. Anyone can type any address, so its
 * details wait here and change nothing until the link mailed to that address is followed; then
 * they replace the old record's. One per pledge: a newer one replaces it, whose link then stops
 * working; it expires with its link (PENDING_PLEDGE_DAYS) and goes when the person is erased.
 */
export const pendingPledges = pgTable(
  "pending_pledges",
  {
    pledgeId: uuid("pledge_id")
      .primaryKey()
      .references(() => pledges.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    postcode: text("postcode").notNull(),
    region: text("region").notNull(),
    relation: text("relation", { enum: relationValues }).notNull(),
    membershipNumber: text("membership_number"),
    monthlySubscriptionPence: integer("monthly_subscription_pence"),
    consentContact: boolean("consent_contact").notNull(),
    consentDataUse: boolean("consent_data_use").notNull(),
    consentVersion: text("consent_version").notNull(),
    /** SHA-256 of the token in the confirmation link mailed to the pledge's address. */
    confirmTokenHash: text("confirm_token_hash").notNull().unique(),
    /** SHA-256 of the withdrawal link mailed with it; it becomes the pledge's once confirmed. */
    withdrawTokenHash: text("withdraw_token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    check("pending_pledges_relation_known", sql`${t.relation} in ('member', 'former_member', 'supporter')`),
    index("pending_pledges_expires_idx").on(t.expiresAt),
  ],
);

/**
 * Running totals of confirmed and withdrawn pledges per day, region and relation, kept in the
 * same transaction as each change, so the campaign page reads a few hundred rows however many
 * pledges there are.
 */
export const pledgeDailyCounts = pgTable(
  "pledge_daily_counts",
  {
    day: date("day", { mode: "string" }).notNull(),
    region: text("region").notNull(),
    relation: text("relation", { enum: relationValues }).notNull(),
    confirmed: integer("confirmed").notNull().default(0),
    withdrawn: integer("withdrawn").notNull().default(0),
    /** Net monthly subscriptions at stake, in pence, of pledges confirmed less withdrawn. */
    subscriptionsPence: bigint("subscriptions_pence", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.region, t.relation] })],
);

/**
 * Running totals of the pledges that pages show, kept by triggers (migration 0018) on every
 * insert, update and delete of pledges, so a page reads a few rows instead of counting every
 * pledge. A transaction adds to one slot of eight (chosen by its transaction id), so that writers
 * seldom wait for each other; the total is the sum over the slots.
 */
export const pledgeTotals = pgTable("pledge_totals", {
  slot: smallint("slot").primaryKey(),
  /** Pledges not erased: the rows of the export. */
  held: bigint("held", { mode: "number" }).notNull().default(0),
  /** Not confirmed, withdrawn or erased, with no confirmation link sent (imported without one). */
  awaitingLink: bigint("awaiting_link", { mode: "number" }).notNull().default(0),
  /** Confirmed and not withdrawn (erased ones still count, as in the campaign's figures). */
  confirmed: bigint("confirmed", { mode: "number" }).notNull().default(0),
});

/** One CSV import: its mapping, progress and outcome. Re-importing the same file is detected by its hash. */
export const pledgeImports = pgTable(
  "pledge_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fileName: text("file_name").notNull(),
    fileHash: text("file_hash").notNull(),
    /** The uploaded file, kept in the database so any app server can preview and run the import. */
    fileText: text("file_text").notNull(),
    mapping: jsonb("mapping").$type<Record<string, string>>().notNull().default({}),
    /** Whether the source already confirmed these addresses (then they count at once). */
    alreadyConfirmed: boolean("already_confirmed").notNull().default(false),
    status: text("status", { enum: ["preview", "running", "done", "failed"] })
      .notNull()
      .default("preview"),
    totalRows: integer("total_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    inserted: integer("inserted").notNull().default(0),
    merged: integer("merged").notNull().default(0),
    errorCount: integer("error_count").notNull().default(0),
    /** Rows that could not be imported, with the reason, as CSV for download. */
    errorsCsv: text("errors_csv").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the current run started: a run unfinished long after is shown as stopped, and the
     * value is the run's token, so a restarted run makes an old one stop at its next batch.
     */
    startedAt: timestamp("started_at", { withTimezone: true, precision: 3 }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("pledge_imports_hash_idx").on(t.fileHash)],
);

/**
 * SHA-256 of the email addresses of people whose data was removed at their request, so that a
 * later import of an old sign-up file does not bring them back. Holds no address itself.
 */
export const erasedEmails = pgTable("erased_emails", {
  emailHash: text("email_hash").primaryKey(),
  erasedAt: timestamp("erased_at", { withTimezone: true }).notNull().defaultNow(),
});
