import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * The rules that fill several seats (issue 18): Scottish STV, Meek STV (Droop's default, and the PR
 * Foundation's reference rule) and the weighted inclusive Gregory method (the PR Foundation's
 * rule, and in exact fractions). The method and its arithmetic are one value, so a poll's rules
 * say exactly how it is counted.
 */
export const severalSeatMethodValues = ["scottish-stv", "meek", "meek-prf", "wigm-prf", "wigm-rational"] as const;
export type SeveralSeatMethod = (typeof severalSeatMethodValues)[number];
export const pollMethodValues = ["yes-no", "irv", "irv-scottish", ...severalSeatMethodValues, "schulze"] as const;

export function isSeveralSeatMethod(method: string): method is SeveralSeatMethod {
  return (severalSeatMethodValues as readonly string[]).includes(method);
}
export type PollMethod = (typeof pollMethodValues)[number];
export const majorityValues = ["simple", "absolute", "two-thirds"] as const;
export const publicationValues = ["receipts-with-rankings", "separate-lists"] as const;
export type PublicationMode = (typeof publicationValues)[number];
/** "decrypting": voting has ended and the named trustees are decrypting the result (decision 045). */
export const pollStatusValues = ["draft", "open", "decrypting", "closed", "cancelled"] as const;
export type PollStatus = (typeof pollStatusValues)[number];

/**
 * What a poll belongs to. A free-standing poll (owner null) is closed and counted by the
 * background closer at its closing time; an owned poll is closed by its owner, in the owner's
 * order (an election counts its offices before its committee), and the closer only tells the
 * owner it is due. See docs/decisions/027-poll-ownership.md.
 */
export const pollOwnerValues = ["decision", "standing_orders", "clause", "adoption", "election", "financial_scheme"] as const;
export type PollOwner = (typeof pollOwnerValues)[number];

/**
 * One secret ballot: the deadline decision, a clause, an officer election. Results are computed
 * and stored only when it closes.
 */
export const polls = pgTable(
  "polls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    method: text("method", { enum: pollMethodValues }).notNull(),
    seats: integer("seats").notNull().default(1),
    // Yes/No only: the share of the roll that must take part, and the majority rule.
    quorumNumerator: integer("quorum_numerator").notNull().default(0),
    quorumDenominator: integer("quorum_denominator").notNull().default(1),
    majority: text("majority", { enum: majorityValues }).notNull().default("simple"),
    publication: text("publication", { enum: publicationValues }).notNull().default("separate-lists"),
    // Fixed when the poll is created and shown from then on, so nobody can pick it after seeing the votes.
    lotSeed: text("lot_seed").notNull(),
    status: text("status", { enum: pollStatusValues }).notNull().default("draft"),
    opensAt: timestamp("opens_at", { withTimezone: true }),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Set when the poll was cancelled before it closed (status 'cancelled'), with the reason given. */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    rollSize: integer("roll_size").notNull().default(0),
    ballotCount: integer("ballot_count").notNull().default(0),
    /** Hash of the newest ballot; the chain's head. */
    chainHead: text("chain_head").notNull().default("0000000000000000000000000000000000000000000000000000000000000000"),
    result: jsonb("result"),
    /** Null for a free-standing poll; otherwise the part of the road that owns it. */
    owner: text("owner", { enum: pollOwnerValues }),
    /**
     * With named trustees (decision 046): how many of them must decrypt. Null when every trustee
     * must (one or two trustees, each with a plain key); set, the trustees hold shares of one key.
     */
    trusteeThreshold: integer("trustee_threshold"),
    /** The trustee set whose keys the poll was opened with (decisions 047, 048), if any. */
    trusteeSetId: uuid("trustee_set_id").references((): AnyPgColumn => trusteeSets.id),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("polls_seats_positive", sql`${t.seats} >= 1`),
    check("polls_status_known", sql`${t.status} in ('draft', 'open', 'decrypting', 'closed', 'cancelled')`),
    check("polls_owner_known", sql`${t.owner} is null or ${t.owner} in ('decision', 'standing_orders', 'clause', 'adoption', 'election', 'financial_scheme')`),
    check("polls_quorum_share", sql`${t.quorumNumerator} >= 0 and ${t.quorumDenominator} > 0 and ${t.quorumNumerator} <= ${t.quorumDenominator}`),
  ],
);

export const pollOptions = pgTable(
  "poll_options",
  {
    pollId: uuid("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    /** 0-based; the candidate's number in counts and BLT files is position + 1. */
    position: integer("position").notNull(),
    label: text("label").notNull(),
    /** "Re-open nominations": if it wins a seat, the seat stays empty. */
    isRon: boolean("is_ron").notNull().default(false),
    withdrawn: boolean("withdrawn").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.position] })],
);

/** The electoral roll, frozen when the poll opens. */
export const pollRoll = pgTable(
  "poll_roll",
  {
    pollId: uuid("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.userId] })],
);

/**
 * The strands of an open poll's voting-time chain. Each ballot is chained onto one strand, under
 * that strand's row lock, so ballots cast at the same moment go onto different strands instead of
 * queueing for one lock (and one disk flush each) in turn. Strand k starts from its own genesis
 * (strandGenesis), so the strands can be told apart by their links alone. Closing checks every
 * strand, keeps their heads in the audit log, and re-chains the ballots on one fresh chain.
 */
export const pollChains = pgTable(
  "poll_chains",
  {
    pollId: uuid("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    strand: integer("strand").notNull(),
    /** Hash of the newest ballot on this strand, or the strand's genesis. */
    head: text("head").notNull(),
    ballots: integer("ballots").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.strand] })],
);

/**
 * Who has voted. The primary key makes a second ballot from the same person impossible, even
 * when two arrive at once. No time is kept: it could be matched with the ballot's place in the chain.
 */
export const pollVoters = pgTable(
  "poll_voters",
  {
    pollId: uuid("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.userId] })],
);

/**
 * Ballot content, with nothing that points to a voter: no member id, no sequential id, no
 * timestamp. The receipt is random and known only to the voter; the hash chain makes a removed or
 * altered ballot detectable.
 */
export const ballots = pgTable(
  "ballots",
  {
    receipt: text("receipt").primaryKey(),
    pollId: uuid("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    content: jsonb("content").$type<BallotContent>().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (t) => [index("ballots_poll_idx").on(t.pollId)],
);

export type BallotContent = { choice: "yes" | "no" | "abstain" } | { ranking: number[] } | EncryptedContent;
/** A Belenios ballot, as the exact text cast: its hash is the receipt (the tracker). */
export type EncryptedContent = { belenios: string };

/**
 * A poll's Belenios election (decision 044): the public record its encrypted ballots are checked
 * against. Set up when the poll opens (polls opened one at a time, of every method): the election parameters, the trustees'
 * public keys and the public credentials, each as the exact text published (every proof and ballot
 * is bound to these strings, so they are never re-serialised). At the close, the encrypted tally,
 * the trustees' partial decryptions and the result. No private key and no private credential is
 * ever stored: while the server is the only trustee, both are derived from APP_SECRET.
 * Polls opened before this table existed have no row and keep their plain-text record.
 */
export const pollElections = pgTable("poll_elections", {
  pollId: uuid("poll_id")
    .primaryKey()
    .references(() => polls.id, { onDelete: "cascade" }),
  uuid: text("uuid").notNull().unique(),
  election: text("election").notNull(),
  trustees: text("trustees").notNull(),
  credentials: text("credentials").notNull(),
  /** Who holds the decryption key: the server (the page says so), or the members named as trustees (poll_trustees). */
  trusteeKind: text("trustee_kind", { enum: ["server", "members"] })
    .notNull()
    .default("server"),
  /** Seconds since the epoch: the archive's timestamp, fixed at setup so the record is the same on every download. */
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** Written at the close: the encrypted tally and its size (number tallied, weight), as published. */
  encryptedTally: text("encrypted_tally"),
  sizedTally: text("sized_tally"),
  /** A ranked poll's shuffles (owner, text), in order, written at the close before its decryption. */
  shuffles: jsonb("shuffles").$type<{ owner: number; shuffle: string }[]>(),
  /** The partial decryptions (owner, text) and the result text, written at the close. */
  partialDecryptions: jsonb("partial_decryptions").$type<{ owner: number; pd: string }[]>(),
  result: text("result"),
});

/**
 * A poll's named trustees (decision 045), in order: each gives a public key before the poll
 * opens, and after the close their shuffle (ranked polls, in this order) and partial decryption,
 * which are kept in poll_elections. The private key never reaches the server.
 */
export const pollTrustees = pgTable(
  "poll_trustees",
  {
    pollId: uuid("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    /** 1-based: the trustee's number in the election's record. */
    position: integer("position").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /**
     * Belenios trustee public key (with its proof of knowledge), canonical JSON; null until given.
     * With a threshold (decision 046) it is the trustee's verification key, the last step's output.
     */
    publicKey: text("public_key"),
    keyGivenAt: timestamp("key_given_at", { withTimezone: true }),
    /** Threshold ceremony (decision 046), step 1: the trustee's signed certificate (cert JSON). */
    certificate: text("certificate"),
    /** Step 3: their polynomial message (its shares encrypted for each trustee, and its commitments). */
    polynomial: text("polynomial"),
    /** Step 5: their key share, encrypted so that only their own key file opens it (belenios-tool's .dkey). */
    decryptionKey: text("decryption_key"),
    /** What the trustee was last e-mailed about ("key", "step:polynomial", "share"...): each turn is told once. */
    remindedFor: text("reminded_for"),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.position] }), unique("poll_trustees_poll_user").on(t.pollId, t.userId)],
);

/**
 * A set of trustees named once for many polls (decision 047): an officer election's ballots, all
 * in one group, share its key. Its members make their key (or, with three or more, one key
 * together in the threshold ceremony) before the ballots open; each poll opened with the set gets
 * a copy of its members' public parts in poll_trustees, so that decrypting is as for any poll.
 */
export const trusteeSets = pgTable(
  "trustee_sets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The Belenios group every poll held by the set is in: its keys are only valid there. */
    groupName: text("group_name").notNull(),
    /** As polls.trustee_threshold: null when every member must decrypt. */
    threshold: integer("threshold"),
    /** Set when a poll first opened with the set's key: from then on the keys cannot change. */
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("trustee_sets_group_known", sql`${t.groupName} in ('BELENIOS-2048', 'RFC-3526-2048')`)],
);

/** A trustee set's members, in order, with what they gave (the same columns as poll_trustees). */
export const trusteeSetMembers = pgTable(
  "trustee_set_members",
  {
    setId: uuid("set_id")
      .notNull()
      .references(() => trusteeSets.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    publicKey: text("public_key"),
    keyGivenAt: timestamp("key_given_at", { withTimezone: true }),
    certificate: text("certificate"),
    polynomial: text("polynomial"),
    decryptionKey: text("decryption_key"),
    remindedFor: text("reminded_for"),
  },
  (t) => [primaryKey({ columns: [t.setId, t.position] }), unique("trustee_set_members_set_user").on(t.setId, t.userId)],
);

/**
 * Trustees named for a part of the road (decision 048): the decision ballot, the standing orders,
 * the constitution's votes, the financial scheme. One set per group the part's polls are in (the
 * constitution has Yes/No questions and questions that choose between wordings); every poll the
 * part opens from then on is held by the set of its group. Naming again replaces the sets for the
 * polls not yet opened; polls already open keep the keys they were opened with.
 */
export const scopeTrusteeSets = pgTable(
  "scope_trustee_sets",
  {
    scope: text("scope").notNull(),
    groupName: text("group_name").notNull(),
    setId: uuid("set_id")
      .notNull()
      .references(() => trusteeSets.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.groupName] }),
    check("scope_trustee_sets_scope_known", sql`${t.scope} in ('decision', 'standing_orders', 'constitution', 'financial_scheme')`),
  ],
);
