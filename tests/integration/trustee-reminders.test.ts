import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor, type Actor } from "../../app/modules/audit/audit.server";
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
import { decryptableTally, giveTrusteeKey, trusteeProgressOf, trusteesOf } from "../../app/modules/polls/encrypted/poll-trustees.server";
import { certificatesFile, vinputFile } from "../../app/modules/polls/encrypted/threshold-ceremony.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closeDuePolls } from "../../app/modules/polls/closer.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { submitTrusteeShare } from "../../app/modules/polls/trustee-count.server";
import { remindTrustees } from "../../app/modules/polls/trustee-reminders.server";
import { grantRole } from "../../app/modules/users/users.server";
import { outbox, polls } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Trustees are told by e-mail when it is their turn (decisions 045-047): once each turn, by the
 * background sweep, whatever brought the turn about (another trustee's step, the closing time
 * passing). Nobody else is written to, and nothing about any ballot is in the mail.
 */
let database: TestDatabase;
const officer = systemActor("returning officer");
const members: (Actor & { id: string; email: string })[] = [];
const APP = "https://breakaway.example";

beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 1; i <= 4; i++) {
    const email = `reminder-${i}@example.org`;
    const granted = await grantRole(database.db, { email, displayName: `Member ${i}`, role: "member", actor: officer });
    if (!granted.ok) throw new Error("member not made");
    members.push({ id: granted.userId, label: email, email });
  }
}, 60_000);
afterAll(() => database.drop());

const mails = async () => database.db.select().from(outbox).where(eq(outbox.kind, "trustee-turn"));
const certsOf = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((l) => signedMsgOf(JSON.parse(l), "cert"));

describe("telling trustees it is their turn", () => {
  it("tells each trustee once per turn, through the ceremony and at the close, and nobody else", async () => {
    const created = await createPoll(database.db, officer, {
      title: "Join the federation",
      method: "yes-no",
      options: [],
      closesAt: new Date(Date.now() + 3_600_000),
      trustees: members.slice(0, 3).map((m) => m.id),
    });
    if (!created.ok) throw new Error(created.code);
    const pollId = created.pollId;
    const link = `${APP}/polls/${pollId}/trustee`;

    // Two servers' sweeps at the same moment: each trustee is told once between them.
    const [first, second] = await Promise.all([remindTrustees(database.db, APP), remindTrustees(database.db, APP)]);
    expect(first + second).toBe(3);
    expect(await remindTrustees(database.db, APP)).toBe(0);
    let sent = await mails();
    expect(sent.map((m) => m.toAddress).sort()).toEqual(
      members
        .slice(0, 3)
        .map((m) => m.email)
        .sort(),
    );
    expect(sent[0]!.subject).toBe("Your part as a trustee: Join the federation");
    expect(sent[0]!.bodyText).toContain("make your key file");
    expect(sent[0]!.bodyText).toContain(link);

    const seeds = [0, 1, 2].map(() => thresholdStep1(BELENIOS_2048));
    for (const i of [0, 1]) expect((await giveTrusteeKey(database.db, members[i]!, pollId, serializeSignedMsg(seeds[i]!.cert))).ok).toBe(true);
    // Step 2 waits for the third certificate: nobody is told yet.
    expect(await remindTrustees(database.db, APP)).toBe(0);
    expect((await giveTrusteeKey(database.db, members[2]!, pollId, serializeSignedMsg(seeds[2]!.cert))).ok).toBe(true);
    expect(await remindTrustees(database.db, APP)).toBe(3);
    sent = await mails();
    expect(sent.at(-1)!.bodyText).toContain("Please take step 2 of 3");

    const certs = certificatesFile(await trusteesOf(database.db, pollId))!;
    for (const i of [0, 1, 2])
      expect(
        (await giveTrusteeKey(database.db, members[i]!, pollId, serializePolynomial(thresholdStep3(BELENIOS_2048, certsOf(certs), seeds[i]!.seed, 2)))).ok,
      ).toBe(true);
    expect(await remindTrustees(database.db, APP)).toBe(3);
    const dkeys: string[] = [];
    for (const i of [0, 1, 2]) {
      const voutput = thresholdStep5(
        BELENIOS_2048,
        certsOf(certs),
        seeds[i]!.seed,
        parseVInput(vinputFile(BELENIOS_2048, await trusteesOf(database.db, pollId), i + 1)!.trim()),
      );
      dkeys.push(voutput.privateKey);
      expect((await giveTrusteeKey(database.db, members[i]!, pollId, serializeVOutput(voutput))).ok).toBe(true);
    }
    // The key is made: nothing to tell until the close.
    expect(await remindTrustees(database.db, APP)).toBe(0);
    expect(
      (
        await openPoll(
          database.db,
          officer,
          pollId,
          members.map((m) => m.id),
        )
      ).ok,
    ).toBe(true);
    expect((await castBallot(database.db, { pollId, userId: members[3]!.id, choice: "yes" })).ok).toBe(true);
    expect(await remindTrustees(database.db, APP)).toBe(0);

    // The closing time passes: every trustee is told their part is due.
    await database.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(polls.id, pollId));
    await closeDuePolls(database.db);
    expect(await remindTrustees(database.db, APP)).toBe(3);
    sent = await mails();
    expect(sent.at(-1)!.bodyText).toContain("Voting has closed.");
    // Two decrypt: the third is not told again, and the poll is counted.
    const progress = await trusteeProgressOf(database.db, pollId, (await electionOf(database.db, pollId))!.election);
    for (const i of [2, 0]) {
      const x = openDecryptionKey(BELENIOS_2048, seeds[i]!.seed, dkeys[i]!);
      expect(
        (
          await submitTrusteeShare(
            database.db,
            members[i]!,
            pollId,
            "decryption",
            serializePartialDecryption(computePartialDecryption(progress!.election, decryptableTally(progress!), x)),
          )
        ).ok,
      ).toBe(true);
    }
    expect(await remindTrustees(database.db, APP)).toBe(0);
    // Twelve in all, only to the three trustees, none with a choice in it.
    sent = await mails();
    expect(sent).toHaveLength(12);
    expect(sent.every((m) => members.slice(0, 3).some((t) => t.email === m.toAddress))).toBe(true);
    expect(sent.every((m) => !/\b(yes|no|abstain)\b/i.test(m.bodyText.replace("Join the federation", "")))).toBe(true);
  }, 120_000);
});
