import { pollsText } from "~/modules/polls/messages";
import { pollTrusteeText } from "~/modules/polls/trustee-messages";

/** Where an encrypted poll's public record is, and what it lets anyone check (decision 044). */
export function EncryptedRecordNote({ pollId, ranked, trustees }: { pollId: string; ranked: boolean; trustees: { total: number; needed: number } }) {
  return (
    <section className="panel" aria-labelledby="record-title">
      <h2 id="record-title">{pollsText.recordTitle}</h2>
      <p>{pollsText.recordText}</p>
      <p>
        <a href={`/polls/${pollId}/record.bel`} download>
          {pollsText.recordLink}
        </a>
      </p>
      <p className="hint">
        {trustees.total > 0 ? pollTrusteeText.held(trustees.total, trustees.needed) : ranked ? pollsText.serverTrusteeRanked : pollsText.serverTrustee}
      </p>
    </section>
  );
}
