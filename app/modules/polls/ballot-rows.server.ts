/** Storing ballot rows in the order given: by casting, onto a strand, and by closing, onto the published chain. */
import { sql } from "drizzle-orm";
import { ballots, type BallotContent } from "../../../db/schema";

/** A ballot row as written: by casting (onto a strand) and by closing (onto the published chain). */
export type BallotRow = { receipt: string; pollId: string; content: BallotContent; prevHash: string; hash: string };

/**
 * The statement that stores ballot rows in the order given, as one JSON parameter, not five
 * parameters a row.
 */
export function insertBallotRows(rows: readonly BallotRow[]) {
  return sql`
    insert into ${ballots} (receipt, poll_id, content, prev_hash, hash)
    select b.receipt, b."pollId", b.content, b."prevHash", b.hash
    from json_array_elements(${JSON.stringify(rows)}::json) with ordinality as e(value, n)
    cross join lateral json_to_record(e.value) as b(receipt text, "pollId" uuid, content jsonb, "prevHash" text, hash text)
    order by e.n`;
}
