import { useRevalidator } from "@remix-run/react";
import { useRef, useState } from "react";
import { trusteeText as t } from "~/modules/polls/trustee-messages";
import { checkKeyFile, trusteeShareInBrowser, type KeyForDecrypting } from "~/modules/polls/encrypted/trustee-share-in-browser";
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
    let key: KeyForDecrypting | null = null;
    const first = waiting.find((b) => b.work?.kind === "decryption");
    if (first) {
      const file = keyFile.current?.files?.[0];
      if (!file) return setState({ kind: "failed", message: t.keyFileMissing });
      key = await checkKeyFile({ groupName, threshold: threshold !== null, publicKey: first.publicKey, keyText: await file.text(), pollId: first.pollId });
      if (!key) return setState({ kind: "failed", message: threshold !== null ? t.keyFileWrong : t.keyDoesNotMatch });
    }
    let done = 0;
    for (const ballot of waiting) {
      const work = ballot.work!;
      setState({ kind: "working", done, total: waiting.length, title: ballot.title, fraction: 0 });
      try {
        const share = await trusteeShareInBrowser({
          pollId: ballot.pollId,
          kind: work.kind,
          threshold: threshold !== null,
          shuffled: work.shuffled,
          key,
          progress: (fraction) => setState({ kind: "working", done, total: waiting.length, title: ballot.title, fraction }),
        });
        const body = new FormData();
        body.set("intent", work.kind);
        body.set("share", share);
        if (work.kind === "shuffle") body.set("shuffledBefore", String(work.shuffled));
        // The ballot's own trustee page takes it, exactly as its form would send it.
        const response = await fetch(`/polls/${ballot.pollId}/trustee`, { method: "POST", body, credentials: "same-origin" });
        if (!response.ok) return setState({ kind: "failed", message: t.batchRefused(ballot.title) });
      } catch {
        return setState({ kind: "failed", message: t.batchFailed(ballot.title) });
      }
      done += 1;
    }
    setState({ kind: "finished", done });
    revalidator.revalidate();
  };

  return (
    <div className={`form-group${state.kind === "failed" ? " form-group--error" : ""}`}>
      <p>{t.batchIntro(waiting.length)}</p>
      {state.kind === "failed" ? <WorkError message={state.message} /> : null}
      {state.kind === "finished" ? (
        <p role="status">{t.batchDone(state.done)}</p>
      ) : null}
      {needsKey && state.kind !== "working" ? <KeyFileInput id="batch-key" label={threshold !== null ? t.keyFileLabel : t.privateKeyLabel} error={state.kind === "failed"} inputRef={keyFile} /> : null}
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
