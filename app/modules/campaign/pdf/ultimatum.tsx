/**
 * The ultimatum letter: the movement's public letter to the party, with its demands, the
 * deadline and what is at stake. Its input carries totals only, never a pledger, so the letter
 * cannot name anyone whatever the layout does.
 */
import { count, ukDate } from "~/modules/documents/format";
import { A4Page, AddressBlock, Heading, Markdown, NumberedItem, Paragraph, PdfDocument, SignatureBlock, Table } from "~/modules/documents/kit";
import { ultimatumMessages as t, type RelationCounts } from "./messages";

export interface UltimatumData {
  movementName: string;
  partyName: string;
  /** The movement's statement, in the small Markdown the site uses. */
  statement: string;
  deadline: Date;
  demands: readonly { title: string; body: string }[];
  figures: {
    pledged: number;
    byRelation: RelationCounts;
    byRegion: readonly { region: string; pledged: number }[];
    /** Monthly subscriptions at stake, in pence. */
    subscriptionsPence: number;
  };
  generatedAt: Date;
}

const relationOrder: readonly (keyof RelationCounts)[] = ["member", "former_member", "supporter"];

/** The rows of the two figure tables, in reading order; regions with no pledges left out. */
export function ultimatumTables(data: UltimatumData) {
  const labels = t.relationLabels(data.partyName);
  return {
    byRelation: relationOrder.map((r) => [labels[r], count(data.figures.byRelation[r])]),
    byRegion: data.figures.byRegion.filter((r) => r.pledged > 0).map((r) => [r.region, count(r.pledged)]),
    total: [t.total, count(data.figures.pledged)],
  };
}

export function UltimatumDocument({ data }: { data: UltimatumData }) {
  const { movementName, partyName, deadline, figures } = data;
  const tables = ultimatumTables(data);
  return (
    <PdfDocument
      info={{
        title: t.documentTitle(partyName),
        author: movementName,
        subject: t.subject(movementName),
        keywords: t.keywords,
        generatedAt: data.generatedAt,
      }}
    >
      <A4Page header={movementName} headerRight={t.documentTitle(partyName)} generatedAt={data.generatedAt}>
        <AddressBlock lines={t.recipient(partyName)} />
        <Paragraph>{ukDate(data.generatedAt)}</Paragraph>
        <Heading level={1}>{t.documentTitle(partyName)}</Heading>
        <Paragraph>{t.salutation}</Paragraph>
        <Paragraph>{t.introduction(movementName, partyName, figures.pledged, deadline)}</Paragraph>

        {data.statement.trim() ? (
          <>
            <Heading>{t.statementHeading}</Heading>
            <Markdown text={data.statement} headingLevel={3} />
          </>
        ) : null}

        <Heading>{t.demandsHeading}</Heading>
        {data.demands.map((d, i) => (
          <NumberedItem key={i} number={i + 1} title={d.title}>
            {d.body}
          </NumberedItem>
        ))}

        <Heading>{t.deadlineHeading}</Heading>
        <Paragraph>{t.deadline(partyName, deadline)}</Paragraph>

        <Heading>{t.figuresHeading}</Heading>
        <Paragraph>{t.figuresAsOf(data.generatedAt)}</Paragraph>
        {figures.pledged > 0 ? (
          <>
            <Table
              caption={t.relationCaption}
              columns={[
                { header: t.relationColumn, weight: 3 },
                { header: t.pledgesColumn, align: "right" },
              ]}
              rows={tables.byRelation}
              total={tables.total}
            />
            <Table
              caption={t.regionCaption}
              columns={[
                { header: t.regionColumn, weight: 3 },
                { header: t.pledgesColumn, align: "right" },
              ]}
              rows={tables.byRegion}
              total={tables.total}
            />
          </>
        ) : (
          <Paragraph>{t.noPledgesYet}</Paragraph>
        )}

        <Heading>{t.subscriptionsHeading}</Heading>
        <Paragraph>{t.subscriptions(partyName, figures.subscriptionsPence)}</Paragraph>

        <Heading>{t.consequencesHeading}</Heading>
        {t.consequences(partyName, deadline).map((p, i) => (
          <Paragraph key={i}>{p}</Paragraph>
        ))}

        <SignatureBlock closing={t.closing} name={t.signatory(movementName)} lines={t.signatoryLines(figures.pledged)} signatureLine={false} />
      </A4Page>
    </PdfDocument>
  );
}
