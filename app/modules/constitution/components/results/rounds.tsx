import { Form, Link } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { TextArea, TextField, type FieldErrors } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { majorityDescriptions } from "~/modules/polls/messages";
import { MAX_CORRECTION_REASON_LENGTH } from "~/utils/input-limits";
import { resultsText } from "../../results-messages";
import type { ConstitutionResultsView } from "../../results-view.server";
import { CloseForm } from "./close-form";

type View = ConstitutionResultsView;
type Round = View["rounds"][number];
type Clause = Round["clauses"][number];

export interface RoundActions {
  openRound: View["openRound"];
  canClose: boolean;
  canCloseEarly: boolean;
  canExtend: boolean;
  errors: FieldErrors;
  values?: { closesAt: string; reason: string };
  busy: boolean;
}

/** One voting round: its turnout and the forms to close or extend it while open; each clause's questions once closed. */
export function RoundSection({ round: r, actions }: { round: Round; actions: RoundActions }) {
  const t = resultsText.round;
  const open = actions.openRound?.number === r.number ? actions.openRound : null;
  return (
    <section aria-labelledby={`round-${r.number}`}>
      <h2 id={`round-${r.number}`}>{t.heading(r.number, r.closed, r.closesAt)}</h2>
      <p>{t.roll(r.rollSize, r.quorumPercent)}</p>
      {!r.closed ? (
        <>
          <p>{open?.due ? t.due(open.closesAt) : t.hidden}</p>
          <BarChart
            title={t.turnoutChart(r.number)}
            max={r.rollSize}
            bars={r.clauses.map((c) => ({ label: c.title, value: c.turnout }))}
            marker={{ value: Math.ceil((r.rollSize * r.quorumPercent) / 100), label: t.quorum }}
          />
          {open ? (
            <CloseForm
              intent="close-round"
              label={t.closeAndCount(r.number)}
              due={open.due}
              canClose={actions.canClose}
              canCloseEarly={actions.canCloseEarly}
              error={actions.errors.reason}
              busy={actions.busy}
            />
          ) : null}
          {open && actions.canExtend && !open.due ? <ExtendRound n={r.number} actions={actions} /> : null}
        </>
      ) : (
        <>
          {r.tally ? (
            <BarChart
              title={t.outcomesChart(r.number)}
              bars={[
                { label: t.adopted, value: r.tally.adopted, highlight: true },
                { label: t.rejected, value: r.tally.rejected },
                { label: t.pending, value: r.tally.pending },
                ...(r.tally.added > 0 ? [{ label: t.added, value: r.tally.added }] : []),
              ]}
            />
          ) : null}
          {r.clauses.map((c) => (
            <ClauseResults key={c.id} clause={c} />
          ))}
        </>
      )}
    </section>
  );
}

/** Moving the open round's closing time later, with a reason (the returning officer's). */
function ExtendRound({ n, actions }: { n: number; actions: RoundActions }) {
  const t = resultsText.extend;
  const { errors, values } = actions;
  return (
    <details className="details" open={Boolean(errors["extend-closesAt"] || errors["extend-reason"])}>
      <summary>{t.summary(n)}</summary>
      <p>{t.intro}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="extend-round" />
        <TextField
          name="closesAt"
          id="extend-closesAt"
          label={t.closesAt}
          type="datetime-local"
          defaultValue={values?.closesAt}
          error={errors["extend-closesAt"]}
        />
        <TextArea
          name="reason"
          id="extend-reason"
          label={t.reason}
          hint={t.reasonHint(MAX_CORRECTION_REASON_LENGTH)}
          rows={2}
          defaultValue={values?.reason}
          error={errors["extend-reason"]}
        />
        <button type="submit" className="button button--secondary" disabled={actions.busy}>
          {t.submit}
        </button>
      </Form>
    </details>
  );
}

/** A closed round's clause: what was decided, each question's count, and the clause's own vote as a chart. */
function ClauseResults({ clause: c }: { clause: Clause }) {
  const t = resultsText.clause;
  return (
    <div className="panel">
      <h3>{t.heading(c.title, c.decision)}</h3>
      <TableScroll label={t.questionsOn(c.title)} wide>
        <table className="table">
          <caption className="visually-hidden">{t.questionsOn(c.title)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columns.question}</th>
              <th scope="col" className="numeric">
                {t.columns.yes}
              </th>
              <th scope="col" className="numeric">
                {t.columns.no}
              </th>
              <th scope="col" className="numeric">
                {t.columns.abstain}
              </th>
              <th scope="col">{t.columns.majority}</th>
              <th scope="col">{t.columns.result}</th>
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
        .filter((q) => q.yes !== null && q.abstain !== null && q.kind === "clause")
        .map((q) => (
          <BarChart
            key={q.pollId}
            title={t.chart(c.title)}
            bars={[
              { label: t.yes, value: q.yes ?? 0, highlight: c.decision === "adopted" },
              { label: t.no, value: q.no ?? 0 },
              { label: t.abstain, value: q.abstain ?? 0 },
            ]}
          />
        ))}
    </div>
  );
}
