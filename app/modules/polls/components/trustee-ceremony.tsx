import { useSubmit } from "@remix-run/react";
import { useRef, useState } from "react";
import { trusteeText as t } from "~/modules/polls/trustee-messages";
import { BrowserMadeKey } from "./trustee-key";
import { fetchTrusteeFile, KeyFileInput, Progress, ToolPath, useHydrated, WorkError } from "./trustee-work";

/**
 * The threshold key ceremony on a trustee's page (decision 046): the three steps each trustee
 * takes, in their browser or with belenios-tool. The key file (the trustee's secret seed) is made
 * and read by the browser only; the server gets the public part of each step.
 */

export type CeremonyStepName = "certificate" | "polynomial" | "key_share";

export interface CeremonyPage {
  /** Where the page's files are: a poll's trustee page, or a trustee set's (decision 047). */
  filesBase: string;
  groupName: string;
  position: number;
  trustees: number;
  threshold: number;
  step: CeremonyStepName;
  given: boolean;
  taken: number;
}

const stepNumber = { certificate: 1, polynomial: 2, key_share: 3 } as const;

export function CeremonyTask({ page, error }: { page: CeremonyPage; error?: string }) {
  const number = stepNumber[page.step];
  return (
    <section aria-labelledby="task-title">
      <h2 id="task-title">{t.ceremonyTitle(number)}</h2>
      {page.step === "certificate" ? <p>{t.ceremonyIntro(page.threshold, page.trustees)}</p> : null}
      {page.given ? (
        <p>
          {page.step === "certificate" ? t.certificateGiven : t.stepGiven} {t.waitForStep(page.taken, page.trustees)}
        </p>
      ) : null}
      {page.step === "certificate" ? (
        <>
          <p>{t.certificateText}</p>
          <BrowserCertificate groupName={page.groupName} />
          <ToolPath intent="key" label={t.pasteCertificateLabel} error={error}>
            <p>
              <code>{t.toolCertificateCommand(page.groupName)}</code>
            </p>
            <p>{t.toolCertificateSteps}</p>
          </ToolPath>
        </>
      ) : page.given ? null : (
        <>
          <p>{page.step === "polynomial" ? t.polynomialText : t.keyShareText}</p>
          <BrowserStep page={page} />
          <ToolPath intent="key" label={t.pasteStepLabel} error={error}>
            <p>
              <a href={`${page.filesBase}/certificates.jsons`} download>
                {t.toolCertificatesLink}
              </a>
            </p>
            {page.step === "key_share" ? (
              <p>
                <a href={`${page.filesBase}/vinput.json`} download>
                  {t.toolVinputLink}
                </a>
              </p>
            ) : null}
            <p>{t.toolStepPaste}</p>
            <p>
              <code>
                {page.step === "polynomial" ? t.toolPolynomialCommand(page.groupName, page.threshold) : t.toolKeyShareCommand(page.groupName, page.position)}
              </code>
            </p>
          </ToolPath>
        </>
      )}
    </section>
  );
}

/** Step 1 in this browser: the key file offered for saving, its public part (the certificate) sent once saved. */
function BrowserCertificate({ groupName }: { groupName: string }) {
  return (
    <BrowserMadeKey
      buttonText={t.makeCertificateButton}
      make={async (options) => {
        const { makeCertificateInBrowser } = await import("~/modules/belenios/browser/threshold-ceremony");
        const made = await makeCertificateInBrowser(groupName, options);
        return { id: made.id.slice(0, 8), file: made.keyFile, publicText: made.certJson };
      }}
      fileName={(id) => `trustee-${id}.key`}
      linkText={t.saveKeyFile}
      sendText={t.giveCertificateButton}
    />
  );
}

/** Steps 2 and 3 in this browser, from the key file and the files the server relays. */
function BrowserStep({ page }: { page: CeremonyPage }) {
  const hydrated = useHydrated();
  const submit = useSubmit();
  const keyFile = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ kind: "idle" } | { kind: "working"; fraction: number } | { kind: "failed"; message: string }>({ kind: "idle" });
  if (!hydrated) return null;
  const run = async () => {
    const file = keyFile.current?.files?.[0];
    if (!file) return setState({ kind: "failed", message: t.keyFileMissing });
    const keyText = await file.text();
    setState({ kind: "working", fraction: 0 });
    try {
      const ceremony = await import("~/modules/belenios/browser/threshold-ceremony");
      const { pageBreather } = await import("~/modules/polls/encrypted/encrypt-in-browser");
      const options = { pause: pageBreather(), progress: (fraction: number) => setState({ kind: "working", fraction }) };
      const certs = await fetchTrusteeFile(page.filesBase, "certificates.jsons");
      if (!(await ceremony.keyFileIsTrustees(page.groupName, certs, keyText, page.position).catch(() => false)))
        return setState({ kind: "failed", message: t.keyFileWrong });
      const share =
        page.step === "polynomial"
          ? await ceremony.makePolynomialInBrowser(page.groupName, certs, keyText, page.threshold, options)
          : await ceremony.makeKeyShareInBrowser(page.groupName, certs, keyText, await fetchTrusteeFile(page.filesBase, "vinput.json"), options);
      submit({ intent: "key", share }, { method: "post" });
    } catch (error) {
      const from = ceremonyPieceFrom(error);
      setState({ kind: "failed", message: from === null ? t.browserFailed : t.pieceInvalid(from) });
    }
  };
  return (
    <div className={`form-group${state.kind === "failed" ? " form-group--error" : ""}`}>
      {state.kind === "failed" ? <WorkError message={state.message} /> : null}
      <KeyFileInput id="key-file" label={t.keyFileLabel} error={state.kind === "failed"} inputRef={keyFile} />
      {state.kind === "working" ? (
        <Progress label={t.working} fraction={state.fraction} />
      ) : (
        <button type="button" className="button" onClick={() => void run()}>
          {t.runStepButton}
        </button>
      )}
    </div>
  );
}

/** Which trustee's piece did not hold, when step 3 failed on one (the ceremony names it by number). */
function ceremonyPieceFrom(error: unknown): number | null {
  const match = error instanceof Error ? /secret (\d+)/.exec(error.message) : null;
  return match ? Number(match[1]) : null;
}
