CREATE TABLE "poll_elections" (
	"poll_id" uuid PRIMARY KEY NOT NULL,
	"uuid" text NOT NULL,
	"election" text NOT NULL,
	"trustees" text NOT NULL,
	"credentials" text NOT NULL,
	"trustee_kind" text DEFAULT 'server' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"encrypted_tally" text,
	"sized_tally" text,
	"partial_decryptions" jsonb,
	"result" text,
	CONSTRAINT "poll_elections_uuid_unique" UNIQUE("uuid")
);
--> statement-breakpoint
ALTER TABLE "poll_elections" ADD CONSTRAINT "poll_elections_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;