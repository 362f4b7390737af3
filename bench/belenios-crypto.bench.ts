/**
 * Belenios crypto core timings (issue 17): one modular exponentiation in BELENIOS-2048 with a
 * 256-bit exponent (OpenSSL through node:crypto Diffie-Hellman vs plain BigInt), and encrypting
 * and verifying one ballot of two questions (2 answers; 3 answers with blank allowed).
 * Usage: npx tsx bench/belenios-crypto.bench.ts [exponentiations=2000] [ballots=20]
 */
import {
  BELENIOS_2048,
  encryptBallot,
  generatePrivateCredential,
  generateTrusteeKey,
  makeElection,
  plaintextFor,
  powMod,
  verifyBallot,
} from "../app/modules/belenios";
import { powModBigInt, randomExponent, RFC_3526_2048 } from "../app/modules/belenios/group";
import { shuffleCiphertexts, checkShuffleProof } from "../app/modules/belenios/nonhomomorphic";
import type { NonHomomorphicAnswer } from "../app/modules/belenios/types";
import { parseBallot } from "../app/modules/belenios/serialize";

const exps = Number(process.argv[2] ?? 2000);
const ballots = Number(process.argv[3] ?? 20);
const G = BELENIOS_2048;

function time(label: string, n: number, f: (i: number) => void) {
  const start = performance.now();
  for (let i = 0; i < n; i++) f(i);
  const each = (performance.now() - start) / n;
  console.log(`${label}: ${each.toFixed(3)} ms each (${n} runs)`);
}

const exponents = Array.from({ length: exps }, () => randomExponent(G));
const bases = Array.from({ length: 16 }, () => powMod(G, G.g, randomExponent(G)));
powMod(G, G.g, 1n); // make the OpenSSL object once, outside the timing
time("powMod, any base (OpenSSL via node:crypto)", exps, (i) => powMod(G, bases[i % 16]!, exponents[i]!));
time("powMod, base g (fixed-base table)", exps, (i) => powMod(G, G.g, exponents[i]!));
time("powMod (plain BigInt)", Math.max(1, Math.floor(exps / 4)), (i) => powModBigInt(bases[i % 16]!, exponents[i]!, G.p));

const trustee = generateTrusteeKey(G);
const questions = [
  { question: "Adopt?", answers: ["Yes", "No"], min: 1, max: 1 },
  { question: "Officers", answers: ["A", "B", "C"], min: 1, max: 2, blank: true },
];
const election = makeElection({ name: "Bench", description: "", questions }, [{ kind: "Single", key: trustee.publicKey }]);
const credential = generatePrivateCredential();
const raws: string[] = [];
time("encrypt one ballot (2 questions, 5 ciphertexts)", ballots, () => {
  raws.push(encryptBallot(election, credential, [plaintextFor(questions[0]!, [0]), plaintextFor(questions[1]!, [1, 2])]).raw);
});
time("verify one ballot", ballots, (i) => {
  if (!verifyBallot(election, raws[i]!).ok) throw new Error("ballot refused");
});

// Ranked ballots: RFC-3526-2048, 2047-bit exponents, always through OpenSSL.
const R = RFC_3526_2048;
const rTrustee = generateTrusteeKey(R);
const ranked = { type: "NonHomomorphic" as const, question: "Rank", answers: Array.from({ length: 10 }, (_, i) => `C${i + 1}`) };
const rElection = makeElection({ name: "Ranked bench", description: "", questions: [ranked] }, [{ kind: "Single", key: rTrustee.publicKey }]);
time("powMod, RFC-3526-2048, 2047-bit exponent", Math.max(1, Math.floor(exps / 10)), () => powMod(R, bases[0]!, randomExponent(R)));
const rRaws: string[] = [];
time("encrypt one ranked ballot (10 candidates)", ballots, () => {
  rRaws.push(encryptBallot(rElection, credential, [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]).raw);
});
time("verify one ranked ballot", ballots, (i) => {
  if (!verifyBallot(rElection, rRaws[i]!).ok) throw new Error("ballot refused");
});
const cts = rRaws.map((raw) => (parseBallot(raw).answers[0] as NonHomomorphicAnswer).choices);
let shuffled: ReturnType<typeof shuffleCiphertexts> | undefined;
time(`shuffle ${cts.length} ciphertexts with proof (per ciphertext: divide by ${cts.length})`, 1, () => {
  shuffled = shuffleCiphertexts(R, rElection.fingerprint, rElection.params.publicKey, cts);
});
time(`check that shuffle's proof (per ciphertext: divide by ${cts.length})`, 1, () => {
  if (!checkShuffleProof(R, rElection.fingerprint, rElection.params.publicKey, cts, shuffled!.ciphertexts, shuffled!.proof)) throw new Error("shuffle refused");
});
