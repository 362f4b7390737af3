/** The poll page's parts (routes/polls.$pollId._index.tsx): each says one thing about the poll. */
import { Form, Link } from "@remix-run/react";
import type { FormEvent, RefObject } from "react";
import { NotificationBanner, TextField } from "~/components/forms";
import { isReferenceRule } from "~/modules/ballots/reference-rules";
import { majorityDescriptions, methodDescriptions, publicationDescriptions, pollsText } from "~/modules/polls/messages";
import { pollTurnoutLine } from "~/modules/polls/status";
import { WaitingNotice } from "~/modules/roles/components/waiting-notice";
import { formatDateTime } from "~/utils/dates";
import { MAX_OFFICIAL_REASON_LENGTH } from "~/utils/input-limits";
import type { PollPageAnswer } from "./answer";
import type { CountedTogether, PollPageView } from "./view";

const statusLabels: Record<string, string> = { open: "Open", decrypting: "Being decrypted", closed: "Closed", draft: "Not yet open", cancelled: "Cancelled" };

export function PollStatusTag({ status }: { status: string }) {
  return <span className={`status-tag status-tag--${status}`}>{statusLabels[status]}</span>;
}

export function CancelledNotice({ cancelled }: { cancelled: { at: string; reason: string } }) {
  return (
    <div className="panel" role="status">
      <h2>This poll was cancelled</h2>
      <p>
        It was cancelled on {cancelled.at} (UK time), before it closed. It takes no votes and is not counted; any ballots already cast were set aside unread.
      </p>
      <p>The reason given: {cancelled.reason}</p>
    </div>
  );
}

export function CountingNotice({ closesAt, countedBy }: { closesAt: string; countedBy: CountedTogether | null }) {
  return (
    <p className="panel">
      Voting closed on {formatDateTime(closesAt, { weekday: true })}. The ballots are being counted
      {countedBy ? (
        <>
          {" "}
          with <Link to={countedBy.page}>{countedBy.what}</Link>
        </>
      ) : null}
      ; the result is published here when the count is done.
    </p>
  );
}

export function CastReceipt(props: { receipt: string; encrypted: boolean; encryptedInBrowser?: boolean; focusRef: RefObject<HTMLDivElement> }) {
  return (
    <NotificationBanner title="Your vote has been cast" kind="success" focusRef={props.focusRef}>
      <p>Your receipt code is:</p>
      <p className="receipt">{props.receipt}</p>
      <p>
        Write it down or save it. Nobody else has it, and we cannot show it again. After the poll closes you can use it to check that your ballot was counted.
      </p>
      {props.encrypted ? <p>{props.encryptedInBrowser ? pollsText.encryptedByBrowser : pollsText.encryptedByServer}</p> : null}
    </NotificationBanner>
  );
}

/** The ballot read back before it is cast; with JavaScript, "Cast my vote" goes to the ballot endpoint (useQuickCast). */
export function CastReview(props: {
  review: Extract<PollPageAnswer, { stage: "review" }>;
  labelOf: (position: number) => string;
  encrypting: number | null;
  busy: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const { review: result, labelOf } = props;
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">Check your ballot</h2>
      {result.choice ? (
        <p>
          You are voting: <strong>{result.choice === "yes" ? "Yes" : result.choice === "no" ? "No" : "Abstain"}</strong>
        </p>
      ) : (
        <ol className="list">
          {(result.ranking ?? []).map((p) => (
            <li key={p}>{labelOf(p)}</li>
          ))}
        </ol>
      )}
      <p>Once cast, a ballot cannot be changed.</p>
      {props.encrypting !== null ? (
        <p className="hint" role="status">
          <label htmlFor="encrypting-progress">{pollsText.encryptingInBrowser}</label>{" "}
          <progress id="encrypting-progress" max={100} value={Math.round(props.encrypting * 100)} />
        </p>
      ) : null}
      <Form method="post" className="button-group" onSubmit={props.onSubmit}>
        {Object.entries(result.values).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <button type="submit" name="intent" value="cast" className="button" disabled={props.busy}>
          Cast my vote
        </button>
        <button type="submit" name="intent" value="edit" className="button button--secondary" disabled={props.busy}>
          Change my ballot
        </button>
      </Form>
    </section>
  );
}

/** Why the reader cannot vote here, when the poll is open. */
export function CannotVoteNote({ pollId, viewer }: { pollId: string; viewer: Pick<PollPageView["viewer"], "signedIn" | "voted" | "clauseId" | "onRoll"> }) {
  return (
    <p className="panel">
      {!viewer.signedIn ? (
        <>
          <Link to={`/login?redirectTo=/polls/${pollId}`}>Sign in</Link> to vote.
        </>
      ) : viewer.voted ? (
        "You have voted in this poll. Results will be published when it closes."
      ) : viewer.clauseId && viewer.onRoll ? (
        <>
          This question is on a clause&rsquo;s ballot:{" "}
          <Link to={`/constitution/vote/${viewer.clauseId}`}>vote on it with the clause&rsquo;s other questions</Link>.
        </>
      ) : !viewer.onRoll ? (
        "You are not on the roll for this poll."
      ) : (
        "You cannot vote in this poll."
      )}
    </p>
  );
}

/** Where anyone can check a closed poll's count. */
export function CheckTheCount({ pollId, method, encrypted }: { pollId: string; method: string; encrypted: boolean }) {
  return (
    <>
      <h2>Check the count yourself</h2>
      <ul className="list">
        <li>
          <Link to={`/polls/${pollId}/receipt`}>Check that your ballot was counted</Link>
        </li>
        <li>
          <Link to={`/polls/${pollId}/ballots`}>The published ballots</Link>
          {method === "yes-no" ? null : (
            <>
              {" "}
              and the <a href={`/polls/${pollId}/ballots.blt`}>ballot file (BLT)</a> for an independent recount
            </>
          )}
        </li>
        {encrypted ? (
          <li>
            <a href={`/polls/${pollId}/record.bel`} download>
              {pollsText.recordLink}
            </a>
            {pollsText.recordLinkAfter}
          </li>
        ) : null}
      </ul>
    </>
  );
}

export function HowThisPollWorks({ poll, youVoted }: { poll: PollPageView["poll"]; youVoted: boolean }) {
  return (
    <>
      <h2>How this poll works</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Voting</dt>
          <dd>{methodDescriptions[poll.method]}</dd>
        </div>
        {poll.method === "yes-no" ? (
          <div className="summary-list__row">
            <dt>To pass</dt>
            <dd>
              {majorityDescriptions[poll.majority]}
              {poll.quorumZero ? "" : `, with ${poll.quorum} taking part`}
            </dd>
          </div>
        ) : (
          <div className="summary-list__row">
            <dt>Seats</dt>
            <dd>{poll.seats}</dd>
          </div>
        )}
        <div className="summary-list__row">
          <dt>Roll</dt>
          <dd>
            {/* Beside a receipt just shown, the reader's own ballot counts even before the page's data is refreshed. */}
            {pollTurnoutLine({ status: poll.status, rollSize: poll.rollSize, voters: poll.voters, youVoted })}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Ties</dt>
          <dd>
            {isReferenceRule(poll.method) ? pollsText.tiesByLot : pollsText.tiesByStages} <code>{poll.lotSeed}</code>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Secrecy</dt>
          <dd>{publicationDescriptions[poll.publication]}</dd>
        </div>
      </dl>
    </>
  );
}

/** Opening and closing the poll, for those who run polls. */
export function RunPoll(props: {
  poll: Pick<PollPageView["poll"], "status">;
  viewer: Pick<PollPageView["viewer"], "canManage" | "closesInFuture" | "canCloseEarly">;
  countedBy: CountedTogether | null;
  waiting: PollPageView["waiting"];
  error?: string;
}) {
  const { poll, viewer, countedBy } = props;
  if (viewer.canManage && countedBy && poll.status === "open")
    return (
      <section aria-labelledby="manage-title" className="panel">
        <h2 id="manage-title">Run this poll</h2>
        <p>
          This ballot is closed and counted with <Link to={countedBy.page}>{countedBy.what}</Link>, never on its own.
        </p>
      </section>
    );
  if (!viewer.canManage || (poll.status !== "open" && poll.status !== "draft")) return null;
  return (
    <section aria-labelledby="manage-title" className="panel">
      <h2 id="manage-title">Run this poll</h2>
      <Form method="post">
        {poll.status === "draft" ? (
          <button type="submit" name="intent" value="open" className="button">
            Open the poll and freeze the roll
          </button>
        ) : viewer.closesInFuture && !viewer.canCloseEarly ? (
          <WaitingNotice notice={props.waiting} />
        ) : (
          <>
            {viewer.closesInFuture ? (
              <TextField
                name="reason"
                label="Reason for closing before the closing time"
                hint={`Recorded in the audit log. At most ${MAX_OFFICIAL_REASON_LENGTH} characters.`}
                error={props.error}
              />
            ) : null}
            <button type="submit" name="intent" value="close" className="button button--warning">
              Close the poll and count
            </button>
          </>
        )}
      </Form>
    </section>
  );
}
