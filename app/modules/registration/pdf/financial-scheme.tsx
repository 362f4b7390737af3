/** 4. The financial scheme: the organisers' text (Markdown), with room for the treasurer to sign. */
import { A4Page, Markdown, Paragraph, PdfDocument, SignatureBlock, FieldLine } from "~/modules/documents/kit";
import { packMessages, schemePdfMessages as t } from "./messages";
import type { FinancialSchemeData } from "./types";

export function FinancialSchemePages({ data }: { data: FinancialSchemeData }) {
  return (
    <A4Page header={data.partyName} headerRight={t.title} generatedAt={data.generatedAt}>
      <Markdown text={data.text} headingLevel={1} />
      <Paragraph small muted>
        {data.edited ? t.edited : t.generated}
      </Paragraph>
      <SignatureBlock closing={t.signatureClosing} name={data.treasurerName ?? ""} lines={[t.treasurerLine]} />
      <FieldLine label={t.dateLine} value={null} />
    </A4Page>
  );
}

export function FinancialSchemePdf({ data }: { data: FinancialSchemeData }) {
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
      <FinancialSchemePages data={data} />
    </PdfDocument>
  );
}
