import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { RFC_3526_2048 } from "../../app/modules/belenios/group";
import { serializeTrusteePublicKey, signedMsgOf } from "../../app/modules/belenios/serialize";
import {
  parseVInput,
  serializePolynomial,
  serializeSignedMsg,
  serializeVOutput,
  thresholdStep1,
  thresholdStep3,
  thresholdStep5,
} from "../../app/modules/belenios/threshold";
import { generateTrusteeKey } from "../../app/modules/belenios/trustee";
import { addPosition } from "../../app/modules/elections/setup.server";
import { currentElection, listPositions } from "../../app/modules/elections/current-election.server";
import { stand } from "../../app/modules/elections/nominations.server";
import { grantRole } from "../../app/modules/users/users.server";
import { dueOwners } from "../../app/modules/road/poll-owners.server";
import { closeDuePolls } from "../../app/modules/polls/closer.server";
import { polls } from "../../db/schema";
import { eq } from "drizzle-orm";
import { toLondonLocal } from "../../app/utils/london-time";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { foundingMembersReady } from "../support/constitution-fixture";
import { electionOpenForNominations } from "../support/election-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * An election's trustees over HTTP, without JavaScript (decision 047): the returning officer
 * names them on the Elections page (the form explains what it cannot take); each finds the
 * election under their part as a trustee on the Polls page, gives their key on the trustee set's
 * page; the Elections page says how many have; the ballots open only once all have, each held by
 * their keys, with a trustee page per ballot for them.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let ids: string[] = [];
const cookies: string[] = [];
let ro = "";
const keys = [generateTrusteeKey(RFC_3526_2048), generateTrusteeKey(RFC_3526_2048)];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  ({ ids } = await foundingMembersReady(database.db, 6, { adoptStandingOrders: false }));
  for (let i = 0; i < ids.length; i += 1) cookies.push(await cookieFor(database.db, `founder${i + 1}@example.org`));
  expect((await grantRole(database.db, { email: "ro@example.org", role: "returning_officer", actor: systemActor() })).ok).toBe(true);
  ro = await cookieFor(database.db, "ro@example.org");
  await electionOpenForNominations(database.db);
  const added = await addPosition(database.db, systemActor(), { title: "Chair", seats: 1, secondersRequired: 0, eligibility: "" });
  if (!added.ok) throw new Error(added.code);
  const election = (await currentElection(database.db))!;
  const chair = (await listPositions(database.db, election.id)).find((p) => p.title === "Chair")!;
  for (const i of [0, 1])
    expect(
      (
        await stand(database.db, { id: ids[i]!, email: `founder${i + 1}@example.org` }, chair.id, {
          statement: "I will serve.",
          consent: true,
          registeredOfficer: false,
          treasurerEligible: false,
        })
      ).ok,
    ).toBe(true);
}, 120_000);
afterAll(() => database.drop());

const post = (path: string, cookie: string, form: Record<string, string>) => app.request(path, { form, cookie });
const setPath = async () => {
  const page = await html(await app.request("/elections", { cookie: cookies[4]! }));
  return /href="(\/trustees\/[0-9a-f-]{36})"/.exec(page)?.[1] ?? "";
};

describe("an election's trustees, without JavaScript", () => {
  it("are named by the returning officer on the Elections page, which explains what it cannot take", async () => {
    expect(await html(await app.request("/elections", { cookie: cookies[0]! }))).toContain("No trustees are named: the server holds the key of the ballots");
    const unknown = await post("/elections", ro, { intent: "trustees", trustees: "founder5@example.org\nnobody@example.org", trusteeThreshold: "" });
    expect(unknown.status).toBe(400);
    expect(await html(unknown)).toContain("Nobody with the email address nobody@example.org has an account here");
    const threshold = await post("/elections", ro, { intent: "trustees", trustees: "founder5@example.org\nfounder6@example.org", trusteeThreshold: "2" });
    expect(await html(threshold)).toContain("A number who must decrypt can only be set with 3 or more trustees.");
    // A member cannot name them.
    expect((await post("/elections", cookies[0]!, { intent: "trustees", trustees: "founder5@example.org", trusteeThreshold: "" })).status).toBe(403);
    const named = await post("/elections", ro, { intent: "trustees", trustees: "founder5@example.org\nfounder6@example.org", trusteeThreshold: "" });
    expect(named.status).toBe(200);
    expect(await html(named)).toContain("2 trustees are named.");
    const page = await html(await app.request("/elections", { cookie: cookies[0]! }));
    expect(page).toContain("held by 2 trustees");
    expect(page).toContain("0 of 2 trustees have made their key.");
  });

  it("each finds their part on the Polls page and gives their key on the trustee set's page; nobody else sees it", async () => {
    const path = await setPath();
    expect(path).not.toBe("");
    expect(await html(await app.request("/polls", { cookie: cookies[4]! }))).toContain("make your key before the election&#x27;s ballots can open");
    expect((await app.request(path, { cookie: cookies[0]! })).status).toBe(404);
    const first = await html(await app.request(path, { cookie: cookies[4]! }));
    expect(first).toContain("You are trustee 1 of 2 for every ballot of this election.");
    expect(first).toContain("belenios-tool setup generate-trustee-key --group RFC-3526-2048");
    const refused = await post(path, cookies[4]!, { intent: "key", share: "hello" });
    expect(refused.status).toBe(400);
    expect(await html(refused)).toContain("This is not a Belenios public key.");
    expect(await html(await post(path, cookies[4]!, { intent: "key", share: serializeTrusteePublicKey(keys[0]!.publicKey) }))).toContain(
      "Your public key is in.",
    );
    expect(await html(await app.request("/polls", { cookie: cookies[4]! }))).not.toContain("election&#x27;s ballots can open");
    const early = await post("/elections", ro, {
      intent: "open-ballots",
      ballotClosesAt: toLondonLocal(new Date(Date.now() + 2 * 3600_000)),
      reason: "Everyone is nominated.",
    });
    expect(early.status).toBe(400);
    expect(await html(early)).toContain("The ballots cannot open until every trustee of the election has made their key.");
    expect((await post(path, cookies[5]!, { intent: "key", share: serializeTrusteePublicKey(keys[1]!.publicKey) })).status).toBe(200);
    expect(await html(await app.request("/elections", { cookie: cookies[0]! }))).toContain("Their key is made: the ballots can open.");
  });

  it("opens the ballots held by their keys, each with a trustee page for them", async () => {
    const opened = await post("/elections", ro, {
      intent: "open-ballots",
      ballotClosesAt: toLondonLocal(new Date(Date.now() + 2 * 3600_000)),
      reason: "Everyone is nominated.",
    });
    expect(opened.status).toBe(200);
    const election = (await currentElection(database.db))!;
    const chair = (await listPositions(database.db, election.id)).find((p) => p.title === "Chair")!;
    const poll = await html(await app.request(`/polls/${chair.pollId}`, { cookie: cookies[2]! }));
    expect(poll).toContain("held by 2 trustees named by the returning officer");
    expect(await html(await app.request(`/polls/${chair.pollId}/trustee`, { cookie: cookies[5]! }))).toContain("You are trustee 2 of 2.");
    // The trustee set's page lists the election's ballots, and what each asks of this trustee.
    const path = await setPath();
    const setPage = await html(await app.request(path, { cookie: cookies[4]! }));
    expect(setPage).toContain(`href="/polls/${chair.pollId}/trustee"`);
    expect(setPage).toContain("Chair</a>: nothing for you to do now");
    // The key is in the ballots' records now: it cannot change, nor can the trustees.
    expect(await html(await post(path, cookies[4]!, { intent: "key", share: serializeTrusteePublicKey(keys[1]!.publicKey) }))).toContain(
      "The poll has opened, so its keys can no longer change.",
    );

    // The closing time passes: voting stops, and every page says the ballot waits for its trustees.
    await database.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(polls.id, chair.pollId!));
    await closeDuePolls(database.db, dueOwners);
    const waiting = await html(await app.request("/elections", { cookie: ro }));
    expect(waiting).toContain("Voting has closed. 1 ballot is waiting for the trustees to decrypt it");
    expect(waiting).not.toContain("Reason, if closing before the closing time");
    expect(await html(await app.request("/elections", { cookie: cookies[2]! }))).toContain("1 ballot is waiting for the trustees");
    expect(await html(await app.request(`/polls/${chair.pollId}`, { cookie: cookies[2]! }))).toContain(
      "The trustees are decrypting the result: 0 of 2 have sent their share.",
    );
    expect((await app.request(`/elections/positions/${chair.id}`, { cookie: cookies[2]! })).status).toBe(200);
    expect(await html(await app.request(path, { cookie: cookies[4]! }))).toContain("Chair</a>: waiting for your part");
  });
});

describe("three trustees of an election, any two decrypting, without JavaScript", () => {
  // A fresh election world of its own: the first one's ballots are open.
  let db2: TestDatabase;
  let app2: Awaited<ReturnType<typeof createTestApp>>;
  const c2: string[] = [];
  let ro2 = "";
  const seeds = [0, 1, 2].map(() => thresholdStep1(RFC_3526_2048));

  beforeAll(async () => {
    db2 = await createTestDatabase();
    app2 = await createTestApp(db2.db);
    const { ids: ids2 } = await foundingMembersReady(db2.db, 4, { adoptStandingOrders: false });
    for (let i = 0; i < ids2.length; i += 1) c2.push(await cookieFor(db2.db, `founder${i + 1}@example.org`));
    expect((await grantRole(db2.db, { email: "ro@example.org", role: "returning_officer", actor: systemActor() })).ok).toBe(true);
    ro2 = await cookieFor(db2.db, "ro@example.org");
    await electionOpenForNominations(db2.db);
  }, 120_000);
  afterAll(() => db2.drop());

  it("take the three steps on the set's page, from the files it relays, and the Elections page follows them", async () => {
    const named = await app2.request("/elections", {
      form: { intent: "trustees", trustees: "founder1@example.org\nfounder2@example.org\nfounder3@example.org", trusteeThreshold: "" },
      cookie: ro2,
    });
    expect(await html(named)).toContain("3 trustees are named.");
    const path = /href="(\/trustees\/[0-9a-f-]{36})"/.exec(await html(await app2.request("/elections", { cookie: c2[0]! })))![1]!;
    const send = (i: number, share: string) => app2.request(path, { form: { intent: "key", share }, cookie: c2[i]! });
    const file = (i: number, name: string) => app2.request(`${path}/${name}`, { cookie: c2[i]! });
    expect(await html(await app2.request(path, { cookie: c2[0]! }))).toContain("Make your key: step 1 of 3");
    for (const i of [0, 1, 2]) expect(await html(await send(i, serializeSignedMsg(seeds[i]!.cert)))).toContain("Done: this step of making the key is in.");
    expect(await html(await app2.request("/elections", { cookie: c2[3]! }))).toContain("They are making their shared key: 0 of 3 have done step 2 of 3.");
    // The relayed files are the set's members' alone.
    expect((await file(3, "certificates.jsons")).status).toBe(404);
    const certs = await (await file(0, "certificates.jsons")).text();
    const certList = certs
      .trim()
      .split("\n")
      .map((l) => signedMsgOf(JSON.parse(l), "cert"));
    for (const i of [0, 1, 2]) expect((await send(i, serializePolynomial(thresholdStep3(RFC_3526_2048, certList, seeds[i]!.seed, 2)))).status).toBe(200);
    for (const i of [0, 1, 2]) {
      const vinput = await (await file(i, "vinput.json")).text();
      expect((await send(i, serializeVOutput(thresholdStep5(RFC_3526_2048, certList, seeds[i]!.seed, parseVInput(vinput.trim()))))).status).toBe(200);
    }
    expect(await html(await app2.request(path, { cookie: c2[1]! }))).toMatch(/Your share of the key \([0-9A-F]{8}\) is in\./);
    expect(await html(await app2.request("/elections", { cookie: c2[3]! }))).toContain("Their key is made: the ballots can open.");
  }, 120_000);
});
