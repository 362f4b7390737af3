import { sql } from "drizzle-orm";
import { boolean, check, customType, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { EmblemInspection, OfficerConfirmations, RegistrationDraft } from "../../app/modules/registration/details";
import { polls } from "./polls";
import { users } from "./users";

/** Raw bytes (an emblem's image). postgres.js gives a Buffer, PGlite a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/**
 * The application to register the new party (registration-uk.md section 1). One movement, one
 * application: a single row (id = 1), saved as a draft as often as organisers like; every save is
 * in the audit log. The fields live in one checked JSON document because they are read and written
 * together, and a draft may be incomplete in any way (details.ts says what each field is).
 */
export const registrationDetails = pgTable(
  "registration_details",
  {
    id: integer("id").primaryKey().default(1),
    details: jsonb("details").$type<RegistrationDraft>().notNull().default({}),
    /** The financial scheme as organisers edited it; null means "generated from the model". */
    financialScheme: text("financial_scheme"),
    /**
     * The founding members' ballot on the financial scheme (standing orders 12) and the hash of
     * the text put to it, frozen while it is open; null when none is open or waiting to be recorded.
     */
    financialSchemePollId: uuid("financial_scheme_poll_id").references(() => polls.id, { onDelete: "set null" }),
    financialSchemePollHash: text("financial_scheme_poll_hash"),
    /** The ballot that adopted the scheme and the hash of the text it adopted; an edit since makes it "not adopted". */
    financialSchemeAdoptedPollId: uuid("financial_scheme_adopted_poll_id").references(() => polls.id, { onDelete: "set null" }),
    financialSchemeAdoptedHash: text("financial_scheme_adopted_hash"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [check("registration_details_single_row", sql`${t.id} = 1`)],
);

/** Up to three emblems, each with what the inspection (sharp) found when it was uploaded. */
export const registrationEmblems = pgTable(
  "registration_emblems",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** 1, 2 or 3: the order on the application. */
    slot: integer("slot").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    data: bytea("data").notNull(),
    inspection: jsonb("inspection").$type<EmblemInspection>().notNull(),
    /**
     * What the organiser says of it, which the inspection cannot tell. Null means "not answered
     * yet", so a freshly uploaded emblem is never mistaken for an answer (readiness fails until
     * answered). hasText false: no lettering; true: lettering whose smallest letters are
     * smallestTextPx pixels high (required then, and only then).
     */
    hasPicture: boolean("has_picture"),
    hasText: boolean("has_text"),
    smallestTextPx: integer("smallest_text_px"),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    unique("registration_emblems_slot").on(t.slot),
    check("registration_emblems_slot_range", sql`${t.slot} between 1 and 3`),
    check(
      "registration_emblems_text_height",
      sql`case when ${t.hasText} then ${t.smallestTextPx} is not null and ${t.smallestTextPx} > 0 else ${t.smallestTextPx} is null end`,
    ),
  ],
);

/**
 * An officer's private details: seen only by the officer and organisers, printed only on their
 * own officer sheet. Keyed by person, as one person may hold several registered roles.
 */
export const officerDetails = pgTable("officer_details", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  fullName: text("full_name").notNull(),
  homeAddress: text("home_address").notNull(),
  email: text("email").notNull(),
  /** Per registered role held: when the officer confirmed that role's declaration. */
  confirmations: jsonb("confirmations").$type<OfficerConfirmations>().notNull().default({}),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Names already on the Commission's registers, loaded by organisers from CSV, for similarity checks. */
export const registeredPartyNames = pgTable("registered_party_names", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  register: text("register").notNull().default(""),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The registration pack's preparation, shared by every app server (decision 024, update 2): one
 * row per pack key (the fingerprint of everything the pack prints and the day it is dated).
 * A server claims a key by inserting its row, or by taking over a failed one or one left
 * "rendering" for minutes by a server that died (`insert … on conflict do update … where`), so
 * two servers never make the same pack; when done it stores the merged PDF and the zip here, or
 * the reason it failed. Any server answers the documents page's progress poll from this table.
 * The PDFs hold officers' home addresses: rows of other keys are deleted once a newer pack is
 * ready, and all of them when an account is erased; losing a row costs only a render.
 */
export const registrationPacks = pgTable(
  "registration_packs",
  {
    key: text("key").primaryKey(),
    state: text("state", { enum: ["rendering", "ready", "failed"] }).notNull(),
    /** Who holds the claim: only the holder may record the outcome (a taken-over render may not). */
    claim: uuid("claim").notNull(),
    /** How many times the pack was started: 1, plus one per take-over of a failed or stale render. */
    attempts: integer("attempts").notNull().default(1),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    error: text("error"),
    pdf: bytea("pdf"),
    zip: bytea("zip"),
  },
  (t) => [
    check("registration_packs_state", sql`${t.state} in ('rendering', 'ready', 'failed')`),
    check("registration_packs_ready_has_files", sql`(${t.state} = 'ready') = (${t.pdf} is not null and ${t.zip} is not null)`),
  ],
);
