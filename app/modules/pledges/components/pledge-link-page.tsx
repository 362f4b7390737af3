import { Form } from "@remix-run/react";
import { pledgeLinkWording } from "~/modules/pledges/messages";
import { NotificationBanner } from "~/components/forms";

type Loaded = { valid: true; token: string; name: string; withdrawn: boolean } | { valid: false };

/** The page an emailed pledge link opens, for confirming or for withdrawing. */
export function PledgeLinkPage({ kind, loaded, result }: { kind: "confirm" | "withdraw"; loaded: Loaded; result?: { ok: boolean; closed: boolean } }) {
  const w = pledgeLinkWording[kind];
  if (result?.ok) {
    return (
      <div className="page page--narrow">
        <NotificationBanner title={w.doneTitle} kind="success">
          <p>{w.doneText}</p>
        </NotificationBanner>
        <p>
          <a href="/campaign">{pledgeLinkWording.seeCampaign}</a>
        </p>
      </div>
    );
  }
  if (!loaded.valid || result) {
    return (
      <div className="page page--narrow">
        <h1>{w.title}</h1>
        <p>{result?.closed ? w.closed : w.invalid}</p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>{w.title}</h1>
      <p>{pledgeLinkWording.hello(loaded.name)}</p>
      {loaded.withdrawn ? <p>{pledgeLinkWording.alreadyWithdrawn}</p> : <p>{w.lead}</p>}
      {loaded.withdrawn ? null : (
        <Form method="post">
          <input type="hidden" name="token" value={loaded.token} />
          <button type="submit" className={kind === "withdraw" ? "button button--warning" : "button"}>
            {w.button}
          </button>
        </Form>
      )}
    </div>
  );
}
