CREATE TABLE "erased_emails" (
	"email_hash" text PRIMARY KEY NOT NULL,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pledge_imports" ADD COLUMN "started_at" timestamp (3) with time zone;