ALTER TABLE "polls" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_status_known" CHECK ("polls"."status" in ('draft', 'open', 'closed', 'cancelled'));--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_owner_known" CHECK ("polls"."owner" is null or "polls"."owner" in ('decision', 'standing_orders', 'clause', 'adoption', 'election', 'financial_scheme'));--> statement-breakpoint
-- hand-written: polls made before owners existed get the owner their links say.
UPDATE "polls" SET "owner" = 'decision' WHERE "id" IN (SELECT "decision_poll_id" FROM "movement");--> statement-breakpoint
UPDATE "polls" SET "owner" = 'standing_orders' WHERE "id" IN (SELECT "standing_orders_poll_id" FROM "movement");--> statement-breakpoint
UPDATE "polls" SET "owner" = 'clause' WHERE "id" IN (SELECT "poll_id" FROM "vote_items");--> statement-breakpoint
UPDATE "polls" SET "owner" = 'adoption' WHERE "id" IN (SELECT "adoption_poll_id" FROM "constitution_drafts");--> statement-breakpoint
UPDATE "polls" SET "owner" = 'election' WHERE "id" IN (SELECT "poll_id" FROM "positions");
