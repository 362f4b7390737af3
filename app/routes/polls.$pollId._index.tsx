import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ErrorSummary, NotificationBanner, TextArea, TextField, type FieldErrors } from "~/components/forms";
import { PollResults } from "~/components/poll-results";
import { RankingEnhancer } from "~/components/ranking-enhancer";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { isReferenceRule } from "~/modules/ballots/reference-rules";
import { castEndpointPath, type CastAnswer } from "~/modules/polls/cast-endpoint";
import { cancelPoll, extendPollClosing } from "~/modules/polls/corrections.server";
import { cancelRefusal, correctionPermission } from "~/modules/polls/corrections";
import { periodRefusal } from "~/modules/content/periods.server";
import {
  ballotProblemMessages,
  castFailedMessage,
  correctionProblemMessages,
  majorityDescriptions,
  methodDescriptions,
  publicationDescriptions,
  pollsText,
  pollTextMessages,
  quorumDescription,
} from "~/modules/polls/messages";
import { ballotFormValues, parseBallotForm } from "~/modules/polls/parse-ballot-form";
import { ballotBoxFor } from "~/modules/polls/ballot-box.server";
import { noteCastSent, noteCastStored } from "~/modules/polls/cast-record";
import { pollTimeLine, pollTurnoutLine } from "~/modules/polls/status";
import { ballotsCast, closePoll, hasVoted, isOnRoll, loadRules, openPoll, PAGE_READ } from "~/modules/polls/polls.server";
import { browserBallotKey } from "~/modules/polls/encrypted/browser-ballots.server";
import { pollTrusteeText } from "~/modules/polls/trustee-messages";
import { pollTrusteeSummary } from "~/modules/polls/trustee-page.server";
import { encryptRankingInBrowser, encryptYesNoInBrowser, type BallotKey } from "~/modules/polls/encrypted/encrypt-in-browser";
import { isRankingOf } from "~/modules/polls/encrypted/ranked-answers";
import { listRollCandidates } from "~/modules/polls/roll.server";
import { principalOf, requirePermission, requireUser } from "~/utils/auth.server";
import { MAX_CORRECTION_REASON_LENGTH, MAX_OFFICIAL_REASON_LENGTH } from "~/utils/input-limits";
import { formatLondonLong, fromLondonLocal } from "~/utils/london-time";
import { textLimitProblem } from "~/utils/text-limits";
import { isAllowed } from "~/utils/permissions";
import { WaitingNotice } from "~/components/waiting-notice";
import { waitingNoticeFor } from "~/modules/roles/roles.server";
import { earlyCloseWaiting } from "~/modules/roles/waiting-for";
import { formatDateTime } from "~/utils/dates";
import { plural } from "~/utils/plural";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.poll.title ?? "Poll"} - Breakaway` }];

// The page can carry the member's private credential: no copy of it is kept anywhere on the way.
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const cacheControl = loaderHeaders.get("Cache-Control") ?? actionHeaders.get("Cache-Control");
  return cacheControl ? { "Cache-Control": cacheControl } : new Headers();
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const loaded = await loadRules(context.db, params.pollId ?? "", PAGE_READ);
  const canManage = isAllowed(principalOf(context), "poll.manage");
  // A draft is for those who run polls until it opens.
  if (!loaded || (loaded.poll.status === "draft" && !canManage)) throw new Response("Not found", { status: 404 });
  const { poll, rules } = loaded;
  const userId = auth?.user.id;
  // Every ballot is cast with its voter's mark in one transaction, so the ballots cast so far
  // are the number who have voted: no count over the voters on every page view.
  const { clauseId } = loaded;
  const [onRoll, voted, voters, trustees] = await Promise.all([
    userId ? isOnRoll(context.db, poll.id, userId) : false,
    userId ? hasVoted(context.db, poll.id, userId) : false,
    ballotsCast(context.db, poll.id),
    pollTrusteeSummary(context.db, poll.id, userId ?? null),
  ]);
  const canCloseEarly = isAllowed(principalOf(context), "poll.close_early");
  // Only those who run polls are told who can close this one early (waiting-for.ts).
  const canVote =
    poll.status === "open" && poll.closesAt.getTime() > Date.now() && onRoll && !voted && !clauseId && isAllowed(principalOf(context), "poll.vote");
  // With JavaScript the member's browser encrypts their ballot (issue 17): it needs their private
  // credential, given only to them, only while they can vote, and never cached. A Yes/No choice
  // and a ranking alike.
  const ballotKey = canVote && userId && loaded.election ? browserBallotKey(loaded.election, userId) : null;
  const waiting = canManage
    ? await waitingNoticeFor(context.db, principalOf(context), (roles) =>
        earlyCloseWaiting({ open: poll.status === "open", closesInFuture: poll.closesAt.getTime() > Date.now() }, { canCloseEarly }, roles),
      )
    : null;
  const page = {
    waiting,
    poll: {
      id: poll.id,
      title: poll.title,
      description: poll.description,
      method: poll.method,
      seats: poll.seats,
      status: poll.status,
      closesAt: (poll.closedAt ?? poll.closesAt).toISOString(),
      // When it closes or closed, from its state (decision 039).
      timeLine: pollTimeLine(poll, new Date()),
      cancelled: poll.status === "cancelled" && poll.cancelledAt ? { at: formatLondonLong(poll.cancelledAt), reason: poll.cancelReason ?? "" } : null,
      lotSeed: poll.lotSeed,
      // Encrypted rankings are shuffled before they are decrypted: never beside their receipts (decision 044).
      publication: loaded.election ? ("separate-lists" as const) : poll.publication,
      majority: poll.majority,
      quorum: quorumDescription(poll.quorumNumerator, poll.quorumDenominator, poll.status === "draft" ? null : poll.rollSize),
      quorumZero: poll.quorumNumerator === 0,
      rollSize: poll.rollSize,
      voters,
      // Ballots encrypted with Belenios, the server the only trustee (decision 044).
      encrypted: loaded.election !== null,
      // Results stay hidden until the poll closes.
      result: poll.status === "closed" ? (poll.result as PollResult) : null,
      // Only a ballot for people "elects": an officer election, or a free-standing ranked poll for
      // candidates (one offering re-open nominations). The members' decision and a Schulze poll
      // ("choosing between texts") choose options.
      outcome:
        poll.owner === "election" || (poll.owner === null && poll.method !== "schulze" && rules.options.some((o) => o.isRon))
          ? ("election" as const)
          : ("choice" as const),
    },
    options: rules.options.filter((o) => !o.withdrawn).map((o) => ({ position: o.position, label: o.label, isRon: o.isRon })),
    viewer: {
      signedIn: Boolean(auth),
      // A question of a clause's ballot is answered there, with the clause's other questions.
      canVote,
      clauseId,
      onRoll,
      voted,
      canManage,
      canCloseEarly,
      closesInFuture: poll.closesAt.getTime() > Date.now(),
      // Corrections on the record (decision 028): who may depends on whether the poll is held under the standing orders.
      canCorrect: (poll.status === "open" || poll.status === "draft") && isAllowed(principalOf(context), correctionPermission(poll.owner)),
      cannotCancel: ((r) => (r ? correctionProblemMessages[r] : null))(cancelRefusal(poll.owner)),
    },
    // Past its closing time and not yet counted: its owner counts it (decision 027).
    counting: poll.status === "open" && poll.closesAt.getTime() <= Date.now(),
    countedBy: countedTogether(poll.owner),
    ballotKey,
    // Named trustees hold its key instead of the server (decision 045).
    trustees,
  };
  return data(page, ballotKey ? { headers: { "Cache-Control": "no-store" } } : undefined);
}

/**
 * Where a poll closed only with the others of its owner is closed and counted: an election's
 * ballots (offices before the committee) and a constitution round's questions.
 */
function countedTogether(owner: string | null): { page: string; what: string } | null {
  if (owner === "election") return { page: "/elections", what: "the other ballots of the election, on the Elections page" };
  if (owner === "clause") return { page: "/constitution/results", what: "the other questions of its voting round, on the constitution's results page" };
  return null;
}

type ActionData =
  | { stage: "errors"; message: string; values: Record<string, string> }
  | { stage: "review"; values: Record<string, string>; choice?: string; ranking?: number[] }
  | { stage: "edit"; values: Record<string, string> }
  | { stage: "cast"; receipt: string; encryptedInBrowser?: boolean }
  | { stage: "managed"; message: string }
  | { stage: "manage-error"; message: string }
  | { stage: "correction-error"; intent: "cancel" | "extend"; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = form.get("intent");
  const pollId = params.pollId ?? "";
  // Permission first: nothing is looked up for someone who may not act.
  const correcting = intent === "cancel" || intent === "extend";
  const { user } = requireUser(request, context, intent === "open" || intent === "close" ? "poll.manage" : correcting ? "poll.correct" : "poll.vote");
  const loaded = await loadRules(context.db, pollId, PAGE_READ);
  if (!loaded) throw new Response("Not found", { status: 404 });

  if (correcting) {
    requireUser(request, context, correctionPermission(loaded.poll.owner));
    const actor = { id: user.id, label: user.email };
    const values = { reason: String(form.get("reason") ?? ""), closesAt: String(form.get("closesAt") ?? "") };
    const fail = (errors: FieldErrors, status = 400) => data<ActionData>({ stage: "correction-error", intent, errors, values }, { status });
    if (intent === "cancel") {
      const r = await cancelPoll(context.db, actor, { pollId, reason: values.reason, appUrl: context.env.appUrl });
      if (!r.ok)
        return fail(
          { [r.code.startsWith("reason") ? "cancel-reason" : "cancel-form"]: correctionProblemMessages[r.code] },
          r.code.startsWith("reason") ? 400 : 409,
        );
      return data<ActionData>({
        stage: "managed",
        message: "The poll is cancelled. It takes no more votes and will not be counted. Everyone on its roll is being told by email.",
      });
    }
    const closesAt = fromLondonLocal(values.closesAt);
    if (!closesAt) return fail({ "extend-closesAt": "Enter the new closing time as a date and time" });
    const r = await extendPollClosing(context.db, actor, { pollId, closesAt, reason: values.reason });
    if (!r.ok) {
      const message =
        r.code === "period_too_short" ? await periodRefusal("ballot", r.earliest, correctionProblemMessages[r.code]) : correctionProblemMessages[r.code];
      return fail({ [r.code.startsWith("reason") ? "extend-reason" : "extend-closesAt"]: message }, r.code.startsWith("reason") ? 400 : 409);
    }
    return data<ActionData>({ stage: "managed", message: `The closing time is now ${formatLondonLong(closesAt)} (UK time).` });
  }

  if (intent === "open" || intent === "close") {
    const actor = { id: user.id, label: user.email };
    if (intent === "open") {
      const roll = await listRollCandidates(context.db);
      const opened = await openPoll(context.db, actor, pollId, roll);
      const refusal = opened.ok
        ? null
        : opened.code === "trustee_keys_missing"
          ? pollTrusteeText.keysMissing
          : "The poll could not be opened: it is not a draft.";
      return data<ActionData>(
        { stage: "managed", message: refusal ?? `The poll is open. ${plural(opened.ok ? opened.rollSize : 0, "person is", "people are")} on its roll.` },
        { status: opened.ok ? 200 : 409 },
      );
    }
    const together = countedTogether(loaded.poll.owner);
    if (together) return data<ActionData>({ stage: "manage-error", message: `This ballot is closed and counted with ${together.what}.` }, { status: 409 });
    const early = loaded.poll.closesAt.getTime() > Date.now();
    const reason = String(form.get("reason") ?? "").trim();
    if (early) {
      requireUser(request, context, "poll.close_early");
      if (!reason) return data<ActionData>({ stage: "manage-error", message: "Give the reason for closing the poll before its closing time" }, { status: 400 });
      const problem = textLimitProblem(reason, MAX_OFFICIAL_REASON_LENGTH);
      if (problem) return data<ActionData>({ stage: "manage-error", message: pollTextMessages.closeReason[problem] }, { status: 400 });
    }
    const closed = await closePoll(context.db, actor, pollId, early ? { reason } : {});
    return data<ActionData>(
      { stage: "managed", message: closed.ok ? "The poll is closed and counted." : "The poll could not be closed: it is not open." },
      { status: closed.ok ? 200 : 409 },
    );
  }

  if (loaded.clauseId) return data<ActionData>({ stage: "errors", message: ballotProblemMessages.on_clause_ballot, values: {} }, { status: 409 });
  const values = ballotFormValues(form);
  if (intent === "edit") return data<ActionData>({ stage: "edit", values });
  const parsed = parseBallotForm(loaded.rules, form);
  if (!parsed.ok) return data<ActionData>({ stage: "errors", message: ballotProblemMessages[parsed.code], values }, { status: 400 });
  if (intent === "review") return data<ActionData>({ stage: "review", values, choice: parsed.choice, ranking: parsed.ranking });
  // Noted in the request's context, so that the receipt is shown even if drawing the page after
  // the commit fails (the front door answers from it; decision 041).
  const checkAt = `/polls/${loaded.poll.id}`;
  noteCastSent(context.casts, checkAt);
  const cast = await ballotBoxFor(context.db).cast({ pollId, userId: user.id, loaded, read: () => parsed });
  if (!cast.ok) return data<ActionData>({ stage: "errors", message: ballotProblemMessages[cast.code], values }, { status: 409 });
  noteCastStored(context.casts, { receipts: [cast.receipt], checkAt });
  return data<ActionData>({ stage: "cast", receipt: cast.receipt });
}

export default function PollPage() {
  const { poll, options, viewer, counting, countedBy, waiting, ballotKey, trustees } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const cast = useQuickCast(poll.id, navigation.state, ballotKey, options);
  // What the ballot endpoint answered stands until the page's own action is sent something newer.
  const actionResult = useActionData<typeof action>();
  const result = cast.answer ?? actionResult;
  const busy = navigation.state === "submitting" || cast.sending;
  const labelOf = (position: number) => options.find((o) => o.position === position)?.label ?? "?";

  return (
    <div className="page">
      <p>
        <Link to="/polls">All polls</Link>
      </p>
      <h1>{poll.title}</h1>
      <p>
        <span className={`status-tag status-tag--${poll.status}`}>{statusLabels[poll.status]}</span> {poll.timeLine}
      </p>
      {poll.cancelled ? (
        <div className="panel" role="status">
          <h2>This poll was cancelled</h2>
          <p>
            It was cancelled on {poll.cancelled.at} (UK time), before it closed. It takes no votes and is not counted; any ballots already cast were set aside
            unread.
          </p>
          <p>The reason given: {poll.cancelled.reason}</p>
        </div>
      ) : null}
      {poll.description ? <p className="lead">{poll.description}</p> : null}
      {counting ? (
        <p className="panel">
          Voting closed on {formatDateTime(poll.closesAt, { weekday: true })}. The ballots are being counted
          {countedBy ? (
            <>
              {" "}
              with <Link to={countedBy.page}>{countedBy.what}</Link>
            </>
          ) : null}
          ; the result is published here when the count is done.
        </p>
      ) : null}

      {result?.stage === "manage-error" ? <ErrorSummary errors={{ reason: result.message }} /> : null}
      {result?.stage === "correction-error" ? <ErrorSummary errors={result.errors} fieldIds={{ "cancel-form": "correct-title" }} /> : null}
      {result?.stage === "managed" ? (
        <NotificationBanner title="Done" kind="success">
          <p>{result.message}</p>
        </NotificationBanner>
      ) : null}

      {result?.stage === "cast" ? (
        <NotificationBanner title="Your vote has been cast" kind="success" focusRef={cast.receiptRef}>
          <p>Your receipt code is:</p>
          <p className="receipt">{result.receipt}</p>
          <p>
            Write it down or save it. Nobody else has it, and we cannot show it again. After the poll closes you can use it to check that your ballot was
            counted.
          </p>
          {poll.encrypted ? <p>{result.encryptedInBrowser ? pollsText.encryptedByBrowser : pollsText.encryptedByServer}</p> : null}
        </NotificationBanner>
      ) : null}

      {poll.status === "open" && viewer.canVote && result?.stage !== "cast" ? (
        result?.stage === "review" ? (
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
            {cast.encrypting !== null ? (
              <p className="hint" role="status">
                <label htmlFor="encrypting-progress">{pollsText.encryptingInBrowser}</label>{" "}
                <progress id="encrypting-progress" max={100} value={Math.round(cast.encrypting * 100)} />
              </p>
            ) : null}
            <Form method="post" className="button-group" onSubmit={(event) => void cast.onReviewSubmit(event, result)}>
              {Object.entries(result.values).map(([k, v]) => (
                <input key={k} type="hidden" name={k} value={v} />
              ))}
              <button type="submit" name="intent" value="cast" className="button" disabled={busy}>
                Cast my vote
              </button>
              <button type="submit" name="intent" value="edit" className="button button--secondary" disabled={busy}>
                Change my ballot
              </button>
            </Form>
          </section>
        ) : (
          <BallotForm
            method={poll.method}
            options={options}
            values={result && "values" in result ? result.values : {}}
            error={result?.stage === "errors" ? result.message : undefined}
            busy={busy}
          />
        )
      ) : null}

      {poll.status === "open" && poll.encrypted && !trustees ? (
        <p className="hint">{poll.method === "yes-no" ? pollsText.serverTrustee : pollsText.serverTrusteeRanked}</p>
      ) : null}
      {trustees ? <TrusteesNote pollId={poll.id} status={poll.status} trustees={trustees} /> : null}

      {poll.status === "open" && !counting && !viewer.canVote && result?.stage !== "cast" ? (
        <p className="panel">
          {!viewer.signedIn ? (
            <>
              <Link to={`/login?redirectTo=/polls/${poll.id}`}>Sign in</Link> to vote.
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
      ) : null}

      {poll.result ? (
        <>
          <PollResults result={poll.result} outcome={poll.outcome} sheetHref={`/polls/${poll.id}/count-sheet.pdf`} />
          <h2>Check the count yourself</h2>
          <ul className="list">
            <li>
              <Link to={`/polls/${poll.id}/receipt`}>Check that your ballot was counted</Link>
            </li>
            <li>
              <Link to={`/polls/${poll.id}/ballots`}>The published ballots</Link>
              {poll.method === "yes-no" ? null : (
                <>
                  {" "}
                  and the <a href={`/polls/${poll.id}/ballots.blt`}>ballot file (BLT)</a> for an independent recount
                </>
              )}
            </li>
            {poll.encrypted ? (
              <li>
                <a href={`/polls/${poll.id}/record.bel`} download>
                  {pollsText.recordLink}
                </a>
                {pollsText.recordLinkAfter}
              </li>
            ) : null}
          </ul>
        </>
      ) : null}

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
            {pollTurnoutLine({ status: poll.status, rollSize: poll.rollSize, voters: poll.voters, youVoted: viewer.voted || result?.stage === "cast" })}
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

      {viewer.canManage && poll.status !== "closed" && countedBy && poll.status === "open" ? (
        <section aria-labelledby="manage-title" className="panel">
          <h2 id="manage-title">Run this poll</h2>
          <p>
            This ballot is closed and counted with <Link to={countedBy.page}>{countedBy.what}</Link>, never on its own.
          </p>
        </section>
      ) : viewer.canManage && (poll.status === "open" || poll.status === "draft") ? (
        <section aria-labelledby="manage-title" className="panel">
          <h2 id="manage-title">Run this poll</h2>
          <Form method="post">
            {poll.status === "draft" ? (
              <button type="submit" name="intent" value="open" className="button">
                Open the poll and freeze the roll
              </button>
            ) : viewer.closesInFuture && !viewer.canCloseEarly ? (
              <WaitingNotice notice={waiting} />
            ) : (
              <>
                {viewer.closesInFuture ? (
                  <TextField
                    name="reason"
                    label="Reason for closing before the closing time"
                    hint={`Recorded in the audit log. At most ${MAX_OFFICIAL_REASON_LENGTH} characters.`}
                    error={result?.stage === "manage-error" ? result.message : undefined}
                  />
                ) : null}
                <button type="submit" name="intent" value="close" className="button button--warning">
                  Close the poll and count
                </button>
              </>
            )}
          </Form>
        </section>
      ) : null}

      {viewer.canCorrect ? (
        <CorrectPoll status={poll.status} cannotCancel={viewer.cannotCancel} result={result?.stage === "correction-error" ? result : null} />
      ) : null}
    </div>
  );
}

const statusLabels: Record<string, string> = { open: "Open", decrypting: "Being decrypted", closed: "Closed", draft: "Not yet open", cancelled: "Cancelled" };

/** Cancelling the poll, or extending its closing time: each with its reason, on the record. */
function CorrectPoll(props: { status: string; cannotCancel: string | null; result: Extract<ActionData, { stage: "correction-error" }> | null }) {
  const { result } = props;
  const errors = result?.errors ?? {};
  const values = (intent: "cancel" | "extend") => (result?.intent === intent ? result.values : { reason: "", closesAt: "" });
  const hint = `Shown on this page and in the founding record. At most ${MAX_CORRECTION_REASON_LENGTH} characters.`;
  return (
    <section aria-labelledby="correct-title" className="panel" id="correct-title-section">
      <h2 id="correct-title" tabIndex={-1}>
        Correct this poll
      </h2>
      <h3>Extend the closing time</h3>
      <p>The closing time can be moved later, never earlier. Everyone can see the change and its reason.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="extend" />
        <TextField
          name="closesAt"
          id="extend-closesAt"
          label="New closing time (UK time)"
          type="datetime-local"
          defaultValue={values("extend").closesAt}
          error={errors["extend-closesAt"]}
        />
        <TextArea
          name="reason"
          id="extend-reason"
          label="Reason for extending"
          hint={hint}
          rows={2}
          defaultValue={values("extend").reason}
          error={errors["extend-reason"]}
        />
        <button type="submit" className="button button--secondary">
          Extend the closing time
        </button>
      </Form>
      <h3>Cancel the poll</h3>
      {props.cannotCancel ? (
        <p>{props.cannotCancel}</p>
      ) : (
        <>
          <p>
            A cancelled poll takes no more votes and is never counted. Ballots already cast are set aside unread
            {props.status === "open" ? ", and everyone on its roll is told by email" : ""}. This cannot be undone.
          </p>
          {errors["cancel-form"] ? <p className="error-message">{errors["cancel-form"]}</p> : null}
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="cancel" />
            <TextArea
              name="reason"
              id="cancel-reason"
              label="Reason for cancelling"
              hint={hint}
              rows={2}
              defaultValue={values("cancel").reason}
              error={errors["cancel-reason"]}
            />
            <button type="submit" className="button button--warning">
              Cancel the poll
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

function BallotForm(props: {
  method: string;
  options: { position: number; label: string; isRon: boolean }[];
  values: Record<string, string>;
  error?: string;
  busy: boolean;
}) {
  const errorId = "ballot-error";
  return (
    <section aria-labelledby="ballot-title">
      <ErrorSummary errors={props.error ? { ballot: props.error } : {}} fieldIds={{ ballot: "ballot" }} />
      <h2 id="ballot-title">Your ballot</h2>
      <Form method="post" noValidate>
        <div className={`form-group${props.error ? " form-group--error" : ""}`}>
          <fieldset className="fieldset" id="ballot" aria-describedby={props.error ? errorId : "ballot-hint"}>
            <legend className="fieldset__legend">{props.method === "yes-no" ? "How do you vote?" : "Number the options in order of preference"}</legend>
            <div className="hint" id="ballot-hint">
              {props.method === "yes-no"
                ? "Choose one."
                : "Put 1 beside your first choice, 2 beside your second, and so on. Leave blank any you do not want to rank."}
            </div>
            {props.error ? (
              <p className="error-message" id={errorId}>
                <span className="visually-hidden">Error:</span> {props.error}
              </p>
            ) : null}
            {props.method === "yes-no" ? (
              ["yes", "no", "abstain"].map((choice) => (
                <div className="radios__item" key={choice}>
                  <input type="radio" id={`choice-${choice}`} name="choice" value={choice} defaultChecked={props.values.choice === choice} />
                  <label htmlFor={`choice-${choice}`}>{choice === "yes" ? "Yes" : choice === "no" ? "No" : "Abstain"}</label>
                </div>
              ))
            ) : (
              <>
                {/* With JavaScript, a list to drag or reorder with buttons; it fills in the numbers below. */}
                <RankingEnhancer options={props.options} />
                {props.options.map((o) => (
                  <div className="rank-row" key={o.position}>
                    <input
                      className="input"
                      id={`rank-${o.position}`}
                      name={`rank-${o.position}`}
                      inputMode="numeric"
                      autoComplete="off"
                      defaultValue={props.values[`rank-${o.position}`] ?? ""}
                    />
                    <label htmlFor={`rank-${o.position}`}>
                      {o.label}
                      {o.isRon ? " (re-open nominations: rank this if you want none of the candidates)" : ""}
                    </label>
                  </div>
                ))}
              </>
            )}
          </fieldset>
        </div>
        <button type="submit" name="intent" value="review" className="button" disabled={props.busy}>
          Continue to check your ballot
        </button>
      </Form>
    </section>
  );
}

/**
 * With JavaScript, "Cast my vote" sends the ballot to the ballot endpoint (decision 025) instead of
 * the page's action, which would route and render the whole page for it: the receipt comes back as
 * data and is shown in place, then the page's data is refreshed. "Change my ballot" still goes
 * through the action. Without JavaScript none of this runs and the form posts to the action.
 */
function useQuickCast(
  pollId: string,
  navigationState: ReturnType<typeof useNavigation>["state"],
  ballotKey: BallotKey | null,
  options: readonly { position: number }[],
) {
  const [quick, setQuick] = useState<{ pollId: string; answer: ActionData } | null>(null);
  const [sending, setSending] = useState(false);
  // How far the browser's encryption has gone (0 to 1), once it takes more than a moment.
  const [encrypting, setEncrypting] = useState<number | null>(null);
  const revalidator = useRevalidator();
  const receiptRef = useRef<HTMLDivElement>(null);
  // A form sent to the page's action ("Change my ballot", say) replaces the endpoint's answer. The
  // refresh after a cast is not a submission, so the receipt stays on screen through it.
  useEffect(() => {
    if (navigationState === "submitting") setQuick(null);
  }, [navigationState]);
  const answer = quick?.pollId === pollId ? quick.answer : null;
  // The button pressed is gone once the receipt shows: take the keyboard (and a screen reader) to it.
  useEffect(() => {
    if (answer?.stage === "cast") receiptRef.current?.focus();
  }, [answer]);

  /**
   * The ballot in the browser, or null when the server is to encrypt it: a Yes/No choice, or the
   * ranking the page's action read from the numbers typed (parseBallotForm, as the server reads
   * them again when it encrypts), if it is one the server would take.
   */
  function encryptHere(review: Extract<ActionData, { stage: "review" }>, onProgress: (fraction: number) => void) {
    if (!ballotKey) return null;
    if (review.values.choice) return encryptYesNoInBrowser(ballotKey, review.values.choice, onProgress);
    const positions = options.map((o) => o.position);
    if (review.ranking && isRankingOf(review.ranking, positions)) return encryptRankingInBrowser(ballotKey, review.ranking, onProgress);
    return null;
  }

  async function onReviewSubmit(event: FormEvent<HTMLFormElement>, review: Extract<ActionData, { stage: "review" }>) {
    const { values } = review;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (!(submitter instanceof HTMLButtonElement) || submitter.value !== "cast") return;
    event.preventDefault();
    const answerWith = (a: ActionData) => setQuick({ pollId, answer: a });
    setSending(true);
    try {
      // An encrypted poll's ballot is encrypted here, in the browser, when it can be; otherwise
      // (no WebCrypto: a page not served over HTTPS) the choice goes to the server, which encrypts
      // it as it does without JavaScript, and the receipt's banner says which happened.
      let body = new URLSearchParams(values);
      let encryptedInBrowser = false;
      // Said, with how far it has gone, only if it takes more than a moment.
      let fraction = 0;
      let shown = false;
      const slow = setTimeout(() => {
        shown = true;
        setEncrypting(fraction);
      }, ENCRYPTING_NOTICE_MS);
      try {
        const encrypted = encryptHere(review, (f) => {
          fraction = f;
          if (shown) setEncrypting(f);
        });
        if (encrypted) {
          body = new URLSearchParams({ belenios: (await encrypted).raw });
          encryptedInBrowser = true;
        }
      } catch {
        // The server encrypts instead.
      } finally {
        clearTimeout(slow);
        setEncrypting(null);
      }
      const response = await fetch(castEndpointPath(pollId), {
        method: "POST",
        body,
        headers: { Accept: "application/json" },
        signal: AbortSignal.timeout(CAST_TIMEOUT_MS),
      });
      const cast = (await response.json()) as CastAnswer;
      answerWith(cast.ok ? { stage: "cast", receipt: cast.receipt, encryptedInBrowser } : { stage: "errors", message: cast.message, values });
      // Cast, or signed out meanwhile: the page's data shows which (and offers to sign in).
      if (cast.ok || response.status === 401) revalidator.revalidate();
    } catch {
      // The ballot may or may not have reached us: the page, once reloaded, says which.
      answerWith({ stage: "errors", message: castFailedMessage, values });
    } finally {
      setSending(false);
    }
  }

  return { answer, sending, encrypting, onReviewSubmit, receiptRef };
}

/** How long encrypting may take before the page says it is at work. */
const ENCRYPTING_NOTICE_MS = 300;

/** How long "Cast my vote" waits for an answer before saying it could not tell. */
const CAST_TIMEOUT_MS = 30_000;

/** Who holds a poll's key when the returning officer named trustees, and where they stand (decision 045). */
function TrusteesNote({
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
