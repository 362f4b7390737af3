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
import { powModBigInt, randomExponent } from "../app/modules/belenios/group";

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
time("powMod (OpenSSL via node:crypto)", exps, (i) => powMod(G, bases[i % 16]!, exponents[i]!));
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
