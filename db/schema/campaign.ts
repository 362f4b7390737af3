import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** The one movement this installation serves (id is always 1). */
export const movement = pgTable(
  "movement",
  {
    id: integer("id").primaryKey().default(1),
    name: text("name").notNull(),
    partyName: text("party_name").notNull(),
    statement: text("statement").notNull().default(""),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("movement_singleton", sql`${t.id} = 1`)],
);

export const demands = pgTable("demands", {
  id: serial("id").primaryKey(),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  body: text("body").notNull(),
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
  },
  (t) => [
    check("pledges_relation_known", sql`${t.relation} in ('member', 'former_member', 'supporter')`),
    index("pledges_region_idx").on(t.region),
  ],
);
