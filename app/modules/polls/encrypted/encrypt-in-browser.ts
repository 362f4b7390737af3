import { encryptBallotInBrowser, type BrowserBallot } from "~/modules/belenios/browser/encrypt-ballot";
import { yesNoPlaintext } from "./yes-no-answers";

/**
 * The ballot page's encryption of a Yes/No choice, in the member's browser: the choice never
 * leaves it in the clear. Between exponentiations it gives the page back to the browser every
 * few tens of milliseconds, so that the page stays responsive and its progress text is drawn.
 */
export async function encryptYesNoInBrowser(key: { election: string; credential: string }, choice: string): Promise<BrowserBallot> {
  const plaintext = yesNoPlaintext(choice);
  if (!plaintext) throw new Error("not a Yes/No choice");
  let last = performance.now();
  const pause = () =>
    performance.now() - last < BUSY_MS
      ? Promise.resolve()
      : new Promise<void>((resolve) =>
          setTimeout(() => {
            last = performance.now();
            resolve();
          }, 0),
        );
  return encryptBallotInBrowser(key.election, key.credential, [plaintext], { pause });
}

/** At most this long without giving the page back (a frame and a half). */
const BUSY_MS = 25;
