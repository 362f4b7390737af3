import { and, asc, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { describeFailure } from "~/utils/errors";
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
// A claimed message is left alone by other servers for this long, so a slow SMTP server never
// holds a database transaction or lock open. A server that dies mid-send has its messages sent
// again after the lease: delivery is at least once, never lost.
const LEASE_MINUTES = 10;

/**
 * Sends what is due, a batch at a time: claim in one short transaction (SKIP LOCKED, so several
 * servers can run this loop against one database), send with no transaction open, then record
 * each outcome in its own short transaction.
 */
export async function sendDueMail(db: Db, send: SendMail, batchSize = 20): Promise<number> {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(outbox)
      .where(and(isNull(outbox.sentAt), lte(outbox.sendAfter, sql`now()`), sql`${outbox.attempts} < ${MAX_ATTEMPTS}`))
      .orderBy(asc(outbox.id))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (due.length > 0) {
      await tx
        .update(outbox)
        .set({ sendAfter: sql`now() + make_interval(mins => ${LEASE_MINUTES})` })
        .where(
          inArray(
            outbox.id,
            due.map((m) => m.id),
          ),
        );
    }
    return due;
  });
  let sent = 0;
  for (const message of claimed) {
    try {
      await send({ to: message.toAddress, subject: message.subject, text: message.bodyText });
      await db
        .update(outbox)
        .set({ sentAt: new Date(), attempts: message.attempts + 1, lastError: null })
        .where(eq(outbox.id, message.id));
      sent += 1;
    } catch (error) {
      // Back off exponentially: 1, 2, 4 … minutes, so a down mail server is not hammered.
      const delayMinutes = 2 ** message.attempts;
      await db
        .update(outbox)
        .set({
          attempts: message.attempts + 1,
          lastError: error instanceof Error ? error.message : String(error),
          sendAfter: new Date(Date.now() + delayMinutes * 60_000),
        })
        .where(eq(outbox.id, message.id));
    }
  }
  return sent;
}

/** Starts the background loop; returns a function that stops it. A tick is skipped while the last one runs. */
export function startMailSender(db: Db, send: SendMail, intervalMs = 5000): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped || running) return;
    running = sendDueMail(db, send)
      .catch((error: unknown) => console.error(`mail sender: ${describeFailure(error)}`))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
