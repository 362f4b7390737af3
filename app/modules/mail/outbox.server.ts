import { and, asc, desc, eq, isNull, lte, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~/utils/db.server";
import { outbox } from "../../../db/schema";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  kind: string;
}

/** Queues a message in the caller's transaction; the sender loop delivers it later. */
export async function queueMail(tx: DbOrTx, message: MailMessage): Promise<void> {
  await tx.insert(outbox).values({
    toAddress: message.to,
    subject: message.subject,
    bodyText: message.text,
    kind: message.kind,
  });
}

export async function listRecentMail(db: DbOrTx, limit = 50) {
  return db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit);
}

export type SendMail = (message: { to: string; subject: string; text: string }) => Promise<void>;

const MAX_ATTEMPTS = 8;

/**
 * Sends what is due, a batch at a time. Rows are claimed with SKIP LOCKED so that several app
 * servers can run this loop against one database without sending anything twice.
 */
export async function sendDueMail(db: Db, send: SendMail, batchSize = 20): Promise<number> {
  let sent = 0;
  await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(outbox)
      .where(and(isNull(outbox.sentAt), lte(outbox.sendAfter, sql`now()`), sql`${outbox.attempts} < ${MAX_ATTEMPTS}`))
      .orderBy(asc(outbox.id))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    for (const message of due) {
      try {
        await send({ to: message.toAddress, subject: message.subject, text: message.bodyText });
        await tx.update(outbox).set({ sentAt: new Date(), attempts: message.attempts + 1, lastError: null }).where(eq(outbox.id, message.id));
        sent += 1;
      } catch (error) {
        // Back off exponentially: 1, 2, 4 … minutes, so a down mail server is not hammered.
        const delayMinutes = 2 ** message.attempts;
        await tx
          .update(outbox)
          .set({
            attempts: message.attempts + 1,
            lastError: error instanceof Error ? error.message : String(error),
            sendAfter: new Date(Date.now() + delayMinutes * 60_000),
          })
          .where(eq(outbox.id, message.id));
      }
    }
  });
  return sent;
}

/** Starts the background loop; returns a function that stops it. */
export function startMailSender(db: Db, send: SendMail, intervalMs = 5000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped) return;
    running = running
      .then(() => sendDueMail(db, send))
      .catch((error: unknown) => console.error("mail sender:", error));
  }, intervalMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
