import { Form } from "@remix-run/react";
import { TextArea, TextField } from "~/components/forms";
import { EditVersion } from "~/components/stale-edit";
import { MAX_CAMPAIGN_STATEMENT_LENGTH, MAX_CORRECTION_REASON_LENGTH } from "~/utils/input-limits";
import { manageCampaignText } from "../../messages";
import type { FormAnswers } from "./answer";

const t = manageCampaignText;

interface Movement {
  name: string;
  partyName: string;
  statement: string;
  deadline: string;
}

/** The movement's name, the party, the statement and the deadline: editable until the deadline. */
export function CampaignSettings({
  editable,
  movement: m,
  version,
  answers,
}: {
  editable: boolean;
  movement: Movement | null;
  version: string;
  answers: FormAnswers;
}) {
  const sv = answers.valuesFor("settings");
  const errors = answers.errorsFor("settings");
  return (
    <>
      <h2>{t.settings.heading}</h2>
      {editable ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="settings" />
          <EditVersion form="settings" version={answers.versionFor("settings", version)} />
          <TextField name="name" label={t.settings.name} defaultValue={sv.name ?? m?.name} error={errors.name} />
          <TextField
            name="partyName"
            label={t.settings.partyName}
            hint={t.settings.partyNameHint}
            defaultValue={sv.partyName ?? m?.partyName}
            error={errors.partyName}
          />
          <TextArea
            name="statement"
            label={t.settings.statement}
            hint={t.settings.statementHint(MAX_CAMPAIGN_STATEMENT_LENGTH)}
            defaultValue={sv.statement ?? m?.statement}
            error={errors.statement}
          />
          <TextField
            name="deadline"
            type="datetime-local"
            label={t.settings.deadline}
            hint={t.settings.deadlineHint}
            width="20"
            defaultValue={sv.deadline ?? m?.deadline}
            error={errors.deadline}
          />
          <button type="submit" className="button">
            {t.settings.save}
          </button>
        </Form>
      ) : (
        <p>{t.settings.closed}</p>
      )}
    </>
  );
}

/** Moving the deadline later, with a reason, until the decision ballot opens (decision 028). */
export function ExtendDeadline({ answers }: { answers: FormAnswers }) {
  const values = answers.valuesFor("extend");
  const errors = answers.errorsFor("extend");
  return (
    <section aria-labelledby="extend-title" className="panel">
      <h2 id="extend-title">{t.extend.heading}</h2>
      <p>{t.extend.intro}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="extend-deadline" />
        <TextField
          name="newDeadline"
          type="datetime-local"
          label={t.extend.newDeadline}
          width="20"
          defaultValue={values.newDeadline}
          error={errors.newDeadline}
        />
        <TextArea
          name="reason"
          id="extend-reason"
          label={t.extend.reason}
          hint={t.extend.reasonHint(MAX_CORRECTION_REASON_LENGTH)}
          rows={2}
          defaultValue={values.reason}
          error={errors.reason}
        />
        <button type="submit" className="button button--secondary">
          {t.extend.submit}
        </button>
      </Form>
    </section>
  );
}
