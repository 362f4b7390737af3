import { bigint, boolean, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { pledges, relationValues } from "./campaign";
import { users } from "./users";

/**
 * A pledger invited to found the new party, and how far they have come: accepted the founding
 * statement with fresh consent, and (for members of the old party) resigned from it.
 */
export const foundingMembers = pgTable(
  "founding_members",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    pledgeId: uuid("pledge_id").references(() => pledges.id, { onDelete: "set null" }),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
    lastInvitedAt: timestamp("last_invited_at", { withTimezone: true }).notNull().defaultNow(),
    invitationsSent: integer("invitations_sent").notNull().default(1),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    statementVersion: text("statement_version"),
    consentVersion: text("consent_version"),
    /** Issued in order of acceptance, from 1. */
    membershipNumber: integer("membership_number").unique(),
    /** True for members of the old party, who must resign on the leaving day. */
    mustResign: boolean("must_resign").notNull().default(false),
    resignedAt: timestamp("resigned_at", { withTimezone: true }),
    /**
     * When the member left the founding roll (by their own choice, or by having their account
     * erased). A member who left is counted as left and is on no later roll; ballots already
     * cast stay.
     */
    leftAt: timestamp("left_at", { withTimezone: true }),
    /** Set when an organiser withdrew an invitation sent in error, before it was accepted, with the reason. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawalReason: text("withdrawal_reason"),
  },
  (t) => [index("founding_members_pledge_idx").on(t.pledgeId)],
);

/**
 * Running totals of the founding members that pages show, kept by triggers (migration 0018), in
 * slots as pledge_totals is: the total is the sum over the slots.
 */
export const foundingTotals = pgTable("founding_totals", {
  slot: smallint("slot").primaryKey(),
  /** Invitations not withdrawn. */
  invited: bigint("invited", { mode: "number" }).notNull().default(0),
  /** On the roll: accepted and not left. */
  accepted: bigint("accepted", { mode: "number" }).notNull().default(0),
  /** Accepted, then left the roll. */
  leftRoll: bigint("left_roll", { mode: "number" }).notNull().default(0),
  mustResign: bigint("must_resign", { mode: "number" }).notNull().default(0),
  resigned: bigint("resigned", { mode: "number" }).notNull().default(0),
});

/**
 * Founding members on the roll by their pledge's region and relation, kept by triggers on both
 * founding_members and pledges (a pledge's region or relation can change), in slots.
 */
export const foundingRollGroups = pgTable(
  "founding_roll_groups",
  {
    slot: smallint("slot").notNull(),
    region: text("region").notNull(),
    relation: text("relation", { enum: relationValues }).notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.slot, t.region, t.relation] })],
);
