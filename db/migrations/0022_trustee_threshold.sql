ALTER TABLE "poll_trustees" ADD COLUMN "certificate" text;--> statement-breakpoint
ALTER TABLE "poll_trustees" ADD COLUMN "polynomial" text;--> statement-breakpoint
ALTER TABLE "poll_trustees" ADD COLUMN "decryption_key" text;--> statement-breakpoint
ALTER TABLE "polls" ADD COLUMN "trustee_threshold" integer;