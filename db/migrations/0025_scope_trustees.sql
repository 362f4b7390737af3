CREATE TABLE "scope_trustee_sets" (
	"scope" text NOT NULL,
	"group_name" text NOT NULL,
	"set_id" uuid NOT NULL,
	CONSTRAINT "scope_trustee_sets_scope_group_name_pk" PRIMARY KEY("scope","group_name"),
	CONSTRAINT "scope_trustee_sets_scope_known" CHECK ("scope_trustee_sets"."scope" in ('decision', 'standing_orders', 'constitution', 'financial_scheme'))
);
--> statement-breakpoint
ALTER TABLE "polls" ADD COLUMN "trustee_set_id" uuid;--> statement-breakpoint
ALTER TABLE "scope_trustee_sets" ADD CONSTRAINT "scope_trustee_sets_set_id_trustee_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."trustee_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_trustee_set_id_trustee_sets_id_fk" FOREIGN KEY ("trustee_set_id") REFERENCES "public"."trustee_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Ballots already opened with an election's trustees (decision 047) name that set too.
UPDATE "polls" SET "trustee_set_id" = e."trustee_set_id" FROM "positions" p JOIN "elections" e ON e."id" = p."election_id" WHERE p."poll_id" = "polls"."id" AND e."trustee_set_id" IS NOT NULL AND EXISTS (SELECT 1 FROM "poll_trustees" t WHERE t."poll_id" = "polls"."id");
