/**
 * The whole registration pack as one PDF: a cover with the contents, then each document's pages
 * in the order of registration-uk.md section 7. Page numbers run through the pack ("Page 7 of
 * 40"), and each part's first heading is a bookmark, so a reader can jump to any part.
 */
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { ConstitutionPdf, type ConstitutionPdfData } from "../constitution";
import { A4Page, Heading, List, Paragraph, PdfDocument } from "../kit";
import { ApplicationSummaryPages } from "./application-summary";
import { AssetsPages } from "./assets-and-liabilities";
import { FinancialSchemePages } from "./financial-scheme";
import { FoundingRecordPages } from "./founding-record";
import { packMessages as t } from "./messages";
import { OfficerSheetsPages } from "./officer-sheets";
import { ChecklistPages } from "./readiness-checklist";
import { packDocuments, type PackDocument } from "./documents";
import type { ApplicationSummaryData, AssetsData, ChecklistData, FinancialSchemeData, FoundingRecordData, OfficerSheetsData } from "./types";

export interface PackData {
  partyName: string;
  generatedAt: Date;
  "application-summary": ApplicationSummaryData;
  "officer-sheets": OfficerSheetsData;
  /** Null until a constitution is adopted: its part then says so. */
  constitution: ConstitutionPdfData | null;
  "financial-scheme": FinancialSchemeData;
  "assets-and-liabilities": AssetsData;
  "founding-record": FoundingRecordData;
  "readiness-checklist": ChecklistData;
}

/**
 * The constitution's pages without their document: ConstitutionPdf (constitution.tsx) makes a
 * whole PdfDocument, and a PDF holds one, so the pack takes the pages inside it.
 */
export function constitutionPages(data: ConstitutionPdfData): ReactNode {
  const doc = ConstitutionPdf({ data }) as ReactElement<{ children?: ReactNode }>;
  if (!isValidElement(doc) || doc.type !== PdfDocument) throw new Error("ConstitutionPdf no longer returns a PdfDocument");
  return doc.props.children;
}

function NoConstitution({ data }: { data: PackData }) {
  return (
    <A4Page header={data.partyName} headerRight={t.documents.constitution?.title} generatedAt={data.generatedAt}>
      <Heading level={1}>{t.documents.constitution?.title ?? ""}</Heading>
      <Paragraph>{t.notAdopted}</Paragraph>
    </A4Page>
  );
}

/** One document's pages, for the pack. */
export function DocumentPages({ doc, data }: { doc: PackDocument; data: PackData }) {
  switch (doc) {
    case "application-summary":
      return <ApplicationSummaryPages data={data[doc]} />;
    case "officer-sheets":
      return <OfficerSheetsPages data={data[doc]} />;
    case "constitution":
      return data.constitution ? <>{constitutionPages(data.constitution)}</> : <NoConstitution data={data} />;
    case "financial-scheme":
      return <FinancialSchemePages data={data[doc]} />;
    case "assets-and-liabilities":
      return <AssetsPages data={data[doc]} />;
    case "founding-record":
      return <FoundingRecordPages data={data[doc]} />;
    case "readiness-checklist":
      return <ChecklistPages data={data[doc]} />;
  }
}

export function PackPdf({ data }: { data: PackData }) {
  return (
    <PdfDocument info={{ title: `${data.partyName}: ${t.packTitle}`, author: data.partyName, subject: t.packSubject(data.partyName), keywords: t.keywords, generatedAt: data.generatedAt }}>
      <A4Page header={data.partyName} headerRight={t.packTitle} generatedAt={data.generatedAt}>
        <Heading level={1}>{t.packTitle}</Heading>
        <Paragraph>{t.packIntro(data.partyName, data.generatedAt)}</Paragraph>
        <Heading level={2}>{t.packContentsHeading}</Heading>
        <List ordered items={packDocuments.map((d) => `${t.documents[d]?.title ?? d}: ${t.documents[d]?.purpose ?? ""}`)} />
      </A4Page>
      {packDocuments.map((doc) => (
        <DocumentPages key={doc} doc={doc} data={data} />
      ))}
    </PdfDocument>
  );
}
