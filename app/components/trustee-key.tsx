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
  const hydrated = useHydrated();
  const submit = useSubmit();
  const [state, setState] = useState<{ kind: "idle" } | { kind: "working"; fraction: number } | { kind: "made"; id: string; publicKeyJson: string; url: string } | { kind: "failed" }>({ kind: "idle" });
  if (!hydrated) return null;
  const make = async () => {
    setState({ kind: "working", fraction: 0 });
    try {
      const { generateTrusteeKeyInBrowser } = await import("~/modules/belenios/browser/trustee-key");
      const { pageBreather } = await import("~/modules/polls/encrypted/encrypt-in-browser");
      const key = await generateTrusteeKeyInBrowser(groupName, { pause: pageBreather(), progress: (fraction) => setState({ kind: "working", fraction }) });
      const url = URL.createObjectURL(new Blob([key.privateKeyFile], { type: "application/octet-stream" }));
      setState({ kind: "made", id: key.id, publicKeyJson: key.publicKeyJson, url });
    } catch {
      setState({ kind: "failed" });
    }
  };
  if (state.kind === "working") return <Progress label={t.makingKey} fraction={state.fraction} />;
  if (state.kind === "failed") return <WorkError message={t.browserFailed} />;
  if (state.kind === "idle")
    return (
      <button type="button" className="button" onClick={() => void make()}>
        {t.makeKeyButton}
      </button>
    );
  return (
    <SaveThenSend
      url={state.url}
      fileName={`trustee-${state.id}.privkey`}
      linkText={t.savePrivateKey(state.id)}
      sendText={t.giveKeyButton}
      onSend={() => submit({ intent: "key", share: state.publicKeyJson }, { method: "post" })}
    />
  );
}

