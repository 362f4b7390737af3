CREATE TABLE "recounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"outcome" text NOT NULL,
	"recounted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"previous_declared_at" timestamp with time zone,
	"previous_elected" jsonb NOT NULL,
	"previous_result" jsonb,
	"elected" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	CONSTRAINT "recounts_outcome_known" CHECK ("recounts"."outcome" in ('confirmed', 'corrected'))
);
--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "follows_election_id" uuid;--> statement-breakpoint
ALTER TABLE "positions" ADD COLUMN "fills_position_id" uuid;--> statement-breakpoint
ALTER TABLE "positions" ADD COLUMN "fills_seats" jsonb;--> statement-breakpoint
ALTER TABLE "recounts" ADD CONSTRAINT "recounts_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recounts_position_idx" ON "recounts" USING btree ("position_id");--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_follows_election_id_elections_id_fk" FOREIGN KEY ("follows_election_id") REFERENCES "public"."elections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_fills_position_id_positions_id_fk" FOREIGN KEY ("fills_position_id") REFERENCES "public"."positions"("id") ON DELETE restrict ON UPDATE no action;