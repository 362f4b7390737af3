import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ArchiveWriter,
  BELENIOS_2048,
  computeEncryptedTally,
  computePartialDecryption,
  computeResult,
  encryptBallot,
  generateCredentials,
  generateTrusteeKey,
  lastBallotPerCredential,
  makeElection,
  parseBallot,
  parseElection,
  parsePublicCredentials,
  plaintextFor,
  publicCredential,
  readElectionEvents,
  serializeEncryptedTally,
  serializePartialDecryption,
  serializePublicCredentials,
  serializeResult,
  serializeTrustees,
  sortPublicCredentials,
  synthesizeFactors,
  tallyBallots,
  verifyBallot,
  verifyElectionArchive,
  verifyTrusteePublicKey,
  parseTrusteePublicKey,
  thresholdStep1,
  thresholdStep3,
  thresholdStep4,
  thresholdStep5,
  thresholdStep6,
  serializeSignedMsg,
  signedMsgOf,
  serializePolynomial,
  parsePolynomial,
  serializeVInput,
  parseVInput,
  serializeVOutput,
  parseVOutput,
  openDecryptionKey,
  parsePartialDecryption,
  RFC_3526_2048,
  nhCiphertexts,
  mergeNhCiphertexts,
  shuffleTally,
  writeElectionArchive,
  type Election,
  type ElectionResult,
  type TrusteeKind,
} from "~/modules/belenios";
import { sha256Hex } from "~/modules/belenios/group";
import { thresholdParametersJson } from "~/modules/belenios/serialize";
import { hasBeleniosTool } from "../support/belenios-tool";

/**
 * The independent check (issue 17): records made by our code are verified by Debian's
 * belenios-tool 2.0, tampered copies are refused by it, and records made by belenios-tool are
 * accepted by our verifier.
 */

// Missing belenios-tool fails in CI and skips elsewhere (tests/support/belenios-tool.ts).
const hasTool = hasBeleniosTool;

function run(args: string[], options: { cwd?: string; input?: string } = {}) {
  const r = spawnSync("belenios-tool", args, { encoding: "utf8", cwd: options.cwd, input: options.input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "belenios-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** belenios-tool election verify on an archive put alone in a fresh directory. */
function toolVerify(election: Election, bytes: Uint8Array) {
  const dir = tempDir();
  writeFileSync(join(dir, `${election.params.uuid}.bel`), bytes);
  return run(["election", "verify", "--dir", dir]);
}

interface Parts {
  election: Election;
  trusteesRaw: string;
  credentialsRaw: string;
  ballots: string[];
  tallyRaw: string;
  sizedRaw: string;
  partialDecryptions: { owner: number; pd: string }[];
  resultRaw: string;
}

/** Writes every part as given, so that a tampered part is hash-chained like a genuine one. */
function assemble(p: Parts): Buffer {
  const w = new ArchiveWriter(1_796_500_000n);
  w.setup(p.election.raw, p.trusteesRaw, p.credentialsRaw);
  for (const b of p.ballots) w.ballot(b);
  w.endBallots();
  w.encryptedTally(p.tallyRaw, p.sizedRaw);
  for (const { owner, pd } of p.partialDecryptions) w.partialDecryption(owner, pd);
  w.result(p.resultRaw);
  return w.toBytes();
}

describe.skipIf(!hasTool)("an election made by our code, checked by belenios-tool", () => {
  let parts: Parts;
  let expected: ElectionResult;

  beforeAll(() => {
    const trustee = generateTrusteeKey(BELENIOS_2048);
    const trustees = [{ kind: "Single" as const, key: trustee.publicKey }];
    const election = makeElection(
      {
        name: "Standing orders and officers",
        description: "Two questions, the second may be left blank",
        questions: [
          { question: "Adopt the standing orders?", answers: ["Yes", "No"], min: 1, max: 1 },
          { question: "Officers (one or two)", answers: ["Ann", "Bo", "Cy"], min: 1, max: 2, blank: true },
        ],
      },
      trustees,
    );
    const issued = generateCredentials(BELENIOS_2048, election.params.uuid, [1n, 1n, 1n, 1n, 1n]);
    const credentialsRaw = serializePublicCredentials(sortPublicCredentials(issued.map((c) => ({ credential: c.publicCredential, weight: c.weight }))));
    const [q1, q2] = election.params.questions as [(typeof election.params.questions)[0], (typeof election.params.questions)[0]];
    const votes: [number, number[] | "blank"][] = [
      [0, [0]],
      [0, [0, 1]],
      [1, "blank"],
      [0, [2]],
      [1, [1, 2]],
    ];
    const ballots = votes.map(
      ([yesNo, officers], i) => encryptBallot(election, issued[i]!.privateCredential, [plaintextFor(q1!, [yesNo]), plaintextFor(q2!, officers)]).raw,
    );
    // Voter 4 changes their mind: only their last ballot counts.
    ballots.push(encryptBallot(election, issued[3]!.privateCredential, [plaintextFor(q1!, [1]), plaintextFor(q2!, [0])]).raw);
    const tallied = tallyBallots(election, parsePublicCredentials(credentialsRaw), ballots);
    const pd = computePartialDecryption(election, tallied.tally, trustee.privateKey);
    const factors = synthesizeFactors(election, trustees, tallied.tally, [{ owner: 1, pd }]);
    const result = computeResult(election, tallied.tally, factors, tallied.sized.totalWeight);
    expected = [
      [2n, 3n], // Yes: voters 1, 2; No: 3, 4 (revote), 5
      [1n, 3n, 2n, 1n], // blank: voter 3; Ann: 1, 2, 4 (revote); Bo: 2, 5; Cy: 5
    ];
    parts = {
      election,
      trusteesRaw: serializeTrustees(trustees),
      credentialsRaw,
      ballots,
      tallyRaw: tallied.tallyRaw,
      sizedRaw: tallied.sizedRaw,
      partialDecryptions: [{ owner: 1, pd: serializePartialDecryption(pd) }],
      resultRaw: serializeResult(result),
    };
  });

  it("is accepted by belenios-tool election verify, and by ours, with the expected counts", () => {
    const bytes = assemble(parts);
    const tool = toolVerify(parts.election, bytes);
    expect(tool.stderr).toContain("all checks passed");
    expect(tool.status).toBe(0);
    const ours = verifyElectionArchive(bytes);
    expect(ours.ok && ours.result).toEqual(expected);
    expect(ours.ok && ours.numTallied).toBe(5);
  });

  it("gives the same counts as belenios-tool's own compute-result", () => {
    const dir = tempDir();
    const withoutResult = new ArchiveWriter(1_796_500_000n);
    withoutResult.setup(parts.election.raw, parts.trusteesRaw, parts.credentialsRaw);
    for (const b of parts.ballots) withoutResult.ballot(b);
    withoutResult.endBallots();
    withoutResult.encryptedTally(parts.tallyRaw, parts.sizedRaw);
    withoutResult.partialDecryption(1, parts.partialDecryptions[0]!.pd);
    writeFileSync(join(dir, `${parts.election.params.uuid}.bel`), withoutResult.toBytes());
    const computed = run(["election", "compute-result", "--dir", dir]);
    expect(computed.status).toBe(0);
    expect(computed.stdout.trim()).toBe(parts.resultRaw);
  });

  it("is refused when a ballot was changed (the archive re-chained around it)", () => {
    const ballot = JSON.parse(parts.ballots[1]!) as { answers: { choices: { beta: string }[] }[] };
    const beta = BigInt(ballot.answers[0]!.choices[0]!.beta);
    ballot.answers[0]!.choices[0]!.beta = ((beta * BELENIOS_2048.g) % BELENIOS_2048.p).toString();
    const ballots = [...parts.ballots];
    ballots[1] = JSON.stringify(ballot);
    const bytes = assemble({ ...parts, ballots });
    expect(toolVerify(parts.election, bytes).status).not.toBe(0);
    const ours = verifyElectionArchive(bytes);
    expect(ours.ok ? "accepted" : ours.problem).toMatch(/^ballot 2: /);
  });

  it("is refused when a count in the result was changed", () => {
    const result = JSON.parse(parts.resultRaw) as { result: number[][] };
    result.result[0]![0]! += 1;
    const bytes = assemble({ ...parts, resultRaw: JSON.stringify(result) });
    expect(toolVerify(parts.election, bytes).status).not.toBe(0);
    const ours = verifyElectionArchive(bytes);
    expect(ours.ok ? "accepted" : ours.problem).toBe("result does not match the decrypted tally");
  });

  it("is refused when a ballot was dropped and the result kept", () => {
    const ballots = parts.ballots.filter((_, i) => i !== 0);
    const bytes = assemble({ ...parts, ballots });
    expect(toolVerify(parts.election, bytes).status).not.toBe(0);
    const ours = verifyElectionArchive(bytes);
    expect(ours.ok).toBe(false);
  });

  it("is refused when one byte of the file changed", () => {
    const bytes = assemble(parts);
    const at = bytes.indexOf(Buffer.from('"election_uuid"')) + 200;
    bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31;
    expect(toolVerify(parts.election, bytes).status).not.toBe(0);
    expect(verifyElectionArchive(bytes).ok).toBe(false);
  });
});

describe.skipIf(!hasTool)("an election made by belenios-tool, checked by our code", () => {
  let dir: string;
  let uuid: string;
  const trackers: string[] = [];
  const rawBallots: string[] = [];

  beforeAll(() => {
    dir = tempDir();
    uuid = run(["setup", "generate-token"]).stdout.trim();
    writeFileSync(join(dir, "voters.txt"), "voter1@example.com,voter1\nvoter2@example.com,voter2\nvoter3@example.com,voter3\n");
    expect(run(["setup", "generate-credentials", "--uuid", uuid, "--group", "BELENIOS-2048", "--file", "voters.txt"], { cwd: dir }).status).toBe(0);
    expect(run(["setup", "generate-trustee-key", "--group", "BELENIOS-2048"], { cwd: dir }).status).toBe(0);
    const files = readdirSync(dir);
    const pubkey = files.find((f) => f.endsWith(".pubkey"))!;
    writeFileSync(join(dir, "public_keys.jsons"), readFileSync(join(dir, pubkey)));
    expect(run(["setup", "make-trustees"], { cwd: dir }).status).toBe(0);
    writeFileSync(
      join(dir, "template.json"),
      JSON.stringify({
        description: "Made by belenios-tool",
        name: "Tool election",
        questions: [
          { answers: ["Yes", "No"], min: 0, max: 1, question: "Q1?" },
          { answers: ["A", "B", "C"], blank: true, min: 1, max: 2, question: "Q2?" },
        ],
      }),
    );
    const mk = run(["setup", "make-election", "--uuid", uuid, "--group", "BELENIOS-2048", "--template", "template.json"], { cwd: dir });
    expect(mk.status).toBe(0);
    const pubcreds = files.find((f) => f.endsWith(".pubcreds"))!;
    writeFileSync(join(dir, "public_creds.json"), readFileSync(join(dir, pubcreds)));
    expect(run(["archive", "init"], { cwd: dir }).status).toBe(0);
    const privcreds = readFileSync(join(dir, files.find((f) => f.endsWith(".privcreds"))!), "utf8")
      .trim()
      .split("\n");
    const votes = ["[[1,0],[0,1,1,0]]", "[[0,0],[1,0,0,0]]", "[[0,1],[0,0,0,1]]"];
    privcreds.forEach((line, i) => {
      const credential = line.split(" ").at(-1)!;
      writeFileSync(join(dir, "cred.txt"), credential);
      writeFileSync(join(dir, "vote.json"), votes[i]!);
      const ballot = run(["election", "generate-ballot", "--privcred", "cred.txt", "--ballot", "vote.json"], { cwd: dir }).stdout.trim();
      rawBallots.push(ballot);
      trackers.push(run(["sha256-b64"], { input: ballot }).stdout.trim());
      expect(run(["archive", "add-event", "--type=Ballot"], { cwd: dir, input: ballot }).status).toBe(0);
    });
    rmSync(join(dir, "cred.txt"));
    run(["archive", "add-event", "--type=EndBallots"], { cwd: dir, input: "" });
    const tally = run(["election", "compute-encrypted-tally"], { cwd: dir });
    run(["archive", "add-event", "--type=EncryptedTally"], { cwd: dir, input: tally.stdout });
    const privkey = readdirSync(dir).find((f) => f.endsWith(".privkey"))!;
    const pd = run(["election", "decrypt", "--privkey", privkey, "--trustee-id", "1"], { cwd: dir });
    run(["archive", "add-event", "--type=PartialDecryption"], { cwd: dir, input: pd.stdout });
    const result = run(["election", "compute-result"], { cwd: dir });
    run(["archive", "add-event", "--type=Result"], { cwd: dir, input: result.stdout });
    expect(run(["election", "verify"], { cwd: dir }).status).toBe(0);
  });

  it("derives each voter's public credential from the private one as belenios-tool does", () => {
    const files = readdirSync(dir);
    // The credential authority's file also carries each voter's weight and login after commas.
    const lines = JSON.parse(readFileSync(join(dir, files.find((f) => f.endsWith(".pubcreds"))!), "utf8")) as string[];
    const published = lines.map((line) => BigInt(line.split(",")[0]!));
    const privcreds = readFileSync(join(dir, files.find((f) => f.endsWith(".privcreds"))!), "utf8")
      .trim()
      .split("\n");
    const derived = privcreds.map((line) => publicCredential(BELENIOS_2048, uuid, line.split(" ").at(-1)!));
    expect(new Set(derived)).toEqual(new Set(published));
  });

  it("accepts the trustee key, each ballot (same tracker), and the whole record with its result", () => {
    const pubkey = readdirSync(dir).find((f) => f.endsWith(".pubkey"))!;
    expect(verifyTrusteePublicKey(BELENIOS_2048, parseTrusteePublicKey(readFileSync(join(dir, pubkey), "utf8")))).toBe(true);
    const bytes = readFileSync(join(dir, `${uuid}.bel`));
    const election = parseElection(readElectionEvents(bytes).setup.election);
    rawBallots.forEach((raw, i) => {
      const check = verifyBallot(election, raw);
      expect(check.ok && check.tracker).toBe(trackers[i]);
    });
    const ours = verifyElectionArchive(bytes);
    expect(ours.ok ? ours.result : ours.problem).toEqual([
      [1n, 1n],
      [1n, 1n, 1n, 1n],
    ]);
    // Our own tally of their ballots is their encrypted tally, ciphertext for ciphertext.
    const weighted = lastBallotPerCredential(rawBallots.map((raw) => ({ ballot: parseBallot(raw), weight: 1n })));
    expect(serializeEncryptedTally(computeEncryptedTally(election, weighted))).toBe(readElectionEvents(bytes).encryptedTally?.tally);
  });

  it("refuses one of their ballots once altered (the signature covers every proof)", () => {
    const bytes = readFileSync(join(dir, `${uuid}.bel`));
    const election = parseElection(readElectionEvents(bytes).setup.election);
    const altered = rawBallots[0]!.replace(/"response":"(\d)/, (_, d: string) => `"response":"${d === "1" ? "2" : "1"}`);
    const check = verifyBallot(election, altered);
    expect(check.ok ? "accepted" : check.reason).toBe("bad_signature");
  });
});

describe.skipIf(!hasTool)("a threshold key made by our code and belenios-tool together (demo-threshold.sh)", () => {
  it("runs the six steps with one trustee on our code and two on belenios-tool, then decrypts 2 of 3", () => {
    const dir = tempDir();
    const ttkeygen = (args: string[], input?: string) => {
      const r = run(["setup", "generate-trustee-key-threshold", "--group", "BELENIOS-2048", ...args], { cwd: dir, input });
      expect(r.stderr).not.toMatch(/error|exception/i);
      expect(r.status).toBe(0);
      return r.stdout;
    };
    // Step 1: our trustee, then two with belenios-tool.
    const ours = thresholdStep1(BELENIOS_2048);
    ttkeygen(["--step", "1"]);
    ttkeygen(["--step", "1"]);
    const toolKeys = readdirSync(dir)
      .filter((f) => f.endsWith(".key"))
      .sort();
    const certLines = [serializeSignedMsg(ours.cert), ...toolKeys.map((k) => readFileSync(join(dir, k.replace(/\.key$/, ".cert")), "utf8").trim())];
    writeFileSync(join(dir, "certs.jsons"), `${certLines.join("\n")}\n`);
    const certs = certLines.map((line) => signedMsgOf(JSON.parse(line)));
    // Step 2: belenios-tool accepts our certificate.
    ttkeygen(["--certs", "certs.jsons", "--step", "2"]);
    // Step 3: polynomials.
    const polynomialLines = [
      serializePolynomial(thresholdStep3(BELENIOS_2048, certs, ours.seed, 2)),
      ...toolKeys.map((k) => ttkeygen(["--certs", "certs.jsons", "--key", k, "--step", "3", "--threshold", "2"]).trim()),
    ];
    writeFileSync(join(dir, "polynomials.jsons"), `${polynomialLines.join("\n")}\n`);
    const polynomials = polynomialLines.map(parsePolynomial);
    // Step 4, by the server: ours and belenios-tool's give the same vinputs, byte for byte.
    const vinputs = thresholdStep4(BELENIOS_2048, certs, polynomials).map(serializeVInput);
    ttkeygen(["--certs", "certs.jsons", "--step", "4", "--polynomials", "polynomials.jsons"]);
    const certId = (line: string) => sha256Hex(JSON.parse(line).message as string);
    certLines.forEach((line, i) => expect(readFileSync(join(dir, `${certId(line)}.vinput`), "utf8").trim()).toBe(vinputs[i]));
    // Step 5: each trustee checks their shares and proves their key share.
    const voutputLines = [
      serializeVOutput(thresholdStep5(BELENIOS_2048, certs, ours.seed, parseVInput(vinputs[0]!))),
      ...toolKeys.map((k, i) => ttkeygen(["--certs", "certs.jsons", "--key", k, "--step", "5"], `${vinputs[i + 1]}\n`).trim()),
    ];
    // Step 6, by the server: the same threshold parameters either way.
    const params = thresholdStep6(BELENIOS_2048, certs, polynomials, voutputLines.map(parseVOutput));
    const toolParams = ttkeygen(["--certs", "certs.jsons", "--step", "6", "--polynomials", "polynomials.jsons"], `${voutputLines.join("\n")}\n`).trim();
    expect(JSON.stringify(thresholdParametersJson(params))).toBe(toolParams);

    // An election with the server's own key and the 2-of-3 set, as demo-threshold.sh sets it up.
    const server = generateTrusteeKey(BELENIOS_2048);
    const trustees: TrusteeKind[] = [
      { kind: "Single", key: server.publicKey },
      { kind: "Pedersen", params },
    ];
    const q = { question: "Adopt?", answers: ["Yes", "No"], min: 0, max: 1, blank: true };
    const election = makeElection({ name: "Threshold", description: "2 of 3", questions: [q] }, trustees);
    const issued = generateCredentials(BELENIOS_2048, election.params.uuid, [1n, 1n, 1n, 1n]);
    const credentialsRaw = serializePublicCredentials(sortPublicCredentials(issued.map((c) => ({ credential: c.publicCredential, weight: 1n }))));
    const choices: (number[] | "blank")[] = [[0], [0], [1], "blank"];
    const ballots = choices.map((c, i) => encryptBallot(election, issued[i]!.privateCredential, [plaintextFor(q, c)]).raw);
    const tallied = tallyBallots(election, parsePublicCredentials(credentialsRaw), ballots);
    const head = new ArchiveWriter(1_796_500_000n);
    head.setup(election.raw, serializeTrustees(trustees), credentialsRaw);
    ballots.forEach((b) => head.ballot(b));
    head.endBallots();
    head.encryptedTally(tallied.tallyRaw, tallied.sizedRaw);
    writeFileSync(join(dir, `${election.params.uuid}.bel`), head.toBytes());
    // Decryption: the server (owner 1), our trustee (owner 2), the second belenios-tool trustee (owner 4).
    const serverPd = computePartialDecryption(election, tallied.tally, server.privateKey);
    const oursPd = computePartialDecryption(election, tallied.tally, openDecryptionKey(BELENIOS_2048, ours.seed, parseVOutput(voutputLines[0]!).privateKey));
    const lastKey = toolKeys[1]!;
    const dkey = `${lastKey.replace(/\.key$/, "")}.dkey`;
    const toolPd = run(["election", "decrypt-threshold", "--dir", dir, "--key", lastKey, "--decryption-key", dkey, "--trustee-id", "4"], { cwd: dir });
    expect(toolPd.status).toBe(0);
    const toolPdRaw = toolPd.stdout.split("\n")[0]!;
    const partials = [
      { owner: 1, pd: serverPd },
      { owner: 2, pd: oursPd },
      { owner: 4, pd: parsePartialDecryption(toolPdRaw) },
    ];
    const factors = synthesizeFactors(election, trustees, tallied.tally, partials);
    const result = computeResult(election, tallied.tally, factors, tallied.sized.totalWeight);
    expect(result).toEqual([[1n, 2n, 1n]]); // blank, Yes, No
    const bytes = assemble({
      election,
      trusteesRaw: serializeTrustees(trustees),
      credentialsRaw,
      ballots,
      tallyRaw: tallied.tallyRaw,
      sizedRaw: tallied.sizedRaw,
      partialDecryptions: partials.map(({ owner, pd }) => ({ owner, pd: owner === 4 ? toolPdRaw : serializePartialDecryption(pd) })),
      resultRaw: serializeResult(result),
    });
    const verified = toolVerify(election, bytes);
    expect(verified.stderr).toContain("all checks passed");
    expect(verified.status).toBe(0);
    const v = verifyElectionArchive(bytes);
    expect(v.ok ? v.result : v.problem).toEqual([[1n, 2n, 1n]]);
  });
});

describe.skipIf(!hasTool)("ranked (non-homomorphic) questions: RFC-3526-2048 and verifiable shuffles (demo-nh.sh)", () => {
  it("our ballots, shuffles by two trustees, decryption and result pass belenios-tool election verify", () => {
    const group = RFC_3526_2048;
    const keys = [generateTrusteeKey(group), generateTrusteeKey(group)];
    const trustees: TrusteeKind[] = keys.map((k) => ({ kind: "Single", key: k.publicKey }));
    const yesNo = { question: "Adopt?", answers: ["Yes", "No"], min: 0, max: 1 };
    const ranked = { type: "NonHomomorphic" as const, question: "Rank the candidates", answers: ["Ann", "Bo", "Cy"] };
    const election = makeElection({ name: "Ranked", description: "IRV", questions: [yesNo, ranked] }, trustees);
    expect(election.params.group).toBe("RFC-3526-2048");
    const issued = generateCredentials(group, election.params.uuid, [1n, 1n, 1n, 1n]);
    const credentialsRaw = serializePublicCredentials(sortPublicCredentials(issued.map((c) => ({ credential: c.publicCredential, weight: 1n }))));
    const rankings = [
      [1, 2, 3],
      [2, 1, 3],
      [3, 1, 2],
      [1, 3, 2],
    ];
    const ballots = rankings.map((r, i) => encryptBallot(election, issued[i]!.privateCredential, [plaintextFor(yesNo, [i % 2]), plaintextFor(ranked, r)]).raw);
    const tallied = tallyBallots(election, parsePublicCredentials(credentialsRaw), ballots);
    const first = shuffleTally(election, nhCiphertexts(election, tallied.tally));
    const second = shuffleTally(election, first.ciphertexts);
    const decrypted = mergeNhCiphertexts(election, tallied.tally, second.ciphertexts);
    const partials = keys.map((k, i) => ({ owner: i + 1, pd: computePartialDecryption(election, decrypted, k.privateKey) }));
    const factors = synthesizeFactors(election, trustees, decrypted, partials);
    const result = computeResult(election, decrypted, factors, tallied.sized.totalWeight);
    expect(result[0]).toEqual([2n, 2n]);
    const sortedRankings = (result[1] as number[][]).map((r) => r.join("")).sort();
    expect(sortedRankings).toEqual(rankings.map((r) => r.join("")).sort());
    const bytes = writeElectionArchive({
      timestamp: 1_796_500_000n,
      election,
      trusteesRaw: serializeTrustees(trustees),
      credentialsRaw,
      ballots,
      tally: {
        shuffles: [
          { owner: 1, shuffle: first },
          { owner: 2, shuffle: second },
        ],
        partialDecryptions: partials,
        result,
      },
    });
    const tool = toolVerify(election, bytes);
    expect(tool.stderr).toContain("all checks passed");
    expect(tool.status).toBe(0);
    expect(verifyElectionArchive(bytes).ok).toBe(true);

    // A shuffle that drops one ranking and duplicates another is refused by both.
    const forged = { ...second, ciphertexts: [[second.ciphertexts[0]![0]!, ...second.ciphertexts[0]!.slice(0, -1)]] };
    const forgedBytes = writeElectionArchive({
      timestamp: 1_796_500_000n,
      election,
      trusteesRaw: serializeTrustees(trustees),
      credentialsRaw,
      ballots,
      tally: {
        shuffles: [
          { owner: 1, shuffle: first },
          { owner: 2, shuffle: forged },
        ],
        partialDecryptions: partials,
        result,
      },
    });
    expect(toolVerify(election, forgedBytes).status).not.toBe(0);
    const ours = verifyElectionArchive(forgedBytes);
    expect(ours.ok ? "accepted" : ours.problem).toBe("shuffle 2: invalid proof");
  });

  it("accepts an election belenios-tool ran, shuffles included, with its decrypted rankings", () => {
    const dir = tempDir();
    const step = (args: string[], input?: string) => {
      const r = run(args, { cwd: dir, input });
      expect(r.status).toBe(0);
      return r.stdout;
    };
    const uuid = step(["setup", "generate-token"]).trim();
    step(["setup", "generate-credentials", "--uuid", uuid, "--group", "RFC-3526-2048", "--count", "3"]);
    step(["setup", "generate-trustee-key", "--group", "RFC-3526-2048"]);
    step(["setup", "generate-trustee-key", "--group", "RFC-3526-2048"]);
    const files = readdirSync(dir);
    writeFileSync(
      join(dir, "public_keys.jsons"),
      files
        .filter((f) => f.endsWith(".pubkey"))
        .map((f) => readFileSync(join(dir, f), "utf8"))
        .join(""),
    );
    writeFileSync(join(dir, "public_creds.json"), readFileSync(join(dir, files.find((f) => f.endsWith(".pubcreds"))!)));
    step(["setup", "make-trustees"]);
    writeFileSync(
      join(dir, "template.json"),
      JSON.stringify({
        description: "",
        name: "Tool ranked",
        questions: [{ type: "NonHomomorphic", value: { answers: ["A", "B", "C"], question: "Rank" } }],
      }),
    );
    step(["setup", "make-election", "--uuid", uuid, "--group", "RFC-3526-2048", "--template", "template.json"]);
    step(["archive", "init"]);
    const creds = readFileSync(join(dir, files.find((f) => f.endsWith(".privcreds"))!), "utf8")
      .trim()
      .split("\n");
    const votes = ["[[1,2,3]]", "[[3,1,2]]", "[[2,3,1]]"];
    creds.forEach((line, i) => {
      writeFileSync(join(dir, "cred.txt"), line.split(" ").at(-1)!);
      writeFileSync(join(dir, "vote.json"), votes[i]!);
      step(["archive", "add-event", "--type=Ballot"], step(["election", "generate-ballot", "--privcred", "cred.txt", "--ballot", "vote.json"]));
    });
    step(["archive", "add-event", "--type=EndBallots"], "");
    step(["archive", "add-event", "--type=EncryptedTally"], step(["election", "compute-encrypted-tally"]));
    step(["archive", "add-event", "--type=Shuffle"], step(["election", "shuffle", "--trustee-id=1"]));
    step(["archive", "add-event", "--type=Shuffle"], step(["election", "shuffle", "--trustee-id=2"]));
    step(["archive", "add-event", "--type=EndShuffles"], "");
    readdirSync(dir)
      .filter((f) => f.endsWith(".privkey"))
      .forEach((k, i) =>
        step(["archive", "add-event", "--type=PartialDecryption"], step(["election", "decrypt", "--privkey", k, "--trustee-id", String(i + 1)])),
      );
    step(["archive", "add-event", "--type=Result"], step(["election", "compute-result"]));
    const v = verifyElectionArchive(readFileSync(join(dir, `${uuid}.bel`)));
    expect(v.ok ? (v.result![0] as number[][]).map((r) => r.join("")).sort() : v.problem).toEqual(["123", "231", "312"]);
  });
});
