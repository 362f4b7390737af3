import { useRevalidator } from "@remix-run/react";
import { useRef, useState } from "react";
import { trusteeText as t } from "~/modules/polls/trustee-messages";
import { doBallotsInBrowser } from "~/modules/polls/encrypted/trustee-share-in-browser";
import { KeyFileInput, Progress, useHydrated, WorkError } from "./trustee-work";

interface BatchBallot {
  pollId: string;
  title: string;
  /** This trustee's part now, if the ballot waits for it: a shuffle or a share of the decryption. */
  work: { kind: "shuffle" | "decryption"; shuffled: number } | null;
  publicKey: string | null;
}

type BatchState =
  | { kind: "idle" }
  | { kind: "working"; done: number; total: number; title: string; fraction: number }
  | { kind: "failed"; message: string }
  | { kind: "finished"; done: number };

/**
 * Every ballot of a trustee set that waits for this trustee, done in one go in the browser
 * (decision 048): a constitution round can have hundreds of questions, and choosing the key file
 * for each would not be kept up. The key file is chosen once, checked once, and never sent; each
 * ballot's share is sent as its own page would send it, one after another, so that a refusal
 * stops the run at that ballot and names it. Without JavaScript, each ballot's own page works.
 */
export function BatchWork({ groupName, threshold, ballots }: { groupName: string; threshold: number | null; ballots: readonly BatchBallot[] }) {
  const hydrated = useHydrated();
  const revalidator = useRevalidator();
  const keyFile = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<BatchState>({ kind: "idle" });
  const waiting = ballots.filter((b) => b.work);
  if (!hydrated || (waiting.length === 0 && state.kind !== "finished")) return null;
  const needsKey = waiting.some((b) => b.work?.kind === "decryption");

  const run = async () => {
    const file = keyFile.current?.files?.[0];
    const outcome = await doBallotsInBrowser({
      ballots: waiting.flatMap((b) => (b.work ? [{ ...b, work: b.work }] : [])),
      groupName,
      threshold: threshold !== null,
      keyText: file ? await file.text() : null,
      onProgress: (done, title, fraction) => setState({ kind: "working", done, total: waiting.length, title, fraction }),
    });
    if (outcome.ok) {
      setState({ kind: "finished", done: outcome.done });
      revalidator.revalidate();
      return;
    }
    const title = outcome.title ?? "";
    const message = {
      no_key_file: t.keyFileMissing,
      wrong_key_file: threshold !== null ? t.keyFileWrong : t.keyDoesNotMatch,
      refused: t.batchRefused(title),
      failed: t.batchFailed(title),
    }[outcome.problem];
    setState({ kind: "failed", message });
    // What went in before the refusal is shown as done.
    if (outcome.done > 0) revalidator.revalidate();
  };

  return (
    <div className={`form-group${state.kind === "failed" ? " form-group--error" : ""}`}>
      <p>{t.batchIntro(waiting.length)}</p>
      {state.kind === "failed" ? <WorkError message={state.message} /> : null}
      {state.kind === "finished" ? <p role="status">{t.batchDone(state.done)}</p> : null}
      {needsKey && state.kind !== "working" ? (
        <KeyFileInput id="batch-key" label={threshold !== null ? t.keyFileLabel : t.privateKeyLabel} error={state.kind === "failed"} inputRef={keyFile} />
      ) : null}
      {state.kind === "working" ? (
        <Progress label={t.batchWorking(state.done + 1, state.total, state.title)} fraction={(state.done + state.fraction) / state.total} />
      ) : waiting.length > 0 ? (
        <button type="button" className="button" onClick={() => void run()}>
          {t.batchButton(waiting.length)}
        </button>
      ) : null}
    </div>
  );
}
