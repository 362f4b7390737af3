import type { Db, Tx } from "./db.server";

/**
 * A transaction whose work was all done and whose COMMIT was sent, but which failed all the same:
 * the connection was lost, or the server went down, before its answer came. The database may
 * have stored it or not; only reading it again can tell (decision 041).
 */
export class CommitOutcomeUnknown extends Error {
  constructor(cause: unknown) {
    super("the transaction's commit got no answer", { cause });
    this.name = "CommitOutcomeUnknown";
  }
}

/**
 * Runs `work` in a transaction, as db.transaction does, telling a failure before the commit
 * (nothing is stored: the database rolls back a transaction that never commits) from a failure
 * at the commit itself (CommitOutcomeUnknown), so that a voter is never told "nothing was cast"
 * about a ballot that may be in.
 */
export async function transactionTellingCommit<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  let workDone = false;
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      workDone = true;
      return result;
    });
  } catch (error) {
    throw workDone ? new CommitOutcomeUnknown(error) : error;
  }
}
