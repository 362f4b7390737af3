ALTER TABLE "constitution_drafts" ADD COLUMN "failed_adoption_poll_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_details" ADD COLUMN "financial_scheme_poll_id" uuid;--> statement-breakpoint
ALTER TABLE "registration_details" ADD COLUMN "financial_scheme_poll_hash" text;--> statement-breakpoint
ALTER TABLE "registration_details" ADD COLUMN "financial_scheme_adopted_poll_id" uuid;--> statement-breakpoint
ALTER TABLE "registration_details" ADD COLUMN "financial_scheme_adopted_hash" text;--> statement-breakpoint
ALTER TABLE "registration_details" ADD CONSTRAINT "registration_details_financial_scheme_poll_id_polls_id_fk" FOREIGN KEY ("financial_scheme_poll_id") REFERENCES "public"."polls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_details" ADD CONSTRAINT "registration_details_financial_scheme_adopted_poll_id_polls_id_fk" FOREIGN KEY ("financial_scheme_adopted_poll_id") REFERENCES "public"."polls"("id") ON DELETE set null ON UPDATE no action;