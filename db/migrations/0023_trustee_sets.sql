CREATE TABLE "trustee_set_members" (
	"set_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"public_key" text,
	"key_given_at" timestamp with time zone,
	"certificate" text,
	"polynomial" text,
	"decryption_key" text,
	CONSTRAINT "trustee_set_members_set_id_position_pk" PRIMARY KEY("set_id","position"),
	CONSTRAINT "trustee_set_members_set_user" UNIQUE("set_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "trustee_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_name" text NOT NULL,
	"threshold" integer,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trustee_sets_group_known" CHECK ("trustee_sets"."group_name" in ('BELENIOS-2048', 'RFC-3526-2048'))
);
--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "trustee_set_id" uuid;--> statement-breakpoint
ALTER TABLE "trustee_set_members" ADD CONSTRAINT "trustee_set_members_set_id_trustee_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."trustee_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trustee_set_members" ADD CONSTRAINT "trustee_set_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trustee_sets" ADD CONSTRAINT "trustee_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_trustee_set_id_trustee_sets_id_fk" FOREIGN KEY ("trustee_set_id") REFERENCES "public"."trustee_sets"("id") ON DELETE set null ON UPDATE no action;