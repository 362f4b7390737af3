CREATE TABLE "candidacies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"nominated_by" uuid,
	"statement" text DEFAULT '' NOT NULL,
	"consented_at" timestamp with time zone,
	"declarations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'standing' NOT NULL,
	"ballot_position" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "candidacies_position_user" UNIQUE("position_id","user_id"),
	CONSTRAINT "candidacies_status_known" CHECK ("candidacies"."status" in ('standing', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "elections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"phase" text DEFAULT 'nominations' NOT NULL,
	"nominations_open_at" timestamp with time zone NOT NULL,
	"nominations_close_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elections_phase_known" CHECK ("elections"."phase" in ('nominations', 'ballot', 'counted')),
	CONSTRAINT "elections_period" CHECK ("elections"."nominations_close_at" > "elections"."nominations_open_at")
);
--> statement-breakpoint
CREATE TABLE "hustings_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidacy_id" uuid NOT NULL,
	"asked_by" uuid,
	"question" text NOT NULL,
	"answer" text,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"election_id" uuid NOT NULL,
	"title" text NOT NULL,
	"registered_role" text,
	"seats" integer DEFAULT 1 NOT NULL,
	"method" text NOT NULL,
	"seconders_required" integer NOT NULL,
	"eligibility" text DEFAULT '' NOT NULL,
	"counted_after_offices" boolean DEFAULT false NOT NULL,
	"sort_order" integer NOT NULL,
	"poll_id" uuid,
	"declared_at" timestamp with time zone,
	"elected" jsonb,
	CONSTRAINT "positions_seats" CHECK ("positions"."seats" >= 1),
	CONSTRAINT "positions_seconders" CHECK ("positions"."seconders_required" >= 0)
);
--> statement-breakpoint
CREATE TABLE "seconders" (
	"candidacy_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seconders_candidacy_id_user_id_pk" PRIMARY KEY("candidacy_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "candidacies" ADD CONSTRAINT "candidacies_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacies" ADD CONSTRAINT "candidacies_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacies" ADD CONSTRAINT "candidacies_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hustings_questions" ADD CONSTRAINT "hustings_questions_candidacy_id_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."candidacies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hustings_questions" ADD CONSTRAINT "hustings_questions_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seconders" ADD CONSTRAINT "seconders_candidacy_id_candidacies_id_fk" FOREIGN KEY ("candidacy_id") REFERENCES "public"."candidacies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seconders" ADD CONSTRAINT "seconders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hustings_candidacy_idx" ON "hustings_questions" USING btree ("candidacy_id");--> statement-breakpoint
CREATE INDEX "positions_election_idx" ON "positions" USING btree ("election_id");