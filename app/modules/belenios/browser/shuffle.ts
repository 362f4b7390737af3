import { arr, BeleniosFormatError, ciphertextOf, parseElectionParams, serializeShuffle } from "../canonical";
import { nhCiphertexts } from "../nh-lists";
import { challengesText, challengeText, generatorText, shuffleStatement } from "../shuffle-text";
import { isHomomorphic } from "../types";
import type { Ciphertext, ElectionParams, Shuffle, ShuffleProof } from "../types";
import type { Engine } from "./engine";
import { fromBytes } from "./engine";
import { countingEngine, shuffleExponentiations, type TrusteeWorkOptions } from "./trustee-work";

/**
 * A trustee's shuffle of the ranked (non-homomorphic) questions' ciphertexts, in their browser:
 * re-encrypted, permuted, with CHVote's proof (nonhomomorphic.ts shuffleCiphertexts, the same
 * steps in the same order, over WebCrypto and BigInt). The text is what `belenios-tool election
 * shuffle` prints first (src/tool/tool_election.ml of Belenios 2.0). The permutation and every
 * exponent come from crypto.getRandomValues, and never leave this function.
 */

/** Independent generator #i: SHA256("ggen|i") raised to the cofactor (Group_field.get_generator). */
async function generator(e: Engine, i: number): Promise<bigint> {
  const h = await e.pow(BigInt(`0x${await e.sha256Hex(generatorText(i))}`), (e.group.p - 1n) / e.group.q);
  if (h === 0n || h === 1n || h === e.group.g) throw new Error(`generator #${i} is degenerate`);
  return h;
}

/** u_1..u_N: SHA256(h ‖ hex SHA256(decimal i)) mod q, h the hex SHA256 of the challenges' text. */
async function challenges(e: Engine, n: number, text: string): Promise<bigint[]> {
  const h = await e.sha256Hex(text);
  const out: bigint[] = [];
  for (let i = 0; i < n; i++) out.push(BigInt(`0x${await e.sha256Hex(h + (await e.sha256Hex(String(i))))}`) % e.group.q);
  return out;
}

/** GenShuffle and GenShuffleProof on one question's ciphertexts: 11n + 6 exponentiations. */
async function shuffleList(
  e: Engine,
  fingerprint: string,
  y: bigint,
  list: readonly Ciphertext[],
): Promise<{ ciphertexts: Ciphertext[]; proof: ShuffleProof }> {
  const n = list.length;
  const { g, q } = e.group;
  // GenPermutation: Fisher-Yates on crypto.getRandomValues.
  const tmp = Array.from({ length: n }, (_, i) => i);
  const psi = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const k = i + Number(e.randomBelow(BigInt(n - i)));
    psi[i] = tmp[k]!;
    tmp[k] = tmp[i]!;
  }
  const rr1 = list.map(() => e.randomExponent());
  const reencrypted: Ciphertext[] = [];
  for (const [i, x] of list.entries()) reencrypted.push({ alpha: e.mul(x.alpha, await e.pow(g, rr1[i]!)), beta: e.mul(x.beta, await e.pow(y, rr1[i]!)) });
  const ePrime = psi.map((j) => reencrypted[j]!);
  const h = await generator(e, -1);
  const hh: bigint[] = [];
  for (let i = 0; i < n; i++) hh.push(await generator(e, i));
  // GenPermutationCommitment
  const cc = new Array<bigint>(n);
  const rr = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    const r = e.randomExponent();
    rr[psi[i]!] = r;
    cc[psi[i]!] = e.mul(await e.pow(g, r), hh[i]!);
  }
  const str1 = shuffleStatement(list, ePrime, cc);
  const uu = await challenges(e, n, challengesText(fingerprint, str1));
  const uuPrime = psi.map((j) => uu[j]!);
  // GenCommitmentChain
  const rrHat = uuPrime.map(() => e.randomExponent());
  const cHat = new Array<bigint>(n);
  for (let i = 0; i < n; i++) cHat[i] = e.mul(await e.pow(g, rrHat[i]!), await e.pow(i === 0 ? h : cHat[i - 1]!, uuPrime[i]!));
  const [w1, w2, w3, w4] = [e.randomExponent(), e.randomExponent(), e.randomExponent(), e.randomExponent()];
  const wwHat = list.map(() => e.randomExponent());
  const wwPrime = list.map(() => e.randomExponent());
  const powsOf = async (bases: readonly bigint[]) => {
    const out: bigint[] = [];
    for (const [i, b] of bases.entries()) out.push(await e.pow(b, wwPrime[i]!));
    return out;
  };
  const t1 = await e.pow(g, w1);
  const t2 = await e.pow(g, w2);
  const t3 = e.product([await e.pow(g, w3), ...(await powsOf(hh))]);
  const t41 = e.product([e.inverse(await e.pow(y, w4)), ...(await powsOf(ePrime.map((x) => x.beta)))]);
  const t42 = e.product([e.inverse(await e.pow(g, w4)), ...(await powsOf(ePrime.map((x) => x.alpha)))]);
  const tHat: bigint[] = [];
  for (let i = 0; i < n; i++) tHat.push(e.mul(await e.pow(g, wwHat[i]!), await e.pow(i === 0 ? h : cHat[i - 1]!, wwPrime[i]!)));
  const t = { t1, t2, t3, t41, t42, tHat };
  const c = fromBytes(await e.sha256(challengeText(fingerprint, str1, t, cHat, y))) % q;
  const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n) % q;
  const vv = new Array<bigint>(n).fill(1n);
  for (let i = n - 2; i >= 0; i--) vv[i] = (uuPrime[i + 1]! * vv[i + 1]!) % q;
  const s = {
    s1: (w1 + c * sum(rr)) % q,
    s2: (w2 + c * sum(rrHat.map((r, i) => r * vv[i]!))) % q,
    s3: (w3 + c * sum(rr.map((r, i) => r * uu[i]!))) % q,
    s4: (w4 + c * sum(rr1.map((r, i) => r * uu[i]!))) % q,
    sHat: wwHat.map((w, i) => (w + c * rrHat[i]!) % q),
    sPrime: wwPrime.map((w, i) => (w + c * uuPrime[i]!) % q),
  };
  return { ciphertexts: ePrime, proof: { t, s, c: cc, cHat } };
}

/**
 * The lists to shuffle: the ranked questions' lists of the encrypted tally as published (one list
 * per question), or of the previous trustee's shuffle (its JSON, an object with "ciphertexts").
 */
function listsToShuffle(params: ElectionParams, ciphertextsJson: string): Ciphertext[][] {
  const json: unknown = JSON.parse(ciphertextsJson);
  const previous = typeof json === "object" && json !== null && !Array.isArray(json);
  const source = previous ? (json as { ciphertexts?: unknown }).ciphertexts : json;
  const lists = arr(source, "ciphertexts").map((q, i) => arr(q, `ciphertexts[${i}]`).map((c, j) => ciphertextOf(c, `ciphertexts[${i}][${j}]`)));
  if (previous) {
    if (lists.length !== params.questions.filter((q) => !isHomomorphic(q)).length)
      throw new BeleniosFormatError("shuffle: one list per ranked question expected");
    return lists;
  }
  if (lists.length !== params.questions.length) throw new BeleniosFormatError("encrypted tally: one list per question expected");
  return nhCiphertexts({ params }, lists);
}

/**
 * The shuffle JSON ({"ciphertexts","proofs"}, one item per ranked question) of the election (its
 * exact text), from the encrypted tally's JSON (first trustee) or the previous shuffle's JSON.
 * Elements are only checked to be below p: the proof binds the output to whatever came in, and
 * the server and belenios-tool check every shuffle.
 */
export async function shuffleInBrowser(electionJson: string, ciphertextsJson: string, options: TrusteeWorkOptions = {}): Promise<string> {
  const { params, group } = parseElectionParams(electionJson);
  const lists = listsToShuffle(params, ciphertextsJson);
  if (lists.length === 0) throw new BeleniosFormatError("the election has no ranked question to shuffle");
  if (!lists.flat().every((c) => c.alpha > 0n && c.alpha < group.p && c.beta > 0n && c.beta < group.p))
    throw new BeleniosFormatError("ciphertexts: a number is out of range");
  const e = countingEngine(group.name, shuffleExponentiations(lists.map((l) => l.length)), options);
  const fingerprint = await e.sha256Base64(electionJson);
  const shuffle: Shuffle = { ciphertexts: [], proofs: [] };
  for (const list of lists) {
    const { ciphertexts, proof } = await shuffleList(e, fingerprint, params.publicKey, list);
    shuffle.ciphertexts.push(ciphertexts);
    shuffle.proofs.push(proof);
  }
  return serializeShuffle(shuffle);
}
