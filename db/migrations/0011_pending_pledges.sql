CREATE TABLE "pending_pledges" (
	"pledge_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"postcode" text NOT NULL,
	"region" text NOT NULL,
	"relation" text NOT NULL,
	"membership_number" text,
	"monthly_subscription_pence" integer,
	"consent_contact" boolean NOT NULL,
	"consent_data_use" boolean NOT NULL,
	"consent_version" text NOT NULL,
	"confirm_token_hash" text NOT NULL,
	"withdraw_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pending_pledges_confirm_token_hash_unique" UNIQUE("confirm_token_hash"),
	CONSTRAINT "pending_pledges_withdraw_token_hash_unique" UNIQUE("withdraw_token_hash"),
	CONSTRAINT "pending_pledges_relation_known" CHECK ("pending_pledges"."relation" in ('member', 'former_member', 'supporter'))
);
--> statement-breakpoint
ALTER TABLE "pending_pledges" ADD CONSTRAINT "pending_pledges_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pending_pledges_expires_idx" ON "pending_pledges" USING btree ("expires_at");