ALTER TABLE "polls" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "polls" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "founding_members" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "founding_members" ADD COLUMN "withdrawal_reason" text;