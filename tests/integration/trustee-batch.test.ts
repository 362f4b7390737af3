import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { BELENIOS_2048, RFC_3526_2048 } from "../../app/modules/belenios/group";
import { serializeTrusteePublicKey } from "../../app/modules/belenios/serialize";
import { generateTrusteeKey } from "../../app/modules/belenios/trustee";
import { startDraft } from "../../app/modules/constitution/drafting.server";
import { castClauseBallot, openRound, roundItems } from "../../app/modules/constitution/round.server";
import { dueOwners } from "../../app/modules/road/poll-owners.server";
import { nameScopeTrustees, scopeSets } from "../../app/modules/polls/encrypted/scope-trustees.server";
import { doBallotsInBrowser, type WaitingBallot } from "../../app/modules/polls/encrypted/trustee-share-in-browser";
import { giveSetKey } from "../../app/modules/polls/encrypted/trustee-sets.server";
import { closeDuePolls } from "../../app/modules/polls/closer.server";
import { remindTrustees } from "../../app/modules/polls/trustee-reminders.server";
import { constitutionDrafts, outbox, polls } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { foundingMembersReady } from "../support/constitution-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * A trustee set's page does every waiting ballot in one go (decision 048): the browser's own code
 * (doBallotsInBrowser, as the page runs it) reads each question's files from its trustee page and
 * sends each share back there, with the key file chosen and checked once. Here a constitution
 * round of dozens of questions is decrypted by its two trustees, one run each; a wrong key file
 * is refused before any work; the round is decided after the second run.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let ids: string[] = [];
let emails: string[] = [];
let setId = "";
const yesNo = [generateTrusteeKey(BELENIOS_2048), generateTrusteeKey(BELENIOS_2048)];
// The private key file as the trustee's browser saves it (and belenios-tool writes it).
const keyFile = (t: number) => `${JSON.stringify(yesNo[t]!.privateKey.toString())}\n`;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ ids, emails } = await foundingMembersReady(database.db, 4));
  app = await createTestApp(database.db);
  const named = await database.db.transaction((tx) =>
    nameScopeTrustees(tx, systemActor(), "constitution", [BELENIOS_2048.name, RFC_3526_2048.name], { userIds: [ids[0]!, ids[1]!] }),
  );
  expect(named.ok).toBe(true);
  const sets = await scopeSets(database.db, "constitution");
  setId = sets[0]!.setId;
  const ranked = [generateTrusteeKey(RFC_3526_2048), generateTrusteeKey(RFC_3526_2048)];
  for (const t of [0, 1]) {
    const who = { id: ids[t]!, label: emails[t]! };
    expect(await giveSetKey(database.db, who, sets[0]!.setId, serializeTrusteePublicKey(yesNo[t]!.publicKey))).toMatchObject({ ok: true });
    expect(await giveSetKey(database.db, who, sets[1]!.setId, serializeTrusteePublicKey(ranked[t]!.publicKey))).toMatchObject({ ok: true });
  }
  await startDraft(database.db, systemActor(), { kind: "model" });
  const round = await openRound(database.db, systemActor(), { closesAt: new Date(Date.now() + 8 * 86_400_000) });
  if (!round.ok) throw new Error(round.code);
  const items = await roundItems(database.db, round.roundId);
  for (const id of ids)
    for (const clauseId of new Set(items.map((i) => i.clauseId))) {
      const answers = items.filter((i) => i.clauseId === clauseId).map((i) => ({ pollId: i.pollId, choice: "yes" }));
      expect((await castClauseBallot(database.db, id, clauseId, answers)).ok).toBe(true);
    }
  await database.db
    .update(polls)
    .set({ closesAt: new Date(Date.now() - 1000) })
    .where(
      inArray(
        polls.id,
        items.map((i) => i.pollId),
      ),
    );
  await closeDuePolls(database.db, dueOwners);
}, 300_000);
afterEach(() => vi.unstubAllGlobals());
afterAll(() => database.drop());

/** The browser's fetch, as the trustee: every request goes to the app with their session. */
async function asTrustee(t: number) {
  const cookie = await cookieFor(database.db, emails[t]!);
  vi.stubGlobal("fetch", (url: string, init?: RequestInit) =>
    app.request(url, { method: init?.method ?? "GET", ...(init?.body ? { body: init.body } : {}), cookie }),
  );
  return cookie;
}

/** What the set's page lists as waiting for this trustee, read from the page's own data. */
async function waitingFor(t: number): Promise<WaitingBallot[]> {
  const questions = await database.db.select().from(polls).where(eq(polls.trusteeSetId, setId));
  const waiting: WaitingBallot[] = [];
  for (const q of questions) {
    const page = await html(await app.request(`/polls/${q.id}/trustee`, { cookie: await cookieFor(database.db, emails[t]!) }));
    if (page.includes("Decrypt in this browser") || page.includes("Your share of the decryption"))
      waiting.push({ pollId: q.id, title: q.title, work: { kind: "decryption", shuffled: 0 }, publicKey: yesNo[t]!.publicKey.publicKey.toString() });
  }
  return waiting;
}

describe("a trustee decrypts every question of a round in one go", () => {
  it("tells each trustee once for the whole round at the close, with a link to the set's page", async () => {
    // Told of their keys before the round opened? Not here: the keys were given directly.
    expect(await remindTrustees(database.db, "https://vote.example.org")).toBe(2);
    const mails = await database.db.select().from(outbox).where(eq(outbox.kind, "trustee-turn"));
    expect(mails.map((m) => m.toAddress).sort()).toEqual([emails[0], emails[1]].sort());
    for (const mail of mails) {
      expect(mail.subject).toBe("Your part as a trustee: every vote on the constitution (each round's questions and the adoption vote)");
      expect(mail.bodyText).toContain(`https://vote.example.org/trustees/${setId}`);
    }
    expect(await remindTrustees(database.db, "https://vote.example.org")).toBe(0);
  });

  it("lists every question on the set's page, each waiting for the trustee", async () => {
    const page = await html(await app.request(`/trustees/${setId}`, { cookie: await cookieFor(database.db, emails[0]!) }));
    const questions = await database.db.select({ id: polls.id }).from(polls).where(eq(polls.trusteeSetId, setId));
    expect(questions.length).toBeGreaterThan(10);
    for (const q of questions) expect(page).toContain(`/polls/${q.id}/trustee`);
    expect(page.match(/waiting for your part/g)?.length).toBe(questions.length);
  });

  it("refuses the other trustee's key file before doing anything", async () => {
    await asTrustee(0);
    const ballots = await waitingFor(0);
    const progress = vi.fn();
    expect(await doBallotsInBrowser({ ballots, groupName: BELENIOS_2048.name, threshold: false, keyText: keyFile(1), onProgress: progress })).toEqual({
      ok: false,
      done: 0,
      problem: "wrong_key_file",
    });
    expect(await doBallotsInBrowser({ ballots, groupName: BELENIOS_2048.name, threshold: false, keyText: null, onProgress: progress })).toEqual({
      ok: false,
      done: 0,
      problem: "no_key_file",
    });
    expect(progress).not.toHaveBeenCalled();
  });

  it("sends each trustee's share of every question in one run; the round is decided after the second", async () => {
    await asTrustee(0);
    const first = await waitingFor(0);
    const seen: string[] = [];
    const outcome = await doBallotsInBrowser({
      ballots: first,
      groupName: BELENIOS_2048.name,
      threshold: false,
      keyText: keyFile(0),
      onProgress: (_done, title) => void seen.push(title),
    });
    expect(outcome).toEqual({ ok: true, done: first.length });
    expect(new Set(seen).size).toBe(first.length);
    expect(await waitingFor(0)).toEqual([]);
    expect((await database.db.select().from(constitutionDrafts))[0]!.phase).toBe("voting");

    await asTrustee(1);
    const second = await waitingFor(1);
    expect(second).toHaveLength(first.length);
    const outcome2 = await doBallotsInBrowser({
      ballots: second,
      groupName: BELENIOS_2048.name,
      threshold: false,
      keyText: keyFile(1),
      onProgress: () => undefined,
    });
    expect(outcome2).toEqual({ ok: true, done: second.length });
    // Each last share's page counted through the owner: the round is decided.
    expect((await database.db.select().from(constitutionDrafts))[0]!.phase).toBe("closed");
    // A share sent twice is refused, and the run says which question.
    const again = await doBallotsInBrowser({
      ballots: second.slice(0, 1),
      groupName: BELENIOS_2048.name,
      threshold: false,
      keyText: keyFile(1),
      onProgress: () => undefined,
    });
    expect(again).toEqual({ ok: false, done: 0, problem: "refused", title: second[0]!.title });
  }, 300_000);
});
