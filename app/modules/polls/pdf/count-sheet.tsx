/**
 * The count sheet as the returning officer signs it (issue 18): landscape A4, laid out like a
 * council's stage-by-stage sheet. Each table shows as many stages as fit across the page, each
 * stage as its change and its total for every candidate, then the non-transferable papers, the
 * loss of fractions, the totals row and the quota; under each table, what its stages did. Then
 * who was elected, how ties were decided, where the ballots are, and the signature block.
 * Layout only: every figure comes from the sheet (ballots/count-sheet.ts) as exact text.
 */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { countSheetWords as words, explainTieBreak, type CountSheet, type CountSheetStage } from "~/modules/ballots";
import { sheetRows, type SheetRow } from "~/modules/ballots/count-sheet-rows";
import { A4Page, contentWidth, FieldLine, Heading, List, Paragraph, PdfDocument, SignatureBlock, Spacer } from "~/modules/documents/kit";
import { countSheetMessages as t } from "./messages";
import { formatNumber } from "~/utils/numbers";

export interface CountSheetData {
  partyName: string;
  /** The poll's title (an election's position). */
  title: string;
  sheet: CountSheet;
  returningOfficer: string;
  generatedAt: Date;
  closedAt: Date | null;
  /** The poll's page: the published ballots and the BLT file. */
  pollUrl: string;
  lotSeed: string;
}

const FONT = 7.5;
const NAME_WIDTH = 120;
const PADDING = 2.5;
const RULE = "#8a8a8a";
const INK = "#1a1a1a";
const SHADE = "#f0f0f0";

/** Rough printed width of a figure in DejaVu Sans (digits 0.64 em, signs and points less), in points. */
function textWidth(text: string, size = FONT): number {
  let ems = 0;
  for (const ch of text) ems += /[0-9]/.test(ch) ? 0.64 : /[.,]/.test(ch) ? 0.32 : /[+-]/.test(ch) ? 0.84 : 0.7;
  return ems * size;
}

/** The stages in tables as wide as the landscape page allows, each stage two columns wide. */
export function stageBlocks(sheet: CountSheet): CountSheetStage[][] {
  const rows = sheetRows(sheet);
  const widest = Math.max(
    textWidth(words.markLetters.elected + " 0"),
    ...sheet.stages.flatMap((s) => rows.flatMap((r) => [textWidth(r.cells(s).change), textWidth(r.cells(s).total) + textWidth(" E")])),
  );
  const stageWidth = 2 * (widest + 2 * PADDING);
  const perBlock = Math.max(1, Math.floor((contentWidth("landscape") - NAME_WIDTH) / stageWidth));
  const blocks: CountSheetStage[][] = [];
  for (let from = 0; from < sheet.stages.length; from += perBlock) blocks.push(sheet.stages.slice(from, from + perBlock));
  return blocks;
}

const styles = StyleSheet.create({
  block: { marginBottom: 12, fontSize: FONT, lineHeight: 1.3 },
  caption: { fontSize: 10, fontWeight: 700, marginBottom: 4 },
  table: { borderTopWidth: 0.75, borderTopColor: RULE },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: RULE },
  headRow: { backgroundColor: SHADE, fontWeight: 700 },
  totalRow: { fontWeight: 700, borderBottomWidth: 0.75, borderBottomColor: INK },
  name: { width: NAME_WIDTH, paddingVertical: 2, paddingHorizontal: PADDING },
  stage: { flex: 2, flexDirection: "row", borderLeftWidth: 0.5, borderLeftColor: RULE },
  stageHead: { flex: 2, paddingVertical: 2, paddingHorizontal: PADDING, textAlign: "center", borderLeftWidth: 0.5, borderLeftColor: RULE },
  cell: { flex: 1, paddingVertical: 2, paddingHorizontal: PADDING, textAlign: "right" },
  says: { fontSize: 8, lineHeight: 1.35 },
});

function Block({ stages, rows, total }: { stages: readonly CountSheetStage[]; rows: readonly SheetRow[]; total: number }) {
  const first = stages[0]!.stage;
  const last = stages.at(-1)!.stage;
  return (
    <View style={styles.block}>
      <Text style={styles.caption} minPresenceAhead={140}>
        {words.stagesOf(first, last, total)}
      </Text>
      <View style={styles.table}>
        <View style={[styles.row, styles.headRow]} fixed>
          <Text style={styles.name}>{words.candidate}</Text>
          {stages.map((s) => (
            <Text key={s.stage} style={styles.stageHead}>
              {words.stage(s.stage)}
            </Text>
          ))}
        </View>
        <View style={[styles.row, styles.headRow]} fixed>
          <Text style={styles.name} />
          {stages.map((s) => (
            <View key={s.stage} style={styles.stage}>
              <Text style={styles.cell}>{words.change}</Text>
              <Text style={styles.cell}>{words.total}</Text>
            </View>
          ))}
        </View>
        {rows.map((row, r) => (
          <View key={r} style={[styles.row, ...(row.kind === "total" ? [styles.totalRow] : [])]} wrap={false}>
            <Text style={styles.name}>{row.label}</Text>
            {stages.map((s) => {
              const cell = row.cells(s);
              return (
                <View key={s.stage} style={styles.stage}>
                  <Text style={styles.cell}>{cell.change}</Text>
                  <Text style={styles.cell}>{`${cell.total}${cell.mark ? ` ${words.markLetters[cell.mark]}` : ""}`}</Text>
                </View>
              );
            })}
          </View>
        ))}
      </View>
      <Spacer height={4} />
      {stages.map((s) => (
        <Text key={s.stage} style={styles.says}>
          {`${words.stage(s.stage)}: ${words.events(s.events)}${s.transferValues.length > 0 ? ` · ${words.transferValue(s.transferValues)}` : ""}`}
        </Text>
      ))}
    </View>
  );
}

export function CountSheetPdf({ data }: { data: CountSheetData }) {
  const { sheet } = data;
  const rows = sheetRows(sheet);
  const blocks = stageBlocks(sheet);
  const ties = sheet.stages.flatMap((s) => s.ties.map((tie) => `${words.stage(s.stage)}: ${explainTieBreak(tie)}`));
  const methodName = words.methodNames[sheet.method] ?? sheet.method;
  return (
    <PdfDocument
      info={{ title: t.pdfTitle(data.title), author: data.partyName, subject: t.subject(data.title), keywords: t.keywords, generatedAt: data.generatedAt }}
    >
      <A4Page header={data.partyName} headerRight={words.title} generatedAt={data.generatedAt} orientation="landscape">
        <Heading level={1}>{t.pdfTitle(data.title)}</Heading>
        {/* The facts on one line, so the first table starts on the first page. */}
        <Paragraph>
          {[
            `${t.method}: ${methodName}`,
            `${t.seats}: ${sheet.seats}`,
            `${t.valid}: ${formatNumber(sheet.ballots)}`,
            ...(data.closedAt ? [`${t.closed}: ${t.date(data.closedAt)}`] : []),
          ].join(" · ")}
        </Paragraph>
        <Paragraph small muted>
          {t.howToRead(sheet.places)}
        </Paragraph>
        {blocks.map((stages) => (
          <Block key={stages[0]!.stage} stages={stages} rows={rows} total={sheet.stages.length} />
        ))}
        <Paragraph small muted>
          {[words.legend, ...words.notesFor(sheet)].join(" ")}
        </Paragraph>
        <Heading level={2}>{t.electedHeading}</Heading>
        {sheet.elected.length > 0 ? <List ordered items={words.electedList(sheet)} /> : <Paragraph>{t.nobodyElected}</Paragraph>}
        {ties.length > 0 ? (
          <>
            <Heading level={2}>{t.tiesHeading}</Heading>
            <List items={ties} />
          </>
        ) : null}
        <Heading level={2}>{t.checkHeading}</Heading>
        <Paragraph>{t.check(data.pollUrl, methodName, data.lotSeed)}</Paragraph>
        <SignatureBlock closing={t.certify} name={data.returningOfficer} lines={[t.role]} />
        <FieldLine label={t.dated} value={null} />
      </A4Page>
    </PdfDocument>
  );
}
