import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary, FieldError, type FieldErrors, NotificationBanner, Radios, Select, TextArea, TextField, type TextFieldProps } from "~/components/forms";
import { MAX_DESCRIPTIONS, MAX_NAME_WORDS } from "~/modules/registration/details";
import {
  draftSectionIds,
  draftToValues,
  formPath,
  formValues,
  isDraftSection,
  parseSection,
  rowIndexes,
  sectionValues,
  type DraftSection,
  type FormValues,
} from "~/modules/registration/draft-form";
import { answerInWords, draftIssueMessage, labelOf, registrationText, sectionTitles } from "~/modules/registration/messages";
import { EditVersion, StaleEditSummary, staleFieldErrors } from "~/components/stale-edit";
import { editVersion, staleChanges, type StaleChange } from "~/utils/stale-edit";
import { electedPeople, loadDraft, saveDraftSection } from "~/modules/registration/registration.server";
import { requirePermission, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Registration details - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "registration.manage");
  const [draft, people] = await Promise.all([loadDraft(context.db), electedPeople(context.db)]);
  const values = draftToValues(draft.details);
  // Each section's form carries the version of what it shows (optimistic concurrency, app/utils/stale-edit.ts).
  const versions = Object.fromEntries(draftSectionIds.map((s) => [s, editVersion(sectionValues(values, s))])) as Record<DraftSection, string>;
  return { values, versions, people, updatedAt: draft.updatedAt?.toISOString() ?? null };
}

type ActionResult = {
  section: DraftSection;
  errors: FieldErrors;
  values: FormValues;
  /** Saved by someone else since the page was loaded: the fields and their saved values. */
  stale?: StaleChange[];
  /** The version the form carries from now on: the one it was sent with, or the saved one after a stale save. */
  version: string;
};

/** The rows of a repeated group, re-numbered from 0 after one is removed or one is added. */
function reshapeRows(values: FormValues, prefix: string, change: { remove?: number; add?: string[] }): FormValues {
  const rows = rowIndexes(values, prefix).map((i) => {
    const fields: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(values)) if (key.startsWith(`${prefix}.${i}.`)) fields[key.slice(`${prefix}.${i}.`.length)] = value;
    return fields;
  });
  if (change.remove !== undefined) rows.splice(change.remove, 1);
  if (change.add) rows.push(Object.fromEntries(change.add.map((f) => [f, ""])));
  const rest = Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith(`${prefix}.`)));
  rows.forEach((fields, i) => {
    for (const [field, value] of Object.entries(fields)) rest[`${prefix}.${i}.${field}`] = value;
  });
  return rest;
}

const repeated = {
  descriptions: { section: "descriptions", prefix: "descriptions", fields: ["text", "translation"], max: MAX_DESCRIPTIONS },
  units: {
    section: "accounting-units",
    prefix: "accountingUnits",
    fields: ["name", "treasurer", "secondOfficer", "address.line1", "address.town", "address.postcode"],
    max: 50,
  },
} as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "registration.manage");
  const values = formValues(await request.formData());
  const section = values.section;
  if (!isDraftSection(section)) throw new Response("The form was not understood. Go back and try again.", { status: 400 });
  const intent = typeof values.intent === "string" ? values.intent : "save";
  const version = typeof values.version === "string" ? values.version : "";
  // Adding or removing a row shows the form again with the answers as typed: nothing is saved
  // until "Save and continue", so this works the same with and without JavaScript.
  const [verb, kind, index] = intent.split(":");
  if ((verb === "add" || verb === "remove") && (kind === "descriptions" || kind === "units")) {
    const group = repeated[kind];
    const rowCount = rowIndexes(values, group.prefix).length;
    const shaped =
      verb === "add"
        ? rowCount < group.max
          ? reshapeRows(values, group.prefix, { add: [...group.fields] })
          : values
        : reshapeRows(values, group.prefix, { remove: Number(index) });
    return data<ActionResult>({ section, errors: {}, values: shaped, version });
  }
  const parsed = parseSection(section, values);
  // Shown again as typed, empty rows included, numbered from 0 as the form's field ids are.
  const shown = reshapeRows(reshapeRows(values, repeated.descriptions.prefix, {}), repeated.units.prefix, {});
  const errors: FieldErrors = {};
  for (const [path, code] of Object.entries(parsed.problems)) errors[path] = draftIssueMessage({ path, code });
  if (Object.keys(errors).length > 0) return data<ActionResult>({ section, errors, values: shown, version }, { status: 400 });
  const saved = await saveDraftSection(context.db, { id: user.id, label: user.email }, section, parsed.patch, version);
  if (!saved.ok && "code" in saved) {
    // Someone else saved this section since the page was loaded: nothing is written; the person's input stays.
    const people = new Map((await electedPeople(context.db)).map((p) => [p.userId, `${p.name} (${p.position})`] as const));
    const inWords = Object.fromEntries(Object.entries(saved.current).map(([path, value]) => [path, answerInWords(path, value, people)]));
    const stale = staleChanges(saved.changed, inWords, labelOf);
    return data<ActionResult>({ section, errors: staleFieldErrors(stale), values: shown, stale, version: editVersion(saved.current) }, { status: 409 });
  }
  if (!saved.ok) {
    // The draft's rows leave out empty ones: each problem goes back to the row it was typed in.
    for (const issue of saved.issues) errors[formPath(parsed.rowOrigins, issue.path)] ??= draftIssueMessage(issue);
    return data<ActionResult>({ section, errors, values: shown, version }, { status: 400 });
  }
  const next = draftSectionIds[draftSectionIds.indexOf(section) + 1];
  return redirect(`/registration/details?saved=${section}${next ? `#section-${next}` : ""}`);
}

/** Where the error summary's link for a field goes: radios and checkboxes point at their first choice. */
const firstChoice: Record<string, string> = {
  register: "register-GB",
  nations: "nations-england",
  partyType: "partyType-full",
  minorElections: "minorElections-english-parish",
  nameTranslationLanguage: "nameTranslationLanguage-welsh",
  headquartersIsHome: "headquartersIsHome-yes",
  hasAccountingUnits: "hasAccountingUnits-yes",
  assetsWithinThreshold: "assetsWithinThreshold-yes",
  "financialYearEnd.day": "financialYearEnd.day",
};

export default function RegistrationDetails() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const saved = params.get("saved");
  const valuesFor = (s: DraftSection): FormValues => (result?.section === s ? result.values : loaded.values);
  const errorsFor = (s: DraftSection): FieldErrors => (result?.section === s ? result.errors : {});
  const section = (s: DraftSection, children: (q: Questions) => ReactNode, hint?: ReactNode) => {
    const values = valuesFor(s);
    return (
      <SectionForm key={`${s}:${JSON.stringify(values)}`} id={s} busy={busy} version={result?.section === s ? result.version : loaded.versions[s]}>
        {hint ? <p className="hint">{hint}</p> : null}
        {children(new Questions(values, errorsFor(s)))}
      </SectionForm>
    );
  };
  return (
    <div className="page">
      <p>
        <Link to="/registration">Registration</Link>
      </p>
      <h1>Application details</h1>
      {result?.stale ? (
        <StaleEditSummary changes={result.stale} fieldIds={firstChoice} />
      ) : result ? (
        <ErrorSummary errors={result.errors} fieldIds={firstChoice} />
      ) : null}
      {saved && isDraftSection(saved) && !result ? (
        <NotificationBanner title="Saved" kind="success">
          <p>
            {sectionTitles[saved]}: {registrationText.draftSaved}
          </p>
        </NotificationBanner>
      ) : null}
      <p className="lead">
        Every section saves as a draft on its own: answer them in any order and come back later. The readiness page checks the answers against the Electoral
        Commission&apos;s rules.
      </p>
      <nav aria-label="Sections">
        <ol className="list toc">
          {draftSectionIds.map((s) => (
            <li key={s}>
              <a href={`#section-${s}`}>{sectionTitles[s]}</a>
            </li>
          ))}
        </ol>
      </nav>

      {section("register", (q) => (
        <>
          {q.radios("register", "Which register is the party applying to join?", [
            ["GB", "Great Britain"],
            ["NI", "Northern Ireland"],
            ["both", "Both (two legally separate parties with separate finances)"],
          ])}
          {q.checkboxes(
            "nations",
            "If Great Britain or both: which nations will the party contest elections in?",
            [
              ["england", "England"],
              ["scotland", "Scotland"],
              ["wales", "Wales"],
            ],
            "Choose at least one. Leave these empty for Northern Ireland only.",
          )}
        </>
      ))}

      {section("party-type", (q) => (
        <>
          {q.radios("partyType", "What type of party is it?", [
            ["full", "A full party: contests any elections"],
            ["minor", "A minor party: contests only English parish or Welsh community council elections"],
          ])}
          {q.checkboxes("minorElections", "If a minor party: which elections will it contest?", [
            ["english-parish", "English parish council elections"],
            ["welsh-community", "Welsh community council elections"],
          ])}
          {q.checkbox(
            "intendsToContest",
            "The party intends to field at least one candidate at an election",
            "The Commission registers only parties that intend to contest elections.",
          )}
        </>
      ))}

      {section("name", (q) => (
        <>
          {q.text(
            "name",
            "The party's name",
            `At most ${MAX_NAME_WORDS} words, in Roman letters you can type on a UK keyboard, with no web address or hashtag.`,
            { maxWords: MAX_NAME_WORDS },
          )}
          {q.text(
            "nameTranslation",
            "Its Welsh or Irish form (optional)",
            "Only a Great Britain party contesting in Wales may add a Welsh form; only a Northern Ireland party an Irish one.",
            { maxWords: MAX_NAME_WORDS },
          )}
          {q.radios("nameTranslationLanguage", "If you gave another form: which language is it in?", [
            ["welsh", "Welsh"],
            ["irish", "Irish"],
          ])}
        </>
      ))}

      {section(
        "descriptions",
        (q) =>
          q.rows(
            "descriptions",
            "Description",
            (i) => (
              <>
                {q.text(`descriptions.${i}.text`, `Description ${i + 1}`, `At most ${MAX_NAME_WORDS} words, different from the name.`, {
                  maxWords: MAX_NAME_WORDS,
                })}
                {q.text(`descriptions.${i}.translation`, `Description ${i + 1}: Welsh or Irish form (optional)`, undefined, { maxWords: MAX_NAME_WORDS })}
              </>
            ),
            { intent: "descriptions", max: MAX_DESCRIPTIONS, addLabel: "Add another description" },
          ),
        `Up to ${MAX_DESCRIPTIONS} descriptions candidates may use on the ballot paper. Empty rows are left out when you save.`,
      )}

      {section("headquarters", (q) => (
        <>
          <fieldset className="fieldset" id="headquarters">
            <legend className="fieldset__legend">Headquarters address</legend>
            <p className="hint">The address is published on the register. A PO box is better than someone&apos;s home.</p>
            {q.text("headquarters.line1", "Address line 1", undefined, { autoComplete: "address-line1" })}
            {q.text("headquarters.line2", "Address line 2 (optional)", undefined, { autoComplete: "address-line2" })}
            {q.text("headquarters.town", "Town or city", undefined, { autoComplete: "address-level2", width: "20" })}
            {q.text("headquarters.postcode", "Postcode", undefined, { autoComplete: "postal-code", width: "10" })}
          </fieldset>
          {q.radios("headquartersIsHome", "Is this address someone's home?", [
            ["yes", "Yes"],
            ["no", "No"],
          ])}
          {q.text("contactEmail", "Contact email address", "For the Commission to contact the party.", { type: "email", autoComplete: "email" })}
          {q.text("contactPhone", "Contact telephone number", undefined, { autoComplete: "tel", width: "20" })}
        </>
      ))}

      {section("officers", (q) => (
        <>
          {q.textarea(
            "leaderPurpose",
            "If the party has no single overall leader: for what purpose does the registered leader lead?",
            "For example, co-leaders: say which of them is registered and for what purpose. Leave empty if the leader is the overall leader.",
          )}
          <fieldset className="fieldset" id="additionalOfficer">
            <legend className="fieldset__legend">Additional officer</legend>
            <p className="hint">
              Needed only when one person is leader, nominating officer and treasurer and there is no campaigns officer. They must hold a named office in the
              party.
            </p>
            {q.select("additionalOfficer.userId", "Who is it?", [
              ["", "Nobody"],
              ...loaded.people.map((p) => [p.userId, `${p.name} (${p.position})`] as const),
            ])}
            {q.text("additionalOfficer.office", "The office they hold in the party")}
          </fieldset>
        </>
      ))}

      {section("accounting-units", (q) => (
        <>
          {q.radios("hasAccountingUnits", "Will the party have accounting units (branches that keep their own accounts)?", [
            ["yes", "Yes"],
            ["no", "No"],
          ])}
          <div className="conditional">
            <p className="hint">If yes: each unit&apos;s name, treasurer, second officer and address.</p>
            {q.rows(
              "accountingUnits",
              "Accounting unit",
              (i) => (
                <>
                  {q.text(`accountingUnits.${i}.name`, `Unit ${i + 1}: name`)}
                  {q.text(`accountingUnits.${i}.treasurer`, `Unit ${i + 1}: treasurer`)}
                  {q.text(`accountingUnits.${i}.secondOfficer`, `Unit ${i + 1}: second officer`)}
                  {q.text(`accountingUnits.${i}.address.line1`, `Unit ${i + 1}: address`)}
                  {q.text(`accountingUnits.${i}.address.town`, `Unit ${i + 1}: town or city`, undefined, { width: "20" })}
                  {q.text(`accountingUnits.${i}.address.postcode`, `Unit ${i + 1}: postcode`, undefined, { width: "10" })}
                </>
              ),
              { intent: "units", max: 50, addLabel: "Add another accounting unit" },
            )}
          </div>
        </>
      ))}

      {section("financial-year", (q) =>
        q.dayMonth("financialYearEnd", "On what day does the party's financial year end?", "For example, 31 12 for 31 December."),
      )}

      {section("assets", (q) => (
        <>
          {q.radios("assetsWithinThreshold", "The proposed treasurer's declaration: do the party's assets and its liabilities each come to £500 or less?", [
            ["yes", "Yes: assets and liabilities each do not exceed £500"],
            ["no", "No: attach a record of assets and liabilities"],
          ])}
          <div className="conditional">
            <fieldset className="fieldset" id="assetsRecord">
              <legend className="fieldset__legend">If no: the record, in whole pounds</legend>
              {q.text("assetsRecord.cashAtBank", "Money in the bank", undefined, pounds)}
              {q.text("assetsRecord.equipment", "Equipment", undefined, pounds)}
              {q.text("assetsRecord.otherAssets", "Other assets", undefined, pounds)}
              {q.text("assetsRecord.otherAssetsDetail", "What the other assets are")}
              {q.text("assetsRecord.loansFromFinancialInstitutions", "Loans from banks and other financial institutions", undefined, pounds)}
              {q.text("assetsRecord.otherLoans", "Other loans", undefined, pounds)}
              {q.text("assetsRecord.tradeAndOtherCreditors", "Trade and other creditors", undefined, pounds)}
              {q.text("assetsRecord.otherLiabilities", "Other liabilities", undefined, pounds)}
              {q.text("assetsRecord.otherLiabilitiesDetail", "What the other liabilities are")}
            </fieldset>
          </div>
        </>
      ))}

      {section("third-party", (q) =>
        q.checkbox(
          "notThirdParty",
          "The party is not a recognised third party (a registered non-party campaigner)",
          "A recognised third party must de-register before it can register as a party.",
        ),
      )}

      {section("general-election", (q) =>
        q.checkbox(
          "notContestingGeneralElections",
          "The party will not contest UK Parliamentary general elections (optional declaration)",
          "Not for minor parties. Leave unticked if the party may stand candidates for Parliament.",
        ),
      )}
    </div>
  );
}

function SectionForm({ id, busy, version, children }: { id: DraftSection; busy: boolean; version: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>
        <span id={`section-${id}`} tabIndex={-1}>
          {sectionTitles[id]}
        </span>
      </h2>
      <Form method="post" noValidate>
        <input type="hidden" name="section" value={id} />
        <EditVersion form={id} version={version} />
        {/* Pressing Enter in a field submits with the first button: make that one "save", not "remove". */}
        <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          Save
        </button>
        {children}
        <button type="submit" className="button" name="intent" value="save" disabled={busy}>
          Save and continue
        </button>
      </Form>
    </section>
  );
}

/** A sum in whole pounds. */
const pounds = { prefix: "£", width: "10", inputMode: "numeric" } as const;

type Choices = readonly (readonly [string, string])[];

/** One section's questions, with the values and errors to show. */
class Questions {
  constructor(
    private values: FormValues,
    private errors: FieldErrors,
  ) {}

  private one(name: string): string {
    const v = this.values[name];
    return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
  }

  private many(name: string): string[] {
    const v = this.values[name];
    return Array.isArray(v) ? v : v ? [v] : [];
  }

  text(name: string, label: string, hint?: string, options: Omit<Partial<TextFieldProps>, "name" | "label" | "hint"> = {}) {
    return (
      <TextField
        name={name}
        label={label}
        hint={hint}
        error={this.errors[name]}
        defaultValue={this.one(name)}
        autoComplete="off"
        spellCheck={options.type === "email" ? false : undefined}
        {...options}
      />
    );
  }

  textarea(name: string, label: string, hint?: string) {
    return <TextArea name={name} label={label} hint={hint} error={this.errors[name]} defaultValue={this.one(name)} rows={3} />;
  }

  select(name: string, label: string, choices: Choices) {
    return (
      <Select
        name={name}
        label={label}
        error={this.errors[name]}
        choices={choices.map(([value, text]) => ({ value, label: text }))}
        defaultValue={this.one(name)}
      />
    );
  }

  radios(name: string, legend: string, choices: Choices, hint?: string) {
    return <Radios name={name} fieldsetId={name} legend={legend} hint={hint} choices={choices} checked={this.many(name)} error={this.errors[name]} />;
  }

  checkboxes(name: string, legend: string, choices: Choices, hint?: string) {
    return <Radios name={name} fieldsetId={name} legend={legend} hint={hint} choices={choices} checked={this.many(name)} error={this.errors[name]} multiple />;
  }

  /** One confirmation: ticked means yes. */
  checkbox(name: string, label: string, hint?: string) {
    const hintId = hint ? `${name}-hint` : undefined;
    return (
      <div className="form-group">
        {hint ? (
          <div className="hint" id={hintId}>
            {hint}
          </div>
        ) : null}
        <div className="radios__item">
          <input type="checkbox" id={name} name={name} value="yes" defaultChecked={this.one(name) === "yes"} aria-describedby={hintId} />
          <label htmlFor={name}>{label}</label>
        </div>
      </div>
    );
  }

  dayMonth(name: string, legend: string, hint: string) {
    const error = this.errors[`${name}.day`];
    return (
      <div className={`form-group${error ? " form-group--error" : ""}`}>
        <fieldset className="fieldset" id={name} role="group" aria-describedby={`${name}-hint${error ? ` ${name}.day-error` : ""}`}>
          <legend className="fieldset__legend">{legend}</legend>
          <div className="hint" id={`${name}-hint`}>
            {hint}
          </div>
          <FieldError id={`${name}.day`} message={error} />
          <div className="date-input">
            {(["day", "month"] as const).map((part) => (
              <div key={part}>
                <label className="label" htmlFor={`${name}.${part}`}>
                  {part === "day" ? "Day" : "Month"}
                </label>
                <input
                  className={`input input--width-10${error ? " input--error" : ""}`}
                  id={`${name}.${part}`}
                  name={`${name}.${part}`}
                  inputMode="numeric"
                  defaultValue={this.one(`${name}.${part}`)}
                />
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    );
  }

  /** A repeated group with "add another" and "remove" buttons that post the form (no script needed). */
  rows(prefix: string, noun: string, row: (i: number) => ReactNode, options: { intent: string; max: number; addLabel: string }) {
    const present = rowIndexes(this.values, prefix);
    const indexes = present.length > 0 ? present.map((_, i) => i) : [0];
    return (
      <div id={prefix}>
        {indexes.map((i) => (
          <fieldset className="fieldset" key={i} id={`${prefix}-${i + 1}`}>
            <legend className="fieldset__legend">
              {noun} {i + 1}
            </legend>
            {row(i)}
            <button type="submit" className="button button--secondary" name="intent" value={`remove:${options.intent}:${i}`}>
              Remove {noun.toLowerCase()} {i + 1}
            </button>
          </fieldset>
        ))}
        {indexes.length < options.max ? (
          <p>
            <button type="submit" className="button button--secondary" name="intent" value={`add:${options.intent}`}>
              {options.addLabel}
            </button>
          </p>
        ) : null}
      </div>
    );
  }
}
