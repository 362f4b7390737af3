import { Form } from "@remix-run/react";
import { Radios, TextArea, TextField } from "~/components/forms";
import { EditVersion } from "~/components/stale-edit";
import type { DemandResponse } from "../../../../../db/schema";
import { manageCampaignText, responseLabels } from "../../messages";
import type { FormAnswers } from "./answer";

const t = manageCampaignText;

export interface DemandShown {
  id: number;
  version: string;
  title: string;
  body: string;
  response: DemandResponse | null;
  note: string;
  evidence: string;
}

/**
 * The demands in order: editable, movable and removable until the deadline; after it, each with
 * the form recording the party's response.
 */
export function DemandList(props: { demands: readonly DemandShown[]; editable: boolean; afterDeadline: boolean; answers: FormAnswers }) {
  const { demands, editable, afterDeadline, answers } = props;
  return (
    <>
      <h2>{t.demands.heading}</h2>
      <ol className="demands">
        {demands.map((demand, i) => (
          <li key={demand.id} className="demand panel">
            {editable ? (
              <EditDemand demand={demand} n={i + 1} last={i === demands.length - 1} answers={answers} />
            ) : (
              <>
                <h3 className="demand__title">{demand.title}</h3>
                <p>{demand.body}</p>
              </>
            )}
            {afterDeadline ? <RecordResponse demand={demand} answers={answers} /> : null}
          </li>
        ))}
      </ol>
      {editable ? <AddDemand answers={answers} /> : null}
    </>
  );
}

function EditDemand({ demand, n, last, answers }: { demand: DemandShown; n: number; last: boolean; answers: FormAnswers }) {
  const form = `demand-${demand.id}`;
  const v = answers.valuesFor(form);
  const errors = answers.errorsFor(form);
  return (
    <>
      <Form method="post" noValidate>
        <input type="hidden" name="id" value={demand.id} />
        <input type="hidden" name="intent" value="edit-demand" />
        <EditVersion form={form} version={answers.versionFor(form, demand.version)} />
        <TextField name="title" id={`title-${demand.id}`} label={t.demands.title(n)} defaultValue={v.title ?? demand.title} error={errors.title} />
        <TextArea name="body" id={`body-${demand.id}`} label={t.demands.body(n)} rows={3} defaultValue={v.body ?? demand.body} error={errors.body} />
        <button type="submit" className="button button--secondary">
          {t.demands.save(n)}
        </button>
      </Form>
      <Form method="post" className="button-group">
        <input type="hidden" name="id" value={demand.id} />
        <button type="submit" name="intent" value="move-up" className="link-button" disabled={n === 1}>
          {t.demands.moveUp(n)}
        </button>
        <button type="submit" name="intent" value="move-down" className="link-button" disabled={last}>
          {t.demands.moveDown(n)}
        </button>
        <button type="submit" name="intent" value="remove-demand" className="link-button">
          {t.demands.remove(n)}
        </button>
      </Form>
    </>
  );
}

function RecordResponse({ demand, answers }: { demand: DemandShown; answers: FormAnswers }) {
  const form = `response-${demand.id}`;
  const rv = answers.valuesFor(form);
  const errors = answers.errorsFor(form);
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="id" value={demand.id} />
      <input type="hidden" name="intent" value="response" />
      <Radios
        name="response"
        idPrefix={`response-${demand.id}`}
        legend={t.response.legend(demand.title)}
        checked={rv.response ?? demand.response ?? undefined}
        error={errors.response}
        choices={(["met", "partly_met", "not_met"] as const).map((r) => [r, responseLabels[r]] as const)}
      />
      <TextField name="note" id={`note-${demand.id}`} label={t.response.note} defaultValue={rv.note ?? demand.note} error={errors.note} />
      <TextField
        name="evidenceUrl"
        id={`evidence-${demand.id}`}
        label={t.response.evidence}
        defaultValue={rv.evidenceUrl ?? demand.evidence}
        error={errors.evidenceUrl}
      />
      <button type="submit" className="button button--secondary">
        {t.response.submit}
      </button>
    </Form>
  );
}

function AddDemand({ answers }: { answers: FormAnswers }) {
  const values = answers.valuesFor("add-demand");
  const errors = answers.errorsFor("add-demand");
  return (
    <Form method="post" noValidate className="panel">
      <h3>{t.demands.addHeading}</h3>
      <input type="hidden" name="intent" value="add-demand" />
      <TextField name="title" id="new-title" label={t.demands.newTitle} defaultValue={values.title} error={errors.title} />
      <TextArea name="body" id="new-body" label={t.demands.newBody} rows={3} defaultValue={values.body} error={errors.body} />
      <button type="submit" className="button">
        {t.demands.add}
      </button>
    </Form>
  );
}
