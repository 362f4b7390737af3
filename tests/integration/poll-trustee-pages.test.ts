import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { BELENIOS_2048 } from "../../app/modules/belenios/group";
import { serializePartialDecryption, serializeTrusteePublicKey } from "../../app/modules/belenios/serialize";
import { computePartialDecryption, generateTrusteeKey } from "../../app/modules/belenios/trustee";
import { electionOf } from "../../app/modules/polls/encrypted/poll-elections.server";
import { decryptableTally, trusteeProgressOf } from "../../app/modules/polls/encrypted/poll-trustees.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { grantRole } from "../../app/modules/users/users.server";
import { polls } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { newPollForm } from "../support/poll-form";
import { beleniosToolTrusteeKey, hasBeleniosTool, runBeleniosTool } from "../support/belenios-tool";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The trustees' pages over HTTP, without JavaScript (decision 045): the returning officer names
 * trustees on the poll form; one trustee makes their key with belenios-tool and pastes it, and
 * after the close decrypts with belenios-tool from the record the page offers; the other works as
 * their browser would (the same Belenios texts). The poll then shows its counted result.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const officer = "ro@example.org";
const emails = ["ada@example.org", "ben@example.org", "cy@example.org"];
const cookies: Record<string, string> = {};
let pollId = "";
let toolDir = "";
const benKey = generateTrusteeKey(BELENIOS_2048);

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  const actor = systemActor("test");
  expect((await grantRole(database.db, { email: officer, displayName: "Returning Officer", role: "returning_officer", actor })).ok).toBe(true);
  for (const [i, email] of emails.entries())
    expect((await grantRole(database.db, { email, displayName: `Member ${i + 1}`, role: "member", actor })).ok).toBe(true);
  for (const email of [officer, ...emails]) cookies[email] = await cookieFor(database.db, email);
  toolDir = mkdtempSync(join(tmpdir(), "trustee-pages-"));
}, 60_000);
afterAll(async () => {
  rmSync(toolDir, { recursive: true, force: true });
  await database.drop();
});

const pollForm = (trustees: string) => newPollForm({ trustees });

describe("a poll's trustees, without JavaScript", () => {
  it("are named on the poll form by email, each a member with an account", async () => {
    const unknown = await app.request("/polls/new", { form: pollForm("ada@example.org\nnobody@example.org"), cookie: cookies[officer]! });
    expect(unknown.status).toBe(400);
    expect(await html(unknown)).toContain("Nobody with the email address nobody@example.org has an account here");
    const twice = await app.request("/polls/new", { form: pollForm("ada@example.org\nADA@example.org"), cookie: cookies[officer]! });
    expect(await html(twice)).toContain("Name each trustee once");
    const created = await app.request("/polls/new", { form: pollForm("ada@example.org\nben@example.org"), cookie: cookies[officer]! });
    expect(created.status).toBe(302);
    pollId = (created.headers.get("Location") ?? "").split("/").pop() ?? "";
    const page = await html(await app.request(`/polls/${pollId}`, { cookie: cookies[officer]! }));
    expect(page).toContain("0 of 2 trustees have given their key.");
  });

  it("shows each trustee their page, and nobody else", async () => {
    const page = await html(await app.request(`/polls/${pollId}/trustee`, { cookie: cookies[emails[0]!]! }));
    expect(page).toContain("You are trustee 1 of 2.");
    expect(page).toContain("belenios-tool setup generate-trustee-key --group BELENIOS-2048");
    expect((await app.request(`/polls/${pollId}/trustee`, { cookie: cookies[emails[2]!]! })).status).toBe(404);
    expect((await app.request(`/polls/${pollId}/trustee/election.json`, { cookie: cookies[emails[2]!]! })).status).toBe(404);
  });

  it("takes a key pasted from belenios-tool, explains one that is not a key, and does not open the poll until all are in", async () => {
    const refused = await app.request(`/polls/${pollId}/trustee`, { form: { intent: "key", share: "hello" }, cookie: cookies[emails[0]!]! });
    expect(refused.status).toBe(400);
    expect(await html(refused)).toContain("This is not a Belenios public key.");
    if (!hasBeleniosTool) return;
    const adaKey = beleniosToolTrusteeKey(toolDir, "BELENIOS-2048");
    const given = await app.request(`/polls/${pollId}/trustee`, { form: { intent: "key", share: adaKey.publicKeyFile }, cookie: cookies[emails[0]!]! });
    expect(given.status).toBe(200);
    expect(await html(given)).toContain("Your public key is in.");
    const early = await app.request(`/polls/${pollId}`, { form: { intent: "open" }, cookie: cookies[officer]! });
    expect(early.status).toBe(409);
    expect(await html(early)).toContain("Every trustee must give their key before the poll can open.");
    const ben = await app.request(`/polls/${pollId}/trustee`, {
      form: { intent: "key", share: serializeTrusteePublicKey(benKey.publicKey) },
      cookie: cookies[emails[1]!]!,
    });
    expect(ben.status).toBe(200);
    expect((await app.request(`/polls/${pollId}`, { form: { intent: "open" }, cookie: cookies[officer]! })).status).toBe(200);
  });

  it("after the close, a trustee decrypts with belenios-tool from the record the page offers; the last share counts the poll", async () => {
    if (!hasBeleniosTool) return;
    const [poll] = await database.db.select().from(polls).where(eq(polls.id, pollId));
    expect(poll?.status).toBe("open");
    const members = await Promise.all(emails.map((e) => database.db.query.users.findFirst({ where: (u, { eq: is }) => is(u.email, e) })));
    for (const [i, choice] of (["yes", "no", "yes"] as const).entries())
      expect((await castBallot(database.db, { pollId, userId: members[i]!.id, choice })).ok).toBe(true);
    // The returning officer closes it early: voting stops, and nothing is decrypted yet.
    const closed = await app.request(`/polls/${pollId}`, { form: { intent: "close", reason: "Everyone has voted" }, cookie: cookies[officer]! });
    expect(closed.status).toBe(200);
    expect(await html(await app.request(`/polls/${pollId}`, { cookie: cookies[emails[2]!]! }))).toContain(
      "The trustees are decrypting the result: 0 of 2 have sent their share.",
    );

    const adaPage = await html(await app.request(`/polls/${pollId}/trustee`, { cookie: cookies[emails[0]!]! }));
    expect(adaPage).toContain("Decrypt your share of the result");
    expect(adaPage).toContain("belenios-tool election decrypt --privkey YOUR-KEY.privkey --trustee-id 1");
    const record = await app.request(`/polls/${pollId}/trustee/record.bel`, { cookie: cookies[emails[0]!]! });
    expect(record.status).toBe(200);
    const fileName = /filename="?([^";]+)/.exec(record.headers.get("Content-Disposition") ?? "")![1]!;
    const work = mkdtempSync(join(toolDir, "record-"));
    writeFileSync(join(work, fileName), new Uint8Array(await record.arrayBuffer()));
    const [privkey] = (await import("node:fs")).readdirSync(toolDir).filter((f) => f.endsWith(".privkey"));
    const decrypted = runBeleniosTool(["election", "decrypt", "--privkey", join(toolDir, privkey!), "--trustee-id", "1"], work);
    expect(decrypted.status, decrypted.stderr).toBe(0);
    const sent = await app.request(`/polls/${pollId}/trustee`, {
      form: { intent: "decryption", share: decrypted.stdout.split("\n")[0]! },
      cookie: cookies[emails[0]!]!,
    });
    expect(sent.status).toBe(200);
    expect(await html(sent)).toContain("Your share is in.");

    const pollElection = await electionOf(database.db, pollId);
    const progress = await trusteeProgressOf(database.db, pollId, pollElection!.election);
    const benShare = serializePartialDecryption(computePartialDecryption(pollElection!.election, decryptableTally(progress!), benKey.privateKey));
    const last = await app.request(`/polls/${pollId}/trustee`, { form: { intent: "decryption", share: benShare }, cookie: cookies[emails[1]!]! });
    expect(await html(last)).toContain("Your share was the last one: the result is decrypted and counted.");
    const counted = await html(await app.request(`/polls/${pollId}`, { cookie: cookies[emails[2]!]! }));
    expect(counted).toContain("Closed");
    expect(counted).not.toContain("The trustees are decrypting");
    const [result] = await database.db.select().from(polls).where(eq(polls.id, pollId));
    expect(result).toMatchObject({ status: "closed", result: { kind: "yes-no", result: { tally: { yes: 2, no: 1, abstain: 0 } } } });
    expect((await app.request(`/polls/${pollId}/record.bel`)).status).toBe(200);
    // Who voted, by name, for the members on the roll to check (issue 17, item 3); not for visitors.
    const board = await html(await app.request(`/polls/${pollId}/ballots`, { cookie: cookies[emails[2]!]! }));
    expect(board).toContain("The 3 members who voted");
    for (const name of ["Member 1", "Member 2", "Member 3"]) expect(board).toContain(`<li>${name}</li>`);
    expect(board).toContain("held by 2 trustees named by the returning officer");
    const visitor = await html(await app.request(`/polls/${pollId}/ballots`));
    expect(visitor).not.toContain("members who voted");
    expect(visitor).not.toContain("Member 1");
  }, 120_000);
});
