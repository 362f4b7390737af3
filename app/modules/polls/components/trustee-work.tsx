import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { FieldError, TextArea } from "~/components/forms";
import { trusteeText as t } from "~/modules/polls/trustee-messages";

/**
 * The parts of a trustee's page (decision 045, 046) shared by every task: the belenios-tool way
 * (works without JavaScript), progress, and the browser's own way once the page runs its scripts.
 */

export type TrusteeIntent = "key" | "shuffle" | "decryption";

/** The way without JavaScript, and for trustees who trust only their own computer: belenios-tool, then paste. */
export function ToolPath({
  intent,
  label,
  error,
  children,
  shuffledBefore,
}: {
  intent: TrusteeIntent;
  label: string;
  error?: string;
  children: ReactNode;
  shuffledBefore?: number;
}) {
  const busy = useNavigation().state === "submitting";
  return (
    <details className="details" open={Boolean(error)}>
      <summary>{t.toolTitle}</summary>
      <p>{t.toolIntro}</p>
      {children}
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {shuffledBefore !== undefined ? <input type="hidden" name="shuffledBefore" value={shuffledBefore} /> : null}
        <TextArea name="share" label={label} rows={6} error={error} />
        <button type="submit" className="button" disabled={busy}>
          {t.sendButton}
        </button>
      </Form>
    </details>
  );
}

/** Browser work is only offered once the page runs its scripts. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function Progress({ label, fraction }: { label: string; fraction: number }) {
  return (
    <div role="status">
      <p>{label}</p>
      <progress max={1} value={fraction} aria-label={label} />
    </div>
  );
}

/** A saved-file link, the box to say it was saved, and the button that sends the public part. */
export function SaveThenSend({
  url,
  fileName,
  linkText,
  sendText,
  onSend,
}: {
  url: string;
  fileName: string;
  linkText: string;
  sendText: string;
  onSend: () => void;
}) {
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className={`form-group${problem ? " form-group--error" : ""}`}>
      <p>
        <a href={url} download={fileName} className="button button--secondary">
          {linkText}
        </a>
      </p>
      <FieldError id="saved" message={problem ?? undefined} />
      <div className="radios__item">
        <input type="checkbox" id="saved" checked={saved} onChange={(e) => setSaved(e.target.checked)} aria-describedby={problem ? "saved-error" : undefined} />
        <label htmlFor="saved">{t.savedCheckbox}</label>
      </div>
      <button
        type="button"
        className="button"
        onClick={() => {
          if (!saved) return setProblem(t.savedRequired);
          onSend();
        }}
      >
        {sendText}
      </button>
    </div>
  );
}

/** A key file chosen in the page: read by the browser only (no name: it is never sent). */
export function KeyFileInput({ id, label, error, inputRef }: { id: string; label: string; error: boolean; inputRef: React.RefObject<HTMLInputElement> }) {
  return (
    <p>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input type="file" id={id} ref={inputRef} className="file-upload" aria-describedby={error ? "work-error" : undefined} />
    </p>
  );
}

export function WorkError({ message }: { message: string }) {
  return <FieldError id="work" message={message} />;
}

/** The text of a file the trustee's page serves (certificates, pieces, the election...), under base. */
export async function fetchTrusteeFile(base: string, name: string): Promise<string> {
  const response = await fetch(`${base}/${name}`, { credentials: "same-origin" });
  if (!response.ok) throw new Error(name);
  return response.text();
}
