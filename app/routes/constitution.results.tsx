import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { ErrorSummary, NotificationBanner, TextArea, TextField, type FieldErrors } from "~/components/forms";
import { YES_NO_MESSAGES } from "~/modules/ballots";
import { amendedDocument, currentDraft, listAmendments } from "~/modules/constitution/drafting.server";
import { closeReasonMessages, failedAdoptionWords, roundProblemMessages, undecidedSummary } from "~/modules/constitution/messages";
import { extendRound } from "~/modules/constitution/round-extension.server";
import { periodRefusal } from "~/modules/constitution/periods.server";
import { correctionProblemMessages } from "~/modules/polls/messages";
import { MAX_CORRECTION_REASON_LENGTH, MAX_OFFICIAL_REASON_LENGTH } from "~/utils/input-limits";
import { textLimitProblem } from "~/utils/text-limits";
import { renderAfterAdoption } from "~/modules/registration/pack.server";
import { closeRound, failedAdoptionVotes, latestVersion, openRoundOf, pendingClauses, roundResults, settleAdoption } from "~/modules/constitution/round.server";
import { decideRound } from "~/modules/constitution/round";
import { majorityDescriptions } from "~/modules/polls/messages";
import { loadRules, PAGE_READ } from "~/modules/polls/polls.server";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { principalOf, requirePermission, requireUser } from "~/utils/auth.server";
import { fromLondonLocal } from "~/utils/london-time";
import { formatDateTime } from "~/utils/dates";
import { isAllowed } from "~/utils/permissions";
import { plural } from "~/utils/plural";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = () => [{ title: "Constitution votes and results - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "constitution.read");
  const draft = await currentDraft(context.db);
  const principal = principalOf(context);
  if (!draft)
    return {
      canClose: false,
      canCloseEarly: false,
      canExtend: false,
      openRound: null,
      rounds: [],
      adoption: null,
      failedAdoptions: [],
      canOpenNewAdoption: false,
      undecided: null,
      version: null,
    };
  const rounds = await roundResults(context.db, draft.id);
  const listed = await listAmendments(context.db, draft.id);
  const numbers = new Map(listed.map((a) => [a.id, a.number]));
  const addsClause = new Set(listed.filter((a) => a.engine.kind === "insertAfter").map((a) => a.id));
  const pending = rounds.some((r) => r.round.closedAt !== null) ? await pendingClauses(context.db, draft.id) : null;
  const failed = await failedAdoptionVotes(context.db, draft);
  const { amended } = await amendedDocument(context.db, draft.id);
  const titles = new Map(amended.clauses.map((c, i) => [c.id, `${i + 1}. ${c.title}`]));
  const open = await openRoundOf(context.db, draft.id);
  const adoption = draft.adoptionPollId ? await loadRules(context.db, draft.adoptionPollId, PAGE_READ) : null;
  const version = await latestVersion(context.db);
  return {
    canClose: isAllowed(principal, "constitution.manage") || isAllowed(principal, "poll.close_early"),
    canCloseEarly: isAllowed(principal, "poll.close_early"),
    // Moving a round's closing time is a correction under the standing orders (5.7): the returning officer's.
    canExtend: isAllowed(principal, "poll.correct_under_standing_orders"),
    openRound: open ? { number: open.number, closesAt: formatDateTime(open.closesAt), due: open.closesAt.getTime() <= Date.now() } : null,
    rounds: rounds
      .map(({ round, questions }) => {
        const closed = round.closedAt !== null;
        const outcome = closed
          ? decideRound(
              questions.flatMap((q) =>
                q.result
                  ? [
                      {
                        item: { kind: q.kind, clauseId: q.clauseId, amendmentIds: q.amendmentIds, majority: q.majority as "simple" },
                        result: q.result,
                        rollSize: q.rollSize,
                        ballotCount: q.ballotCount,
                      },
                    ]
                  : [],
              ),
              round.quorumPercent,
            )
          : null;
        const clauseIds = [...new Set(questions.map((q) => q.clauseId))];
        return {
          number: round.number,
          openedAt: formatDateTime(round.openedAt),
          closesAt: formatDateTime(round.closedAt ?? round.closesAt),
          closed,
          rollSize: round.rollSize,
          quorumPercent: round.quorumPercent,
          tally: outcome
            ? {
                adopted: [...outcome.clauses.values()].filter((v) => v === "adopted").length,
                rejected: [...outcome.clauses.values()].filter((v) => v === "rejected").length,
                pending: [...outcome.clauses.values()].filter((v) => v === "pending").length,
                added: [...outcome.amendments].filter(([id, status]) => status === "carried" && addsClause.has(id)).length,
              }
            : null,
          clauses: clauseIds.map((clauseId) => ({
            id: clauseId,
            title: titles.get(clauseId) ?? clauseId,
            decision: outcome?.clauses.get(clauseId) ?? null,
            turnout: questions.find((q) => q.clauseId === clauseId)?.ballotCount ?? 0,
            questions: questions
              .filter((q) => q.clauseId === clauseId)
              .map((q) => ({
                pollId: q.pollId,
                label:
                  q.kind === "clause"
                    ? "The clause as amended"
                    : q.kind === "amendment"
                      ? `Amendment A${numbers.get(q.amendmentIds[0] ?? "") ?? "?"}`
                      : `Competing: ${q.amendmentIds.map((id) => `A${numbers.get(id) ?? "?"}`).join(", ")}`,
                majority: q.majority,
                ballots: q.ballotCount,
                ...summarise(
                  q.result,
                  outcome?.items.find((i) => i.item.kind === q.kind && i.item.clauseId === q.clauseId && i.item.amendmentIds.join() === q.amendmentIds.join()),
                  numbers,
                ),
              })),
          })),
        };
      })
      .reverse(),
    adoption: adoption
      ? {
          pollId: adoption.poll.id,
          status: adoption.poll.status,
          closesAt: formatDateTime(adoption.poll.closedAt ?? adoption.poll.closesAt),
          due: adoption.poll.closesAt.getTime() <= Date.now(),
          ballots: adoption.poll.ballotCount,
          rollSize: adoption.poll.rollSize,
          result: adoption.poll.status === "closed" ? (adoption.poll.result as PollResult) : null,
          settled: draft.adoptedVersion !== null,
        }
      : null,
    failedAdoptions: failed.map((f) => ({
      ...f,
      closedAt: formatDateTime(new Date(f.closedAt)),
      outcome: YES_NO_MESSAGES[f.code as keyof typeof YES_NO_MESSAGES] ?? "",
    })),
    canOpenNewAdoption: failed.length > 0 && !draft.adoptionPollId && draft.adoptedVersion === null,
    undecided: pending && draft.adoptedVersion === null ? undecidedSummary(pending, numbers) : null,
    version: version && draft.adoptedVersion === version.number ? { number: version.number, adoptedAt: formatDateTime(version.adoptedAt) } : null,
  };
}

type Outcome = ReturnType<typeof decideRound>["items"][number] | undefined;
function summarise(result: PollResult | null, item: Outcome, numbers: Map<string, number>) {
  if (!result) return { yes: null, no: null, abstain: null, outcome: null as string | null };
  if (result.kind === "yes-no") {
    const t = result.result.tally;
    return { yes: t.yes, no: t.no, abstain: t.abstain, outcome: YES_NO_MESSAGES[result.result.code] };
  }
  const winner = item?.winner ? `A${numbers.get(item.winner) ?? "?"} is carried` : "No change: the text stays as it was";
  const head = item?.vote ? ` (head to head with No change: ${item.vote.tally.yes} to ${item.vote.tally.no})` : "";
  return {
    yes: item?.vote?.tally.yes ?? null,
    no: item?.vote?.tally.no ?? null,
    abstain: null,
    outcome: item?.quorumMet === false ? "The quorum was not met." : `${winner}${head}.`,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "poll.manage");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const reason = String(form.get("reason") ?? "").trim();
  const draft = await currentDraft(context.db);
  if (!draft) throw new Response("No draft", { status: 404 });
  const actor = { id: user.id, label: user.email };
  if (intent === "extend-round") {
    requireUser(request, context, "poll.correct_under_standing_orders");
    const values = { closesAt: String(form.get("closesAt") ?? ""), reason: String(form.get("reason") ?? "") };
    const fail = (errors: FieldErrors, status: number) => data({ errors, values }, { status });
    const newClosesAt = fromLondonLocal(values.closesAt);
    if (!newClosesAt) return fail({ "extend-closesAt": "Enter the new closing time as a date and time" }, 400);
    const r = await extendRound(context.db, actor, { closesAt: newClosesAt, reason: values.reason });
    if (!r.ok) {
      if (r.code === "no_open_round") return fail({ "extend-closesAt": roundProblemMessages.no_open_round }, 409);
      const message =
        r.code === "period_too_short" ? await periodRefusal("ballot", r.earliest, correctionProblemMessages[r.code]) : correctionProblemMessages[r.code];
      return r.code.startsWith("reason") ? fail({ "extend-reason": message }, 400) : fail({ "extend-closesAt": message }, 409);
    }
    return { errors: {} as FieldErrors, done: `Round ${r.roundNumber} now closes on ${formatDateTime(newClosesAt)} (UK time).` };
  }
  const closesAt =
    intent === "close-round"
      ? (await openRoundOf(context.db, draft.id))?.closesAt
      : draft.adoptionPollId
        ? (await loadRules(context.db, draft.adoptionPollId, PAGE_READ))?.poll.closesAt
        : undefined;
  const early = closesAt ? closesAt.getTime() > Date.now() : false;
  // Before the closing time only the returning officer may close a ballot, and must say why.
  if (early && !isAllowed(user.role, "poll.close_early"))
    return data({ errors: { reason: "Only the returning officer can close a ballot before its closing time." } as FieldErrors }, { status: 403 });
  if (early && !reason) return data({ errors: { reason: "Give the reason for closing the ballot before its closing time" } as FieldErrors }, { status: 400 });
  const reasonProblem = early ? textLimitProblem(reason, MAX_OFFICIAL_REASON_LENGTH) : null;
  if (reasonProblem) return data({ errors: { reason: closeReasonMessages[reasonProblem] } as FieldErrors }, { status: 400 });
  if (intent === "close-round") {
    const r = await closeRound(context.db, actor, early ? { reason } : {});
    if (!r.ok) return data({ errors: { reason: roundProblemMessages[r.code] } as FieldErrors }, { status: 400 });
    return { errors: {} as FieldErrors, done: `Round ${r.roundNumber} is closed and counted.` };
  }
  if (intent === "close-adoption") {
    const r = await settleAdoption(context.db, actor, early ? { reason } : {});
    if (!r.ok) return data({ errors: { reason: roundProblemMessages[r.code] } as FieldErrors }, { status: 400 });
    // The adopted version never changes: its PDF is made now, on the PDF worker, for every later download (decision 024).
    if (r.adopted && r.version !== null) void renderAfterAdoption(context.db, r.version);
    return {
      errors: {} as FieldErrors,
      done: r.adopted ? `The constitution is adopted as version ${r.version}.` : "The adoption vote is counted: the constitution was not adopted.",
    };
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function ConstitutionResults() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors: FieldErrors; done?: string; values?: { closesAt: string; reason: string } } | undefined;
  const busy = useNavigation().state === "submitting";
  const [search] = useSearchParams();
  const closeForm = (intent: string, label: string, due: boolean) =>
    d.canClose && (due || d.canCloseEarly) ? (
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {!due ? <TextArea name="reason" label="Reason for closing before the closing time (returning officer)" rows={2} error={result?.errors.reason} /> : null}
        {due && result?.errors.reason ? <p className="error-message">{result.errors.reason}</p> : null}
        <button type="submit" className="button" disabled={busy}>
          {label}
        </button>
      </Form>
    ) : null;
  return (
    <div className="page">
      <ErrorSummary errors={result?.errors ?? {}} />
      {search.get("opened") ? (
        <NotificationBanner title="The vote is open" kind="success">
          Founding members can now vote clause by clause.
        </NotificationBanner>
      ) : null}
      {search.get("adoption") ? (
        <NotificationBanner title="The adoption vote is open" kind="success">
          Founding members vote on the constitution as a whole.
        </NotificationBanner>
      ) : null}
      {result?.done ? (
        <NotificationBanner title={result.done} kind="success">
          The results are below and in the audit log.
        </NotificationBanner>
      ) : null}
      <p>
        <Link to="/constitution">Back to the constitution</Link>
      </p>
      <h1>Constitution votes and results</h1>
      {d.version ? (
        <p className="outcome outcome--passed">
          Version {d.version.number} was adopted on {d.version.adoptedAt}. <a href="/constitution.pdf">Download it with its adoption record (PDF)</a>.
        </p>
      ) : null}

      {d.adoption ? (
        <section aria-labelledby="adoption-title" className="panel">
          <h2 id="adoption-title">The final vote: adopting the constitution as a whole</h2>
          {d.adoption.result?.kind === "yes-no" ? (
            <>
              <p className={`outcome ${d.adoption.result.result.passed ? "outcome--passed" : "outcome--failed"}`}>
                {YES_NO_MESSAGES[d.adoption.result.result.code]}
              </p>
              <BarChart
                title="Adoption vote"
                bars={[
                  { label: "Yes", value: d.adoption.result.result.tally.yes, highlight: d.adoption.result.result.passed },
                  { label: "No", value: d.adoption.result.result.tally.no },
                  { label: "Abstain", value: d.adoption.result.result.tally.abstain },
                ]}
              />
              <p>
                {d.adoption.result.result.turnout} of {d.adoption.rollSize} founding members took part. Majority needed:{" "}
                {majorityDescriptions[d.adoption.result.result.majority]}. <Link to={`/polls/${d.adoption.pollId}`}>Full count, receipts and ballots</Link>.
              </p>
            </>
          ) : (
            <>
              {d.adoption.due ? (
                <p>
                  Voting closed on {d.adoption.closesAt}. {d.adoption.ballots} of {d.adoption.rollSize} founding members voted. The vote is being counted, and
                  its result recorded, within a minute or so.
                </p>
              ) : (
                <p>
                  Open until {d.adoption.closesAt}. {d.adoption.ballots} of {d.adoption.rollSize} founding members have voted.{" "}
                  <Link to={`/polls/${d.adoption.pollId}`}>Vote on the adoption</Link>.
                </p>
              )}
              <progress className="progress" max={d.adoption.rollSize} value={d.adoption.ballots} aria-label="Turnout in the adoption vote" />
            </>
          )}
          {!d.adoption.settled
            ? closeForm(
                "close-adoption",
                d.adoption.result ? "Record the result" : "Close and count the adoption vote",
                d.adoption.due || d.adoption.status === "closed",
              )
            : null}
        </section>
      ) : null}

      {d.failedAdoptions.length > 0 ? (
        <section aria-labelledby="failed-adoptions-title" className="panel">
          <h2 id="failed-adoptions-title">Adoption votes that were not carried</h2>
          {d.canOpenNewAdoption ? (
            <p>
              {failedAdoptionWords.results} {d.canClose ? <Link to="/constitution/manage">Manage the constitution</Link> : null}
            </p>
          ) : null}
          {d.failedAdoptions.map((f, i) => (
            <div key={f.pollId}>
              <h3>{failedAdoptionWords.heading(i + 1)}</h3>
              <p className="outcome outcome--failed">{f.outcome}</p>
              <p>
                Closed on {f.closedAt}. Yes {f.yes}, no {f.no}, abstain {f.abstain}: {f.turnout} of {f.rollSize} founding members took part. Majority needed:{" "}
                {majorityDescriptions[f.majority] ?? f.majority}. <Link to={`/polls/${f.pollId}`}>Full count, receipts and ballots</Link>.
              </p>
            </div>
          ))}
        </section>
      ) : null}

      {d.undecided ? <p>{d.undecided}</p> : null}
      {d.rounds.length === 0 ? <p>No voting round has been opened yet.</p> : null}
      {d.rounds.map((r) => (
        <section key={r.number} aria-labelledby={`round-${r.number}`}>
          <h2 id={`round-${r.number}`}>
            Round {r.number}: {r.closed ? `closed on ${r.closesAt}` : `open until ${r.closesAt}`}
          </h2>
          <p>
            {plural(r.rollSize, "founding member")} on the roll. Quorum: {r.quorumPercent}% of the roll must take part in each question.
          </p>
          {!r.closed ? (
            <>
              {d.openRound?.number === r.number && d.openRound.due ? (
                <p>Voting closed on {d.openRound.closesAt}. The round is being counted as a whole, within a minute or so. Turnout, clause by clause:</p>
              ) : (
                <p>Results are hidden until the ballot closes. Turnout so far, clause by clause:</p>
              )}
              <BarChart
                title={`Round ${r.number} turnout by clause`}
                max={r.rollSize}
                bars={r.clauses.map((c) => ({ label: c.title, value: c.turnout }))}
                marker={{ value: Math.ceil((r.rollSize * r.quorumPercent) / 100), label: "quorum" }}
              />
              {d.openRound?.number === r.number ? closeForm("close-round", `Close and count round ${r.number}`, d.openRound.due) : null}
              {d.openRound?.number === r.number && d.canExtend && !d.openRound.due ? (
                <details className="details" open={Boolean(result?.errors["extend-closesAt"] || result?.errors["extend-reason"])}>
                  <summary>Extend round {r.number}&apos;s closing time</summary>
                  <p>
                    Every question of the round moves to the new time together. It can be moved later, never earlier; everyone can see the change and its
                    reason, and it goes in the founding record.
                  </p>
                  <Form method="post" noValidate>
                    <input type="hidden" name="intent" value="extend-round" />
                    <TextField
                      name="closesAt"
                      id="extend-closesAt"
                      label="New closing time (UK time)"
                      type="datetime-local"
                      defaultValue={result?.values?.closesAt}
                      error={result?.errors["extend-closesAt"]}
                    />
                    <TextArea
                      name="reason"
                      id="extend-reason"
                      label="Reason for extending"
                      hint={`Shown in the founding record. At most ${MAX_CORRECTION_REASON_LENGTH} characters.`}
                      rows={2}
                      defaultValue={result?.values?.reason}
                      error={result?.errors["extend-reason"]}
                    />
                    <button type="submit" className="button button--secondary" disabled={busy}>
                      Extend the closing time
                    </button>
                  </Form>
                </details>
              ) : null}
            </>
          ) : (
            <>
              {r.tally ? (
                <BarChart
                  title={`Round ${r.number}: clauses by outcome`}
                  bars={[
                    { label: "Adopted", value: r.tally.adopted, highlight: true },
                    { label: "Rejected (left out)", value: r.tally.rejected },
                    { label: "Not decided (quorum not met)", value: r.tally.pending },
                    ...(r.tally.added > 0 ? [{ label: "Added by an amendment (own question in the next round)", value: r.tally.added }] : []),
                  ]}
                />
              ) : null}
              {r.clauses.map((c) => (
                <div key={c.id} className="panel">
                  <h3>
                    {c.title}: {c.decision === "adopted" ? "adopted" : c.decision === "rejected" ? "rejected, left out" : "not decided"}
                  </h3>
                  <TableScroll label={`Questions on ${c.title}`} wide>
                    <table className="table">
                      <caption className="visually-hidden">Questions on {c.title}</caption>
                      <thead>
                        <tr>
                          <th scope="col">Question</th>
                          <th scope="col" className="numeric">
                            Yes
                          </th>
                          <th scope="col" className="numeric">
                            No
                          </th>
                          <th scope="col" className="numeric">
                            Abstain
                          </th>
                          <th scope="col">Majority needed</th>
                          <th scope="col">Result</th>
                        </tr>
                      </thead>
                      <tbody>
                        {c.questions.map((q) => (
                          <tr key={q.pollId}>
                            <td>
                              <Link to={`/polls/${q.pollId}`}>{q.label}</Link>
                            </td>
                            <td className="numeric">{q.yes ?? "–"}</td>
                            <td className="numeric">{q.no ?? "–"}</td>
                            <td className="numeric">{q.abstain ?? "–"}</td>
                            <td>{majorityDescriptions[q.majority] ?? q.majority}</td>
                            <td>{q.outcome}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                  {c.questions
                    .filter((q) => q.yes !== null && q.abstain !== null && q.label === "The clause as amended")
                    .map((q) => (
                      <BarChart
                        key={q.pollId}
                        title={`${c.title}: the clause`}
                        bars={[
                          { label: "Yes", value: q.yes ?? 0, highlight: c.decision === "adopted" },
                          { label: "No", value: q.no ?? 0 },
                          { label: "Abstain", value: q.abstain ?? 0 },
                        ]}
                      />
                    ))}
                </div>
              ))}
            </>
          )}
        </section>
      ))}
    </div>
  );
}
