CREATE TABLE "amendment_recommendations" (
	"amendment_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"compromise_text" text,
	"reasons" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amendment_recommendations_kind_known" CHECK ("amendment_recommendations"."kind" in ('accept', 'reject', 'compromise'))
);
--> statement-breakpoint
CREATE TABLE "amendment_supporters" (
	"amendment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amendment_supporters_amendment_id_user_id_pk" PRIMARY KEY("amendment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"clause_id" text NOT NULL,
	"operation" jsonb NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"proposer_id" uuid,
	"by_committee" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "amendments_draft_number" UNIQUE("draft_id","number"),
	CONSTRAINT "amendments_status_known" CHECK ("amendments"."status" in ('open', 'withdrawn', 'carried', 'lost', 'undecided'))
);
--> statement-breakpoint
CREATE TABLE "clause_decisions" (
	"draft_id" uuid NOT NULL,
	"clause_id" text NOT NULL,
	"decision" text NOT NULL,
	"round_id" uuid NOT NULL,
	CONSTRAINT "clause_decisions_draft_id_clause_id_pk" PRIMARY KEY("draft_id","clause_id"),
	CONSTRAINT "clause_decisions_known" CHECK ("clause_decisions"."decision" in ('adopted', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "constitution_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_version" integer,
	"source" text NOT NULL,
	"phase" text DEFAULT 'drafting' NOT NULL,
	"supporters_needed" integer NOT NULL,
	"line_width" integer DEFAULT 80 NOT NULL,
	"adoption_poll_id" uuid,
	"adopted_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "constitution_drafts_phase_known" CHECK ("constitution_drafts"."phase" in ('drafting', 'voting', 'closed')),
	CONSTRAINT "constitution_drafts_supporters" CHECK ("constitution_drafts"."supporters_needed" >= 0)
);
--> statement-breakpoint
CREATE TABLE "constitution_versions" (
	"number" integer PRIMARY KEY NOT NULL,
	"draft_id" uuid NOT NULL,
	"adopted_at" timestamp with time zone NOT NULL,
	"clauses" jsonb NOT NULL,
	"record" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draft_clauses" (
	"draft_id" uuid NOT NULL,
	"clause_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"entrenched" boolean DEFAULT false NOT NULL,
	"covers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "draft_clauses_draft_id_clause_id_pk" PRIMARY KEY("draft_id","clause_id")
);
--> statement-breakpoint
CREATE TABLE "draft_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"clause_id" text NOT NULL,
	"amendment_id" uuid,
	"parent_id" uuid,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vote_items" (
	"poll_id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"clause_id" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"amendment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voting_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"roll_size" integer NOT NULL,
	"quorum_percent" integer NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "voting_rounds_draft_number" UNIQUE("draft_id","number")
);
--> statement-breakpoint
ALTER TABLE "amendment_recommendations" ADD CONSTRAINT "amendment_recommendations_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_recommendations" ADD CONSTRAINT "amendment_recommendations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_supporters" ADD CONSTRAINT "amendment_supporters_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_supporters" ADD CONSTRAINT "amendment_supporters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_draft_id_constitution_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."constitution_drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_proposer_id_users_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clause_decisions" ADD CONSTRAINT "clause_decisions_draft_id_constitution_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."constitution_drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clause_decisions" ADD CONSTRAINT "clause_decisions_round_id_voting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."voting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constitution_drafts" ADD CONSTRAINT "constitution_drafts_adoption_poll_id_polls_id_fk" FOREIGN KEY ("adoption_poll_id") REFERENCES "public"."polls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constitution_versions" ADD CONSTRAINT "constitution_versions_draft_id_constitution_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."constitution_drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_clauses" ADD CONSTRAINT "draft_clauses_draft_id_constitution_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."constitution_drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_comments" ADD CONSTRAINT "draft_comments_draft_id_constitution_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."constitution_drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_comments" ADD CONSTRAINT "draft_comments_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_comments" ADD CONSTRAINT "draft_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_items" ADD CONSTRAINT "vote_items_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_items" ADD CONSTRAINT "vote_items_round_id_voting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."voting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voting_rounds" ADD CONSTRAINT "voting_rounds_draft_id_constitution_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."constitution_drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amendment_supporters_user_idx" ON "amendment_supporters" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "amendments_draft_clause_idx" ON "amendments" USING btree ("draft_id","clause_id");--> statement-breakpoint
CREATE INDEX "draft_comments_target_idx" ON "draft_comments" USING btree ("draft_id","clause_id");--> statement-breakpoint
CREATE INDEX "vote_items_round_idx" ON "vote_items" USING btree ("round_id","position");--> statement-breakpoint
-- An adopted constitution is a record: the database refuses to change or remove a version.
CREATE FUNCTION constitution_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'constitution_versions is append-only: % is not allowed', TG_OP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER constitution_versions_no_update_or_delete BEFORE UPDATE OR DELETE ON constitution_versions
  FOR EACH ROW EXECUTE FUNCTION constitution_versions_refuse_change();
