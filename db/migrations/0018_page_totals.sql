CREATE TABLE "pledge_totals" (
	"slot" smallint PRIMARY KEY NOT NULL,
	"held" bigint DEFAULT 0 NOT NULL,
	"awaiting_link" bigint DEFAULT 0 NOT NULL,
	"confirmed" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "founding_roll_groups" (
	"slot" smallint NOT NULL,
	"region" text NOT NULL,
	"relation" text NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "founding_roll_groups_slot_region_relation_pk" PRIMARY KEY("slot","region","relation")
);
--> statement-breakpoint
CREATE TABLE "founding_totals" (
	"slot" smallint PRIMARY KEY NOT NULL,
	"invited" bigint DEFAULT 0 NOT NULL,
	"accepted" bigint DEFAULT 0 NOT NULL,
	"left_roll" bigint DEFAULT 0 NOT NULL,
	"must_resign" bigint DEFAULT 0 NOT NULL,
	"resigned" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pledges_created_idx" ON "pledges" USING btree ("created_at","id");--> statement-breakpoint
-- Running totals for pages (decision 043), kept by statement-level triggers that read the rows a
-- statement changed (transition tables): a bulk import or the demo adds once per statement, not
-- once per row. A transaction writes to one slot of eight, chosen by its transaction id, so it
-- only ever locks one row per table and two writers seldom wait for each other.
CREATE FUNCTION totals_slot() RETURNS smallint LANGUAGE sql VOLATILE AS $$ SELECT (txid_current() % 8)::smallint $$;
--> statement-breakpoint
CREATE FUNCTION pledge_totals_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  h bigint := 0; a bigint := 0; c bigint := 0;
  oh bigint; oa bigint; oc bigint;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT count(*) FILTER (WHERE erased_at IS NULL),
           count(*) FILTER (WHERE confirmed_at IS NULL AND withdrawn_at IS NULL AND erased_at IS NULL AND confirm_token_hash IS NULL),
           count(*) FILTER (WHERE confirmed_at IS NOT NULL AND withdrawn_at IS NULL)
      INTO h, a, c FROM new_rows;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT count(*) FILTER (WHERE erased_at IS NULL),
           count(*) FILTER (WHERE confirmed_at IS NULL AND withdrawn_at IS NULL AND erased_at IS NULL AND confirm_token_hash IS NULL),
           count(*) FILTER (WHERE confirmed_at IS NOT NULL AND withdrawn_at IS NULL)
      INTO oh, oa, oc FROM old_rows;
    h := h - oh; a := a - oa; c := c - oc;
  END IF;
  -- Most updates (a link sent, an email changed) change no total: no row is locked for them.
  IF h <> 0 OR a <> 0 OR c <> 0 THEN
    INSERT INTO pledge_totals AS t (slot, held, awaiting_link, confirmed) VALUES (totals_slot(), h, a, c)
      ON CONFLICT (slot) DO UPDATE SET held = t.held + excluded.held, awaiting_link = t.awaiting_link + excluded.awaiting_link, confirmed = t.confirmed + excluded.confirmed;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- A founding member's pledge moved region or relation: their group on the roll moves with it.
    INSERT INTO founding_roll_groups AS g (slot, region, relation, n)
      SELECT totals_slot(), region, relation, sum(d)::bigint FROM (
        SELECT o.region, o.relation, -1 AS d FROM old_rows o JOIN new_rows n ON n.id = o.id
          JOIN founding_members f ON f.pledge_id = o.id AND f.accepted_at IS NOT NULL AND f.left_at IS NULL
          WHERE o.region IS DISTINCT FROM n.region OR o.relation IS DISTINCT FROM n.relation
        UNION ALL
        SELECT n.region, n.relation, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
          JOIN founding_members f ON f.pledge_id = o.id AND f.accepted_at IS NOT NULL AND f.left_at IS NULL
          WHERE o.region IS DISTINCT FROM n.region OR o.relation IS DISTINCT FROM n.relation
      ) moves GROUP BY region, relation HAVING sum(d) <> 0 ORDER BY region, relation
      ON CONFLICT (slot, region, relation) DO UPDATE SET n = g.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER pledge_totals_insert AFTER INSERT ON pledges REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_totals_change();
--> statement-breakpoint
CREATE TRIGGER pledge_totals_update AFTER UPDATE ON pledges REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_totals_change();
--> statement-breakpoint
CREATE TRIGGER pledge_totals_delete AFTER DELETE ON pledges REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_totals_change();
--> statement-breakpoint
-- Pledges are never deleted (erasure blanks them), but should one be, a founding member on the
-- roll loses their group before the foreign key clears their pledge (after which nothing could
-- say which group they were in).
CREATE FUNCTION founding_roll_groups_pledge_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO founding_roll_groups AS g (slot, region, relation, n)
    SELECT totals_slot(), OLD.region, OLD.relation, -count(*) FROM founding_members f
      WHERE f.pledge_id = OLD.id AND f.accepted_at IS NOT NULL AND f.left_at IS NULL HAVING count(*) > 0
    ON CONFLICT (slot, region, relation) DO UPDATE SET n = g.n + excluded.n;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER founding_roll_groups_pledge_delete BEFORE DELETE ON pledges
  FOR EACH ROW EXECUTE FUNCTION founding_roll_groups_pledge_deleted();
--> statement-breakpoint
CREATE FUNCTION founding_totals_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  i bigint := 0; a bigint := 0; l bigint := 0; m bigint := 0; r bigint := 0;
  oi bigint; oa bigint; ol bigint; om bigint; orr bigint;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT count(*) FILTER (WHERE withdrawn_at IS NULL),
           count(*) FILTER (WHERE accepted_at IS NOT NULL AND left_at IS NULL),
           count(*) FILTER (WHERE accepted_at IS NOT NULL AND left_at IS NOT NULL),
           count(*) FILTER (WHERE must_resign AND accepted_at IS NOT NULL AND left_at IS NULL),
           count(*) FILTER (WHERE resigned_at IS NOT NULL AND accepted_at IS NOT NULL AND left_at IS NULL)
      INTO i, a, l, m, r FROM new_rows;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT count(*) FILTER (WHERE withdrawn_at IS NULL),
           count(*) FILTER (WHERE accepted_at IS NOT NULL AND left_at IS NULL),
           count(*) FILTER (WHERE accepted_at IS NOT NULL AND left_at IS NOT NULL),
           count(*) FILTER (WHERE must_resign AND accepted_at IS NOT NULL AND left_at IS NULL),
           count(*) FILTER (WHERE resigned_at IS NOT NULL AND accepted_at IS NOT NULL AND left_at IS NULL)
      INTO oi, oa, ol, om, orr FROM old_rows;
    i := i - oi; a := a - oa; l := l - ol; m := m - om; r := r - orr;
  END IF;
  IF i <> 0 OR a <> 0 OR l <> 0 OR m <> 0 OR r <> 0 THEN
    INSERT INTO founding_totals AS t (slot, invited, accepted, left_roll, must_resign, resigned) VALUES (totals_slot(), i, a, l, m, r)
      ON CONFLICT (slot) DO UPDATE SET invited = t.invited + excluded.invited, accepted = t.accepted + excluded.accepted,
        left_roll = t.left_roll + excluded.left_roll, must_resign = t.must_resign + excluded.must_resign, resigned = t.resigned + excluded.resigned;
  END IF;
  -- Each branch names only the transition tables its event has.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO founding_roll_groups AS g (slot, region, relation, n)
      SELECT totals_slot(), p.region, p.relation, count(*) FROM new_rows f JOIN pledges p ON p.id = f.pledge_id
        WHERE f.accepted_at IS NOT NULL AND f.left_at IS NULL GROUP BY p.region, p.relation ORDER BY p.region, p.relation
      ON CONFLICT (slot, region, relation) DO UPDATE SET n = g.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO founding_roll_groups AS g (slot, region, relation, n)
      SELECT totals_slot(), p.region, p.relation, -count(*) FROM old_rows f JOIN pledges p ON p.id = f.pledge_id
        WHERE f.accepted_at IS NOT NULL AND f.left_at IS NULL GROUP BY p.region, p.relation ORDER BY p.region, p.relation
      ON CONFLICT (slot, region, relation) DO UPDATE SET n = g.n + excluded.n;
  ELSE
    INSERT INTO founding_roll_groups AS g (slot, region, relation, n)
      SELECT totals_slot(), region, relation, sum(d)::bigint FROM (
        SELECT p.region, p.relation, 1 AS d FROM new_rows f JOIN pledges p ON p.id = f.pledge_id
          WHERE f.accepted_at IS NOT NULL AND f.left_at IS NULL
        UNION ALL
        SELECT p.region, p.relation, -1 FROM old_rows f JOIN pledges p ON p.id = f.pledge_id
          WHERE f.accepted_at IS NOT NULL AND f.left_at IS NULL
      ) changes GROUP BY region, relation HAVING sum(d) <> 0 ORDER BY region, relation
      ON CONFLICT (slot, region, relation) DO UPDATE SET n = g.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER founding_totals_insert AFTER INSERT ON founding_members REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION founding_totals_change();
--> statement-breakpoint
CREATE TRIGGER founding_totals_update AFTER UPDATE ON founding_members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION founding_totals_change();
--> statement-breakpoint
CREATE TRIGGER founding_totals_delete AFTER DELETE ON founding_members REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION founding_totals_change();
--> statement-breakpoint
-- The totals of what is already there, in slot 0.
INSERT INTO pledge_totals (slot, held, awaiting_link, confirmed)
  SELECT 0, count(*) FILTER (WHERE erased_at IS NULL),
         count(*) FILTER (WHERE confirmed_at IS NULL AND withdrawn_at IS NULL AND erased_at IS NULL AND confirm_token_hash IS NULL),
         count(*) FILTER (WHERE confirmed_at IS NOT NULL AND withdrawn_at IS NULL)
    FROM pledges;
--> statement-breakpoint
INSERT INTO founding_totals (slot, invited, accepted, left_roll, must_resign, resigned)
  SELECT 0, count(*) FILTER (WHERE withdrawn_at IS NULL),
         count(*) FILTER (WHERE accepted_at IS NOT NULL AND left_at IS NULL),
         count(*) FILTER (WHERE accepted_at IS NOT NULL AND left_at IS NOT NULL),
         count(*) FILTER (WHERE must_resign AND accepted_at IS NOT NULL AND left_at IS NULL),
         count(*) FILTER (WHERE resigned_at IS NOT NULL AND accepted_at IS NOT NULL AND left_at IS NULL)
    FROM founding_members;
--> statement-breakpoint
INSERT INTO founding_roll_groups (slot, region, relation, n)
  SELECT 0, p.region, p.relation, count(*) FROM founding_members f JOIN pledges p ON p.id = f.pledge_id
    WHERE f.accepted_at IS NOT NULL AND f.left_at IS NULL GROUP BY p.region, p.relation;
