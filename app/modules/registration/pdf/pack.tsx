/**
 * The registration pack's own pages: the cover with its contents (each part and the pack's pages
 * it fills), and the part that stands in for the constitution before one is adopted. The parts
 * themselves are separate PDFs, merged behind the cover (app/modules/registration/pack-pdf.server.ts),
 * so the adopted constitution, rendered once per version, is reused as it is (decision 024).
 */
import { A4Page, Heading, List, Paragraph, PdfDocument } from "~/modules/documents/kit";
import type { ConstitutionPdfData } from "~/modules/constitution/pdf/constitution";
import { packMessages as t } from "./messages";
import type { PackDocument } from "./documents";
import type { ApplicationSummaryData, AssetsData, ChecklistData, FinancialSchemeData, FoundingRecordData, OfficerSheetsData, PackCommon } from "./types";

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

/** The pack's metadata, also given to the merged PDF. */
export function packInfo(data: PackCommon) {
  return {
    title: `${data.partyName}: ${t.packTitle}`,
    author: data.partyName,
    subject: t.packSubject(data.partyName),
    keywords: t.keywords,
    generatedAt: data.generatedAt,
  };
}

export interface PackCoverData extends PackCommon {
  /** In the pack's order; pages are the pack's own page numbers. */
  parts: { doc: PackDocument; firstPage: number; lastPage: number }[];
}

export function PackCoverPdf({ data }: { data: PackCoverData }) {
  return (
    <PdfDocument info={packInfo(data)}>
      <A4Page header={data.partyName} headerRight={t.packTitle} generatedAt={data.generatedAt}>
        <Heading level={1}>{t.packTitle}</Heading>
        <Paragraph>{t.packIntro(data.partyName, data.generatedAt)}</Paragraph>
        <Heading level={2}>{t.packContentsHeading}</Heading>
        <List
          ordered
          items={data.parts.map((p) => `${t.documents[p.doc]?.title ?? p.doc} (${t.packPages(p.firstPage, p.lastPage)}): ${t.documents[p.doc]?.purpose ?? ""}`)}
        />
        <Paragraph small muted>
          {t.packPartsNote}
        </Paragraph>
      </A4Page>
    </PdfDocument>
  );
}

/** The constitution's part before one is adopted. */
export function NoConstitutionPdf({ data }: { data: PackCommon }) {
  const title = t.documents.constitution?.title ?? "";
  return (
    <PdfDocument info={{ title: `${data.partyName}: ${title}`, author: data.partyName, keywords: t.keywords, generatedAt: data.generatedAt }}>
      <A4Page header={data.partyName} headerRight={title} generatedAt={data.generatedAt}>
        <Heading level={1}>{title}</Heading>
        <Paragraph>{t.notAdopted}</Paragraph>
      </A4Page>
    </PdfDocument>
  );
}
