import { useSubmit } from "@remix-run/react";
import { useState } from "react";
import { trusteeText as t } from "~/modules/polls/trustee-messages";
import { Progress, SaveThenSend, ToolPath, useHydrated, WorkError } from "./trustee-work";

/**
 * Making a trustee's own key (decision 045): in this browser, the private key file offered for
 * saving and the public part sent once it is saved; or pasted from belenios-tool. On a poll's
 * trustee page, and on a trustee set's (decision 047).
 */
export function GiveKeyTask({ groupName, keyFingerprint, error }: { groupName: string; keyFingerprint: string | null; error?: string }) {
  return (
    <section aria-labelledby="task-title">
      <h2 id="task-title">{t.giveKeyTitle}</h2>
      {keyFingerprint ? <p>{t.keyGiven(keyFingerprint)}</p> : null}
      <p>{t.giveKeyText}</p>
      <BrowserKey groupName={groupName} />
      <ToolPath intent="key" label={t.pasteKeyLabel} error={error}>
        <p>
          <code>{t.toolKeyCommand(groupName)}</code>
        </p>
        <p>{t.toolKeySteps}</p>
      </ToolPath>
    </section>
  );
}

/** Making the key pair in this browser: the private file is offered for saving, the public part sent. */
function BrowserKey({ groupName }: { groupName: string }) {
  return (
    <BrowserMadeKey
      buttonText={t.makeKeyButton}
      make={async (options) => {
        const { generateTrusteeKeyInBrowser } = await import("~/modules/belenios/browser/trustee-key");
        const key = await generateTrusteeKeyInBrowser(groupName, options);
        return { id: key.id, file: key.privateKeyFile, publicText: key.publicKeyJson };
      }}
      fileName={(id) => `trustee-${id}.privkey`}
      linkText={t.savePrivateKey}
      sendText={t.giveKeyButton}
    />
  );
}

/** What a browser made: the file the trustee keeps (and its short name), and the public text the server gets. */
export interface MadeKey {
  id: string;
  file: string;
  publicText: string;
}

/**
 * A secret made in this browser, with progress shown: the file offered for saving, and the
 * public part sent once the trustee says they saved it. A plain key (decision 045) or the key
 * file of a threshold ceremony (decision 046).
 */
export function BrowserMadeKey({
  buttonText,
  make,
  fileName,
  linkText,
  sendText,
}: {
  buttonText: string;
  make: (options: { pause: () => Promise<void>; progress: (fraction: number) => void }) => Promise<MadeKey>;
  fileName: (id: string) => string;
  linkText: (id: string) => string;
  sendText: string;
}) {
  const hydrated = useHydrated();
  const submit = useSubmit();
  const [state, setState] = useState<
    { kind: "idle" } | { kind: "working"; fraction: number } | { kind: "made"; made: MadeKey; url: string } | { kind: "failed" }
  >({ kind: "idle" });
  if (!hydrated) return null;
  const start = async () => {
    setState({ kind: "working", fraction: 0 });
    try {
      const { pageBreather } = await import("~/modules/polls/encrypted/encrypt-in-browser");
      const made = await make({ pause: pageBreather(), progress: (fraction) => setState({ kind: "working", fraction }) });
      const url = URL.createObjectURL(new Blob([made.file], { type: "application/octet-stream" }));
      setState({ kind: "made", made, url });
    } catch {
      setState({ kind: "failed" });
    }
  };
  if (state.kind === "working") return <Progress label={t.makingKey} fraction={state.fraction} />;
  if (state.kind === "failed") return <WorkError message={t.browserFailed} />;
  if (state.kind === "idle")
    return (
      <button type="button" className="button" onClick={() => void start()}>
        {buttonText}
      </button>
    );
  return (
    <SaveThenSend
      url={state.url}
      fileName={fileName(state.made.id)}
      linkText={linkText(state.made.id)}
      sendText={sendText}
      onSend={() => submit({ intent: "key", share: state.made.publicText }, { method: "post" })}
    />
  );
}
