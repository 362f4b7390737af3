/**
 * A worker pool's job for bench:ballots: one Yes/No ballot made as the member's browser makes it
 * (app/modules/belenios/browser/encrypt-ballot.ts: BigInt and WebCrypto, about 50 ms in Node),
 * so that the benchmark can make thousands on every core before it starts timing the server.
 */
import { encryptBallotInBrowser } from "../app/modules/belenios/browser/encrypt-ballot";

export interface BrowserBallotJob {
  election: string;
  credential: string;
  /** Index of the answer chosen: 0 Yes, 1 No, 2 Abstain. */
  answer: number;
}

export async function runJob(job: BrowserBallotJob): Promise<string> {
  const plaintext = [0, 1, 2].map((i) => (i === job.answer ? 1 : 0));
  return (await encryptBallotInBrowser(job.election, job.credential, [plaintext])).raw;
}
