CREATE TABLE "registration_packs" (
	"key" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"claim" uuid NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text,
	"pdf" "bytea",
	"zip" "bytea",
	CONSTRAINT "registration_packs_state" CHECK ("registration_packs"."state" in ('rendering', 'ready', 'failed')),
	CONSTRAINT "registration_packs_ready_has_files" CHECK (("registration_packs"."state" = 'ready') = ("registration_packs"."pdf" is not null and "registration_packs"."zip" is not null))
);
