import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor, type Actor } from "../../app/modules/audit/audit.server";
import { verifyElectionArchive } from "../../app/modules/belenios/record";
import { serializePartialDecryption, serializeShuffle, signedMsgOf } from "../../app/modules/belenios/serialize";
import { shuffleTally } from "../../app/modules/belenios/tally";
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
import { countPoll } from "../../app/modules/polls/ballot-rules";
import { closedPollRecord, electionOf } from "../../app/modules/polls/encrypted/poll-elections.server";
import {
  ciphertextsToShuffle,
  decryptableTally,
  giveTrusteeKey,
  groupForMethod,
  trusteeProgressOf,
  trusteesOf,
  type TrusteeProgress,
} from "../../app/modules/polls/encrypted/poll-trustees.server";
import { certificatesFile, vinputFile } from "../../app/modules/polls/encrypted/threshold-ceremony.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { loadRules } from "../../app/modules/polls/poll-rules.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { submitTrusteeShare } from "../../app/modules/polls/trustee-count.server";
import { trusteeFile } from "../../app/modules/polls/trustee-page.server";
import { grantRole } from "../../app/modules/users/users.server";
import { polls } from "../../db/schema";
import { beleniosVerify, hasBeleniosTool, runBeleniosTool } from "../support/belenios-tool";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Issue 17, item 1 (decision 046): with three or more trustees, k of them decrypt. The trustees
 * make one key together in Belenios' threshold ceremony, relayed and checked by the server; one
 * trustee here is belenios-tool itself. At the close, any k shuffle (a ranking) and any k
 * decrypt; the result is counted with the k-th share, and the record is accepted by belenios-tool.
 */
let database: TestDatabase;
const officer = systemActor("returning officer");
const members: (Actor & { id: string })[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 1; i <= 6; i++) {
    const granted = await grantRole(database.db, { email: `threshold-test-${i}@example.org`, displayName: `Member ${i}`, role: "member", actor: officer });
    if (!granted.ok) throw new Error("member not made");
    members.push({ id: granted.userId, label: `threshold-test-${i}@example.org` });
  }
}, 60_000);
afterAll(() => database.drop());

const roll = () => members.map((m) => m.id);

async function pollWithTrustees(method: "yes-no" | "irv", trustees: number, trusteeThreshold?: number) {
  const created = await createPoll(database.db, officer, {
    title: method === "yes-no" ? "Adopt the statement" : "Convener",
    method,
    options: method === "irv" ? [{ label: "Ada" }, { label: "Ben" }, { label: "Cy" }] : [],
    closesAt: new Date(Date.now() + 3_600_000),
    trustees: members.slice(0, trustees).map((m) => m.id),
    ...(trusteeThreshold !== undefined ? { trusteeThreshold } : {}),
  });
  if (!created.ok) throw new Error(created.code);
  return created.pollId;
}

async function statusOf(pollId: string) {
  const [poll] = await database.db.select().from(polls).where(eq(polls.id, pollId));
  return poll!;
}

async function progressOf(pollId: string): Promise<TrusteeProgress> {
  const pollElection = await electionOf(database.db, pollId);
  const progress = await trusteeProgressOf(database.db, pollId, pollElection!.election);
  if (!progress) throw new Error("no progress");
  return progress;
}

/** One trustee of the ceremony: our own code (a seed) or belenios-tool in its own folder. */
interface CeremonyTrustee {
  certificate(): string;
  polynomial(certs: string, threshold: number): string;
  keyShare(certs: string, vinput: string): string;
  decryption(pollId: string, position?: number): Promise<string>;
}

function codeTrustee(method: "yes-no" | "irv"): CeremonyTrustee & { seed: string; dkey: string } {
  const group = groupForMethod(method);
  const made = thresholdStep1(group);
  const certsOf = (text: string) =>
    text
      .trim()
      .split("\n")
      .map((l) => signedMsgOf(JSON.parse(l), "cert"));
  const trustee = {
    seed: made.seed,
    dkey: "",
    certificate: () => serializeSignedMsg(made.cert),
    polynomial: (certs: string, threshold: number) => serializePolynomial(thresholdStep3(group, certsOf(certs), made.seed, threshold)),
    keyShare: (certs: string, vinput: string) => {
      const voutput = thresholdStep5(group, certsOf(certs), made.seed, parseVInput(vinput.trim()));
      trustee.dkey = voutput.privateKey;
      return serializeVOutput(voutput);
    },
    decryption: async (pollId: string) => {
      const progress = await progressOf(pollId);
      const x = openDecryptionKey(group, made.seed, trustee.dkey);
      return serializePartialDecryption(computePartialDecryption(progress.election, decryptableTally(progress), x));
    },
  };
  return trustee;
}

function toolTrustee(method: "yes-no" | "irv", userId: string): CeremonyTrustee & { cleanUp(): void } {
  const group = groupForMethod(method).name;
  const dir = mkdtempSync(join(tmpdir(), "threshold-trustee-"));
  const tool = (args: string[], stdin?: string) => {
    const run = runBeleniosTool(["setup", "generate-trustee-key-threshold", "--group", group, ...args], dir, stdin);
    if (run.status !== 0) throw new Error(`belenios-tool ${args.join(" ")}: ${run.stderr}`);
    return run.stdout;
  };
  const keyFile = () => readdirSync(dir).find((f) => f.endsWith(".key"))!;
  return {
    certificate: () => {
      tool(["--step", "1"]);
      return readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith(".cert"))!), "utf8");
    },
    polynomial: (certs, threshold) => {
      writeFileSync(join(dir, "certs.jsons"), certs);
      return tool(["--certs", "certs.jsons", "--key", keyFile(), "--step", "3", "--threshold", String(threshold)]).split("\n")[0]!;
    },
    keyShare: (certs, vinput) => tool(["--certs", "certs.jsons", "--key", keyFile(), "--step", "5"], vinput).split("\n")[0]!,
    // As the page tells a trustee: the record so far and their .dkey, then decrypt-threshold.
    decryption: async (pollId, position = 0) => {
      const record = await trusteeFile(database.db, pollId, userId, "record.bel");
      const dkey = await trusteeFile(database.db, pollId, userId, "decryption-key.dkey");
      const work = mkdtempSync(join(dir, "decrypt-"));
      writeFileSync(join(work, record!.fileName), record!.body);
      writeFileSync(join(work, "mine.dkey"), dkey!.body);
      const run = runBeleniosTool(
        ["election", "decrypt-threshold", "--key", join(dir, keyFile()), "--decryption-key", "mine.dkey", "--trustee-id", String(position)],
        work,
      );
      if (run.status !== 0) throw new Error(`belenios-tool election decrypt-threshold: ${run.stderr}`);
      return run.stdout.split("\n")[0]!;
    },
    cleanUp: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Every trustee takes each step in turn, as they would on their pages; the server relays. */
async function ceremony(pollId: string, method: "yes-no" | "irv", trustees: CeremonyTrustee[], threshold: number) {
  for (const [i, t] of trustees.entries())
    expect(await giveTrusteeKey(database.db, members[i]!, pollId, t.certificate())).toMatchObject({ ok: true, step: "certificate" });
  const certs = certificatesFile(await trusteesOf(database.db, pollId))!;
  for (const [i, t] of trustees.entries())
    expect(await giveTrusteeKey(database.db, members[i]!, pollId, t.polynomial(certs, threshold))).toMatchObject({ ok: true, step: "polynomial" });
  for (const [i, t] of trustees.entries()) {
    const vinput = vinputFile(groupForMethod(method), await trusteesOf(database.db, pollId), i + 1)!;
    expect(await giveTrusteeKey(database.db, members[i]!, pollId, t.keyShare(certs, vinput))).toMatchObject({ ok: true, step: "key_share" });
  }
}

async function checkRecord(pollId: string, tallied: number) {
  expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: tallied });
  const record = await closedPollRecord(database.db, pollId);
  expect(verifyElectionArchive(record!.bytes)).toMatchObject({ ok: true, numTallied: tallied });
  if (hasBeleniosTool) {
    const tool = beleniosVerify(record!.fileName, record!.bytes);
    expect(tool.status, tool.output).toBe(0);
  }
}

describe("choosing how many trustees must decrypt", () => {
  const base = { title: "T", method: "yes-no" as const, options: [], closesAt: new Date(Date.now() + 3_600_000) };
  it("is a majority of three or more trustees unless chosen, and nothing with fewer", async () => {
    const three = await pollWithTrustees("yes-no", 3);
    const five = await pollWithTrustees("yes-no", 5, 5);
    const two = await pollWithTrustees("yes-no", 2);
    expect((await statusOf(three)).trusteeThreshold).toBe(2);
    expect((await statusOf(five)).trusteeThreshold).toBe(5);
    expect((await statusOf(two)).trusteeThreshold).toBeNull();
  });

  it("is refused below 2, above the number of trustees, and with fewer than 3 trustees", async () => {
    const ids = (n: number) => members.slice(0, n).map((m) => m.id);
    expect(await createPoll(database.db, officer, { ...base, trustees: ids(3), trusteeThreshold: 1 })).toEqual({ ok: false, code: "trustees_invalid" });
    expect(await createPoll(database.db, officer, { ...base, trustees: ids(3), trusteeThreshold: 4 })).toEqual({ ok: false, code: "trustees_invalid" });
    expect(await createPoll(database.db, officer, { ...base, trustees: ids(2), trusteeThreshold: 2 })).toEqual({ ok: false, code: "trustees_invalid" });
    expect(await createPoll(database.db, officer, { ...base, trustees: ids(3), trusteeThreshold: 2.5 })).toEqual({ ok: false, code: "trustees_invalid" });
  });
});

describe("the key ceremony of three trustees, two needed", () => {
  let pollId = "";
  const a = codeTrustee("yes-no");
  const b = codeTrustee("yes-no");
  const c = codeTrustee("yes-no");

  beforeAll(async () => {
    pollId = await pollWithTrustees("yes-no", 3);
  });

  it("takes each step only when the one before is complete, checks what it can, and opens only at the end", async () => {
    const certs = [a, b, c].map((t) => t.certificate());
    // A certificate is signed by its own key: a changed one is refused, and so is another's.
    // Its last digit, so that the number stays well formed (a 9 turned into a leading 0 is unreadable, not a forgery).
    const changed = certs[0]!.replace(/"challenge":"(\d*)(\d)"/, (_m, rest: string, d: string) => `"challenge":"${rest}${(Number(d) + 1) % 10}"`);
    expect(await giveTrusteeKey(database.db, members[0]!, pollId, changed)).toEqual({ ok: false, code: "key_invalid" });
    expect(await giveTrusteeKey(database.db, members[0]!, pollId, "{}")).toEqual({ ok: false, code: "certificate_unreadable" });
    expect(await giveTrusteeKey(database.db, members[3]!, pollId, certs[0]!)).toEqual({ ok: false, code: "not_trustee" });
    expect(await giveTrusteeKey(database.db, members[0]!, pollId, certs[0]!)).toMatchObject({ ok: true, step: "certificate" });
    expect(await giveTrusteeKey(database.db, members[1]!, pollId, certs[0]!)).toEqual({ ok: false, code: "key_reused" });
    expect(await giveTrusteeKey(database.db, members[1]!, pollId, certs[1]!)).toMatchObject({ ok: true });
    // Nothing to relay before every certificate is in.
    expect(certificatesFile(await trusteesOf(database.db, pollId))).toBeNull();
    expect(await openPoll(database.db, officer, pollId, roll())).toEqual({ ok: false, code: "trustee_keys_missing" });
    expect(await giveTrusteeKey(database.db, members[2]!, pollId, certs[2]!)).toMatchObject({ ok: true });

    const certsFile = certificatesFile(await trusteesOf(database.db, pollId))!;
    expect(certsFile.trim().split("\n")).toHaveLength(3);
    // Certificates are locked once all are in: a new one would not match the others' work.
    expect(await giveTrusteeKey(database.db, members[0]!, pollId, codeTrustee("yes-no").certificate())).toEqual({ ok: false, code: "not_your_step" });
    // A polynomial of the wrong degree would change how many must decrypt: refused.
    expect(await giveTrusteeKey(database.db, members[0]!, pollId, a.polynomial(certsFile, 3))).toEqual({ ok: false, code: "step_invalid" });
    // Signed by someone else's key: refused.
    expect(await giveTrusteeKey(database.db, members[0]!, pollId, b.polynomial(certsFile, 2))).toEqual({ ok: false, code: "step_invalid" });
    expect(await giveTrusteeKey(database.db, members[0]!, pollId, a.polynomial(certsFile, 2))).toMatchObject({ ok: true, step: "polynomial" });
    expect(await giveTrusteeKey(database.db, members[0]!, pollId, a.polynomial(certsFile, 2))).toEqual({ ok: false, code: "already_given" });
    expect(vinputFile(groupForMethod("yes-no"), await trusteesOf(database.db, pollId), 1)).toBeNull();
    expect(await giveTrusteeKey(database.db, members[1]!, pollId, b.polynomial(certsFile, 2))).toMatchObject({ ok: true });
    expect(await giveTrusteeKey(database.db, members[2]!, pollId, c.polynomial(certsFile, 2))).toMatchObject({ ok: true });

    const rows = await trusteesOf(database.db, pollId);
    const vinputs = [1, 2, 3].map((p) => vinputFile(groupForMethod("yes-no"), rows, p)!);
    // Each trustee's key share is checked against everyone's commitments: b's share given as a's is refused.
    const bShare = b.keyShare(certsFile, vinputs[1]!);
    expect(await giveTrusteeKey(database.db, members[0]!, pollId, bShare)).toEqual({ ok: false, code: "step_invalid" });
    expect(await giveTrusteeKey(database.db, members[0]!, pollId, a.keyShare(certsFile, vinputs[0]!))).toMatchObject({
      ok: true,
      step: "key_share",
      fingerprint: expect.stringMatching(/^[0-9A-F]{8}$/),
    });
    expect(await giveTrusteeKey(database.db, members[1]!, pollId, bShare)).toMatchObject({ ok: true });
    expect(await openPoll(database.db, officer, pollId, roll())).toEqual({ ok: false, code: "trustee_keys_missing" });
    expect(await giveTrusteeKey(database.db, members[2]!, pollId, c.keyShare(certsFile, vinputs[2]!))).toMatchObject({ ok: true });
    expect(await giveTrusteeKey(database.db, members[2]!, pollId, c.certificate())).toEqual({ ok: false, code: "not_your_step" });

    expect(await openPoll(database.db, officer, pollId, roll())).toMatchObject({ ok: true });
    const trustees = JSON.parse((await electionOf(database.db, pollId))!.trusteesRaw) as [string, { threshold: number }][];
    expect(trustees).toHaveLength(1);
    expect(trustees[0]![0]).toBe("Pedersen");
    expect(trustees[0]![1].threshold).toBe(2);
  }, 120_000);

  it("counts with the second share of three, whichever two send theirs, and the record checks out", async () => {
    for (const [i, choice] of (["yes", "no", "yes", "yes"] as const).entries())
      expect((await castBallot(database.db, { pollId, userId: members[i]!.id, choice })).ok).toBe(true);
    expect(await closePoll(database.db, officer, pollId)).toEqual({ ok: true, result: null });
    // Trustee 2 is away: 3 then 1 decrypt.
    expect(await submitTrusteeShare(database.db, members[2]!, pollId, "decryption", await c.decryption(pollId))).toEqual({ ok: true, counted: false });
    // A share made with another trustee's key share does not prove itself for this one.
    expect(await submitTrusteeShare(database.db, members[0]!, pollId, "decryption", await b.decryption(pollId))).toEqual({ ok: false, code: "share_invalid" });
    expect((await statusOf(pollId)).status).toBe("decrypting");
    expect(await submitTrusteeShare(database.db, members[0]!, pollId, "decryption", await a.decryption(pollId))).toEqual({ ok: true, counted: true });
    expect(await statusOf(pollId)).toMatchObject({ status: "closed", result: { kind: "yes-no", result: { tally: { yes: 3, no: 1 } } } });
    // The poll is counted: the trustee who was away has nothing left to send.
    expect(await submitTrusteeShare(database.db, members[1]!, pollId, "decryption", await b.decryption(pollId))).toEqual({ ok: false, code: "not_decrypting" });
    await checkRecord(pollId, 4);
  }, 120_000);
});

describe.skipIf(!hasBeleniosTool)("a ranked poll of three trustees, one of them belenios-tool", () => {
  let pollId = "";
  const rankings = [[0, 1], [2], [1, 0, 2], [1]];
  const a = codeTrustee("irv");
  const c = codeTrustee("irv");
  let tool: ReturnType<typeof toolTrustee>;

  beforeAll(async () => {
    pollId = await pollWithTrustees("irv", 3);
    tool = toolTrustee("irv", members[1]!.id);
    await ceremony(pollId, "irv", [a, tool, c], 2);
    expect(await openPoll(database.db, officer, pollId, roll())).toMatchObject({ ok: true });
    for (const [i, ranking] of rankings.entries()) expect((await castBallot(database.db, { pollId, userId: members[i]!.id, ranking })).ok).toBe(true);
    expect(await closePoll(database.db, officer, pollId)).toEqual({ ok: true, result: null });
  }, 240_000);
  afterAll(() => tool?.cleanUp());

  async function nextShuffle() {
    const progress = await progressOf(pollId);
    return serializeShuffle(shuffleTally(progress.election, ciphertextsToShuffle(progress)));
  }

  it("takes any two shuffles in any order, and refuses one overtaken by another's", async () => {
    expect(await submitTrusteeShare(database.db, members[2]!, pollId, "decryption", "{}")).toEqual({ ok: false, code: "not_your_turn" });
    const first = await nextShuffle();
    const alsoFirst = await nextShuffle();
    expect(await submitTrusteeShare(database.db, members[2]!, pollId, "shuffle", first, 0)).toEqual({ ok: true, counted: false });
    // Trustee 1 began from the same lists as trustee 3, who sent theirs first.
    expect(await submitTrusteeShare(database.db, members[0]!, pollId, "shuffle", alsoFirst, 0)).toEqual({ ok: false, code: "overtaken" });
    expect(await submitTrusteeShare(database.db, members[2]!, pollId, "shuffle", await nextShuffle(), 1)).toEqual({ ok: false, code: "not_your_turn" });
    expect(await submitTrusteeShare(database.db, members[0]!, pollId, "shuffle", await nextShuffle(), 1)).toEqual({ ok: true, counted: false });
    // Two of three have shuffled: enough. The third is not asked to.
    expect(await submitTrusteeShare(database.db, members[1]!, pollId, "shuffle", await nextShuffle(), 2)).toEqual({ ok: false, code: "not_your_turn" });
  }, 240_000);

  it("counts with belenios-tool's share and one other, and belenios-tool accepts the record", async () => {
    expect(await submitTrusteeShare(database.db, members[1]!, pollId, "decryption", await tool.decryption(pollId, 2))).toEqual({ ok: true, counted: false });
    expect(await submitTrusteeShare(database.db, members[2]!, pollId, "decryption", await c.decryption(pollId))).toEqual({ ok: true, counted: true });
    const poll = await statusOf(pollId);
    const loaded = await loadRules(database.db, pollId);
    expect(poll.status).toBe("closed");
    expect(poll.result).toEqual(
      countPoll(
        loaded!.rules,
        rankings.map((ranking) => ({ ranking })),
        poll.rollSize,
      ),
    );
    await checkRecord(pollId, rankings.length);
  }, 240_000);
});
