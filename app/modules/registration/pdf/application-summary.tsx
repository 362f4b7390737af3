/**
 * 1. The application summary: every answer of registration-uk.md section 1, in the order of the
 * Commission's online form, with "not given" wherever an answer is still missing. Names only for
 * officers: their home addresses are on the officer sheets alone.
 */
import type { Address } from "~/modules/registration/details";
import { count } from "~/modules/documents/format";
import { A4Page, FieldLine, Heading, Paragraph, PdfDocument, Table } from "~/modules/documents/kit";
import { packMessages, roleLabels, summaryMessages as t } from "./messages";
import type { ApplicationSummaryData } from "./types";

const given = (value: string | undefined | null) => (value && value.trim() ? value.trim() : packMessages.notGiven);

export function addressText(address: Address | undefined): string {
  const parts = [address?.line1, address?.line2, address?.town, address?.postcode].filter((p): p is string => Boolean(p?.trim()));
  return parts.length > 0 ? parts.map((p) => p.trim()).join(", ") : packMessages.notGiven;
}

/** Label and value of every field, section by section: what the page prints and the tests read. */
export function summarySections(data: ApplicationSummaryData) {
  const d = data.details;
  const list = (values: readonly string[] | undefined, names: Record<string, string>) =>
    values && values.length > 0 ? values.map((v) => names[v] ?? v).join(", ") : packMessages.notGiven;
  return [
    {
      heading: t.registerHeading,
      fields: [
        [t.register, d.register ? (t.registers[d.register] ?? d.register) : packMessages.notGiven],
        [t.nations, d.register === "NI" ? "—" : list(d.nations, t.nationNames)],
      ],
    },
    {
      heading: t.typeHeading,
      fields: [
        [t.partyType, d.partyType ? (t.partyTypes[d.partyType] ?? d.partyType) : packMessages.notGiven],
        ...(d.partyType === "minor" ? [[t.minorElections, list(d.minorElections, t.minorElectionNames)]] : []),
        [t.intendsToContest, t.yesNo(d.intendsToContest)],
        ...(d.partyType === "minor" ? [] : [[t.notContestingGeneralElections, t.yesNo(d.notContestingGeneralElections)]]),
      ],
    },
    {
      heading: t.nameHeading,
      fields: [
        [t.name, given(d.name)],
        [t.nameTranslation, given(d.nameTranslation)],
        ...(d.nameTranslation
          ? [[t.language, d.nameTranslationLanguage ? (t.nameTranslationLanguages[d.nameTranslationLanguage] ?? "") : packMessages.notGiven]]
          : []),
      ],
    },
    {
      heading: t.headquartersHeading,
      fields: [
        [t.headquarters, addressText(d.headquarters)],
        [t.headquartersIsHome, t.yesNo(d.headquartersIsHome)],
        [t.contactEmail, given(d.contactEmail)],
        [t.contactPhone, given(d.contactPhone)],
      ],
    },
  ] as { heading: string; fields: [string, string][] }[];
}

export function ApplicationSummaryPages({ data }: { data: ApplicationSummaryData }) {
  const d = data.details;
  const descriptions = d.descriptions ?? [];
  const units = d.hasAccountingUnits ? (d.accountingUnits ?? []) : [];
  return (
    <A4Page header={data.partyName} headerRight={t.title} generatedAt={data.generatedAt}>
      <Heading level={1}>{t.title}</Heading>
      <Paragraph>{t.intro}</Paragraph>
      {summarySections(data).map((section) => (
        <SectionFields key={section.heading} heading={section.heading} fields={section.fields} />
      ))}

      <Heading level={2}>{t.officersHeading}</Heading>
      <Paragraph small muted>
        {t.officersIntro}
      </Paragraph>
      {data.officers.length > 0 ? (
        <Table
          columns={[
            { header: t.officerRole, weight: 1 },
            { header: t.officerName, weight: 2 },
          ]}
          rows={data.officers.map((o) => [roleLabels[o.role] ?? o.role, o.name])}
        />
      ) : (
        <Paragraph>{t.noOfficers}</Paragraph>
      )}
      <FieldLine label={t.leaderPurpose} value={given(d.leaderPurpose)} />
      <FieldLine
        label={t.additionalOfficer}
        value={
          d.additionalOfficer?.office
            ? `${d.additionalOfficer.office}${data.additionalOfficerName ? ` (${data.additionalOfficerName})` : ""}`
            : packMessages.notGiven
        }
      />

      <Heading level={2}>{t.descriptionsHeading}</Heading>
      {descriptions.length > 0 ? (
        <Table
          columns={[
            { header: t.descriptionColumns.number, weight: 0.5 },
            { header: t.descriptionColumns.text, weight: 3 },
            { header: t.descriptionColumns.translation, weight: 3 },
          ]}
          rows={descriptions.map((x, i) => [String(i + 1), x.text, given(x.translation)])}
        />
      ) : (
        <Paragraph>{t.noDescriptions}</Paragraph>
      )}

      <Heading level={2}>{t.emblemsHeading}</Heading>
      {data.emblems.length > 0 ? (
        <Table
          columns={[
            { header: t.emblemColumns.slot, weight: 0.5 },
            { header: t.emblemColumns.file, weight: 4 },
            { header: t.emblemColumns.size, weight: 2 },
          ]}
          rows={data.emblems.map((e) => [String(e.slot), e.fileName, `${count(e.width)} × ${count(e.height)}`])}
        />
      ) : (
        <Paragraph>{t.noEmblems}</Paragraph>
      )}

      <Heading level={2}>{t.unitsHeading}</Heading>
      <FieldLine label={t.hasUnits} value={t.yesNo(d.hasAccountingUnits)} />
      {units.length > 0 ? (
        <Table
          columns={[
            { header: t.unitColumns.name, weight: 2 },
            { header: t.unitColumns.treasurer, weight: 2 },
            { header: t.unitColumns.second, weight: 2 },
            { header: t.unitColumns.address, weight: 3 },
          ]}
          rows={units.map((u) => [given(u.name), given(u.treasurer), given(u.secondOfficer), addressText(u.address)])}
        />
      ) : null}

      <Heading level={2}>{t.financeHeading}</Heading>
      <FieldLine label={t.financialYearEnd} value={given(d.financialYearEnd)} />
      <Paragraph>{t.financialSchemeAttached}</Paragraph>

      <Heading level={2}>{t.assetsHeading}</Heading>
      <FieldLine label={t.assetsWithinThreshold} value={t.yesNo(d.assetsWithinThreshold)} />
      {d.assetsWithinThreshold === false ? <Paragraph>{t.assetsRecordAttached}</Paragraph> : null}

      <Heading level={2}>{t.declarationsHeading}</Heading>
      <FieldLine label={t.notThirdParty} value={t.yesNo(d.notThirdParty)} />

      <Heading level={2}>{t.feeHeading}</Heading>
      <Paragraph>{t.fee}</Paragraph>
    </A4Page>
  );
}

function SectionFields({ heading, fields }: { heading: string; fields: [string, string][] }) {
  return (
    <>
      <Heading level={2}>{heading}</Heading>
      {fields.map(([label, value]) => (
        <FieldLine key={label} label={label} value={value} />
      ))}
    </>
  );
}

export function ApplicationSummaryPdf({ data }: { data: ApplicationSummaryData }) {
  return (
    <PdfDocument
      info={{
        title: `${data.partyName}: ${t.title}`,
        author: data.partyName,
        subject: t.subject(data.partyName),
        keywords: packMessages.keywords,
        generatedAt: data.generatedAt,
      }}
    >
      <ApplicationSummaryPages data={data} />
    </PdfDocument>
  );
}
