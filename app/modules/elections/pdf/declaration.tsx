/**
 * The returning officer's declaration of result for one officer election, as a council's
 * returning officer publishes it: the election and its figures, the first preferences, the
 * totals at every stage of the count, who was elected, how any ties were decided, and how to
 * check the result against the published ballots. Layout only: the caller runs the count and
 * passes its report; every figure printed here comes from that report.
 */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import {
  countSheetWords,
  explainTieBreak,
  ELECTION_REASON_MESSAGES,
  RON_EXPLAINED,
  TIES_EXPLAINED,
  formatUnits,
  UNITS_PER_VOTE,
  type RankedCountReport,
  type StageAction,
  type StageReport,
} from "~/modules/ballots";
import { count } from "~/modules/documents/format";
import { A4Page, FieldLine, Heading, List, Paragraph, PdfDocument, SignatureBlock, Spacer, Table } from "~/modules/documents/kit";
import { declarationMessages as t } from "./messages";

export interface DeclarationData {
  /** Shown at the top of every page and as the PDF's author. */
  partyName: string;
  positionTitle: string;
  seats: number;
  /** "Instant-runoff", "Scottish STV": how members voted, in words. */
  methodLabel: string;
  returningOfficer: string;
  declaredAt: Date;
  generatedAt: Date;
  /** Members on the roll: the electorate. */
  rollSize: number;
  ballotsCast: number;
  /** Head of the ballot chain that seals the published ballots. */
  chainHead: string;
  /** Where the published ballots and the BLT file are. */
  pollUrl: string;
  /** Where the count sheet, with every transfer, is published (issue 18). */
  countSheetUrl: string;
  report: RankedCountReport;
  /** Set when a recount corrected the declaration: this one replaces the one it supersedes. */
  correction?: { at: Date; reason: string; superseded: string[] } | null;
}

/**
 * Votes as a declaration prints them: whole numbers as "1,234", fractional STV values exactly
 * to the five places the count works in, as the ballots module writes them ("1,234.56789").
 */
export function formatVotes(votes: number): string {
  const units = Math.round(votes * UNITS_PER_VOTE);
  const sign = units < 0 ? "-" : "";
  const abs = Math.abs(units);
  const whole = Math.floor(abs / UNITS_PER_VOTE);
  if (abs % UNITS_PER_VOTE === 0) return `${sign}${count(whole)}`;
  const fraction = formatUnits(abs).split(".")[1] ?? "";
  return `${sign}${count(whole)}.${fraction}`;
}

/** "31.6%" of `whole`; a dash when there is nothing to divide by. */
export function percentOf(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : t.alreadyExcluded;
}

export interface StageCell {
  text: string;
  mark: "elected" | "excluded" | null;
}

export interface StageRow {
  label: string;
  kind: "candidate" | "summary" | "total";
  cells: StageCell[];
}

export interface StageTable {
  /** The stage numbers this table's columns show, in order. */
  stages: number[];
  /** Stage columns in every table of the count, so a short last table lines up with the others. */
  columns: number;
  rows: StageRow[];
}

// The stages table is laid out for A4 portrait: A4 (595.28 pt) less the kit's 57 pt margins.
const CONTENT_WIDTH = 595.28 - 2 * 57;
const NAME_WIDTH = 128;
const STAGE_FONT = 8;
const MARK_FONT = 7;
const CELL_PADDING = 3;
const MAX_STAGES_PER_TABLE = 6;
const MIN_STAGES_PER_TABLE = 3;
// Rows of up to two lines (a long name, or a figure and its mark): this many fit on a page.
const ROWS_KEPT_TOGETHER = 20;

/** Rough printed width of a figure in DejaVu Sans (digits 0.64 em, separators 0.32 em), in points. */
function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += /[0-9]/.test(ch) ? 0.64 : /[.,]/.test(ch) ? 0.32 : 0.7;
  return ems * fontSize;
}

/** How many stage columns fit beside the names, given the widest figure: at most six. */
export function stagesPerTable(cells: readonly string[]): number {
  const widest = Math.max(textWidth(t.electedMark, MARK_FONT), textWidth(t.excludedMark, MARK_FONT), ...cells.map((c) => textWidth(c, STAGE_FONT)));
  const fit = Math.floor((CONTENT_WIDTH - NAME_WIDTH) / (widest + 2 * CELL_PADDING + 2));
  return Math.max(MIN_STAGES_PER_TABLE, Math.min(MAX_STAGES_PER_TABLE, fit));
}

function describeAction(action: StageAction): string {
  switch (action.kind) {
    case "first-preferences":
      return t.firstPreferencesCounted;
    case "surplus":
      return t.surplusTransferred(action.candidate, formatVotes(action.surplus));
    case "exclusion":
      return t.candidateExcluded(action.candidate, formatVotes(action.total));
    case "round":
      return countSheetWords.events(action.events);
  }
}

function describeStage(stage: StageReport): string {
  const elected = stage.elected.map((e) => (e.ron ? t.ronWonAtStage(e.candidate) : t.electedAtStage(e.candidate, ELECTION_REASON_MESSAGES[e.reason])));
  return t.stageDescription(stage.stage, [describeAction(stage.action), ...elected].join(" "));
}

function sumUnits(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + Math.round(v * UNITS_PER_VOTE), 0);
}

/** Everything the declaration prints, worked out from the report, in reading order. */
export function declarationLayout(data: DeclarationData) {
  const { report } = data;
  const withdrawn = new Set(report.withdrawn);
  const standing = report.candidates.map((name, index) => ({ name, index })).filter((c) => !withdrawn.has(c.name));
  const valid = report.ballots.valid;
  const first = report.stages[0];

  const firstPreferences = standing.map(({ name, index }) => {
    const votes = first?.totals[index]?.votes ?? 0;
    return [name, formatVotes(votes), percentOf(votes, valid)];
  });
  const firstPreferencesTotal = [t.totalValid, count(valid), percentOf(valid, valid)];

  const candidateRows: StageRow[] = standing.map(({ name, index }) => ({
    label: name,
    kind: "candidate",
    cells: report.stages.map((stage): StageCell => {
      const s = stage.totals[index];
      if (stage.excluded.includes(name)) return { text: "", mark: "excluded" };
      if (!s || s.status === "excluded") return { text: t.alreadyExcluded, mark: null };
      return { text: formatVotes(s.votes), mark: stage.elected.some((e) => e.candidate === name) ? "elected" : null };
    }),
  }));
  const summary = (label: string, values: (stage: StageReport) => number, kind: StageRow["kind"] = "summary"): StageRow => ({
    label,
    kind,
    cells: report.stages.map((stage) => ({ text: formatVotes(values(stage)), mark: null })),
  });
  const fractional = report.method !== "irv";
  const allRows: StageRow[] = [
    ...candidateRows,
    summary(t.nonTransferable, (s) => s.nonTransferable),
    ...(fractional ? [summary(t.lossOfFractions, (s) => s.lossOfFractions)] : []),
    summary(
      t.total,
      (s) => sumUnits([...standing.map(({ index }) => s.totals[index]?.votes ?? 0), s.nonTransferable, s.lossOfFractions]) / UNITS_PER_VOTE,
      "total",
    ),
    ...(report.method === "irv" ? [summary(t.neededToWin, (s) => s.majorityThreshold ?? 0)] : []),
  ];

  const perTable = stagesPerTable(allRows.flatMap((r) => r.cells.map((c) => c.text)));
  const stageTables: StageTable[] = [];
  for (let from = 0; from < report.stages.length; from += perTable) {
    const to = Math.min(report.stages.length, from + perTable);
    stageTables.push({
      stages: report.stages.slice(from, to).map((s) => s.stage),
      columns: perTable,
      rows: allRows.map((r) => ({ ...r, cells: r.cells.slice(from, to) })),
    });
  }

  const ronSeats = report.winners.filter((w) => w.ron).length;
  const unfilled = report.vacantSeats - ronSeats;
  const winners = report.winners.map((w) => (w.ron ? t.ronSeat : t.winner(w.candidate, w.stage, ELECTION_REASON_MESSAGES[w.reason])));

  return {
    facts: [
      [t.position, data.positionTitle],
      [t.seats, count(data.seats)],
      [t.method, data.methodLabel],
      [t.returningOfficer, data.returningOfficer],
      [t.declaredAt, t.declaredAtValue(data.declaredAt)],
      ...(data.correction
        ? [
            [t.correctedByRecount, t.correctedByRecountValue(data.correction.at, data.correction.reason)],
            [t.superseded, t.supersededValue(data.correction.superseded)],
          ]
        : []),
      [t.electorate, count(data.rollSize)],
      [t.ballotsCast, t.ballotsCastValue(count(data.ballotsCast), data.rollSize > 0 ? percentOf(data.ballotsCast, data.rollSize) : null)],
      ...(report.ballots.empty > 0 ? [[t.rejected, count(report.ballots.empty)]] : []),
      [t.valid, count(valid)],
      report.quota !== null ? [t.quota, formatVotes(report.quota)] : [t.majority, t.majorityValue],
      ...(report.withdrawn.length > 0 ? [[t.withdrawn, report.withdrawn.join(", ")]] : []),
    ] as [string, string][],
    firstPreferences,
    firstPreferencesTotal,
    stageDescriptions: report.stages.map(describeStage),
    stageTables,
    winners,
    /** Seats nobody could fill (not those won by re-open nominations, which are among the winners). */
    unfilledSeats: unfilled > 0 ? t.unfilledSeats(unfilled) : null,
    ronWon: ronSeats > 0,
    ties: report.stages.flatMap((s) => s.tieBreaks.map((tie) => t.tie(s.stage, explainTieBreak(tie)))),
  };
}

const RULE = "#8a8a8a";
const INK = "#1a1a1a";
const SHADE = "#f0f0f0";

const styles = StyleSheet.create({
  block: { marginBottom: 14, fontSize: STAGE_FONT, lineHeight: 1.3 },
  caption: { fontSize: 10.5, lineHeight: 1.45, fontWeight: 700, marginBottom: 4 },
  table: { borderTopWidth: 0.75, borderTopColor: RULE },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: RULE },
  headRow: { backgroundColor: SHADE, fontWeight: 700 },
  totalRow: { fontWeight: 700, borderBottomWidth: 0.75, borderBottomColor: INK },
  name: { width: NAME_WIDTH, paddingVertical: 2.5, paddingHorizontal: CELL_PADDING },
  cell: { flex: 1, paddingVertical: 2.5, paddingHorizontal: CELL_PADDING, textAlign: "right" },
  mark: { fontSize: MARK_FONT, fontWeight: 700 },
});

/** One table of the stages: a column per stage, a row per candidate and for the papers not with one. */
function StagesTable({ table }: { table: StageTable }) {
  const first = table.stages[0] ?? 0;
  const last = table.stages[table.stages.length - 1] ?? first;
  return (
    // A table that fits on a page is kept whole; a longer one runs on with its header repeated.
    <View style={styles.block} wrap={table.rows.length > ROWS_KEPT_TOGETHER}>
      <Text style={styles.caption} minPresenceAhead={60}>
        {t.stageRange(first, last)}
      </Text>
      <View style={styles.table}>
        <View style={[styles.row, styles.headRow]} fixed>
          <Text style={styles.name}>{t.candidate}</Text>
          {table.stages.map((s) => (
            <Text key={s} style={styles.cell}>
              {t.stageLabel(s)}
            </Text>
          ))}
          {Array.from({ length: Math.max(0, table.columns - table.stages.length) }, (_, k) => (
            <View key={`pad-${k}`} style={styles.cell} />
          ))}
        </View>
        {table.rows.map((row, i) => (
          <View key={i} style={[styles.row, ...(row.kind === "total" ? [styles.totalRow] : [])]} wrap={false}>
            <Text style={styles.name}>{row.label}</Text>
            {row.cells.map((cell, j) => (
              <View key={j} style={styles.cell}>
                {cell.text ? <Text>{cell.text}</Text> : null}
                {cell.mark ? <Text style={styles.mark}>{cell.mark === "elected" ? t.electedMark : t.excludedMark}</Text> : null}
              </View>
            ))}
            {/* Short last tables keep the same column widths as the full ones above them. */}
            {Array.from({ length: Math.max(0, table.columns - row.cells.length) }, (_, k) => (
              <View key={`pad-${k}`} style={styles.cell} />
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

export function DeclarationPdf({ data }: { data: DeclarationData }) {
  const layout = declarationLayout(data);
  return (
    <PdfDocument
      info={{
        title: t.pdfTitle(data.positionTitle),
        author: data.partyName,
        subject: t.subject(data.positionTitle, data.partyName),
        keywords: t.keywords,
        generatedAt: data.generatedAt,
      }}
    >
      <A4Page header={data.partyName} headerRight={t.documentTitle} generatedAt={data.generatedAt}>
        <Heading level={1}>{t.documentTitle}</Heading>
        <Heading level={2}>{t.electionHeading(data.positionTitle)}</Heading>
        <Paragraph>{t.opening(data.returningOfficer, data.positionTitle, data.partyName)}</Paragraph>
        {layout.facts.map(([label, value]) => (
          <FieldLine key={label} label={label} value={value} />
        ))}
        <Spacer height={6} />

        <Heading level={2}>{t.firstPreferencesHeading}</Heading>
        <Table
          columns={[
            { header: t.candidate, weight: 3 },
            { header: t.votes, weight: 1.2, align: "right" },
            { header: t.percentOfValid, weight: 1.4, align: "right" },
          ]}
          rows={layout.firstPreferences}
          total={layout.firstPreferencesTotal}
        />

        <Heading level={2}>{t.stagesHeading}</Heading>
        {layout.stageTables.length > 0 ? (
          <>
            <List items={layout.stageDescriptions} />
            <Paragraph small muted>
              {t.stagesIntro}
            </Paragraph>
            {layout.stageTables.map((table, i) => (
              <StagesTable key={i} table={table} />
            ))}
          </>
        ) : (
          <Paragraph>{t.noStages}</Paragraph>
        )}

        <Heading level={2}>{t.electedHeading}</Heading>
        {layout.winners.length > 0 ? (
          <>
            <Paragraph>{t.electedIntro}</Paragraph>
            <List ordered items={layout.winners} />
          </>
        ) : (
          <Paragraph>{t.nobodyElected}</Paragraph>
        )}
        {layout.unfilledSeats ? <Paragraph>{layout.unfilledSeats}</Paragraph> : null}
        {layout.ronWon ? <Paragraph>{RON_EXPLAINED}</Paragraph> : null}

        {layout.ties.length > 0 ? (
          <>
            <Heading level={2}>{t.tiesHeading}</Heading>
            <Paragraph>{TIES_EXPLAINED}</Paragraph>
            <List items={layout.ties} />
          </>
        ) : null}

        <Heading level={2}>{t.verificationHeading}</Heading>
        <Paragraph>{t.chainHead(data.chainHead)}</Paragraph>
        <Paragraph>{t.pollUrl(data.pollUrl)}</Paragraph>
        <Paragraph>{t.countSheet(data.countSheetUrl)}</Paragraph>

        <SignatureBlock closing={t.closing} name={data.returningOfficer} lines={t.signatoryLines(data.declaredAt)} />
      </A4Page>
    </PdfDocument>
  );
}
