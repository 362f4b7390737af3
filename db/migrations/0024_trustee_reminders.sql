ALTER TABLE "poll_trustees" ADD COLUMN "reminded_for" text;--> statement-breakpoint
ALTER TABLE "trustee_set_members" ADD COLUMN "reminded_for" text;