import { Link } from "@remix-run/react";
import { pollTrusteeText } from "~/modules/polls/trustee-messages";

/** Who holds a poll's key when the returning officer named trustees, and where they stand (decision 045). */
export function TrusteesNote({
  pollId,
  status,
  trustees,
}: {
  pollId: string;
  status: string;
  trustees: { total: number; needed: number; keysGiven: number; decrypted: number; youAreOne: boolean };
}) {
  return (
    <section className="panel" aria-labelledby="trustees-title">
      <h2 id="trustees-title">{pollTrusteeText.heading}</h2>
      <p>{pollTrusteeText.held(trustees.total, trustees.needed)}</p>
      {status === "draft" ? <p>{pollTrusteeText.keysGiven(trustees.keysGiven, trustees.total)}</p> : null}
      {status === "decrypting" ? <p>{pollTrusteeText.decrypting(trustees.decrypted, trustees.needed, trustees.total)}</p> : null}
      {trustees.youAreOne ? (
        <p>
          <Link to={`/polls/${pollId}/trustee`}>{pollTrusteeText.yourPage}</Link>
        </p>
      ) : null}
    </section>
  );
}
