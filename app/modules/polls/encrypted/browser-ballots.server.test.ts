import { describe, expect, it } from "vitest";
import { encryptBallotInBrowser } from "~/modules/belenios/browser/encrypt-ballot";
import { credentialSecret, generateUuid } from "~/modules/belenios/credentials";
import { makeElection } from "~/modules/belenios/election";
import { BELENIOS_2048, hashToExponent, modQ, powMod, randomExponent, sha256Base64 } from "~/modules/belenios/group";
import { parseBallot, serializeBallot } from "~/modules/belenios/serialize";
import { generateTrusteeKey } from "~/modules/belenios/trustee";
import type { Election, HomomorphicAnswer } from "~/modules/belenios/types";
import { memberCredential } from "./ballot-keys.server";
import { browserBallotKey, checkBrowserBallot, MAX_BROWSER_BALLOT_CHARS } from "./browser-ballots.server";
import { electionTemplate } from "./poll-election";
import type { PollElection } from "./poll-elections.server";

/** Each refusal of a browser ballot, for the reason it is refused. */
const G = BELENIOS_2048;
const trustee = generateTrusteeKey(G);

function pollElection(template = electionTemplate({ title: "Adopt the statement", description: "", method: "yes-no" }, [])): PollElection {
  const election = makeElection({ uuid: generateUuid(), ...template }, [{ kind: "Single", key: trustee.publicKey }]);
  return { pollId: "p", election, trusteesRaw: "[]", credentialsRaw: "[]", createdAt: new Date(), tally: null };
}

const poll = pollElection();
const member = "3b1f8f0e-5a52-4a1c-9a57-2f0a4f0b7c11";
const other = "a6c3e0d2-1d7e-4f57-8f6c-0b2f3c4d5e6f";
const ballotOf = async (e: Election, userId: string, plaintext = [[0, 0, 1]]) =>
  (await encryptBallotInBrowser(e.raw, memberCredential(e.params.uuid, userId), plaintext)).raw;

/** Signs a changed ballot again with the member's credential, so that only its proofs are wrong. */
function resigned(e: Election, userId: string, raw: string, change: (answer: HomomorphicAnswer) => void): string {
  const { signature: _old, ...unsigned } = parseBallot(raw);
  change(unsigned.answers[0] as HomomorphicAnswer);
  const secret = credentialSecret(G, e.params.uuid, memberCredential(e.params.uuid, userId));
  const hash = sha256Base64(serializeBallot(unsigned));
  const w = randomExponent(G);
  const challenge = hashToExponent(G, `sig|${hash}|`, [powMod(G, G.g, w)]);
  return serializeBallot({ ...unsigned, signature: { hash, proof: { challenge, response: modQ(G, w - secret * challenge) } } });
}

describe("a ballot encrypted in the browser", () => {
  it("is accepted from its member, with its tracker as the receipt", async () => {
    const raw = await ballotOf(poll.election, member);
    const check = await checkBrowserBallot(poll, member, raw);
    expect(check).toEqual({ ok: true, raw, tracker: sha256Base64(raw) });
  });

  it("is refused from another member, and for another election", async () => {
    expect(await checkBrowserBallot(poll, other, await ballotOf(poll.election, member))).toEqual({ ok: false, reason: "not_your_credential" });
    const another = pollElection();
    expect(await checkBrowserBallot(poll, member, await ballotOf(another.election, member))).toEqual({ ok: false, reason: "wrong_election" });
  });

  it("is refused when a proof does not hold, even signed again by its member", async () => {
    const raw = await ballotOf(poll.election, member);
    // Two answers at once: each ciphertext still 0 or 1, but the overall proof says exactly one.
    const twoAnswers = resigned(poll.election, member, raw, (a) => {
      a.choices[0] = a.choices[2]!;
      a.individualProofs[0] = a.individualProofs[2]!;
    });
    expect(await checkBrowserBallot(poll, member, twoAnswers)).toEqual({ ok: false, reason: "bad_proof" });
    const changedProof = resigned(poll.election, member, raw, (a) => {
      a.individualProofs[1]![0]!.response = modQ(G, a.individualProofs[1]![0]!.response + 1n);
    });
    expect(await checkBrowserBallot(poll, member, changedProof)).toEqual({ ok: false, reason: "bad_proof" });
    const unsigned = raw.replace(/"response":"(\d)/, (_, d: string) => `"response":"${d === "1" ? "2" : "1"}`);
    expect(await checkBrowserBallot(poll, member, unsigned)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("is refused when it is not a ballot, too large, or not in canonical form", async () => {
    expect(await checkBrowserBallot(poll, member, "not json")).toEqual({ ok: false, reason: "malformed" });
    expect(await checkBrowserBallot(poll, member, "{}")).toEqual({ ok: false, reason: "malformed" });
    expect(await checkBrowserBallot(poll, member, " ".repeat(MAX_BROWSER_BALLOT_CHARS + 1))).toEqual({ ok: false, reason: "too_large" });
    const raw = await ballotOf(poll.election, member);
    expect(await checkBrowserBallot(poll, member, JSON.stringify(JSON.parse(raw), null, 1))).toEqual({ ok: false, reason: "not_canonical" });
  });

  it("is refused for an election that is not a Yes/No question", async () => {
    const withBlank = pollElection({ name: "Blank", description: "", questions: [{ question: "Q", answers: ["Yes", "No", "Abstain"], min: 1, max: 1, blank: true }] });
    expect(await checkBrowserBallot(withBlank, member, "{}")).toEqual({ ok: false, reason: "not_yes_no" });
  });

  it("is made with the key the page gives the member: this election's text and their own credential", () => {
    const key = browserBallotKey(poll, member);
    expect(key).toEqual({ election: poll.election.raw, credential: memberCredential(poll.election.params.uuid, member) });
    expect(browserBallotKey(poll, other).credential).not.toBe(key.credential);
  });
});
