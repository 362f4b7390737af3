CREATE TABLE "poll_trustees" (
	"poll_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"public_key" text,
	"key_given_at" timestamp with time zone,
	CONSTRAINT "poll_trustees_poll_id_position_pk" PRIMARY KEY("poll_id","position"),
	CONSTRAINT "poll_trustees_poll_user" UNIQUE("poll_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "polls" DROP CONSTRAINT "polls_status_known";--> statement-breakpoint
ALTER TABLE "poll_trustees" ADD CONSTRAINT "poll_trustees_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_trustees" ADD CONSTRAINT "poll_trustees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_status_known" CHECK ("polls"."status" in ('draft', 'open', 'decrypting', 'closed', 'cancelled'));