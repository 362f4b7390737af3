import type { ReactNode } from "react";
import type { FieldErrors } from "~/components/forms";
import { MAX_DESCRIPTIONS, MAX_NAME_WORDS } from "../../details";
import { detailsQuestions as w } from "../../details-messages";
import type { DraftSection, FormValues } from "../../draft-form";
import { pounds, Questions, SectionForm } from "./questions";

export interface SectionState {
  values: (s: DraftSection) => FormValues;
  errors: (s: DraftSection) => FieldErrors;
  version: (s: DraftSection) => string;
  busy: boolean;
}

/** Every section of the application's details, each its own form saved as a draft. */
export function DetailsSections({ state, people }: { state: SectionState; people: readonly { userId: string; name: string; position: string }[] }) {
  const section = (s: DraftSection, children: (q: Questions) => ReactNode, hint?: ReactNode) => {
    const values = state.values(s);
    // Keyed by its values: a form shown again after adding or removing a row starts from them.
    return (
      <SectionForm key={`${s}:${JSON.stringify(values)}`} id={s} busy={state.busy} version={state.version(s)}>
        {hint ? <p className="hint">{hint}</p> : null}
        {children(new Questions(values, state.errors(s)))}
      </SectionForm>
    );
  };
  return (
    <>
      {section("register", (q) => (
        <>
          {q.radios("register", w.register.legend, w.register.choices)}
          {q.checkboxes("nations", w.nations.legend, w.nations.choices, w.nations.hint)}
        </>
      ))}

      {section("party-type", (q) => (
        <>
          {q.radios("partyType", w.partyType.legend, w.partyType.choices)}
          {q.checkboxes("minorElections", w.minorElections.legend, w.minorElections.choices)}
          {q.checkbox("intendsToContest", w.intendsToContest.label, w.intendsToContest.hint)}
        </>
      ))}

      {section("name", (q) => (
        <>
          {q.text("name", w.name.label, w.name.hint, { maxWords: MAX_NAME_WORDS })}
          {q.text("nameTranslation", w.nameTranslation.label, w.nameTranslation.hint, { maxWords: MAX_NAME_WORDS })}
          {q.radios("nameTranslationLanguage", w.nameTranslationLanguage.legend, w.nameTranslationLanguage.choices)}
        </>
      ))}

      {section(
        "descriptions",
        (q) =>
          q.rows(
            "descriptions",
            w.descriptions.noun,
            (i) => (
              <>
                {q.text(`descriptions.${i}.text`, w.descriptions.text(i + 1), w.descriptions.textHint, { maxWords: MAX_NAME_WORDS })}
                {q.text(`descriptions.${i}.translation`, w.descriptions.translation(i + 1), undefined, { maxWords: MAX_NAME_WORDS })}
              </>
            ),
            { intent: "descriptions", max: MAX_DESCRIPTIONS, addLabel: w.descriptions.add },
          ),
        w.descriptions.hint,
      )}

      {section("headquarters", (q) => (
        <>
          <fieldset className="fieldset" id="headquarters">
            <legend className="fieldset__legend">{w.headquarters.legend}</legend>
            <p className="hint">{w.headquarters.hint}</p>
            {q.text("headquarters.line1", w.headquarters.line1, undefined, { autoComplete: "address-line1" })}
            {q.text("headquarters.line2", w.headquarters.line2, undefined, { autoComplete: "address-line2" })}
            {q.text("headquarters.town", w.headquarters.town, undefined, { autoComplete: "address-level2", width: "20" })}
            {q.text("headquarters.postcode", w.headquarters.postcode, undefined, { autoComplete: "postal-code", width: "10" })}
          </fieldset>
          {q.radios("headquartersIsHome", w.headquartersIsHome.legend, w.headquartersIsHome.choices)}
          {q.text("contactEmail", w.contactEmail.label, w.contactEmail.hint, { type: "email", autoComplete: "email" })}
          {q.text("contactPhone", w.contactPhone.label, undefined, { autoComplete: "tel", width: "20" })}
        </>
      ))}

      {section("officers", (q) => (
        <>
          {q.textarea("leaderPurpose", w.leaderPurpose.label, w.leaderPurpose.hint)}
          <fieldset className="fieldset" id="additionalOfficer">
            <legend className="fieldset__legend">{w.additionalOfficer.legend}</legend>
            <p className="hint">{w.additionalOfficer.hint}</p>
            {q.select("additionalOfficer.userId", w.additionalOfficer.who, [
              ["", w.additionalOfficer.nobody],
              ...people.map((p) => [p.userId, `${p.name} (${p.position})`] as const),
            ])}
            {q.text("additionalOfficer.office", w.additionalOfficer.office)}
          </fieldset>
        </>
      ))}

      {section("accounting-units", (q) => (
        <>
          {q.radios("hasAccountingUnits", w.hasAccountingUnits.legend, w.hasAccountingUnits.choices)}
          <div className="conditional">
            <p className="hint">{w.accountingUnits.hint}</p>
            {q.rows(
              "accountingUnits",
              w.accountingUnits.noun,
              (i) => (
                <>
                  {q.text(`accountingUnits.${i}.name`, w.accountingUnits.name(i + 1))}
                  {q.text(`accountingUnits.${i}.treasurer`, w.accountingUnits.treasurer(i + 1))}
                  {q.text(`accountingUnits.${i}.secondOfficer`, w.accountingUnits.secondOfficer(i + 1))}
                  {q.text(`accountingUnits.${i}.address.line1`, w.accountingUnits.address(i + 1))}
                  {q.text(`accountingUnits.${i}.address.town`, w.accountingUnits.town(i + 1), undefined, { width: "20" })}
                  {q.text(`accountingUnits.${i}.address.postcode`, w.accountingUnits.postcode(i + 1), undefined, { width: "10" })}
                </>
              ),
              { intent: "units", max: 50, addLabel: w.accountingUnits.add },
            )}
          </div>
        </>
      ))}

      {section("financial-year", (q) => q.dayMonth("financialYearEnd", w.financialYearEnd.legend, w.financialYearEnd.hint))}

      {section("assets", (q) => (
        <>
          {q.radios("assetsWithinThreshold", w.assetsWithinThreshold.legend, w.assetsWithinThreshold.choices)}
          <div className="conditional">
            <fieldset className="fieldset" id="assetsRecord">
              <legend className="fieldset__legend">{w.assetsRecord.legend}</legend>
              {q.text("assetsRecord.cashAtBank", w.assetsRecord.cashAtBank, undefined, pounds)}
              {q.text("assetsRecord.equipment", w.assetsRecord.equipment, undefined, pounds)}
              {q.text("assetsRecord.otherAssets", w.assetsRecord.otherAssets, undefined, pounds)}
              {q.text("assetsRecord.otherAssetsDetail", w.assetsRecord.otherAssetsDetail)}
              {q.text("assetsRecord.loansFromFinancialInstitutions", w.assetsRecord.loansFromFinancialInstitutions, undefined, pounds)}
              {q.text("assetsRecord.otherLoans", w.assetsRecord.otherLoans, undefined, pounds)}
              {q.text("assetsRecord.tradeAndOtherCreditors", w.assetsRecord.tradeAndOtherCreditors, undefined, pounds)}
              {q.text("assetsRecord.otherLiabilities", w.assetsRecord.otherLiabilities, undefined, pounds)}
              {q.text("assetsRecord.otherLiabilitiesDetail", w.assetsRecord.otherLiabilitiesDetail)}
            </fieldset>
          </div>
        </>
      ))}

      {section("third-party", (q) => q.checkbox("notThirdParty", w.notThirdParty.label, w.notThirdParty.hint))}

      {section("general-election", (q) =>
        q.checkbox("notContestingGeneralElections", w.notContestingGeneralElections.label, w.notContestingGeneralElections.hint),
      )}
    </>
  );
}
