import { describe, expect, it } from "vitest";
import { encryptBallotInBrowser } from "~/modules/belenios/browser/encrypt-ballot";
import { credentialSecret, generateUuid } from "~/modules/belenios/credentials";
import { makeElection } from "~/modules/belenios/election";
import { longestBallotLength } from "~/modules/belenios/ballot-size";
import { BELENIOS_2048, hashToExponent, modQ, powMod, randomExponent, RFC_3526_2048, sha256Base64 } from "~/modules/belenios/group";
import { parseBallot, serializeBallot } from "~/modules/belenios/serialize";
import { generateTrusteeKey } from "~/modules/belenios/trustee";
import type { Answer, Election, HomomorphicAnswer, NonHomomorphicAnswer } from "~/modules/belenios/types";
import { memberCredential } from "./ballot-keys.server";
import { browserBallotKey, checkBrowserBallot, MAX_BROWSER_BALLOT_CHARS } from "./browser-ballots.server";
import { electionTemplate } from "./poll-election";
import { ranksOf } from "./ranked-answers";
import type { PollElection } from "./poll-elections.server";

/** Each refusal of a browser ballot, for the reason it is refused. */
const G = BELENIOS_2048;
const trustee = generateTrusteeKey(G);
const rankedTrustee = generateTrusteeKey(RFC_3526_2048);

function pollElection(template = electionTemplate({ title: "Adopt the statement", description: "", method: "yes-no" }, [])): PollElection {
  const key = template.questions.some((q) => "type" in q) ? rankedTrustee : trustee;
  const election = makeElection({ uuid: generateUuid(), ...template }, [{ kind: "Single", key: key.publicKey }]);
  return { pollId: "p", election, trusteesRaw: "[]", credentialsRaw: "[]", trusteeKind: "server", createdAt: new Date(), tally: null };
}

const candidates = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Candidate ${i + 1}` }));
const rankedPoll = pollElection(electionTemplate({ title: "Leader", description: "", method: "irv" }, candidates(10)));

const poll = pollElection();
const member = "3b1f8f0e-5a52-4a1c-9a57-2f0a4f0b7c11";
const other = "a6c3e0d2-1d7e-4f57-8f6c-0b2f3c4d5e6f";
const ballotOf = async (e: Election, userId: string, plaintext = [[0, 0, 1]]) =>
  (await encryptBallotInBrowser(e.raw, memberCredential(e.params.uuid, userId), plaintext)).raw;

const rankedBallotOf = async (e: Election, userId: string, ranking: readonly number[]) =>
  (await encryptBallotInBrowser(e.raw, memberCredential(e.params.uuid, userId), [ranksOf(ranking, e.params.questions[0]!.answers.length)])).raw;

/**
 * Signs a changed ballot again with the member's credential for e, so that only its proofs are
 * wrong. change may replace the answer, and the ballot then claims to be e's.
 */
function resigned<A extends Answer>(e: Election, userId: string, raw: string, change: (answer: A) => Answer | void): string {
  const { signature: _old, ...ballot } = parseBallot(raw);
  const g = e.group;
  const secret = credentialSecret(g, e.params.uuid, memberCredential(e.params.uuid, userId));
  const answer = change(ballot.answers[0] as A) ?? ballot.answers[0]!;
  const unsigned = { ...ballot, electionUuid: e.params.uuid, electionHash: e.fingerprint, credential: powMod(g, g.g, secret), answers: [answer] };
  const hash = sha256Base64(serializeBallot(unsigned));
  const w = randomExponent(g);
  const challenge = hashToExponent(g, `sig|${hash}|`, [powMod(g, g.g, w)]);
  return serializeBallot({ ...unsigned, signature: { hash, proof: { challenge, response: modQ(g, w - secret * challenge) } } });
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
    const twoAnswers = resigned<HomomorphicAnswer>(poll.election, member, raw, (a) => {
      a.choices[0] = a.choices[2]!;
      a.individualProofs[0] = a.individualProofs[2]!;
    });
    expect(await checkBrowserBallot(poll, member, twoAnswers)).toEqual({ ok: false, reason: "bad_proof" });
    const changedProof = resigned<HomomorphicAnswer>(poll.election, member, raw, (a) => {
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

  it("is refused for an election that is neither a Yes/No poll's nor a ranked poll's", async () => {
    const withBlank = pollElection({
      name: "Blank",
      description: "",
      questions: [{ question: "Q", answers: ["Yes", "No", "Abstain"], min: 1, max: 1, blank: true }],
    });
    expect(await checkBrowserBallot(withBlank, member, "{}")).toEqual({ ok: false, reason: "unsupported_election" });
    const twoRankings = pollElection({
      name: "Two",
      description: "",
      questions: [...rankedPoll.election.params.questions, ...rankedPoll.election.params.questions],
    });
    expect(await checkBrowserBallot(twoRankings, member, "{}")).toEqual({ ok: false, reason: "unsupported_election" });
  });

  it("fits the size limit whatever it can hold: no ballot that could verify is longer, computed for each kind of poll", async () => {
    expect(longestBallotLength(poll.election)).toBeLessThanOrEqual(MAX_BROWSER_BALLOT_CHARS);
    const longestRanked = longestBallotLength(rankedPoll.election);
    expect(longestRanked).toBeLessThanOrEqual(MAX_BROWSER_BALLOT_CHARS);
    // One ciphertext whatever the number of candidates, up to the 254 ranks the group's element holds.
    const largest = pollElection(electionTemplate({ title: "Committee", description: "", method: "stv" }, candidates(254)));
    expect(longestBallotLength(largest.election)).toBe(longestRanked);
    const raw = await rankedBallotOf(rankedPoll.election, member, [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(raw.length).toBeLessThanOrEqual(longestRanked);
  });

  it("is accepted for a ranked poll from its member, and refused from another member", async () => {
    const raw = await rankedBallotOf(rankedPoll.election, member, [3, 0, 1]);
    expect(await checkBrowserBallot(rankedPoll, member, raw)).toEqual({ ok: true, raw, tracker: sha256Base64(raw) });
    expect(await checkBrowserBallot(rankedPoll, other, raw)).toEqual({ ok: false, reason: "not_your_credential" });
  });

  it("is refused for a ranked poll when its proof does not hold, or when it answers a Yes/No question", async () => {
    const raw = await rankedBallotOf(rankedPoll.election, member, [3, 0, 1]);
    const q = RFC_3526_2048.q;
    const changedProof = resigned<NonHomomorphicAnswer>(rankedPoll.election, member, raw, (a) => {
      a.proof.response = (a.proof.response + 1n) % q;
    });
    expect(await checkBrowserBallot(rankedPoll, member, changedProof)).toEqual({ ok: false, reason: "bad_proof" });
    // Another ranking's ciphertext, copied without knowing its randomness: the proof is then not the sender's.
    const copied = await rankedBallotOf(rankedPoll.election, other, [1, 2]);
    const copiedCiphertext = resigned<NonHomomorphicAnswer>(rankedPoll.election, member, raw, (a) => {
      a.choices = (parseBallot(copied).answers[0] as NonHomomorphicAnswer).choices;
    });
    expect(await checkBrowserBallot(rankedPoll, member, copiedCiphertext)).toEqual({ ok: false, reason: "bad_proof" });
    // A Yes/No answer, signed with the member's credential for the ranked poll.
    const yesNo = resigned(rankedPoll.election, member, await ballotOf(poll.election, member), () => undefined);
    expect(await checkBrowserBallot(rankedPoll, member, yesNo)).toEqual({ ok: false, reason: "bad_proof" });
    // As sent for the Yes/No poll, unchanged.
    expect(await checkBrowserBallot(rankedPoll, member, await ballotOf(poll.election, member))).toEqual({ ok: false, reason: "wrong_election" });
  });

  it("is made with the key the page gives the member: this election's text and their own credential", () => {
    const key = browserBallotKey(poll, member);
    expect(key).toEqual({ election: poll.election.raw, credential: memberCredential(poll.election.params.uuid, member) });
    expect(browserBallotKey(poll, other).credential).not.toBe(key.credential);
  });
});
