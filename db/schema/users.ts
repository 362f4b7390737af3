import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** Roles a person can hold; the permission table in app/utils/permissions.ts says what each may do. */
export const roleValues = ["member", "organiser", "returning_officer"] as const;
export type Role = (typeof roleValues)[number];

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Stored lower-cased so that sign-in and uniqueness ignore case.
    email: text("email").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: roleValues }).notNull().default("member"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when the person asked to be removed: name and email are replaced, ballots and counts stay. */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
  },
  (t) => [
    check("users_role_known", sql`${t.role} in ('member', 'organiser', 'returning_officer')`),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
    // One returning officer at most: appointing another replaces them (docs/decisions/029-roles.md).
    uniqueIndex("users_one_returning_officer")
      .on(t.role)
      .where(sql`${t.role} = 'returning_officer'`),
  ],
);

/** Sessions the Lucia way: the id is the SHA-256 of the token in the cookie, never the token. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** One-time sign-in links. Only an HMAC-SHA-256 of the token (keyed with APP_SECRET) is kept, so a database leak opens no account. */
export const signInTokens = pgTable(
  "sign_in_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    redirectTo: text("redirect_to").notNull().default("/"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_tokens_user_idx").on(t.userId)],
);

/**
 * Every request for a sign-in link, known email or not, so that rate limits hold across
 * several app servers. Email and address are stored as HMACs keyed with APP_SECRET: the table is for counting.
 */
export const signInRequests = pgTable(
  "sign_in_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    emailHash: text("email_hash").notNull(),
    ipHash: text("ip_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_requests_email_idx").on(t.emailHash, t.createdAt), index("sign_in_requests_ip_idx").on(t.ipHash, t.createdAt)],
);

/**
 * A person's request to change their e-mail address (decision 031). A link goes to the new
 * address and another to the old one; the address changes only once both are followed. Tokens
 * are stored as keyed hashes (like sign-in links) and expire; the new address is kept only until
 * the change is made, cancelled or expires.
 */
export const emailChanges = pgTable(
  "email_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    newEmail: text("new_email").notNull(),
    newTokenHash: text("new_token_hash").notNull().unique(),
    oldTokenHash: text("old_token_hash").notNull().unique(),
    newConfirmedAt: timestamp("new_confirmed_at", { withTimezone: true }),
    oldConfirmedAt: timestamp("old_confirmed_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_changes_user_idx").on(t.userId)],
);
