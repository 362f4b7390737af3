import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordUpToTally } from "../../../../tests/support/belenios-record";
import { beleniosToolTrusteeKey, beleniosVerify, hasBeleniosTool, runBeleniosTool } from "../../../../tests/support/belenios-tool";
import { encryptBallot, plaintextFor } from "../ballot";
import { generateCredentials, sortPublicCredentials } from "../credentials";
import { makeElection } from "../election";
import { BELENIOS_2048, powMod, RFC_3526_2048, sha256Hex } from "../group";
import { tallyBallots, verifyElectionArchive, writeElectionArchive } from "../record";
import {
  BeleniosFormatError,
  parsePartialDecryption,
  parsePublicCredentials,
  parseTrusteePublicKey,
  serializePartialDecryption,
  serializePublicCredentials,
  serializeTrusteePublicKey,
  serializeTrustees,
} from "../serialize";
import { computeResult } from "../tally";
import { generateTrusteeKey, verifyPartialDecryption, verifyTrusteePublicKey } from "../trustee";
import { synthesizeFactors } from "../trustees";
import type { Question, TrusteeKind, TrusteePublicKey } from "../types";
import { partialDecryptionInBrowser } from "./partial-decryption";
import { generateTrusteeKeyInBrowser, privateKeyFileMatches, readPrivateKeyFile } from "./trustee-key";
import { decryptionExponentiations, estimateTrusteeWork } from "./trustee-work";

/**
 * A trustee's key and partial decryption made in the browser (run here on Node's WebCrypto,
 * globalThis.crypto, the same API): the files are belenios-tool's, either side can use the other's
 * private key file, and a record decrypted by the browser passes `belenios-tool election verify`.
 */

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "belenios-trustee-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("a trustee key made in the browser", () => {
  it.each([BELENIOS_2048, RFC_3526_2048])("has belenios-tool's files, its id, and a proof our core accepts ($name)", async (group) => {
    const key = await generateTrusteeKeyInBrowser(group.name);
    expect(key.privateKeyFile).toMatch(/^"[1-9]\d*"\n$/);
    const publicKey = parseTrusteePublicKey(key.publicKeyJson);
    expect(serializeTrusteePublicKey(publicKey)).toBe(key.publicKeyJson);
    expect(verifyTrusteePublicKey(group, publicKey)).toBe(true);
    expect(powMod(group, group.g, readPrivateKeyFile(group, key.privateKeyFile))).toBe(publicKey.publicKey);
    expect(key.id).toBe(sha256Hex(publicKey.publicKey.toString()).slice(0, 8).toUpperCase());
    const tampered: TrusteePublicKey = { ...publicKey, pok: { ...publicKey.pok, response: (publicKey.pok.response + 1n) % group.q } };
    expect(verifyTrusteePublicKey(group, tampered)).toBe(false);
  });

  it("is a fresh draw each time, and matches its own public key only", async () => {
    const one = await generateTrusteeKeyInBrowser(BELENIOS_2048.name);
    const two = await generateTrusteeKeyInBrowser(BELENIOS_2048.name);
    expect(one.privateKeyFile).not.toBe(two.privateKeyFile);
    const publicOf = (k: { publicKeyJson: string }) => parseTrusteePublicKey(k.publicKeyJson).publicKey.toString();
    expect(await privateKeyFileMatches("BELENIOS-2048", one.privateKeyFile, publicOf(one))).toBe(true);
    expect(await privateKeyFileMatches("BELENIOS-2048", one.privateKeyFile, publicOf(two))).toBe(false);
  });

  it("refuses a private key file that belenios-tool would not write", () => {
    const q = BELENIOS_2048.q;
    for (const text of ["123\n", '"0"\n', `"${q}"\n`, '"12a"\n', '"123"\n"456"\n', "", '"-5"\n', '"0123"\n'])
      expect(() => readPrivateKeyFile(BELENIOS_2048, text), text).toThrow(BeleniosFormatError);
    expect(readPrivateKeyFile(BELENIOS_2048, '"123"\r\n')).toBe(123n);
    expect(readPrivateKeyFile(BELENIOS_2048, '"123"')).toBe(123n);
  });

  it.skipIf(!hasBeleniosTool).each([BELENIOS_2048, RFC_3526_2048])("reads belenios-tool's own key files, named by the same id ($name)", (group) => {
    const made = beleniosToolTrusteeKey(tempDir(), group.name);
    const publicKey = parseTrusteePublicKey(made.publicKeyFile);
    expect(`${serializeTrusteePublicKey(publicKey)}\n`).toBe(made.publicKeyFile);
    expect(powMod(group, group.g, readPrivateKeyFile(group, made.privateKeyFile))).toBe(publicKey.publicKey);
    expect(made.id).toBe(sha256Hex(publicKey.publicKey.toString()).slice(0, 8).toUpperCase());
  });
});

describe.skipIf(!hasBeleniosTool)("partial decryptions in the browser, with belenios-tool on the other side", () => {
  const G = BELENIOS_2048;
  const question: Question = { question: "Adopt the standing orders?", answers: ["Yes", "No"], min: 0, max: 1, blank: true };
  const votes: (number[] | "blank")[] = [[0], [0], [1], "blank"];
  let dir: string;
  let browserKey: Awaited<ReturnType<typeof generateTrusteeKeyInBrowser>>;
  let toolMade: ReturnType<typeof beleniosToolTrusteeKey>;
  let trustees: TrusteeKind[];
  let election: ReturnType<typeof makeElection>;
  let credentialsRaw: string;
  let ballots: string[];
  let tallied: ReturnType<typeof tallyBallots>;

  beforeAll(async () => {
    dir = tempDir();
    browserKey = await generateTrusteeKeyInBrowser(G.name);
    toolMade = beleniosToolTrusteeKey(dir, G.name);
    // Owner 1: the browser's key; owner 2: belenios-tool's.
    trustees = [browserKey.publicKeyJson, toolMade.publicKeyFile].map((raw) => ({ kind: "Single", key: parseTrusteePublicKey(raw) }));
    election = makeElection({ name: "Trustees", description: "Two trustees", questions: [question] }, trustees);
    const issued = generateCredentials(
      G,
      election.params.uuid,
      votes.map(() => 1n),
    );
    credentialsRaw = serializePublicCredentials(sortPublicCredentials(issued.map((c) => ({ credential: c.publicCredential, weight: 1n }))));
    ballots = votes.map((v, i) => encryptBallot(election, issued[i]!.privateCredential, [plaintextFor(question, v)]).raw);
    tallied = tallyBallots(election, parsePublicCredentials(credentialsRaw), ballots);
    // The record up to the encrypted tally, where belenios-tool decrypts.
    writeFileSync(join(dir, `${election.params.uuid}.bel`), head().toBytes());
  });

  const head = () => recordUpToTally({ election, trusteesRaw: serializeTrustees(trustees), credentialsRaw, ballots, tallied });

  /** The result from partial decryptions of owners 1 and 2, and the whole record with it. */
  function record(pds: [string, string]) {
    const partialDecryptions = pds.map((pd, i) => ({ owner: i + 1, pd: parsePartialDecryption(pd) }));
    const factors = synthesizeFactors(election, trustees, tallied.tally, partialDecryptions);
    const result = computeResult(election, tallied.tally, factors, tallied.sized.totalWeight);
    const bytes = writeElectionArchive({
      timestamp: 1_800_000_000n,
      election,
      trusteesRaw: serializeTrustees(trustees),
      credentialsRaw,
      ballots,
      tally: { partialDecryptions, result },
    });
    return { result, bytes };
  }

  it("decrypts with its own key and with belenios-tool's key file; belenios-tool verifies the record", async () => {
    const fractions: number[] = [];
    const own = await partialDecryptionInBrowser(election.raw, tallied.tallyRaw, browserKey.privateKeyFile, { progress: (f) => fractions.push(f) });
    const theirs = await partialDecryptionInBrowser(election.raw, tallied.tallyRaw, toolMade.privateKeyFile);
    expect(serializePartialDecryption(parsePartialDecryption(own))).toBe(own);
    expect(verifyPartialDecryption(election, tallied.tally, parseTrusteePublicKey(browserKey.publicKeyJson).publicKey, parsePartialDecryption(own))).toBe(true);
    // Progress: one step per exponentiation, as many as the estimate counts, ending at 1.
    expect(fractions).toHaveLength(decryptionExponentiations(tallied.tally.flat().length));
    expect(fractions.every((f, i) => i === 0 || f > fractions[i - 1]!)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
    const { result, bytes } = record([own, theirs]);
    expect(result).toEqual([[1n, 2n, 1n]]); // blank, Yes, No
    const verified = beleniosVerify(`${election.params.uuid}.bel`, bytes);
    expect(verified.output).toContain("all checks passed");
    expect(verified.status).toBe(0);
    const ours = verifyElectionArchive(bytes);
    expect(ours.ok ? ours.result : ours.problem).toEqual(result);
  });

  it("gives belenios-tool a private key file it decrypts with, and the record verifies", async () => {
    writeFileSync(join(dir, "browser.privkey"), browserKey.privateKeyFile);
    const decrypted = runBeleniosTool(["election", "decrypt", "--privkey", "browser.privkey", "--trustee-id", "1"], dir);
    expect(decrypted.stderr).not.toMatch(/not present|error/i);
    expect(decrypted.status).toBe(0);
    const toolPd = decrypted.stdout.split("\n")[0]!;
    const key = parseTrusteePublicKey(browserKey.publicKeyJson);
    expect(verifyPartialDecryption(election, tallied.tally, key.publicKey, parsePartialDecryption(toolPd))).toBe(true);
    // A mixed record: belenios-tool with the browser's key, the browser with belenios-tool's.
    const theirs = await partialDecryptionInBrowser(election.raw, tallied.tallyRaw, toolMade.privateKeyFile);
    const verified = beleniosVerify(`${election.params.uuid}.bel`, record([toolPd, theirs]).bytes);
    expect(verified.output).toContain("all checks passed");
    expect(verified.status).toBe(0);
  });

  it("fails once a factor or a proof is changed", async () => {
    const own = await partialDecryptionInBrowser(election.raw, tallied.tallyRaw, browserKey.privateKeyFile);
    const theirs = await partialDecryptionInBrowser(election.raw, tallied.tallyRaw, toolMade.privateKeyFile);
    const key = parseTrusteePublicKey(browserKey.publicKeyJson).publicKey;
    const pd = parsePartialDecryption(own);
    const factor = pd.decryptionFactors[0]![1]!;
    const changedFactor = { ...pd, decryptionFactors: [[pd.decryptionFactors[0]![0]!, (factor * G.g) % G.p, pd.decryptionFactors[0]![2]!]] };
    expect(verifyPartialDecryption(election, tallied.tally, key, changedFactor)).toBe(false);
    const proof = pd.decryptionProofs[0]![0]!;
    const changedProof = { ...pd, decryptionProofs: [[{ ...proof, response: (proof.response + 1n) % G.q }, ...pd.decryptionProofs[0]!.slice(1)]] };
    expect(verifyPartialDecryption(election, tallied.tally, key, changedProof)).toBe(false);
    // Swapped owners: each factor is checked against its owner's key.
    expect(() => record([theirs, own])).toThrow(/invalid proof/);
    // belenios-tool refuses the record with the changed factor, the result recomputed around it.
    const w = head();
    w.partialDecryption(1, serializePartialDecryption(changedFactor));
    w.partialDecryption(2, theirs);
    w.result(JSON.stringify({ result: [[1, 2, 1]] }));
    expect(beleniosVerify(`${election.params.uuid}.bel`, w.toBytes()).status).not.toBe(0);
  });

  it("refuses a tally of the wrong shape and a ciphertext outside the group", async () => {
    const decrypt = (tally: unknown) => partialDecryptionInBrowser(election.raw, JSON.stringify(tally), browserKey.privateKeyFile);
    const tally = JSON.parse(tallied.tallyRaw) as { alpha: string; beta: string }[][];
    await expect(decrypt([...tally, tally[0]])).rejects.toThrow(BeleniosFormatError);
    await expect(decrypt([tally[0]!.slice(1)])).rejects.toThrow(BeleniosFormatError);
    // p - 1 has order 2: raising it to x would tell whether x is even.
    await expect(decrypt([[{ ...tally[0]![0]!, alpha: (G.p - 1n).toString() }, ...tally[0]!.slice(1)]])).rejects.toThrow(/not in the group/);
    const otherGroup = generateTrusteeKey(RFC_3526_2048);
    await expect(partialDecryptionInBrowser(election.raw, tallied.tallyRaw, `"${otherGroup.privateKey}"\n`)).rejects.toThrow(BeleniosFormatError);
  });
});

describe("the estimate of a trustee's work", () => {
  it("counts the exponentiations of the job and times them in this browser", async () => {
    const small = await estimateTrusteeWork("BELENIOS-2048", { decrypt: 3 });
    expect(small.exponentiations).toBe(decryptionExponentiations(3));
    expect(small.millisecondsEach).toBeGreaterThan(0);
    expect(small.seconds).toBeCloseTo((small.exponentiations * small.millisecondsEach) / 1000, 9);
    expect(small.seconds).toBeGreaterThan(0);
    expect(small.suggestBeleniosTool).toBe(false);
    const large = await estimateTrusteeWork("BELENIOS-2048", { shuffle: [1_000_000], decrypt: 1_000_000 });
    expect(large.exponentiations).toBe(11 * 1_000_000 + 6 + 4 * 1_000_000 + 1);
    expect(large.suggestBeleniosTool).toBe(true);
  });
});
