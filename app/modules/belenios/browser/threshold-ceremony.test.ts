import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { recordUpToTally } from "../../../../tests/support/belenios-record";
import { beleniosVerify, hasBeleniosTool } from "../../../../tests/support/belenios-tool";
import { encryptBallot, plaintextFor } from "../ballot";
import { BASE58_DIGITS } from "../base58";
import { BeleniosFormatError } from "../canonical";
import { generateCredentials, sortPublicCredentials } from "../credentials";
import { makeElection } from "../election";
import { BELENIOS_2048, type Group, powMod, RFC_3526_2048, sha256Hex } from "../group";
import { tallyBallots, verifyElectionArchive, writeElectionArchive } from "../record";
import {
  parsePartialDecryption,
  parsePublicCredentials,
  serializePublicCredentials,
  serializeShuffle,
  serializeTrustees,
  thresholdParametersJson,
} from "../serialize";
import { computeResult, mergeNhCiphertexts, nhCiphertexts, shuffleTally } from "../tally";
import {
  deriveDecryptionKey,
  deriveSigningKey,
  openDecryptionKey,
  parseCertKeys,
  parsePolynomial,
  parseVInput,
  parseVOutput,
  sendMsg,
  serializePolynomial,
  serializeSignedMsg,
  serializeVInput,
  serializeVOutput,
  ThresholdError as NodeThresholdError,
  thresholdStep1,
  thresholdStep3,
  thresholdStep4,
  thresholdStep5,
  thresholdStep6,
  verifyCert,
  verifyThresholdParameters,
  type Polynomial,
  type VInput,
} from "../threshold";
import { parseSignedMsg, readKeyFile, ThresholdError } from "../threshold-formats";
import { computePartialDecryption, generateTrusteeKey, verifyPartialDecryption } from "../trustee";
import { synthesizeFactors } from "../trustees";
import type { AnyQuestion, NonHomomorphicQuestion, Question, TrusteeKind } from "../types";
import { partialDecryptionWithKey } from "./partial-decryption";
import {
  CERTIFICATE_EXPONENTIATIONS,
  keyShareExponentiations,
  keyFileIsTrustees,
  keyShareMatches,
  makeCertificateInBrowser,
  makeKeyShareInBrowser,
  makePolynomialInBrowser,
  OPEN_KEY_SHARE_EXPONENTIATIONS,
  openKeyShareInBrowser,
  polynomialExponentiations,
  thresholdPartialDecryptionInBrowser,
} from "./threshold-ceremony";
import { decryptionExponentiations } from "./trustee-work";

/**
 * The threshold ceremony and decryption of a trustee in the browser (run here on Node's
 * WebCrypto, globalThis.crypto, the same API), in one ceremony with trustees on the server's code
 * (threshold.ts) and with belenios-tool: each accepts the others' messages, and the key share
 * decrypts a tally that combines with theirs.
 */

const lines = (texts: readonly string[]) => `${texts.join("\n")}\n`;
const SEED_FILE = new RegExp(`^[${BASE58_DIGITS}]{22}\\n$`);

/** Records each fraction of progress, to compare with the job's count of exponentiations. */
function progressLog() {
  const fractions: number[] = [];
  return { fractions, progress: (f: number) => fractions.push(f) };
}

function expectCounted(fractions: readonly number[], exponentiations: number) {
  expect(fractions).toHaveLength(exponentiations);
  expect(fractions.every((f, i) => i === 0 || f > fractions[i - 1]!)).toBe(true);
  expect(fractions.at(-1)).toBe(1);
}

/** Trustee 1 in the browser, trustees 2 and 3 with threshold.ts, the server's steps 4 and 6 with threshold.ts: 2 of 3. */
async function mixedCeremony(group: Group) {
  const logs = { cert: progressLog(), polynomial: progressLog(), keyShare: progressLog() };
  const browser = await makeCertificateInBrowser(group.name, { progress: logs.cert.progress });
  const nodes = [thresholdStep1(group), thresholdStep1(group)];
  const certs = [parseSignedMsg(browser.certJson), ...nodes.map((n) => n.cert)];
  const certsJsons = lines(certs.map(serializeSignedMsg));
  const polynomialText = await makePolynomialInBrowser(group.name, certsJsons, browser.keyFile, 2, { progress: logs.polynomial.progress });
  const polynomials = [parsePolynomial(polynomialText), ...nodes.map((n) => thresholdStep3(group, certs, n.seed, 2))];
  const vinputs = thresholdStep4(group, certs, polynomials);
  const voutputText = await makeKeyShareInBrowser(group.name, certsJsons, browser.keyFile, serializeVInput(vinputs[0]!), { progress: logs.keyShare.progress });
  const voutputs = [parseVOutput(voutputText), ...nodes.map((n, i) => thresholdStep5(group, certs, n.seed, vinputs[i + 1]!))];
  const params = thresholdStep6(group, certs, polynomials, voutputs);
  return { browser, nodes, certs, certsJsons, polynomialText, polynomials, vinputs, voutputText, voutputs, params, logs };
}

type Ceremony = Awaited<ReturnType<typeof mixedCeremony>>;

/** An election with the server's own key beside the 2-of-3 set (demo-threshold.sh), its ballots and tally. */
function electionFor(group: Group, params: Ceremony["params"]) {
  const server = generateTrusteeKey(group);
  const trustees: TrusteeKind[] = [
    { kind: "Single", key: server.publicKey },
    { kind: "Pedersen", params },
  ];
  // Belenios 2.0 takes RFC-3526-2048 for ranked questions only.
  const question: AnyQuestion =
    group === RFC_3526_2048
      ? ({ type: "NonHomomorphic", question: "Order", answers: ["A", "B", "C"] } satisfies NonHomomorphicQuestion)
      : ({ question: "Adopt?", answers: ["Yes", "No"], min: 0, max: 1, blank: true } satisfies Question);
  const votes: (number[] | "blank")[] =
    group === RFC_3526_2048
      ? [
          [1, 2, 3],
          [3, 1, 2],
          [2, 3, 1],
        ]
      : [[0], [0], [1], "blank"];
  const election = makeElection({ name: "Threshold", description: "2 of 3", questions: [question] }, trustees);
  const issued = generateCredentials(
    group,
    election.params.uuid,
    votes.map(() => 1n),
  );
  const credentialsRaw = serializePublicCredentials(sortPublicCredentials(issued.map((c) => ({ credential: c.publicCredential, weight: 1n }))));
  const ballots = votes.map((v, i) => encryptBallot(election, issued[i]!.privateCredential, [plaintextFor(question, v)]).raw);
  const tallied = tallyBallots(election, parsePublicCredentials(credentialsRaw), ballots);
  return { server, trustees, election, credentialsRaw, ballots, tallied, votes };
}

describe.each([BELENIOS_2048, RFC_3526_2048])("a 2-of-3 ceremony with trustee 1 in the browser ($name)", (group) => {
  let c: Ceremony;
  beforeAll(async () => {
    c = await mixedCeremony(group);
  }, 120_000);

  it("gives belenios-tool's step 1 files: the seed file, the signed certificate and its id", () => {
    const { browser } = c;
    expect(browser.keyFile).toMatch(SEED_FILE);
    const seed = browser.keyFile.trim();
    const cert = parseSignedMsg(browser.certJson);
    expect(serializeSignedMsg(cert)).toBe(browser.certJson);
    expect(browser.id).toBe(sha256Hex(cert.message));
    expect(verifyCert(group, cert)).toBe(true);
    // The keys are threshold.ts's derivation of the same seed, in belenios-tool's field order.
    expect(parseCertKeys(cert)).toEqual({
      verification: powMod(group, group.g, deriveSigningKey(seed)),
      encryption: powMod(group, group.g, deriveDecryptionKey(seed)),
    });
    expect(cert.message).toBe(JSON.stringify({ verification: `${parseCertKeys(cert).verification}`, encryption: `${parseCertKeys(cert).encryption}` }));
  });

  it("makes a polynomial and a voutput in canonical form, which the other trustees and the server accept", () => {
    expect(serializePolynomial(parsePolynomial(c.polynomialText))).toBe(c.polynomialText);
    expect(serializeVOutput(parseVOutput(c.voutputText))).toBe(c.voutputText);
    // Trustees 2 and 3 decrypted and checked the browser's shares of their keys (thresholdStep5),
    // the server checked its voutput (thresholdStep6): the published parameters verify.
    expect(c.params.threshold).toBe(2);
    expect(verifyThresholdParameters(group, c.params)).toBe(true);
  });

  it("opens its key share as threshold.ts does, and g^x is its published verification key", async () => {
    const dkey = `${c.voutputs[0]!.privateKey}\n`;
    const x = await openKeyShareInBrowser(group.name, c.browser.keyFile, dkey);
    expect(x).toBe(openDecryptionKey(group, c.browser.keyFile, dkey));
    expect(powMod(group, group.g, x)).toBe(c.params.verificationKeys[0]!.publicKey);
    expect(await keyShareMatches(group.name, c.browser.keyFile, dkey, c.params.verificationKeys[0]!.publicKey.toString())).toBe(true);
    expect(await keyShareMatches(group.name, c.browser.keyFile, dkey, c.params.verificationKeys[1]!.publicKey.toString())).toBe(false);
    // A share made by threshold.ts opens in the browser with that trustee's seed.
    const nodeDkey = c.voutputs[1]!.privateKey;
    expect(await openKeyShareInBrowser(group.name, `${c.nodes[0]!.seed}\n`, nodeDkey)).toBe(openDecryptionKey(group, c.nodes[0]!.seed, nodeDkey));
  });

  it("counts every job's progress up to 1, one step per exponentiation", () => {
    expectCounted(c.logs.cert.fractions, CERTIFICATE_EXPONENTIATIONS);
    expectCounted(c.logs.polynomial.fractions, polynomialExponentiations(3, 2));
    expectCounted(c.logs.keyShare.fractions, keyShareExponentiations(3, 2));
  });

  it("decrypts with the key share: with a node trustee's and the server's partial decryptions, the result is right", async () => {
    const { election, trustees, tallied, server, votes } = electionFor(group, c.params);
    // Ranked questions are decrypted after a shuffle (here the server's), as belenios-tool insists.
    const shuffle = group === RFC_3526_2048 ? shuffleTally(election, nhCiphertexts(election, tallied.tally)) : undefined;
    const decrypted = shuffle ? mergeNhCiphertexts(election, tallied.tally, shuffle.ciphertexts) : tallied.tally;
    const lastShuffle = shuffle ? { lastShuffle: serializeShuffle(shuffle) } : {};
    const log = progressLog();
    const dkey = c.voutputs[0]!.privateKey;
    const browserPd = await thresholdPartialDecryptionInBrowser(election.raw, tallied.tallyRaw, c.browser.keyFile, dkey, {
      ...lastShuffle,
      progress: log.progress,
    });
    expectCounted(log.fractions, OPEN_KEY_SHARE_EXPONENTIATIONS + decryptionExponentiations(decrypted.flat().length));
    const vk = c.params.verificationKeys[0]!.publicKey;
    expect(verifyPartialDecryption(election, decrypted, vk, parsePartialDecryption(browserPd))).toBe(true);
    // The key itself, as partialDecryptionWithKey takes it, gives a partial decryption as valid.
    const x = await openKeyShareInBrowser(group.name, c.browser.keyFile, dkey);
    expect(
      verifyPartialDecryption(election, decrypted, vk, parsePartialDecryption(await partialDecryptionWithKey(election.raw, tallied.tallyRaw, x, lastShuffle))),
    ).toBe(true);
    // Owners: 1 the server, 2..4 the threshold trustees; trustee 3 (owner 4) decrypts with threshold.ts.
    const nodePd = computePartialDecryption(election, decrypted, openDecryptionKey(group, c.nodes[1]!.seed, c.voutputs[2]!.privateKey));
    const factors = synthesizeFactors(election, trustees, decrypted, [
      { owner: 1, pd: computePartialDecryption(election, decrypted, server.privateKey) },
      { owner: 2, pd: parsePartialDecryption(browserPd) },
      { owner: 4, pd: nodePd },
    ]);
    const result = computeResult(election, decrypted, factors, tallied.sized.totalWeight);
    if (shuffle) {
      const asText = (vectors: readonly number[][]) => vectors.map((v) => v.join(",")).sort();
      expect(asText(result[0] as number[][])).toEqual(asText(votes as number[][]));
    } else {
      expect(result).toEqual([[1n, 2n, 1n]]); // blank, Yes, No
    }
  }, 60_000);
});

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** `belenios-tool setup generate-trustee-key-threshold` in dir; throws with its message when it fails. */
function ttkeygen(dir: string, group: Group, args: string[], input?: string): string {
  const run = spawnSync("belenios-tool", ["setup", "generate-trustee-key-threshold", "--group", group.name, ...args], { cwd: dir, encoding: "utf8", input });
  if (run.status !== 0) throw new Error(`belenios-tool ${args.join(" ")}: ${run.stderr}`);
  return run.stdout;
}

describe.skipIf(!hasBeleniosTool)("a 2-of-3 ceremony with belenios-tool as trustee 2, the browser as trustee 1", () => {
  const G = BELENIOS_2048;
  let dir: string;
  let browser: Awaited<ReturnType<typeof makeCertificateInBrowser>>;
  let toolId: string;
  let toolKeyFile: string;
  let node: ReturnType<typeof thresholdStep1>;
  let certLines: string[];
  let certsJsons: string;
  let polynomials: Polynomial[];
  let vinputs: string[];
  let voutputLines: string[];
  let params: ReturnType<typeof thresholdStep6>;
  let toolParams: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "belenios-threshold-"));
    dirs.push(dir);
    // Step 1: the browser, belenios-tool, threshold.ts.
    browser = await makeCertificateInBrowser(G.name);
    writeFileSync(join(dir, "browser.key"), browser.keyFile);
    ttkeygen(dir, G, ["--step", "1"]);
    toolId = readdirSync(dir)
      .find((f) => f.endsWith(".cert"))!
      .replace(/\.cert$/, "");
    toolKeyFile = readFileSync(join(dir, `${toolId}.key`), "utf8");
    node = thresholdStep1(G);
    certLines = [browser.certJson, readFileSync(join(dir, `${toolId}.cert`), "utf8").trim(), serializeSignedMsg(node.cert)];
    certsJsons = lines(certLines);
    writeFileSync(join(dir, "certs.jsons"), certsJsons);
    const certs = certLines.map(parseSignedMsg);
    // Step 2: belenios-tool checks every certificate, the browser's included.
    ttkeygen(dir, G, ["--certs", "certs.jsons", "--step", "2"]);
    // Step 3.
    const polynomialLines = [
      await makePolynomialInBrowser(G.name, certsJsons, browser.keyFile, 2),
      ttkeygen(dir, G, ["--certs", "certs.jsons", "--key", `${toolId}.key`, "--step", "3", "--threshold", "2"]).trim(),
      serializePolynomial(thresholdStep3(G, certs, node.seed, 2)),
    ];
    writeFileSync(join(dir, "polynomials.jsons"), lines(polynomialLines));
    polynomials = polynomialLines.map(parsePolynomial);
    // Step 4, by the server.
    vinputs = thresholdStep4(G, certs, polynomials).map(serializeVInput);
    // Step 5: each trustee receives the others' shares, made by the two other codes.
    voutputLines = [
      await makeKeyShareInBrowser(G.name, certsJsons, browser.keyFile, vinputs[0]!),
      ttkeygen(dir, G, ["--certs", "certs.jsons", "--key", `${toolId}.key`, "--step", "5"], `${vinputs[1]}\n`).trim(),
      serializeVOutput(thresholdStep5(G, certs, node.seed, parseVInput(vinputs[2]!))),
    ];
    // Step 6, by the server, and by belenios-tool (which writes each trustee's ID.dkey).
    params = thresholdStep6(G, certs, polynomials, voutputLines.map(parseVOutput));
    toolParams = ttkeygen(dir, G, ["--certs", "certs.jsons", "--step", "6", "--polynomials", "polynomials.jsons"], lines(voutputLines)).trim();
  }, 120_000);

  it("is accepted by belenios-tool at every step, which publishes the parameters the server computes", () => {
    expect(JSON.stringify(thresholdParametersJson(params))).toBe(toolParams);
    expect(verifyThresholdParameters(G, params)).toBe(true);
    // The dkey belenios-tool writes for the browser's trustee is its voutput's private_key.
    expect(readFileSync(join(dir, `${browser.id}.dkey`), "utf8")).toBe(`${parseVOutput(voutputLines[0]!).privateKey}\n`);
  });

  it("lets a trustee switch: step 5 of the tool's trustee in the browser, of the browser's in the tool, with the same key share", async () => {
    const toolInBrowser = parseVOutput(await makeKeyShareInBrowser(G.name, certsJsons, toolKeyFile, vinputs[1]!));
    expect(toolInBrowser.publicKey.publicKey).toBe(parseVOutput(voutputLines[1]!).publicKey.publicKey);
    const browserInTool = parseVOutput(ttkeygen(dir, G, ["--certs", "certs.jsons", "--key", "browser.key", "--step", "5"], `${vinputs[0]}\n`).trim());
    expect(browserInTool.publicKey.publicKey).toBe(parseVOutput(voutputLines[0]!).publicKey.publicKey);
  });

  it("decrypts: the tool with the browser's key file and .dkey, the browser with the tool's; belenios-tool verifies the record", async () => {
    const { election, trustees, credentialsRaw, ballots, tallied, server } = electionFor(G, params);
    writeFileSync(
      join(dir, `${election.params.uuid}.bel`),
      recordUpToTally({ election, trusteesRaw: serializeTrustees(trustees), credentialsRaw, ballots, tallied }).toBytes(),
    );
    const toolRun = spawnSync(
      "belenios-tool",
      ["election", "decrypt-threshold", "--dir", dir, "--key", "browser.key", "--decryption-key", `${browser.id}.dkey`, "--trustee-id", "2"],
      { cwd: dir, encoding: "utf8" },
    );
    expect(toolRun.stderr).not.toMatch(/not present|error/i);
    expect(toolRun.status).toBe(0);
    const toolPd = parsePartialDecryption(toolRun.stdout.split("\n")[0]!);
    const browserPd = parsePartialDecryption(
      await thresholdPartialDecryptionInBrowser(election.raw, tallied.tallyRaw, toolKeyFile, readFileSync(join(dir, `${toolId}.dkey`), "utf8")),
    );
    const partialDecryptions = [
      { owner: 1, pd: computePartialDecryption(election, tallied.tally, server.privateKey) },
      { owner: 2, pd: toolPd },
      { owner: 3, pd: browserPd },
    ];
    const factors = synthesizeFactors(election, trustees, tallied.tally, partialDecryptions);
    const result = computeResult(election, tallied.tally, factors, tallied.sized.totalWeight);
    expect(result).toEqual([[1n, 2n, 1n]]); // blank, Yes, No
    const bytes = writeElectionArchive({
      timestamp: 1_800_000_000n,
      election,
      trusteesRaw: serializeTrustees(trustees),
      credentialsRaw,
      ballots,
      tally: { partialDecryptions, result },
    });
    const verified = beleniosVerify(`${election.params.uuid}.bel`, bytes);
    expect(verified.output).toContain("all checks passed");
    expect(verified.status).toBe(0);
    const ours = verifyElectionArchive(bytes);
    expect(ours.ok ? ours.result : ours.problem).toEqual(result);
  }, 60_000);

  it("reads a key file saved with a Windows line end, which belenios-tool 2.0 takes into the seed and refuses", async () => {
    const crlf = browser.keyFile.replace(/\n$/, "\r\n");
    writeFileSync(join(dir, "crlf.key"), crlf);
    expect(() => ttkeygen(dir, G, ["--certs", "certs.jsons", "--key", "crlf.key", "--step", "3", "--threshold", "2"])).toThrow(/could not find my certificate/);
    const polynomial = parsePolynomial(await makePolynomialInBrowser(G.name, certsJsons, crlf, 2));
    // The polynomial is the browser trustee's: signed with the key of the seed without its \r.
    const certs = certLines.map(parseSignedMsg);
    expect(thresholdStep4(G, certs, [polynomial, ...polynomials.slice(1)])).toHaveLength(3);
  });
});

describe("what the browser's ceremony refuses", () => {
  const G = BELENIOS_2048;
  let c: Ceremony;
  let stranger: Awaited<ReturnType<typeof makeCertificateInBrowser>>;
  beforeAll(async () => {
    c = await mixedCeremony(G);
    stranger = await makeCertificateInBrowser(G.name);
  }, 120_000);
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const vinput = () => structuredClone(c.vinputs[0]!);
  const keyShare = (v: VInput, keyFile = c.browser.keyFile, certsJsons = c.certsJsons) =>
    makeKeyShareInBrowser(G.name, certsJsons, keyFile, serializeVInput(v));

  it("a key file that belongs to none of the certificates", async () => {
    await expect(makePolynomialInBrowser(G.name, c.certsJsons, stranger.keyFile, 2)).rejects.toThrow(/could not find my certificate/);
    await expect(keyShare(vinput(), stranger.keyFile)).rejects.toThrow(ThresholdError);
    // Nor does it open another trustee's .dkey.
    await expect(openKeyShareInBrowser(G.name, stranger.keyFile, c.voutputs[0]!.privateKey)).rejects.toThrow(/does not decrypt/);
    await expect(keyShareMatches(G.name, stranger.keyFile, c.voutputs[0]!.privateKey, "1")).rejects.toThrow(ThresholdError);
    const { election, tallied } = electionFor(G, c.params);
    await expect(thresholdPartialDecryptionInBrowser(election.raw, tallied.tallyRaw, stranger.keyFile, c.voutputs[0]!.privateKey)).rejects.toThrow(
      ThresholdError,
    );
  });

  it("tells, before any work, whether a key file is this trustee's: not a stranger's, nor another trustee's", async () => {
    expect(await keyFileIsTrustees(G.name, c.certsJsons, c.browser.keyFile, 1)).toBe(true);
    expect(await keyFileIsTrustees(G.name, c.certsJsons, c.browser.keyFile, 2)).toBe(false);
    expect(await keyFileIsTrustees(G.name, c.certsJsons, stranger.keyFile, 1)).toBe(false);
    expect(await keyFileIsTrustees(G.name, c.certsJsons, c.browser.keyFile, 4)).toBe(false);
  });

  it("a certificate with a bad signature, or changed keys", async () => {
    const signed = c.certs.map((cert) => structuredClone(cert));
    signed[1]!.signature.response = (signed[1]!.signature.response + 1n) % G.q;
    const badSignature = lines(signed.map(serializeSignedMsg));
    await expect(makePolynomialInBrowser(G.name, badSignature, c.browser.keyFile, 2)).rejects.toThrow(/certificate 2 does not validate/);
    await expect(keyShare(vinput(), c.browser.keyFile, badSignature)).rejects.toThrow(/certificate 2 does not validate/);
    // Trustee 3's verification key with the stranger's encryption key, under trustee 3's signature.
    const verification = parseCertKeys(c.certs[2]!).verification;
    const encryption = parseCertKeys(parseSignedMsg(stranger.certJson)).encryption;
    const swapped = { ...c.certs[2]!, message: JSON.stringify({ verification: `${verification}`, encryption: `${encryption}` }) };
    const changedKeys = lines([...c.certs.slice(0, 2), swapped].map(serializeSignedMsg));
    await expect(makePolynomialInBrowser(G.name, changedKeys, c.browser.keyFile, 2)).rejects.toThrow(/certificate 3 does not validate/);
  });

  it("a tampered secret in the vinput, as threshold.ts refuses it", async () => {
    const [second, third] = c.nodes;
    // Changed bytes of the ciphertext: the tag no longer matches.
    const changedBytes = vinput();
    const encrypted = JSON.parse(changedBytes.secrets[1]!) as { data: string };
    encrypted.data = `${encrypted.data[0] === "0" ? "1" : "0"}${encrypted.data.slice(1)}`;
    changedBytes.secrets[1] = JSON.stringify({ ...JSON.parse(changedBytes.secrets[1]!), data: encrypted.data });
    await expect(keyShare(changedBytes)).rejects.toThrow(/secret 2: a message does not decrypt/);
    // A well-formed share, duly signed by trustee 2, of a value that is not f_2(1).
    const wrongValue = vinput();
    const ek = parseCertKeys(c.certs[0]!).encryption;
    wrongValue.secrets[1] = sendMsg(G, deriveSigningKey(second!.seed), ek, JSON.stringify({ secret: "12345" }));
    await expect(keyShare(wrongValue)).rejects.toThrow(/secret 2 does not validate/);
    expect(() => thresholdStep5(G, c.certs, c.browser.keyFile.trim(), wrongValue)).toThrow(/secret 2 does not validate/);
    // Trustee 3's share in trustee 2's place: not signed by trustee 2.
    const swapped = vinput();
    swapped.secrets[1] = sendMsg(G, deriveSigningKey(third!.seed), ek, JSON.stringify({ secret: "12345" }));
    await expect(keyShare(swapped)).rejects.toThrow(/secret 2: invalid signature/);
    // Commitments whose signature was broken, or of the wrong degree.
    const badCoefexps = vinput();
    badCoefexps.coefexps[1]!.signature.challenge = (badCoefexps.coefexps[1]!.signature.challenge + 1n) % G.q;
    await expect(keyShare(badCoefexps)).rejects.toThrow(/coefexps 2 does not validate/);
    const missing = vinput();
    missing.secrets.pop();
    await expect(keyShare(missing)).rejects.toThrow(/does not match the certificates/);
    // Every one is the same class as the server's ThresholdError.
    await expect(keyShare(wrongValue)).rejects.toBeInstanceOf(NodeThresholdError);
  });

  it("reads a key file with spaces or a Windows line end as the same seed, and refuses anything else", async () => {
    const seed = c.browser.keyFile.trim();
    for (const text of [seed, `${seed}\n`, `${seed}\r\n`, `  ${seed}  \n`, `\n${seed}\n\n`]) expect(readKeyFile(text), JSON.stringify(text)).toBe(seed);
    const x = await openKeyShareInBrowser(G.name, c.browser.keyFile, c.voutputs[0]!.privateKey);
    expect(await openKeyShareInBrowser(G.name, `  ${seed}\r\n`, `${c.voutputs[0]!.privateKey}\r\n`)).toBe(x);
    for (const text of ["", "\n", `${seed}\n${seed}\n`, seed.slice(1), `${seed.slice(1)}0`, `${seed} x`, c.browser.certJson, `"${seed}"\n`])
      expect(() => readKeyFile(text), JSON.stringify(text)).toThrow(BeleniosFormatError);
    await expect(makePolynomialInBrowser(G.name, c.certsJsons, `${seed}\n${seed}\n`, 2)).rejects.toThrow(BeleniosFormatError);
  });

  it("a threshold out of range, and inputs that are not what they should be", async () => {
    for (const threshold of [0, 4, 1.5])
      await expect(makePolynomialInBrowser(G.name, c.certsJsons, c.browser.keyFile, threshold)).rejects.toThrow(ThresholdError);
    await expect(makePolynomialInBrowser(G.name, "not json\n", c.browser.keyFile, 2)).rejects.toThrow(BeleniosFormatError);
    await expect(makePolynomialInBrowser(G.name, "\n", c.browser.keyFile, 1)).rejects.toThrow(BeleniosFormatError);
    await expect(makeKeyShareInBrowser(G.name, c.certsJsons, c.browser.keyFile, "{")).rejects.toThrow(BeleniosFormatError);
    await expect(makeKeyShareInBrowser(G.name, c.certsJsons, c.browser.keyFile, c.polynomialText)).rejects.toThrow(BeleniosFormatError);
    await expect(openKeyShareInBrowser(G.name, c.browser.keyFile, "{}")).rejects.toThrow(BeleniosFormatError);
    await expect(openKeyShareInBrowser(G.name, c.browser.keyFile, JSON.stringify({ alpha: "2", beta: "3", data: "zz" }))).rejects.toThrow(BeleniosFormatError);
    await expect(partialDecryptionWithKey("{}", "[]", 1n)).rejects.toThrow(BeleniosFormatError);
  });

  it("draws the seed from crypto.getRandomValues, never Math.random", async () => {
    const random = vi.spyOn(Math, "random");
    let draws = 0;
    const crypto = {
      subtle: globalThis.crypto.subtle,
      getRandomValues: <T extends ArrayBufferView>(array: T): T => {
        draws += 1;
        return globalThis.crypto.getRandomValues(array);
      },
    };
    const one = await makeCertificateInBrowser(G.name, { crypto });
    expect(random).not.toHaveBeenCalled();
    // At least one draw per digit of the seed and one for the signature's commitment.
    expect(draws).toBeGreaterThanOrEqual(23);
    expect(one.keyFile).toMatch(SEED_FILE);
    expect(one.keyFile).not.toBe(stranger.keyFile);
  });
});
