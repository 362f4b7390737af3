import { describe, expect, it } from "vitest";
import { plaintextFor, verifyBallot } from "~/modules/belenios/ballot";
import { encryptBallotInBrowser } from "~/modules/belenios/browser/encrypt-ballot";
import { generateUuid } from "~/modules/belenios/credentials";
import { makeElection } from "~/modules/belenios/election";
import { BELENIOS_2048 } from "~/modules/belenios/group";
import { generateTrusteeKey } from "~/modules/belenios/trustee";
import { memberCredential } from "./ballot-keys.server";
import { ballotThreadsStarted, encryptBallotInPool, setBallotThreads, verifyBallotInPool } from "./ballot-pool.server";
import { electionTemplate } from "./poll-election";

const trustee = generateTrusteeKey(BELENIOS_2048);
const template = electionTemplate({ title: "Adopt the statement", description: "", method: "yes-no" }, []);
const election = makeElection({ uuid: generateUuid(), ...template }, [{ kind: "Single", key: trustee.publicKey }]);
const credential = memberCredential(election.params.uuid, "3b1f8f0e-5a52-4a1c-9a57-2f0a4f0b7c11");

describe("the ballot pool", () => {
  it("checks a ballot in a worker thread as verifyBallot does here, and refuses a wrong one the same way", async () => {
    setBallotThreads(1);
    const raw = (await encryptBallotInBrowser(election.raw, credential, [[0, 1, 0]])).raw;
    const here = verifyBallot(election, raw);
    if (!here.ok) throw new Error("the browser's ballot should hold");
    expect(await verifyBallotInPool(election, raw)).toEqual({ ok: true, ballot: { credential: here.ballot.credential }, tracker: here.tracker });
    expect(ballotThreadsStarted()).toBe(1);
    const tampered = raw.replace(/"response":"(\d)/, (_, d: string) => `"response":"${d === "1" ? "2" : "1"}`);
    expect(await verifyBallotInPool(election, tampered)).toEqual(verifyBallot(election, tampered));
    expect(await verifyBallotInPool(election, tampered)).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("encrypts a member's ballot in a worker thread, and the same with no thread", async () => {
    const plaintext = [plaintextFor(election.params.questions[0]!, [2])];
    for (const threads of [1, 0]) {
      setBallotThreads(threads);
      const sealed = await encryptBallotInPool(election, credential, plaintext);
      const check = verifyBallot(election, sealed.raw);
      expect(check).toMatchObject({ ok: true, tracker: sealed.tracker });
    }
    expect(ballotThreadsStarted()).toBe(0);
  });
});
