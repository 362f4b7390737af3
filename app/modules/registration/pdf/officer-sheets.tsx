/**
 * 2. The officer sheets: one page per registered officer, with their own details (the only place
 * in the pack their home address is printed), each role they hold with its declaration and
 * whether they confirmed it on Breakaway, and room to sign and date.
 */
import { A4Page, FieldLine, Heading, Note, Paragraph, PdfDocument, SignatureBlock, Spacer } from "~/modules/documents/kit";
import { officerSheetMessages as t, packMessages, roleLabels } from "./messages";
import type { OfficerSheet, OfficerSheetsData } from "./types";

function Sheet({ officer, data }: { officer: OfficerSheet; data: OfficerSheetsData }) {
  const roles = officer.roles.map((r) => roleLabels[r.role] ?? r.role);
  return (
    <A4Page header={data.partyName} headerRight={t.title} generatedAt={data.generatedAt}>
      <Heading level={1}>{t.sheetHeading(officer.fullName ?? officer.name)}</Heading>
      <Note>{t.privateNote}</Note>
      <FieldLine label={t.fullName} value={officer.fullName ?? t.detailsMissing} />
      <FieldLine label={t.homeAddress} value={officer.homeAddress ?? t.detailsMissing} />
      <FieldLine label={t.email} value={officer.email ?? t.detailsMissing} />
      <FieldLine label={t.roles} value={roles.join(", ")} />
      <Heading level={2}>{t.declarationsHeading}</Heading>
      {officer.roles.map((r) => (
        <Paragraph key={r.role}>
          {`${roleLabels[r.role] ?? r.role}: ${r.declaration} `}
          {r.confirmedAt ? t.confirmed(r.confirmedAt) : t.notConfirmed}
        </Paragraph>
      ))}
      <Spacer />
      <SignatureBlock closing={t.signatureClosing} name={officer.fullName ?? officer.name} lines={[roles.join(", ")]} />
      <FieldLine label={t.dateLine} value={null} />
    </A4Page>
  );
}

export function OfficerSheetsPages({ data }: { data: OfficerSheetsData }) {
  if (data.officers.length === 0) {
    return (
      <A4Page header={data.partyName} headerRight={t.title} generatedAt={data.generatedAt}>
        <Heading level={1}>{t.title}</Heading>
        <Paragraph>{t.noOfficers}</Paragraph>
      </A4Page>
    );
  }
  return (
    <>
      {data.officers.map((officer, i) => (
        <Sheet key={i} officer={officer} data={data} />
      ))}
    </>
  );
}

export function OfficerSheetsPdf({ data }: { data: OfficerSheetsData }) {
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
      <OfficerSheetsPages data={data} />
    </PdfDocument>
  );
}
