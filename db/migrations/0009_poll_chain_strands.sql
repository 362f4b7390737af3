CREATE TABLE "poll_chains" (
	"poll_id" uuid NOT NULL,
	"strand" integer NOT NULL,
	"head" text NOT NULL,
	"ballots" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "poll_chains_poll_id_strand_pk" PRIMARY KEY("poll_id","strand")
);
--> statement-breakpoint
ALTER TABLE "poll_chains" ADD CONSTRAINT "poll_chains_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A poll open when this runs carries on as one strand: strand 0, whose genesis is the old chain's, from where its chain stands.
INSERT INTO "poll_chains" ("poll_id", "strand", "head", "ballots") SELECT "id", 0, "chain_head", "ballot_count" FROM "polls" WHERE "status" = 'open' AND NOT EXISTS (SELECT 1 FROM "poll_chains" c WHERE c."poll_id" = "polls"."id");
