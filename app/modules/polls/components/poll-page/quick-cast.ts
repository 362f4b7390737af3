import { useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { castEndpointPath, type CastAnswer } from "~/modules/polls/cast-endpoint";
import { encryptRankingInBrowser, encryptYesNoInBrowser, type BallotKey } from "~/modules/polls/encrypted/encrypt-in-browser";
import { isRankingOf } from "~/modules/polls/encrypted/ranked-answers";
import { castFailedMessage } from "~/modules/polls/messages";
import type { PollPageAnswer } from "./answer";

/**
 * With JavaScript, "Cast my vote" sends the ballot to the ballot endpoint (decision 025) instead of
 * the page's action, which would route and render the whole page for it: the receipt comes back as
 * data and is shown in place, then the page's data is refreshed. "Change my ballot" still goes
 * through the action. Without JavaScript none of this runs and the form posts to the action.
 */
export function useQuickCast(
  pollId: string,
  navigationState: ReturnType<typeof useNavigation>["state"],
  ballotKey: BallotKey | null,
  options: readonly { position: number }[],
) {
  const [quick, setQuick] = useState<{ pollId: string; answer: PollPageAnswer } | null>(null);
  const [sending, setSending] = useState(false);
  // How far the browser's encryption has gone (0 to 1), once it takes more than a moment.
  const [encrypting, setEncrypting] = useState<number | null>(null);
  const revalidator = useRevalidator();
  const receiptRef = useRef<HTMLDivElement>(null);
  // A form sent to the page's action ("Change my ballot", say) replaces the endpoint's answer. The
  // refresh after a cast is not a submission, so the receipt stays on screen through it.
  useEffect(() => {
    if (navigationState === "submitting") setQuick(null);
  }, [navigationState]);
  const answer = quick?.pollId === pollId ? quick.answer : null;
  // The button pressed is gone once the receipt shows: take the keyboard (and a screen reader) to it.
  useEffect(() => {
    if (answer?.stage === "cast") receiptRef.current?.focus();
  }, [answer]);

  /**
   * The ballot in the browser, or null when the server is to encrypt it: a Yes/No choice, or the
   * ranking the page's action read from the numbers typed (parseBallotForm, as the server reads
   * them again when it encrypts), if it is one the server would take.
   */
  function encryptHere(review: Extract<PollPageAnswer, { stage: "review" }>, onProgress: (fraction: number) => void) {
    if (!ballotKey) return null;
    if (review.values.choice) return encryptYesNoInBrowser(ballotKey, review.values.choice, onProgress);
    const positions = options.map((o) => o.position);
    if (review.ranking && isRankingOf(review.ranking, positions)) return encryptRankingInBrowser(ballotKey, review.ranking, onProgress);
    return null;
  }

  async function onReviewSubmit(event: FormEvent<HTMLFormElement>, review: Extract<PollPageAnswer, { stage: "review" }>) {
    const { values } = review;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (!(submitter instanceof HTMLButtonElement) || submitter.value !== "cast") return;
    event.preventDefault();
    const answerWith = (a: PollPageAnswer) => setQuick({ pollId, answer: a });
    setSending(true);
    try {
      // An encrypted poll's ballot is encrypted here, in the browser, when it can be; otherwise
      // (no WebCrypto: a page not served over HTTPS) the choice goes to the server, which encrypts
      // it as it does without JavaScript, and the receipt's banner says which happened.
      let body = new URLSearchParams(values);
      let encryptedInBrowser = false;
      // Said, with how far it has gone, only if it takes more than a moment.
      let fraction = 0;
      let shown = false;
      const slow = setTimeout(() => {
        shown = true;
        setEncrypting(fraction);
      }, ENCRYPTING_NOTICE_MS);
      try {
        const encrypted = encryptHere(review, (f) => {
          fraction = f;
          if (shown) setEncrypting(f);
        });
        if (encrypted) {
          body = new URLSearchParams({ belenios: (await encrypted).raw });
          encryptedInBrowser = true;
        }
      } catch {
        // The server encrypts instead.
      } finally {
        clearTimeout(slow);
        setEncrypting(null);
      }
      const response = await fetch(castEndpointPath(pollId), {
        method: "POST",
        body,
        headers: { Accept: "application/json" },
        signal: AbortSignal.timeout(CAST_TIMEOUT_MS),
      });
      const cast = (await response.json()) as CastAnswer;
      answerWith(cast.ok ? { stage: "cast", receipt: cast.receipt, encryptedInBrowser } : { stage: "errors", message: cast.message, values });
      // Cast, or signed out meanwhile: the page's data shows which (and offers to sign in).
      if (cast.ok || response.status === 401) revalidator.revalidate();
    } catch {
      // The ballot may or may not have reached us: the page, once reloaded, says which.
      answerWith({ stage: "errors", message: castFailedMessage, values });
    } finally {
      setSending(false);
    }
  }

  return { answer, sending, encrypting, onReviewSubmit, receiptRef };
}

/** How long encrypting may take before the page says it is at work. */
const ENCRYPTING_NOTICE_MS = 300;

/** How long "Cast my vote" waits for an answer before saying it could not tell. */
const CAST_TIMEOUT_MS = 30_000;
