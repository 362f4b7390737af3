CREATE TABLE "pledge_daily_counts" (
	"day" date NOT NULL,
	"region" text NOT NULL,
	"relation" text NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"subscriptions_pence" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "pledge_daily_counts_day_region_relation_pk" PRIMARY KEY("day","region","relation")
);
--> statement-breakpoint
CREATE TABLE "pledge_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"file_text" text NOT NULL,
	"mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"already_confirmed" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'preview' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"merged" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors_csv" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "founding_members" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"pledge_id" uuid,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"invitations_sent" integer DEFAULT 1 NOT NULL,
	"accepted_at" timestamp with time zone,
	"statement_version" text,
	"consent_version" text,
	"membership_number" integer,
	"must_resign" boolean DEFAULT false NOT NULL,
	"resigned_at" timestamp with time zone,
	CONSTRAINT "founding_members_membership_number_unique" UNIQUE("membership_number")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "demands" ADD COLUMN "response" text;--> statement-breakpoint
ALTER TABLE "demands" ADD COLUMN "response_note" text;--> statement-breakpoint
ALTER TABLE "demands" ADD COLUMN "response_evidence_url" text;--> statement-breakpoint
ALTER TABLE "demands" ADD COLUMN "responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "movement" ADD COLUMN "phase" text DEFAULT 'campaign' NOT NULL;--> statement-breakpoint
ALTER TABLE "movement" ADD COLUMN "decision_poll_id" uuid;--> statement-breakpoint
ALTER TABLE "movement" ADD COLUMN "standing_orders_poll_id" uuid;--> statement-breakpoint
ALTER TABLE "movement" ADD COLUMN "leaving_day" date;--> statement-breakpoint
ALTER TABLE "pledges" ADD COLUMN "confirm_token_hash" text;--> statement-breakpoint
ALTER TABLE "pledges" ADD COLUMN "withdraw_token_hash" text;--> statement-breakpoint
ALTER TABLE "pledges" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "pledges" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "pledges" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pledge_imports" ADD CONSTRAINT "pledge_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founding_members" ADD CONSTRAINT "founding_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founding_members" ADD CONSTRAINT "founding_members_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pledge_imports_hash_idx" ON "pledge_imports" USING btree ("file_hash");--> statement-breakpoint
CREATE INDEX "founding_members_pledge_idx" ON "founding_members" USING btree ("pledge_id");--> statement-breakpoint
ALTER TABLE "movement" ADD CONSTRAINT "movement_decision_poll_id_polls_id_fk" FOREIGN KEY ("decision_poll_id") REFERENCES "public"."polls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement" ADD CONSTRAINT "movement_standing_orders_poll_id_polls_id_fk" FOREIGN KEY ("standing_orders_poll_id") REFERENCES "public"."polls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pledges_user_idx" ON "pledges" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_confirm_token_hash_unique" UNIQUE("confirm_token_hash");--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_withdraw_token_hash_unique" UNIQUE("withdraw_token_hash");--> statement-breakpoint
ALTER TABLE "movement" ADD CONSTRAINT "movement_phase_known" CHECK ("movement"."phase" in ('campaign', 'decision', 'founding', 'stayed', 'joined_other'));