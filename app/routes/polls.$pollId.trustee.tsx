import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { ErrorSummary, type FieldErrors } from "~/components/forms";
import { CeremonyTask } from "~/modules/polls/components/trustee-ceremony";
import { GiveKeyTask } from "~/modules/polls/components/trustee-key";
import { KeyFileInput, Progress, ToolPath, useHydrated, WorkError } from "~/modules/polls/components/trustee-work";
import { checkKeyFile, trusteeShareInBrowser, type KeyForDecrypting } from "~/modules/polls/encrypted/trustee-share-in-browser";
import { pollTrusteePageView } from "~/modules/polls/poll-trustee-view.server";
import { trusteeText as t } from "~/modules/polls/trustee-messages";
import { pollTrusteeAction, type PollTrusteeAnswer } from "~/modules/road/poll-trustee-actions.server";
import { respond } from "~/utils/action-answer.server";
import { requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

/**
 * A poll's trustee at work (decision 045): making their key, then after the close shuffling
 * (ranked polls) and decrypting their share, in their browser or with belenios-tool. The private
 * key never reaches the server: the page's file input has no name and is read by the browser only.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "poll.vote");
  const page = await pollTrusteePageView(context.db, params.pollId ?? "", user.id);
  if (!page) throw new Response(t.notTrustee, { status: 404 });
  return data(page, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "poll.vote");
  // The front door reads a larger body for this page (a shuffle can be megabytes) and, when it is
  // multipart, hands it over parsed; a file sent in place of the text is not the text.
  const values = formValues(context.uploadForm ?? (await request.formData()));
  const done = await pollTrusteeAction(context.db, { id: user.id, label: user.email }, params.pollId ?? "", values);
  if (!done) throw new Response(t.unknownRequest, { status: 400 });
  return respond(done);
}

export default function TrusteePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as PollTrusteeAnswer | undefined;
  const errors: FieldErrors = result && !result.ok ? result.errors : {};
  const ranked = d.groupName === "RFC-3526-2048";
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} fieldIds={{ share: "share" }} />
      {result?.ok ? (
        <div className="panel panel--confirmation" role="status">
          <p>{result.counted ? t.counted : result.ceremonyStep ? t.stepSent : t.sent[result.intent]}</p>
        </div>
      ) : null}
      <h1>{t.title(d.poll.title)}</h1>
      <p className="lead">{t.lead(d.position, d.trustees, d.threshold)}</p>
      {d.poll.status === "decrypting" ? <p>{t.progress(d.shuffled, d.decrypted, d.threshold ?? d.trustees, d.trustees, ranked)}</p> : null}
      <Task page={d} errors={errors} />
      <p>
        <Link to={`/polls/${d.poll.id}`}>{t.pollPageLink}</Link>
      </p>
    </div>
  );
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

function Task({ page, errors }: { page: PageData; errors: FieldErrors }) {
  const { task } = page;
  switch (task.kind) {
    case "give_key":
      return <GiveKeyTask groupName={page.groupName} keyFingerprint={page.keyFingerprint} error={errors.share} />;
    case "ceremony":
      return (
        <CeremonyTask
          page={{
            filesBase: `/polls/${page.poll.id}/trustee`,
            groupName: page.groupName,
            position: page.position,
            trustees: page.trustees,
            threshold: page.threshold ?? page.trustees,
            ...task,
          }}
          error={errors.share}
        />
      );
    case "wait_for_close":
      return (
        <p>
          {page.keyFingerprint ? `${page.threshold === null ? t.keyGivenNow(page.keyFingerprint) : t.ceremonyDone(page.keyFingerprint)} ` : ""}
          {t.waitForClose(page.closes)}
        </p>
      );
    case "wait_for_shuffle":
      return <p>{page.threshold === null ? t.waitForShuffle(task.before) : t.waitForOthersShuffle}</p>;
    case "done":
      return <p>{t.done(page.decrypted, page.threshold ?? page.trustees, page.trustees)}</p>;
    case "cancelled":
      return <p>{t.cancelled}</p>;
    case "shuffle":
    case "decrypt": {
      const shuffle = task.kind === "shuffle";
      const threshold = page.threshold !== null;
      return (
        <section aria-labelledby="task-title">
          <h2 id="task-title">{shuffle ? t.shuffleTitle : t.decryptTitle}</h2>
          <p>{shuffle ? (threshold ? t.thresholdShuffleText(page.threshold!) : t.shuffleText) : threshold ? t.thresholdDecryptText : t.decryptText}</p>
          <BrowserWork page={page} kind={shuffle ? "shuffle" : "decryption"} />
          <ToolPath
            intent={shuffle ? "shuffle" : "decryption"}
            label={shuffle ? t.pasteShuffleLabel : t.pasteDecryptionLabel}
            error={errors.share}
            shuffledBefore={shuffle ? page.shuffled : undefined}
          >
            <p>
              <a href={`/polls/${page.poll.id}/trustee/record.bel`} download>
                {t.toolRecordLink}
              </a>
            </p>
            {!shuffle && threshold ? (
              <p>
                <a href={`/polls/${page.poll.id}/trustee/decryption-key.dkey`} download>
                  {t.toolDkeyLink}
                </a>
              </p>
            ) : null}
            <p>{t.toolRecordSteps}</p>
            <p>
              <code>
                {shuffle ? t.toolShuffleCommand(page.position) : threshold ? t.toolThresholdDecryptCommand(page.position) : t.toolDecryptCommand(page.position)}
              </code>
            </p>
            <p>{t.toolPasteSteps}</p>
          </ToolPath>
        </section>
      );
    }
  }
}

/** Shuffling, or decrypting this trustee's share, in this browser, with an estimate first and progress shown. */
function BrowserWork({ page, kind }: { page: PageData; kind: "shuffle" | "decryption" }) {
  const hydrated = useHydrated();
  const submit = useSubmit();
  const keyFile = useRef<HTMLInputElement>(null);
  const [estimate, setEstimate] = useState<{ seconds: number; suggestBeleniosTool: boolean } | null>(null);
  const [state, setState] = useState<{ kind: "idle" } | { kind: "working"; fraction: number } | { kind: "failed"; message: string }>({ kind: "idle" });
  useEffect(() => {
    if (!hydrated) return;
    let live = true;
    void import("~/modules/belenios/browser/trustee-work").then(({ estimateTrusteeWork }) =>
      estimateTrusteeWork(page.groupName, kind === "shuffle" ? { shuffle: page.work.shuffle } : { decrypt: page.work.decrypt }).then(
        (e) => live && setEstimate(e),
      ),
    );
    return () => {
      live = false;
    };
  }, [hydrated, kind, page.groupName, page.work.shuffle, page.work.decrypt]);
  if (!hydrated) return null;
  const threshold = page.threshold !== null;
  const run = async () => {
    let key: KeyForDecrypting | null = null;
    if (kind === "decryption") {
      const file = keyFile.current?.files?.[0];
      if (!file) return setState({ kind: "failed", message: t.keyFileMissing });
      key = await checkKeyFile({ groupName: page.groupName, threshold, publicKey: page.publicKey, keyText: await file.text(), pollId: page.poll.id });
      if (!key) return setState({ kind: "failed", message: threshold ? t.keyFileWrong : t.keyDoesNotMatch });
    }
    setState({ kind: "working", fraction: 0 });
    try {
      const share = await trusteeShareInBrowser({
        pollId: page.poll.id,
        kind,
        threshold,
        shuffled: page.shuffled,
        key,
        progress: (fraction) => setState({ kind: "working", fraction }),
      });
      submit(kind === "shuffle" ? { intent: kind, share, shuffledBefore: String(page.shuffled) } : { intent: kind, share }, { method: "post" });
    } catch {
      setState({ kind: "failed", message: t.browserFailed });
    }
  };
  return (
    <div className={`form-group${state.kind === "failed" ? " form-group--error" : ""}`}>
      {estimate ? <p className="hint">{estimate.suggestBeleniosTool ? t.estimateLong(estimate.seconds) : t.estimate(estimate.seconds)}</p> : null}
      {state.kind === "failed" ? <WorkError message={state.message} /> : null}
      {kind === "decryption" ? (
        <KeyFileInput id="private-key" label={threshold ? t.keyFileLabel : t.privateKeyLabel} error={state.kind === "failed"} inputRef={keyFile} />
      ) : null}
      {state.kind === "working" ? (
        <Progress label={kind === "shuffle" ? t.shuffling : t.decrypting} fraction={state.fraction} />
      ) : (
        <button type="button" className="button" onClick={() => void run()}>
          {kind === "shuffle" ? t.shuffleButton : t.decryptButton}
        </button>
      )}
    </div>
  );
}
