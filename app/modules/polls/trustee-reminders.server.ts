/**
 * E-mails telling trustees it is their turn (decisions 045-047): to make their key, to take the
 * next step of the threshold ceremony once every trustee has taken the one before, and to shuffle
 * or decrypt once voting has closed. A background sweep, so that a turn that comes from the
 * closing time passing is told like one that comes from another trustee's step; each turn is told
 * once (remindedFor). Only the trustees' own addresses, and nothing about any ballot.
 */
import { and, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~/utils/db.server";
import { startBackgroundLoop } from "~/utils/background-loop.server";
import { describeFailure } from "~/utils/errors";
import { queueMail } from "~/modules/mail/outbox.server";
import { trusteeTurnMail, type TrusteeTurn } from "~/modules/mail/templates";
import { elections, movement, polls, pollTrustees, scopeTrusteeSets, trusteeSetMembers, trusteeSets, users } from "../../../db/schema";
import { isTrusteeScope } from "./encrypted/scope-trustees.server";
import { scopeTrusteeText, unnamedSetTitle } from "./scope-trustee-messages";
import { hasShareToSend, shareOwnerColumns } from "./encrypted/poll-trustees.server";
import { keyTurnOf } from "./encrypted/threshold-ceremony.server";

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
      setId: polls.trusteeSetId,
      ...shareOwnerColumns(polls.id),
    })
    .from(pollTrustees)
    .innerJoin(polls, eq(polls.id, pollTrustees.pollId))
    .innerJoin(users, eq(users.id, pollTrustees.userId))
    .where(inArray(polls.status, ["draft", "decrypting"]));
  const byPoll = new Map<string, typeof pollRows>();
  for (const r of pollRows) byPoll.set(r.pollId, [...(byPoll.get(r.pollId) ?? []), r]);
  // A set's polls (a constitution round's questions, an election's ballots) are told together:
  // one mail per trustee and turn, pointing to the set's page, not one per question.
  const setTurns = new Map<string, { setId: string; userId: string; email: string; name: string; pollIds: string[] }>();
  for (const rows of byPoll.values()) {
    for (const r of rows) {
      const turn = r.status === "draft" ? keyTurnOf(r.threshold, rows, r) : hasShareToSend({ ...r, trustees: rows.length }) ? "share" : null;
      if (!turn || turn === r.remindedFor) continue;
      if (r.setId && turn === "share") {
        const key = `${r.setId} ${r.userId}`;
        const entry = setTurns.get(key) ?? { setId: r.setId, userId: r.userId, email: r.email, name: r.name, pollIds: [] };
        entry.pollIds.push(r.pollId);
        setTurns.set(key, entry);
        continue;
      }
      // Its own try: one failure (logged by kind only) does not stop the others' reminders.
      try {
        await tell(r, r.title, turn, `${base}/polls/${r.pollId}/trustee`, (tx) =>
          tx
            .update(pollTrustees)
            .set({ remindedFor: turn })
            .where(and(eq(pollTrustees.pollId, r.pollId), eq(pollTrustees.position, r.position), sql`${pollTrustees.remindedFor} is distinct from ${turn}`))
            .returning({ position: pollTrustees.position }),
        );
      } catch (error) {
        console.error(`trustee reminder: ${describeFailure(error)}`);
      }
    }
  }

  for (const t of setTurns.values()) {
    try {
      await tell(t, await setTitle(db, t.setId), "share", `${base}/trustees/${t.setId}`, (tx) =>
        tx
          .update(pollTrustees)
          .set({ remindedFor: "share" })
          .where(and(inArray(pollTrustees.pollId, t.pollIds), eq(pollTrustees.userId, t.userId), sql`${pollTrustees.remindedFor} is distinct from 'share'`))
          .returning({ position: pollTrustees.position }),
      );
    } catch (error) {
      console.error(`trustee reminder: ${describeFailure(error)}`);
    }
  }

  // A trustee set (an election's, or a part of the road's), while its key is made.
  const setRows = await db
    .select({
      setId: trusteeSets.id,
      threshold: trusteeSets.threshold,
      electionTitle: elections.title,
      scope: scopeTrusteeSets.scope,
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
    .leftJoin(elections, eq(elections.trusteeSetId, trusteeSets.id))
    .leftJoin(scopeTrusteeSets, eq(scopeTrusteeSets.setId, trusteeSets.id))
    .innerJoin(users, eq(users.id, trusteeSetMembers.userId))
    .where(and(isNull(trusteeSets.usedAt), or(isNotNull(elections.id), isNotNull(scopeTrusteeSets.scope))));
  const bySet = new Map<string, typeof setRows>();
  for (const r of setRows) bySet.set(r.setId, [...(bySet.get(r.setId) ?? []), r]);
  for (const rows of bySet.values()) {
    for (const r of rows) {
      const turn = keyTurnOf(r.threshold, rows, r);
      if (!turn || turn === r.remindedFor) continue;
      try {
        await tell(r, titleOfSet(r), turn, `${base}/trustees/${r.setId}`, (tx) =>
          tx
            .update(trusteeSetMembers)
            .set({ remindedFor: turn })
            .where(
              and(
                eq(trusteeSetMembers.setId, r.setId),
                eq(trusteeSetMembers.position, r.position),
                sql`${trusteeSetMembers.remindedFor} is distinct from ${turn}`,
              ),
            )
            .returning({ position: trusteeSetMembers.position }),
        );
      } catch (error) {
        console.error(`trustee reminder: ${describeFailure(error)}`);
      }
    }
  }
  return sent;
}

/** What a set's mail says it is for: its election, or the part of the road it was named for. */
function titleOfSet(r: { electionTitle: string | null; scope: string | null }): string {
  if (r.electionTitle) return r.electionTitle;
  return r.scope && isTrusteeScope(r.scope) ? scopeTrusteeText(r.scope).every : unnamedSetTitle;
}

async function setTitle(db: DbOrTx, setId: string): Promise<string> {
  const [row] = await db
    .select({ electionTitle: elections.title, scope: scopeTrusteeSets.scope })
    .from(trusteeSets)
    .leftJoin(elections, eq(elections.trusteeSetId, trusteeSets.id))
    .leftJoin(scopeTrusteeSets, eq(scopeTrusteeSets.setId, trusteeSets.id))
    .where(eq(trusteeSets.id, setId));
  return row ? titleOfSet(row) : unnamedSetTitle;
}

/** Starts the background sweep; returns a function that stops it. */
export function startTrusteeReminders(db: Db, appUrl: string, intervalMs = 30_000): () => Promise<void> {
  return startBackgroundLoop("trustee reminders", intervalMs, () => remindTrustees(db, appUrl));
}
