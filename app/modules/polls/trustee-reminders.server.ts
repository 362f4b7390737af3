/**
 * E-mails telling trustees it is their turn (decisions 045-047): to make their key, to take the
 * next step of the threshold ceremony once every trustee has taken the one before, and to shuffle
 * or decrypt once voting has closed. A background sweep, so that a turn that comes from the
 * closing time passing is told like one that comes from another trustee's step; each turn is told
 * once (remindedFor). Only the trustees' own addresses, and nothing about any ballot.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~/utils/db.server";
import { startBackgroundLoop } from "~/utils/background-loop.server";
import { describeFailure } from "~/utils/errors";
import { queueMail } from "~/modules/mail/outbox.server";
import { elections, movement, polls, pollTrustees, trusteeSetMembers, trusteeSets, users } from "../../../db/schema";
import { hasShareToSend, shareOwnerColumns } from "./encrypted/poll-trustees.server";
import { keyTurnOf } from "./encrypted/threshold-ceremony.server";
import { trusteeTurnMail, type TrusteeTurn } from "./trustee-mail";

export async function remindTrustees(db: Db, appUrl: string): Promise<number> {
  const base = appUrl.replace(/\/$/, "");
  const [m] = await db.select({ name: movement.name }).from(movement).limit(1);
  const movementName = m?.name ?? "Breakaway";
  let sent = 0;
  // The mark, then the mail, in one transaction: told once, never marked without being told. The
  // mark changes a row only if it was not already this turn's, so that another server's sweep at
  // the same moment finds nothing to do, and no trustee gets the same mail twice.
  const tell = async (to: { email: string; name: string }, title: string, turn: TrusteeTurn, link: string, mark: (tx: DbOrTx) => Promise<unknown[]>) => {
    const mail = trusteeTurnMail({ name: to.name, title, turn, link, movementName });
    const told = await db.transaction(async (tx) => {
      if ((await mark(tx)).length === 0) return false;
      await queueMail(tx, { to: to.email, subject: mail.subject, text: mail.text, kind: "trustee-turn" });
      return true;
    });
    if (told) sent += 1;
  };

  // A poll's own trustees: while its key is made (draft), and while it is decrypted.
  const pollRows = await db
    .select({
      pollId: polls.id,
      title: polls.title,
      status: polls.status,
      threshold: polls.trusteeThreshold,
      method: polls.method,
      position: pollTrustees.position,
      userId: pollTrustees.userId,
      email: users.email,
      name: users.displayName,
      publicKey: pollTrustees.publicKey,
      certificate: pollTrustees.certificate,
      polynomial: pollTrustees.polynomial,
      decryptionKey: pollTrustees.decryptionKey,
      remindedFor: pollTrustees.remindedFor,
      ...shareOwnerColumns(polls.id),
    })
    .from(pollTrustees)
    .innerJoin(polls, eq(polls.id, pollTrustees.pollId))
    .innerJoin(users, eq(users.id, pollTrustees.userId))
    .where(inArray(polls.status, ["draft", "decrypting"]));
  const byPoll = new Map<string, typeof pollRows>();
  for (const r of pollRows) byPoll.set(r.pollId, [...(byPoll.get(r.pollId) ?? []), r]);
  for (const rows of byPoll.values()) {
    for (const r of rows) {
      const turn = r.status === "draft" ? keyTurnOf(r.threshold, rows, r) : hasShareToSend({ ...r, trustees: rows.length }) ? "share" : null;
      if (!turn || turn === r.remindedFor) continue;
      // Its own try: one failure (logged by kind only) does not stop the others' reminders.
      try {
        await tell(r, r.title, turn, `${base}/polls/${r.pollId}/trustee`, (tx) =>
          tx.update(pollTrustees).set({ remindedFor: turn }).where(and(eq(pollTrustees.pollId, r.pollId), eq(pollTrustees.position, r.position), sql`${pollTrustees.remindedFor} is distinct from ${turn}`))
            .returning({ position: pollTrustees.position }),
        );
      } catch (error) {
        console.error(`trustee reminder: ${describeFailure(error)}`);
      }
    }
  }

  // An election's trustee set, while its key is made.
  const setRows = await db
    .select({
      setId: trusteeSets.id,
      threshold: trusteeSets.threshold,
      title: elections.title,
      position: trusteeSetMembers.position,
      userId: trusteeSetMembers.userId,
      email: users.email,
      name: users.displayName,
      publicKey: trusteeSetMembers.publicKey,
      certificate: trusteeSetMembers.certificate,
      polynomial: trusteeSetMembers.polynomial,
      decryptionKey: trusteeSetMembers.decryptionKey,
      remindedFor: trusteeSetMembers.remindedFor,
    })
    .from(trusteeSetMembers)
    .innerJoin(trusteeSets, eq(trusteeSets.id, trusteeSetMembers.setId))
    .innerJoin(elections, eq(elections.trusteeSetId, trusteeSets.id))
    .innerJoin(users, eq(users.id, trusteeSetMembers.userId))
    .where(isNull(trusteeSets.usedAt));
  const bySet = new Map<string, typeof setRows>();
  for (const r of setRows) bySet.set(r.setId, [...(bySet.get(r.setId) ?? []), r]);
  for (const rows of bySet.values()) {
    for (const r of rows) {
      const turn = keyTurnOf(r.threshold, rows, r);
      if (!turn || turn === r.remindedFor) continue;
      try {
        await tell(r, r.title, turn, `${base}/trustees/${r.setId}`, (tx) =>
          tx.update(trusteeSetMembers).set({ remindedFor: turn }).where(and(eq(trusteeSetMembers.setId, r.setId), eq(trusteeSetMembers.position, r.position), sql`${trusteeSetMembers.remindedFor} is distinct from ${turn}`))
            .returning({ position: trusteeSetMembers.position }),
        );
      } catch (error) {
        console.error(`trustee reminder: ${describeFailure(error)}`);
      }
    }
  }
  return sent;
}

/** Starts the background sweep; returns a function that stops it. */
export function startTrusteeReminders(db: Db, appUrl: string, intervalMs = 30_000): () => Promise<void> {
  return startBackgroundLoop("trustee reminders", intervalMs, () => remindTrustees(db, appUrl));
}
