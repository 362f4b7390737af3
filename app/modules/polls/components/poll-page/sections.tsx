/** The poll page's parts (routes/polls.$pollId._index.tsx): each says one thing about the poll. */
import { Form, Link } from "@remix-run/react";
import type { FormEvent, RefObject } from "react";
import { NotificationBanner, TextField } from "~/components/forms";
import { isReferenceRule } from "~/modules/ballots/reference-rules";
import { choiceLabels, majorityDescriptions, methodDescriptions, publicationDescriptions, pollsText } from "~/modules/polls/messages";
import { pollSectionsText as t } from "~/modules/polls/poll-page-messages";
import { pollTurnoutLine } from "~/modules/polls/status";
import { WaitingNotice } from "~/modules/roles/components/waiting-notice";
import { formatDateTime } from "~/utils/dates";
import { MAX_OFFICIAL_REASON_LENGTH } from "~/utils/input-limits";
import type { PollPageAnswer } from "./answer";
import type { CountedTogether, PollPageView } from "./view";

export function PollStatusTag({ status }: { status: string }) {
  return <span className={`status-tag status-tag--${status}`}>{t.statusTags[status]}</span>;
}

export function CancelledNotice({ cancelled }: { cancelled: { at: string; reason: string } }) {
  return (
    <div className="panel" role="status">
      <h2>{t.cancelled.heading}</h2>
      <p>{t.cancelled.when(cancelled.at)}</p>
      <p>{t.cancelled.reason(cancelled.reason)}</p>
    </div>
  );
}

export function CountingNotice({ closesAt, countedBy }: { closesAt: string; countedBy: CountedTogether | null }) {
  return (
    <p className="panel">
      {t.counting.closed(formatDateTime(closesAt, { weekday: true }))}
      {countedBy ? (
        <>
          {t.counting.with}
          <Link to={countedBy.page}>{countedBy.what}</Link>
        </>
      ) : null}
      {t.counting.after}
    </p>
  );
}

export function CastReceipt(props: { receipt: string; encrypted: boolean; encryptedInBrowser?: boolean; focusRef: RefObject<HTMLDivElement> }) {
  return (
    <NotificationBanner title={t.receipt.title} kind="success" focusRef={props.focusRef}>
      <p>{t.receipt.codeIs}</p>
      <p className="receipt">{props.receipt}</p>
      <p>{t.receipt.keep}</p>
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
      <h2 id="review-title">{t.review.heading}</h2>
      {result.choice ? (
        <p>
          {t.review.youAreVoting}
          <strong>{choiceLabels[result.choice === "yes" || result.choice === "no" ? result.choice : "abstain"]}</strong>
        </p>
      ) : (
        <ol className="list">
          {(result.ranking ?? []).map((p) => (
            <li key={p}>{labelOf(p)}</li>
          ))}
        </ol>
      )}
      <p>{t.review.final}</p>
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
          {t.review.cast}
        </button>
        <button type="submit" name="intent" value="edit" className="button button--secondary" disabled={props.busy}>
          {t.review.change}
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
          <Link to={`/login?redirectTo=/polls/${pollId}`}>{t.cannotVote.signIn}</Link>
          {t.cannotVote.toVote}
        </>
      ) : viewer.voted ? (
        t.cannotVote.voted
      ) : viewer.clauseId && viewer.onRoll ? (
        <>
          {t.cannotVote.onClauseBallot}
          <Link to={`/constitution/vote/${viewer.clauseId}`}>{t.cannotVote.clauseBallotLink}</Link>
          {t.cannotVote.clauseBallotAfter}
        </>
      ) : !viewer.onRoll ? (
        t.cannotVote.notOnRoll
      ) : (
        t.cannotVote.cannot
      )}
    </p>
  );
}

/** Where anyone can check a closed poll's count. */
export function CheckTheCount({ pollId, method, encrypted }: { pollId: string; method: string; encrypted: boolean }) {
  return (
    <>
      <h2>{t.checkTheCount.heading}</h2>
      <ul className="list">
        <li>
          <Link to={`/polls/${pollId}/receipt`}>{t.checkTheCount.receipt}</Link>
        </li>
        <li>
          <Link to={`/polls/${pollId}/ballots`}>{t.checkTheCount.published}</Link>
          {method === "yes-no" ? null : (
            <>
              {t.checkTheCount.bltBefore}
              <a href={`/polls/${pollId}/ballots.blt`}>{t.checkTheCount.bltLink}</a>
              {t.checkTheCount.bltAfter}
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
      <h2>{t.howItWorks.heading}</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t.howItWorks.voting}</dt>
          <dd>{methodDescriptions[poll.method]}</dd>
        </div>
        {poll.method === "yes-no" ? (
          <div className="summary-list__row">
            <dt>{t.howItWorks.toPass}</dt>
            <dd>
              {majorityDescriptions[poll.majority]}
              {poll.quorumZero ? "" : t.howItWorks.withQuorum(poll.quorum)}
            </dd>
          </div>
        ) : (
          <div className="summary-list__row">
            <dt>{t.howItWorks.seats}</dt>
            <dd>{poll.seats}</dd>
          </div>
        )}
        <div className="summary-list__row">
          <dt>{t.howItWorks.roll}</dt>
          <dd>
            {/* Beside a receipt just shown, the reader's own ballot counts even before the page's data is refreshed. */}
            {pollTurnoutLine({ status: poll.status, rollSize: poll.rollSize, voters: poll.voters, youVoted })}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.howItWorks.ties}</dt>
          <dd>
            {isReferenceRule(poll.method) ? pollsText.tiesByLot : pollsText.tiesByStages} <code>{poll.lotSeed}</code>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.howItWorks.secrecy}</dt>
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
        <h2 id="manage-title">{t.run.heading}</h2>
        <p>
          {t.run.countedWith}
          <Link to={countedBy.page}>{countedBy.what}</Link>
          {t.run.countedWithAfter}
        </p>
      </section>
    );
  if (!viewer.canManage || (poll.status !== "open" && poll.status !== "draft")) return null;
  return (
    <section aria-labelledby="manage-title" className="panel">
      <h2 id="manage-title">{t.run.heading}</h2>
      <Form method="post">
        {poll.status === "draft" ? (
          <button type="submit" name="intent" value="open" className="button">
            {t.run.open}
          </button>
        ) : viewer.closesInFuture && !viewer.canCloseEarly ? (
          <WaitingNotice notice={props.waiting} />
        ) : (
          <>
            {viewer.closesInFuture ? (
              <TextField name="reason" label={t.run.closeReason} hint={t.run.closeReasonHint(MAX_OFFICIAL_REASON_LENGTH)} error={props.error} />
            ) : null}
            <button type="submit" name="intent" value="close" className="button button--warning">
              {t.run.close}
            </button>
          </>
        )}
      </Form>
    </section>
  );
}
