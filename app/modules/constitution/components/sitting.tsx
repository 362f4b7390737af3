import { Link } from "@remix-run/react";
import { NotificationBanner } from "~/components/forms";
import { sittingMessages } from "~/modules/constitution/sitting-messages";

/** The receipts of the clause ballot just cast, shown once on the page the sitting moved on to. */
export function JustCastBanner({ cast }: { cast: { title: string; receipts: string[] } | null }) {
  if (!cast) return null;
  return (
    <NotificationBanner title={sittingMessages.justCastTitle(cast.title)} kind="success">
      <p>{sittingMessages.receiptsHint}</p>
      <ul className="list">
        {cast.receipts.map((r, i) => (
          <li key={r}>
            {sittingMessages.receiptLabel(i + 1)} <code className="receipt">{r}</code>
          </li>
        ))}
      </ul>
    </NotificationBanner>
  );
}

/** How far the member has come, and the way on: the next clause not voted on, or their progress. */
export function SittingProgress({ progress, next }: { progress: { total: number; left: number }; next: string | null }) {
  return (
    <>
      <p>{sittingMessages.done(progress)}</p>
      {next ? (
        <p>
          <Link to={`/constitution/vote/${next}`} className="button">
            {sittingMessages.nextClause}
          </Link>
        </p>
      ) : null}
      <p>
        <Link to="/constitution/vote">{sittingMessages.backToProgress}</Link>
      </p>
    </>
  );
}
