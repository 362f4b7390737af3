import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { documentsPageText as t, packStatusText } from "../../documents-messages";
import type { PackStatus } from "../../pack.server";

/**
 * While the pack is being prepared, asks the status route every second, for the pack's key the
 * page was given (one row read, on any server), and says when it is ready. Without JavaScript
 * the page offers a link to check again instead.
 */
function usePackStatus(initial: PackStatus, key: string): PackStatus {
  const [status, setStatus] = useState(initial);
  useEffect(() => setStatus(initial), [initial]);
  useEffect(() => {
    if (status !== "rendering") return;
    let stopped = false;
    const timer = setInterval(() => {
      fetch(`/registration/documents/status?key=${encodeURIComponent(key)}`, { headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? (r.json() as Promise<{ status: PackStatus }>) : null))
        .then((body) => {
          if (!stopped && body && body.status !== "rendering") setStatus(body.status);
        })
        .catch(() => undefined);
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [status, key]);
  return status;
}

/** Where the pack stands, kept up to date while it is prepared, with what can be done next. */
export function PackStatusPanel({ initial, packKey }: { initial: PackStatus; packKey: string }) {
  const status = usePackStatus(initial, packKey);
  return (
    <div id="pack-status" className="panel">
      <p role="status" aria-live="polite">
        {packStatusText[status]}
      </p>
      {status === "rendering" ? (
        <p>
          <a href="/registration/documents?again=1#pack-status">{t.checkAgain}</a>
        </p>
      ) : status !== "ready" ? (
        <Form method="post">
          <button type="submit" name="intent" value="prepare" className="button button--secondary">
            {t.prepare}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
