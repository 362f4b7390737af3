import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { BELENIOS_2048 } from "../../app/modules/belenios/group";
import { serializePartialDecryption, signedMsgOf } from "../../app/modules/belenios/serialize";
import {
  openDecryptionKey,
  parseVInput,
  serializePolynomial,
  serializeSignedMsg,
  serializeVOutput,
  thresholdStep1,
  thresholdStep3,
  thresholdStep5,
} from "../../app/modules/belenios/threshold";
import { computePartialDecryption } from "../../app/modules/belenios/trustee";
import { electionOf } from "../../app/modules/polls/encrypted/poll-elections.server";
import { decryptableTally, trusteeProgressOf } from "../../app/modules/polls/encrypted/poll-trustees.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { grantRole } from "../../app/modules/users/users.server";
import { polls } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { newPollForm } from "../support/poll-form";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Three trustees, any two of whom decrypt (decision 046), over HTTP without JavaScript: the poll
 * form's threshold and its errors, the three ceremony steps as each trustee's page asks for them
 * (pasting what belenios-tool would print: the same texts as the browser's), the files the pages
 * relay, and the close, counted with two shares of three.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const officer = "ro@example.org";
const emails = ["ada@example.org", "ben@example.org", "cy@example.org", "dee@example.org"];
const cookies: Record<string, string> = {};
let pollId = "";
const seeds = [0, 1, 2].map(() => thresholdStep1(BELENIOS_2048));
const dkeys: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  const actor = systemActor("test");
  expect((await grantRole(database.db, { email: officer, displayName: "Returning Officer", role: "returning_officer", actor })).ok).toBe(true);
  for (const [i, email] of emails.entries())
    expect((await grantRole(database.db, { email, displayName: `Member ${i + 1}`, role: "member", actor })).ok).toBe(true);
  for (const email of [officer, ...emails]) cookies[email] = await cookieFor(database.db, email);
}, 60_000);
afterAll(() => database.drop());

const pollForm = (trustees: string, trusteeThreshold: string) => newPollForm({ trustees, trusteeThreshold });
const three = "ada@example.org\nben@example.org\ncy@example.org";
const page = async (i: number) => html(await app.request(`/polls/${pollId}/trustee`, { cookie: cookies[emails[i]!]! }));
const send = (i: number, share: string) => app.request(`/polls/${pollId}/trustee`, { form: { intent: "key", share }, cookie: cookies[emails[i]!]! });
const file = (i: number, name: string) => app.request(`/polls/${pollId}/trustee/${name}`, { cookie: cookies[emails[i]!]! });
const certsOf = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((l) => signedMsgOf(JSON.parse(l), "cert"));

describe("three trustees, any two of whom decrypt, without JavaScript", () => {
  it("are chosen on the poll form, which explains a number it cannot take", async () => {
    const cases: [string, string, string][] = [
      [three, "1", "Enter a number from 2 to 3, the number of trustees"],
      [three, "4", "Enter a number from 2 to 3, the number of trustees"],
      [three, "two", "Enter a whole number of trustees, like 3"],
      ["ada@example.org\nben@example.org", "2", "A number who must decrypt can only be set with 3 or more trustees."],
    ];
    for (const [trustees, threshold, message] of cases) {
      const refused = await app.request("/polls/new", { form: pollForm(trustees, threshold), cookie: cookies[officer]! });
      expect(refused.status).toBe(400);
      const body = await html(refused);
      expect(body).toContain(message);
      // The error summary links to the field, and what was typed is kept.
      expect(body).toContain('href="#trusteeThreshold"');
      expect(body).toContain(`value="${threshold}"`);
    }
    const created = await app.request("/polls/new", { form: pollForm(three, ""), cookie: cookies[officer]! });
    expect(created.status).toBe(302);
    pollId = (created.headers.get("Location") ?? "").split("/").pop() ?? "";
    const poll = await html(await app.request(`/polls/${pollId}`, { cookie: cookies[officer]! }));
    expect(poll).toContain("any 2 of them together can decrypt the result");
  });

  it("step 1: each gives the public part of their key file; nothing is relayed before all have", async () => {
    const first = await page(0);
    expect(first).toContain("You are trustee 1 of 3. The result can be decrypted by any 2 of you together");
    expect(first).toContain("Make your key: step 1 of 3");
    expect(first).toContain("belenios-tool setup generate-trustee-key-threshold --group BELENIOS-2048 --step 1");
    const refused = await send(0, "hello");
    expect(refused.status).toBe(400);
    expect(await html(refused)).toContain("This is not a Belenios certificate.");
    expect(await html(await send(0, serializeSignedMsg(seeds[0]!.cert)))).toContain("Done: this step of making the key is in.");
    expect(await page(0)).toContain("1 of 3 trustees have done this step.");
    expect((await file(0, "certificates.jsons")).status).toBe(404);
    // Listed on the Polls page for a trustee the step waits on, not for one who has taken it.
    expect(await html(await app.request("/polls", { cookie: cookies[emails[1]!]! }))).toContain("Adopt the campaign statement");
    for (const i of [1, 2]) expect((await send(i, serializeSignedMsg(seeds[i]!.cert))).status).toBe(200);
    expect((await file(3, "certificates.jsons")).status).toBe(404);
  });

  it("step 2: each sends their polynomial, made from everyone's certificates", async () => {
    expect(await page(1)).toContain("Make your key: step 2 of 3");
    expect(await page(1)).toContain("--step 3 --threshold 2");
    const certs = await (await file(1, "certificates.jsons")).text();
    expect(certs.trim().split("\n")).toHaveLength(3);
    const unreadable = await send(1, "{}");
    expect(await html(unreadable)).toContain("This is not what belenios-tool prints at this step.");
    for (const i of [0, 1, 2]) expect((await send(i, serializePolynomial(thresholdStep3(BELENIOS_2048, certsOf(certs), seeds[i]!.seed, 2)))).status).toBe(200);
  });

  it("step 3: each makes their share from the pieces relayed to them; the poll then opens", async () => {
    expect(await page(2)).toContain("Make your key: step 3 of 3");
    const certs = await (await file(2, "certificates.jsons")).text();
    for (const i of [0, 1, 2]) {
      const vinput = await file(i, "vinput.json");
      expect(vinput.status).toBe(200);
      const voutput = thresholdStep5(BELENIOS_2048, certsOf(certs), seeds[i]!.seed, parseVInput((await vinput.text()).trim()));
      dkeys.push(voutput.privateKey);
      expect((await send(i, serializeVOutput(voutput))).status).toBe(200);
    }
    expect(await page(0)).toMatch(/Your share of the key \([0-9A-F]{8}\) is in\./);
    expect((await app.request(`/polls/${pollId}`, { form: { intent: "open" }, cookie: cookies[officer]! })).status).toBe(200);
  });

  it("after the close, two shares of three count the poll; each trustee's .dkey is theirs alone", async () => {
    const members = await Promise.all(emails.map((e) => database.db.query.users.findFirst({ where: (u, { eq: is }) => is(u.email, e) })));
    for (const [i, choice] of (["yes", "no", "yes", "yes"] as const).entries())
      expect((await castBallot(database.db, { pollId, userId: members[i]!.id, choice })).ok).toBe(true);
    expect((await app.request(`/polls/${pollId}`, { form: { intent: "close", reason: "Everyone has voted" }, cookie: cookies[officer]! })).status).toBe(200);
    expect(await html(await app.request(`/polls/${pollId}`, { cookie: cookies[emails[3]!]! }))).toContain("0 of the 2 shares needed are in.");
    const ben = await page(1);
    expect(ben).toContain("belenios-tool election decrypt-threshold --key YOUR-KEY.key --decryption-key trustee-2.dkey --trustee-id 2");
    expect((await (await file(1, "decryption-key.dkey")).text()).trim()).toBe(dkeys[1]);
    expect((await file(3, "decryption-key.dkey")).status).toBe(404);

    const pollElection = await electionOf(database.db, pollId);
    const progress = await trusteeProgressOf(database.db, pollId, pollElection!.election);
    const share = (i: number) =>
      serializePartialDecryption(
        computePartialDecryption(pollElection!.election, decryptableTally(progress!), openDecryptionKey(BELENIOS_2048, seeds[i]!.seed, dkeys[i]!)),
      );
    const decrypt = (i: number) => app.request(`/polls/${pollId}/trustee`, { form: { intent: "decryption", share: share(i) }, cookie: cookies[emails[i]!]! });
    expect(await html(await decrypt(2))).toContain("Your share is in.");
    expect(await page(2)).toContain("You have done your part. 1 of the 2 shares needed are in so far.");
    // The Polls page lists the poll for a trustee with something to do, not for one who has done it.
    const tasks = async (i: number) => html(await app.request("/polls", { cookie: cookies[emails[i]!]! }));
    expect(await tasks(0)).toContain(`href="/polls/${pollId}/trustee"`);
    expect(await tasks(2)).not.toContain(`href="/polls/${pollId}/trustee"`);
    expect(await html(await decrypt(1))).toContain("Your share was the last one: the result is decrypted and counted.");
    const [result] = await database.db.select().from(polls).where(eq(polls.id, pollId));
    expect(result).toMatchObject({ status: "closed", result: { kind: "yes-no", result: { tally: { yes: 3, no: 1, abstain: 0 } } } });
    expect(await html(await app.request(`/polls/${pollId}/ballots`, { cookie: cookies[emails[3]!]! }))).toContain("any 2 of them together can decrypt");
  }, 120_000);
});
