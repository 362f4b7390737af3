import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, NotificationBanner } from "~/components/forms";
import { periodRefusal } from "~/modules/constitution/periods.server";
import { standingOrdersAdopted } from "~/modules/constitution/round.server";
import { BallotForm } from "~/modules/polls/components/poll-page/ballot-form";
import { CorrectPoll } from "~/modules/polls/components/poll-page/correct-poll";
import { useQuickCast } from "~/modules/polls/components/poll-page/quick-cast";
import {
  CancelledNotice,
  CannotVoteNote,
  CastReceipt,
  CastReview,
  CheckTheCount,
  CountingNotice,
  HowThisPollWorks,
  PollStatusTag,
  RunPoll,
} from "~/modules/polls/components/poll-page/sections";
import { TrusteesNote } from "~/modules/polls/components/poll-page/trustees-note";
import { PollResults } from "~/modules/polls/components/poll-results";
import { noSuchPoll, pollPageText, pollsText } from "~/modules/polls/messages";
import { pollPageAction } from "~/modules/polls/page-actions.server";
import { pollPageView } from "~/modules/polls/views.server";
import { principalOf, requirePermission, requireUser } from "~/utils/auth.server";
import { respond } from "~/utils/action-answer.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.poll.title ?? pollPageText.metaTitleFallback} - Breakaway` }];

// The page can carry the member's private credential: no copy of it is kept anywhere on the way.
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const cacheControl = loaderHeaders.get("Cache-Control") ?? actionHeaders.get("Cache-Control");
  return cacheControl ? { "Cache-Control": cacheControl } : new Headers();
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const page = await pollPageView(context.db, { principal: principalOf(context), userId: auth?.user.id ?? null }, params.pollId ?? "");
  if (!page) throw new Response(noSuchPoll, { status: 404 });
  return data(page, page.ballotKey ? { headers: { "Cache-Control": "no-store" } } : undefined);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  // Permission first: nothing is looked up for someone who may not act.
  const correcting = intent === "cancel" || intent === "extend";
  const { user } = requireUser(request, context, intent === "open" || intent === "close" ? "poll.manage" : correcting ? "poll.correct" : "poll.vote");
  const done = await pollPageAction(context.db, context.casts, { id: user.id, label: user.email }, params.pollId ?? "", intent, form, {
    authorise: (permission) => requireUser(request, context, permission),
    appUrl: context.env.appUrl,
    standingOrdersAdopted,
    periodRefusal: (earliest, fallback) => periodRefusal("ballot", earliest, fallback),
  });
  if (!done) throw new Response(noSuchPoll, { status: 404 });
  return respond(done);
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
        <Link to="/polls">{pollPageText.allPolls}</Link>
      </p>
      <h1>{poll.title}</h1>
      <p id="poll-status">
        <PollStatusTag status={poll.status} /> {poll.timeLine}
      </p>
      {poll.cancelled ? <CancelledNotice cancelled={poll.cancelled} /> : null}
      {poll.description ? <p className="lead">{poll.description}</p> : null}
      {counting ? <CountingNotice closesAt={poll.closesAt} countedBy={countedBy} /> : null}

      {result?.stage === "manage-error" ? <ErrorSummary errors={{ reason: result.message }} /> : null}
      {result?.stage === "correction-error" ? (
        // The cancel form's own error is its button's; a poll that cannot be cancelled has no form, and its section says why;
        // a poll closed or cancelled meanwhile has neither, and its status line says so.
        <ErrorSummary
          errors={result.errors}
          fieldIds={{ "cancel-form": !viewer.canCorrect ? "poll-status" : viewer.cannotCancel ? "correct-title" : "cancel-submit" }}
        />
      ) : null}
      {result?.stage === "managed" ? (
        <NotificationBanner title={pollPageText.done} kind="success">
          <p>{result.message}</p>
        </NotificationBanner>
      ) : null}

      {result?.stage === "cast" ? (
        <CastReceipt receipt={result.receipt} encrypted={poll.encrypted} encryptedInBrowser={result.encryptedInBrowser} focusRef={cast.receiptRef} />
      ) : null}

      {poll.status === "open" && viewer.canVote && result?.stage !== "cast" ? (
        result?.stage === "review" ? (
          <CastReview
            review={result}
            labelOf={labelOf}
            encrypting={cast.encrypting}
            busy={busy}
            onSubmit={(event) => void cast.onReviewSubmit(event, result)}
          />
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

      {poll.status === "open" && !counting && !viewer.canVote && result?.stage !== "cast" ? <CannotVoteNote pollId={poll.id} viewer={viewer} /> : null}

      {poll.result ? (
        <>
          <PollResults result={poll.result} outcome={poll.outcome} sheetHref={`/polls/${poll.id}/count-sheet.pdf`} />
          <CheckTheCount pollId={poll.id} method={poll.method} encrypted={poll.encrypted} />
        </>
      ) : null}

      <HowThisPollWorks poll={poll} youVoted={viewer.voted || result?.stage === "cast"} />

      <RunPoll poll={poll} viewer={viewer} countedBy={countedBy} waiting={waiting} error={result?.stage === "manage-error" ? result.message : undefined} />

      {viewer.canCorrect ? (
        <CorrectPoll status={poll.status} cannotCancel={viewer.cannotCancel} result={result?.stage === "correction-error" ? result : null} />
      ) : null}
    </div>
  );
}
