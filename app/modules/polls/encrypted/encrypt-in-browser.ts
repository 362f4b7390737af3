import { parseElectionParams } from "~/modules/belenios/canonical";
import { encryptBallotInBrowser, type BrowserBallot } from "~/modules/belenios/browser/encrypt-ballot";
import { isHomomorphic } from "~/modules/belenios/types";
import { ranksOf } from "./ranked-answers";
import { yesNoPlaintext } from "./yes-no-answers";

/**
 * The ballot page's encryption of a Yes/No choice or a ranking, in the member's browser: the
 * choice never leaves it in the clear. Between steps of the work it gives the page back to the
 * browser every few tens of milliseconds, so that the page stays responsive and its progress is
 * drawn.
 */

/** The key the poll page gives the member who can vote (browser-ballots.server.ts browserBallotKey). */
export type BallotKey = { election: string; credential: string };

/** How far the encryption has gone, from 0 to 1. */
export type OnProgress = (fraction: number) => void;

export async function encryptYesNoInBrowser(key: BallotKey, choice: string, onProgress?: OnProgress): Promise<BrowserBallot> {
  const plaintext = yesNoPlaintext(choice);
  if (!plaintext) throw new Error("not a Yes/No choice");
  return encryptBallotInBrowser(key.election, key.credential, [plaintext], pageOptions(onProgress));
}

/**
 * A ranking (option positions, first choice first) as the ranks the server would encrypt
 * (poll-election.ts encryptRanking): one per answer of the election's question, which lists every
 * option in position order, withdrawn ones included.
 */
export async function encryptRankingInBrowser(key: BallotKey, ranking: readonly number[], onProgress?: OnProgress): Promise<BrowserBallot> {
  const [question, ...others] = parseElectionParams(key.election).params.questions;
  if (!question || others.length > 0 || isHomomorphic(question)) throw new Error("not a ranked poll's election");
  return encryptBallotInBrowser(key.election, key.credential, [ranksOf(ranking, question.answers.length)], pageOptions(onProgress));
}

function pageOptions(onProgress?: OnProgress) {
  return { pause: pageBreather(), onProgress: (done: number, total: number) => onProgress?.(done / total) };
}

/**
 * A pause for long work in the page: gives the page back to the browser once it has been busy for
 * a frame and a half, so that it stays responsive and its progress is drawn; otherwise goes on.
 */
export function pageBreather(): () => Promise<void> {
  let last = performance.now();
  return () =>
    performance.now() - last < BUSY_MS
      ? Promise.resolve()
      : new Promise<void>((resolve) =>
          setTimeout(() => {
            last = performance.now();
            resolve();
          }, 0),
        );
}

/** At most this long without giving the page back (a frame and a half). */
const BUSY_MS = 25;
