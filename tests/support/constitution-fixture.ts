import { systemActor } from "../../app/modules/audit/audit.server";
import { openStandingOrdersVote } from "../../app/modules/founding/founding.server";
import { grantRole } from "../../app/modules/users/users.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import type { Db } from "../../app/utils/db.server";
import { foundingMembers } from "../../db/schema";
import { cookieFor, createTestApp } from "./app-harness";
import { movementInFoundingPhase } from "./founding-fixture";
import { createTestDatabase } from "./test-database";

/**
 * A movement in its founding phase with `size` accepted founding members, who have adopted the
 * standing orders unless told not to: where constitution drafting and voting start.
 */
export async function foundingMembersReady(db: Db, size: number, options: { adoptStandingOrders?: boolean } = {}) {
  const people = Array.from({ length: size }, (_, i) => ({
    name: `Founder ${i + 1}`,
    email: `founder${i + 1}@example.org`,
    relation: "former_member" as const,
  }));
  const { userIds } = await movementInFoundingPhase(db, people);
  const ids = people.map((p) => userIds.get(p.email) ?? "");
  await db
    .insert(foundingMembers)
    .values(ids.map((userId, i) => ({ userId, acceptedAt: new Date(), membershipNumber: i + 1, statementVersion: "test", consentVersion: "test" })));
  if (options.adoptStandingOrders !== false) await adoptStandingOrders(db, ids);
  return { ids, emails: people.map((p) => p.email) };
}

export async function adoptStandingOrders(db: Db, ids: readonly string[]) {
  // The vote names the first returning officer (standing orders 4.1): there must be one.
  await grantRole(db, { email: "ro@example.org", displayName: "Rhian Roberts", role: "returning_officer", actor: systemActor() });
  const opened = await openStandingOrdersVote(db, systemActor(), { closesAt: new Date(Date.now() + 3600_000), quorumPercent: 20, majority: "simple" });
  if (!opened.ok) throw new Error(`standing orders vote: ${opened.code}`);
  for (const userId of ids) await castBallot(db, { pollId: opened.pollId, userId, choice: "yes" });
  await closePoll(db, systemActor(), opened.pollId);
}

/** The organiser who runs the votes in these tests, as an audit actor. */
export const testOrganiser = { id: null, label: "organiser@example.org" };

/** A closing time an hour from now. */
export const inAnHour = () => new Date(Date.now() + 3600_000);

/**
 * A test database with `size` founding members who have adopted the standing orders, an
 * organiser signed in (their Cookie header), and the app over it.
 */
export async function foundingWithOrganiser(size: number) {
  const database = await createTestDatabase();
  const app = await createTestApp(database.db);
  const { ids, emails } = await foundingMembersReady(database.db, size);
  await grantRole(database.db, { email: testOrganiser.label, displayName: "Olive Organiser", role: "organiser", actor: systemActor() });
  const organiser = await cookieFor(database.db, testOrganiser.label);
  return { database, app, ids, emails, organiser };
}

/**
 * As foundingWithOrganiser, with the organiser having started drafting from the model
 * constitution (as over HTTP), and the first founding member signed in.
 */
export async function draftingFromModel(size: number) {
  const ready = await foundingWithOrganiser(size);
  const started = await ready.app.request("/constitution/manage", { form: { intent: "start-model" }, cookie: ready.organiser });
  if (started.status !== 302) throw new Error(`starting the draft answered ${started.status}`);
  const founder = { id: ready.ids[0] ?? "", email: ready.emails[0] ?? "", cookie: await cookieFor(ready.database.db, ready.emails[0] ?? "") };
  return { ...ready, founder };
}
