/**
 * The constitution as printed: every clause with the line numbers amendments refer to, a contents
 * list, and, once adopted, the record of the votes that adopted it. Layout only: the caller loads
 * the clauses and results; line numbers are worked out here from the text, as everywhere else.
 */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { numberClauses, type NumberedLine } from "~/modules/constitution/text/lines";
import { count, ukDateTime } from "~/modules/documents/format";
import { A4Page, FieldLine, Heading, Note, Paragraph, PdfDocument, Spacer, Table } from "~/modules/documents/kit";
import { constitutionPdfMessages as t } from "./messages";
import { pageGroups } from "~/modules/documents/page-groups";

export interface ConstitutionPdfData {
  /** Shown at the top of every page and as the PDF's author. */
  partyName: string;
  /** "Constitution (draft)", "Constitution, version 1". */
  title: string;
  status: "draft" | "adopted";
  generatedAt: Date;
  /** In document order; `number` is the clause number members see. */
  clauses: { number: number; id: string; title: string; entrenched: boolean; text: string }[];
  /** Characters per numbered line (DEFAULT_LINE_WIDTH unless the constitution says otherwise). */
  lineWidth: number;
  adoption: null | {
    version: number;
    adoptedAt: Date;
    rounds: { number: number; openedAt: Date; closedAt: Date; rollSize: number }[];
    clauses: { title: string; decision: "adopted" | "rejected" | "pending"; yes: number; no: number; abstain: number; majority: string }[];
    /** `turnout` is the number of members who voted. */
    adoptionVote: { rollSize: number; turnout: number; yes: number; no: number; abstain: number; majority: string; chainHead: string };
  };
}

// Numbered lines must print one per row, never reflowed, or the numbers stop matching the
// amendments (decision 020). Lines are counted in characters, so the font size is chosen to fit
// `lineWidth` characters of 0.6 em: DejaVu Sans averages about 0.53 em on real clause text (the
// widest line of the model constitution is 42.7 em for 80 characters), which leaves headroom.
const EM_PER_COLUMN = 0.6;
// Room for four-digit line numbers at the line's font size (digits are 0.64 em).
const NUMBER_COLUMN = 32;
// A4 (595.28 pt) less the kit's 57 pt side margins, less the line-number column.
const TEXT_WIDTH = 595.28 - 2 * 57 - NUMBER_COLUMN;
const MUTED = "#555555";

/** Font size (pt) at which `width` characters fit the text column: 9.3 pt for 80. */
export function lineFontSize(width: number): number {
  return Math.min(10.5, Math.floor((TEXT_WIDTH / (Math.max(1, width) * EM_PER_COLUMN)) * 10) / 10);
}

const styles = StyleSheet.create({
  row: { flexDirection: "row", alignItems: "baseline" },
  // The number is the line's size: smaller, pdftotext reads the number column apart from the lines.
  number: { width: NUMBER_COLUMN, paddingRight: 6, textAlign: "right", color: MUTED },
  numberRun: { color: MUTED },
  text: { flex: 1 },
  clause: { marginBottom: 6 },
  facts: { marginBottom: 8 },
});

export interface ContentsEntry {
  number: number;
  title: string;
  entrenched: boolean;
  /** Null for a clause with no text. */
  firstLine: number | null;
}

/** Each clause's numbered lines, numbered continuously through the document, and the contents. */
export function constitutionLayout(data: Pick<ConstitutionPdfData, "clauses" | "lineWidth">) {
  const numbered = numberClauses(
    data.clauses.map((c) => ({ id: c.id, text: c.text })),
    { width: data.lineWidth },
  ).clauses;
  return data.clauses.map((clause, i) => {
    const lines = numbered[i]?.lines ?? [];
    const contents: ContentsEntry = { number: clause.number, title: clause.title, entrenched: clause.entrenched, firstLine: numbered[i]?.firstLine ?? null };
    return { clause, lines, contents };
  });
}

/**
 * One numbered line as a single text run: the number, padded with figure spaces (as wide as a
 * digit) so numbers line up, then the indentation and the line as numberLines laid it out. One
 * text node per line, not a row of boxes: react-pdf lays out a 60-clause text several times faster.
 */
const FIGURE_SPACE = "\u2007";
/** Width of DejaVu Sans's space, in ems: indentation is made of no-break spaces. */
const SPACE_EM = 0.318;
function LineRow({ line, fontSize, column }: { line: NumberedLine; fontSize: number; column: number }) {
  if (line.kind === "blank") return <View style={{ height: fontSize * 0.5 }} />;
  const number = line.number === null ? "" : String(line.number);
  const marker = line.listMarker;
  // The marker sits in the indentation on a list item's first line, as numberLines counts it.
  const lead = line.indent > 0 ? (marker !== undefined ? Math.max(0, line.indent - marker.length - 1) : line.indent) : 0;
  return (
    <Text style={{ fontSize, lineHeight: 1.35 }} wrap={false}>
      <Text style={styles.numberRun}>{FIGURE_SPACE.repeat(Math.max(0, 4 - number.length)) + number}</Text>
      {"   "}
      {lead > 0 ? "\u00a0".repeat(Math.round((lead * column) / (fontSize * SPACE_EM))) : ""}
      {marker !== undefined ? `${marker} ` : ""}
      {line.text}
    </Text>
  );
}

function AdoptionRecord({ adoption }: { adoption: NonNullable<ConstitutionPdfData["adoption"]> }) {
  const vote = adoption.adoptionVote;
  return (
    <>
      <Heading level={1}>{t.adoptionHeading}</Heading>
      <Paragraph>{t.adoptionSummary(adoption.version, adoption.adoptedAt)}</Paragraph>
      <Table
        caption={t.resultsCaption}
        columns={[
          { header: t.resultClause, weight: 4 },
          { header: t.resultDecision, weight: 1.8 },
          { header: t.resultYes, align: "right" },
          { header: t.resultNo, align: "right" },
          { header: t.resultAbstain, weight: 1.3, align: "right" },
          { header: t.resultMajority, weight: 2.2 },
        ]}
        rows={adoption.clauses.map((c) => [c.title, t.decisions[c.decision], count(c.yes), count(c.no), count(c.abstain), c.majority])}
      />
      {adoption.rounds.length > 0 ? (
        <Table
          caption={t.roundsCaption}
          columns={[
            { header: t.roundNumber, weight: 0.8 },
            { header: t.roundOpened, weight: 3 },
            { header: t.roundClosed, weight: 3 },
            { header: t.roundRoll, weight: 1.6, align: "right" },
          ]}
          rows={adoption.rounds.map((r) => [String(r.number), ukDateTime(r.openedAt), ukDateTime(r.closedAt), count(r.rollSize)])}
        />
      ) : (
        <Paragraph>{t.noRounds}</Paragraph>
      )}
      <Heading level={3}>{t.finalVoteCaption}</Heading>
      <View style={styles.facts}>
        <FieldLine label={t.finalRoll} value={count(vote.rollSize)} />
        <FieldLine label={t.finalTurnout} value={t.turnout(vote.turnout, vote.rollSize)} />
        <FieldLine label={t.finalYes} value={count(vote.yes)} />
        <FieldLine label={t.finalNo} value={count(vote.no)} />
        <FieldLine label={t.finalAbstain} value={count(vote.abstain)} />
        <FieldLine label={t.finalMajority} value={vote.majority} />
      </View>
      <Paragraph small muted>
        {t.chainHead(vote.chainHead)}
      </Paragraph>
      <Paragraph>{t.adoptedOn(adoption.adoptedAt)}</Paragraph>
    </>
  );
}

/**
 * Numbered lines in one `A4Page` flow, at most: react-pdf lays out several short flows much faster
 * than one long one (see page-groups.ts). About two printed pages; a longer clause has its own.
 */
export const LINES_PER_FLOW = 110;
/** A clause heading and the space after the clause, counted as lines. */
const CLAUSE_OVERHEAD = 3;

type ClauseLayout = ReturnType<typeof constitutionLayout>[number];

function ClauseSection({ clause, lines, fontSize, column }: ClauseLayout & { fontSize: number; column: number }) {
  return (
    <>
      <Heading level={2}>{t.clauseHeading(clause.number, clause.title, clause.entrenched)}</Heading>
      {/* Lines are direct children of the page, not wrapped per clause: react-pdf splits a long
          wrapper across pages very slowly. */}
      {lines.length > 0 ? (
        lines.map((line, i) => <LineRow key={i} line={line} fontSize={fontSize} column={column} />)
      ) : (
        <Paragraph muted>{t.emptyClause}</Paragraph>
      )}
      <View style={styles.clause} />
    </>
  );
}

/**
 * The constitution's pages without the PDF document around them, for a pack that prints it
 * with other parts (page numbers then run through the whole pack). The front page has the
 * title and contents; the clauses follow in groups of whole clauses, each group starting on a
 * new page; then, once adopted, the adoption record.
 */
export function ConstitutionPages({ data }: { data: ConstitutionPdfData }) {
  const layout = constitutionLayout(data);
  const fontSize = lineFontSize(data.lineWidth);
  const column = fontSize * EM_PER_COLUMN;
  const draft = data.status === "draft";
  const adoption = draft ? null : data.adoption;
  const page = { header: data.partyName, headerRight: data.title, generatedAt: data.generatedAt };
  const groups = pageGroups(layout, (l) => Math.max(1, l.lines.length) + CLAUSE_OVERHEAD, LINES_PER_FLOW);
  const draftEnd = draft ? (
    <>
      <Spacer />
      <Paragraph muted>{t.draftEnd}</Paragraph>
    </>
  ) : null;
  return (
    <>
      <A4Page {...page}>
        <Heading level={1}>{data.title}</Heading>
        {draft ? <Note>{t.draftNote}</Note> : null}
        {adoption ? <Paragraph>{t.adoptedNote(adoption.version, adoption.adoptedAt)}</Paragraph> : null}

        <Heading level={2}>{t.contentsHeading}</Heading>
        {layout.length > 0 ? (
          <Table
            columns={[
              { header: t.contentsClause, weight: 1 },
              { header: t.contentsTitle, weight: 6 },
              { header: t.contentsLine, weight: 1.4, align: "right" },
            ]}
            rows={layout.map(({ contents: c }) => [
              String(c.number),
              c.entrenched ? `${c.title} ${t.entrenched}` : c.title,
              c.firstLine === null ? t.noLines : String(c.firstLine),
            ])}
          />
        ) : (
          <Paragraph>{t.noClauses}</Paragraph>
        )}
        {layout.some((l) => l.clause.entrenched) ? (
          <Paragraph small muted>
            {t.entrenchedKey}
          </Paragraph>
        ) : null}
        {groups.length === 0 ? draftEnd : null}
      </A4Page>
      {groups.map((group, g) => (
        <A4Page key={group[0]?.clause.id ?? g} {...page}>
          {group.map((l) => (
            <ClauseSection key={l.clause.id} {...l} fontSize={fontSize} column={column} />
          ))}
          {g === groups.length - 1 ? draftEnd : null}
        </A4Page>
      ))}
      {adoption ? (
        <A4Page {...page}>
          <AdoptionRecord adoption={adoption} />
        </A4Page>
      ) : null}
    </>
  );
}

export function ConstitutionPdf({ data }: { data: ConstitutionPdfData }) {
  return (
    <PdfDocument info={{ title: data.title, author: data.partyName, subject: t.subject(data.partyName), keywords: t.keywords, generatedAt: data.generatedAt }}>
      <ConstitutionPages data={data} />
    </PdfDocument>
  );
}
