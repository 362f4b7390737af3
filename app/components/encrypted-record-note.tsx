import { pollsText } from "~/modules/polls/messages";

/** Where an encrypted poll's public record is, and what it lets anyone check (decision 044). */
export function EncryptedRecordNote({ pollId, ranked }: { pollId: string; ranked: boolean }) {
  return (
    <section className="panel" aria-labelledby="record-title">
      <h2 id="record-title">{pollsText.recordTitle}</h2>
      <p>{pollsText.recordText}</p>
      <p>
        <a href={`/polls/${pollId}/record.bel`} download>
          {pollsText.recordLink}
        </a>
      </p>
      <p className="hint">{ranked ? pollsText.serverTrusteeRanked : pollsText.serverTrustee}</p>
    </section>
  );
}
