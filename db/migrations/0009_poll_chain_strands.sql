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
--> statement-breakpoint
-- A server still running the old code would chain its ballots onto polls.chain_head while new
-- servers chain onto strand 0 from the same head: a fork, and a poll that cannot close. From now
-- on an open poll's chain head and ballot count change only as it closes, so the old code's
-- ballot fails whole (nothing of it is stored) and its voter can cast again on a new server.
CREATE FUNCTION polls_refuse_old_casting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ballots are chained in poll_chains since migration 0009: this server runs an older version of Breakaway and must be stopped';
END
$$;
--> statement-breakpoint
CREATE TRIGGER polls_no_chain_update_while_open BEFORE UPDATE OF chain_head, ballot_count ON polls
  FOR EACH ROW WHEN (OLD.status = 'open' AND NEW.status = 'open') EXECUTE FUNCTION polls_refuse_old_casting();
