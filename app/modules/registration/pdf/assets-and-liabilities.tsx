/**
 * 5. The proposed treasurer's assets and liabilities declaration, and, when the party's assets or
 * liabilities exceed £500, the record of them. A minor party makes none: the page says so.
 */
import type { AssetsRecord } from "~/modules/registration/details";
import { pounds } from "~/modules/documents/format";
import { A4Page, FieldLine, Heading, Paragraph, PdfDocument, SignatureBlock, Table } from "~/modules/documents/kit";
import { assetsMessages as t, packMessages } from "./messages";
import type { AssetsData } from "./types";

function total(values: readonly (number | undefined)[]): string {
  return pounds(values.reduce<number>((sum, v) => sum + (v ?? 0), 0) * 100);
}

export function assetsRows(record: AssetsRecord | undefined) {
  const r = record ?? {};
  const assets: [string, number | undefined][] = [
    [t.cashAtBank, r.cashAtBank],
    [t.equipment, r.equipment],
    [t.otherAssets(r.otherAssetsDetail), r.otherAssets],
  ];
  const liabilities: [string, number | undefined][] = [
    [t.loansFromFinancialInstitutions, r.loansFromFinancialInstitutions],
    [t.otherLoans, r.otherLoans],
    [t.tradeAndOtherCreditors, r.tradeAndOtherCreditors],
    [t.otherLiabilities(r.otherLiabilitiesDetail), r.otherLiabilities],
  ];
  return { assets, liabilities };
}

export function AssetsPages({ data }: { data: AssetsData }) {
  const { assets, liabilities } = assetsRows(data.record);
  const columns = [
    { header: t.item, weight: 3 },
    { header: t.amount, weight: 1, align: "right" as const },
  ];
  return (
    <A4Page header={data.partyName} headerRight={t.title} generatedAt={data.generatedAt}>
      <Heading level={1}>{t.title}</Heading>
      {data.partyType === "minor" ? (
        <Paragraph>{t.minorParty}</Paragraph>
      ) : (
        <>
          <Paragraph>{t.intro}</Paragraph>
          {data.withinThreshold === undefined ? (
            <Paragraph>{t.undecided}</Paragraph>
          ) : (
            <Paragraph>{data.withinThreshold ? t.within(data.partyName) : t.notWithin(data.partyName)}</Paragraph>
          )}
          {data.withinThreshold === false ? (
            <>
              <Heading level={2}>{t.recordHeading}</Heading>
              <Table
                caption={t.assetsCaption}
                columns={columns}
                rows={assets.map(([label, v]) => [label, t.money(v)])}
                total={[t.total, total(assets.map((a) => a[1]))]}
              />
              <Table
                caption={t.liabilitiesCaption}
                columns={columns}
                rows={liabilities.map(([label, v]) => [label, t.money(v)])}
                total={[t.total, total(liabilities.map((a) => a[1]))]}
              />
            </>
          ) : null}
          <SignatureBlock closing={t.signatureClosing} name={data.treasurerName ?? ""} lines={[t.treasurerLine]} />
          <FieldLine label={t.dateLine} value={null} />
        </>
      )}
    </A4Page>
  );
}

export function AssetsPdf({ data }: { data: AssetsData }) {
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
      <AssetsPages data={data} />
    </PdfDocument>
  );
}
