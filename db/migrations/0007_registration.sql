CREATE TABLE "officer_details" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"home_address" text NOT NULL,
	"email" text NOT NULL,
	"confirmations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registered_party_names" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"register" text DEFAULT '' NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_details" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"financial_scheme" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "registration_details_single_row" CHECK ("registration_details"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "registration_emblems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"inspection" jsonb NOT NULL,
	"has_picture" boolean,
	"has_text" boolean,
	"smallest_text_px" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uploaded_by" uuid,
	CONSTRAINT "registration_emblems_slot" UNIQUE("slot"),
	CONSTRAINT "registration_emblems_slot_range" CHECK ("registration_emblems"."slot" between 1 and 3),
	CONSTRAINT "registration_emblems_text_height" CHECK (case when "registration_emblems"."has_text" then "registration_emblems"."smallest_text_px" is not null and "registration_emblems"."smallest_text_px" > 0 else "registration_emblems"."smallest_text_px" is null end)
);
--> statement-breakpoint
ALTER TABLE "officer_details" ADD CONSTRAINT "officer_details_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_details" ADD CONSTRAINT "registration_details_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_emblems" ADD CONSTRAINT "registration_emblems_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;