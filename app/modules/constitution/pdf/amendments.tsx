/**
 * The amendments book a conference delegate prints: every proposed amendment with who proposed
 * and supports it, why, exactly which words it takes out and puts in, and the drafting
 * committee's recommendation kept apart from the amendment itself.
 *
 * Changes are marked in words as well as in type ("[deleted: …]", "[added: …]"), so they
 * survive a black-and-white printer, a photocopier, a screen reader and copy-and-paste.
 */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { wordDiff } from "~/modules/constitution/text/diff";
import { A4Page, Heading, Line, Note, Paragraph, PdfDocument, Spacer, Strong } from "~/modules/documents/kit";
import { amendmentsPdfMessages as t } from "./messages";
import { pageGroups } from "~/modules/documents/page-groups";

export interface AmendmentsPdfData {
  partyName: string;
  generatedAt: Date;
  /** The text the amendments are to, e.g. "the draft constitution of 14 March 2027". */
  draftLabel: string;
  supportersNeeded: number;
  amendments: {
    /** Printed "A3". */
    number: number;
    /** Null when the amendment is not to a numbered clause (a new clause). */
    clauseNumber: number | null;
    clauseTitle: string;
    /** "Change words", "New clause after", "Delete clause". */
    kindLabel: string;
    proposer: string;
    byCommittee: boolean;
    reason: string;
    /** "Open", "Withdrawn", "Carried". */
    status: string;
    /**
     * Still before the members (open, or not decided for want of a quorum): the committee may yet
     * recommend. Once carried, lost or withdrawn, a missing recommendation is never coming.
     */
    undecided: boolean;
    /** Supporters' names. */
    supporters: string[];
    /** The clause text before and after this amendment alone ("" when there is none). */
    before: string;
    after: string;
    recommendation: null | { kind: "accept" | "reject" | "compromise"; reasons: string; compromiseText: string | null };
  }[];
}

export interface ChangeRun {
  kind: "same" | "added" | "removed";
  text: string;
}

/** A printed paragraph or list item of a change; `gapBefore` after a blank line in the text. */
export interface ChangeBlock {
  gapBefore: boolean;
  listItem: boolean;
  runs: ChangeRun[];
}

// The list markers of the constitution text (blocks.ts): a line starting with one starts an item.
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)]|\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\))[ \t]/;

/**
 * The word diff of `before` and `after` as printed paragraphs and list items. Whitespace inside
 * a block collapses to single spaces, as when the clause is printed; a single line break only
 * starts a new block before a list marker (otherwise it is a soft break, as in blocks.ts).
 */
export function changeBlocks(before: string, after: string): ChangeBlock[] {
  type Piece = { kind: ChangeRun["kind"]; text: string; breakKind?: "paragraph" | "line" };
  const pieces: Piece[] = [];
  for (const segment of wordDiff(before, after)) {
    for (const part of segment.text.split(/(\n[ \t]*(?:\n[ \t]*)*)/)) {
      if (part === "") continue;
      if (part.startsWith("\n")) pieces.push({ kind: segment.kind, text: " ", breakKind: /\n[ \t]*\n/.test(part) ? "paragraph" : "line" });
      else pieces.push({ kind: segment.kind, text: part });
    }
  }

  const blocks: ChangeBlock[] = [];
  let current: ChangeBlock = { gapBefore: false, listItem: false, runs: [] };
  const endBlock = (gap: boolean) => {
    const last = current.runs[current.runs.length - 1];
    if (last) last.text = last.text.replace(/ $/, "");
    current.runs = current.runs.filter((r) => r.text !== "");
    if (current.runs.length > 0) {
      // The marker may be split across runs ("[deleted: - (b)] [added: - (c)]"), so test the whole.
      current.listItem = LIST_MARKER.test(`${current.runs.map((r) => r.text).join("")} `);
      blocks.push(current);
      current = { gapBefore: gap, listItem: false, runs: [] };
    } else {
      current.gapBefore ||= gap;
    }
  };
  pieces.forEach((piece, i) => {
    if (piece.breakKind === "paragraph") return endBlock(blocks.length > 0 || current.runs.length > 0);
    const next = pieces[i + 1];
    if (piece.breakKind === "line" && next && !next.breakKind && LIST_MARKER.test(next.text)) return endBlock(false);
    // Spaces taken out are not worth marking; spaces put in read as plain spaces.
    const blank = piece.text.trim() === "";
    if (blank && piece.kind === "removed") return;
    const kind = blank ? "same" : piece.kind;
    let text = piece.text.replace(/\s+/g, " ");
    const last = current.runs[current.runs.length - 1];
    const endsWithSpace = last ? last.text.endsWith(" ") : true;
    if (endsWithSpace) text = text.replace(/^ /, "");
    if (text === "") return;
    if (last && last.kind === kind) last.text += text;
    else current.runs.push({ kind, text });
  });
  endBlock(false);
  return blocks;
}

/** A run split for printing: spaces stay outside the brackets, and a changed run gets its label. */
function decorate(run: ChangeRun) {
  const match = /^( ?)(.*?)( ?)$/s.exec(run.text);
  const [lead, core, trail] = [match?.[1] ?? "", match?.[2] ?? run.text, match?.[3] ?? ""];
  const label = run.kind === "removed" ? t.deletedLabel : run.kind === "added" ? t.addedLabel : null;
  return { lead, core, trail, label };
}

/**
 * A run printed: the space needed between a deletion and an addition that touch
 * ("[deleted: yearly] [added: monthly]").
 */
function gapAfter(run: ChangeRun, next: ChangeRun | undefined): string {
  return run.kind !== "same" && next && next.kind !== "same" && !run.text.endsWith(" ") && !next.text.startsWith(" ") ? " " : "";
}

/** A change block as plain text, exactly as it reads in the PDF. */
export function changeBlockText(block: ChangeBlock): string {
  return block.runs
    .map((run, i) => {
      const { lead, core, trail, label } = decorate(run);
      return label === null ? run.text : `${lead}[${label}${core}]${trail}${gapAfter(run, block.runs[i + 1])}`;
    })
    .join("");
}

const styles = StyleSheet.create({
  facts: { marginBottom: 6 },
  block: { marginBottom: 2 },
  gap: { marginTop: 6 },
  listItem: { marginLeft: 14 },
  removed: { textDecoration: "line-through" },
  added: { textDecoration: "underline", fontWeight: 700 },
  amendment: { marginBottom: 14 },
});

function ChangeText({ block }: { block: ChangeBlock }) {
  return (
    <Text style={[styles.block, ...(block.gapBefore ? [styles.gap] : []), ...(block.listItem ? [styles.listItem] : [])]}>
      {block.runs.map((run, i) => {
        const { lead, core, trail, label } = decorate(run);
        if (label === null) return run.text;
        return (
          <Text key={i}>
            {`${lead}[${label}`}
            <Text style={run.kind === "removed" ? styles.removed : styles.added}>{core}</Text>
            {`]${trail}${gapAfter(run, block.runs[i + 1])}`}
          </Text>
        );
      })}
    </Text>
  );
}

/** Plain text with blank lines between paragraphs, as the site shows a reason. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

type Amendment = AmendmentsPdfData["amendments"][number];

function Recommendation({ recommendation, undecided }: { recommendation: Amendment["recommendation"]; undecided: boolean }) {
  if (!recommendation) return <Paragraph muted>{undecided ? t.noRecommendationYet : t.noRecommendationMade}</Paragraph>;
  const reasons = recommendation.reasons.trim();
  const compromise = recommendation.compromiseText?.trim() ?? "";
  return (
    <Note>
      <Strong>{t.recommends(recommendation.kind)}</Strong>
      {reasons ? `\n${reasons}` : ""}
      {compromise ? (
        <>
          {"\n"}
          <Strong>{t.compromiseText}</Strong>
          {`\n${compromise}`}
        </>
      ) : null}
    </Note>
  );
}

function AmendmentSection({ amendment: a, supportersNeeded }: { amendment: Amendment; supportersNeeded: number }) {
  const change = changeBlocks(a.before, a.after);
  const changed = change.some((b) => b.runs.some((r) => r.kind !== "same"));
  const reason = paragraphs(a.reason);
  return (
    <View style={styles.amendment}>
      <Heading level={2}>{t.heading(a.number, a.clauseNumber, a.clauseTitle)}</Heading>
      <View style={styles.facts}>
        <Line>
          <Strong>{`${t.kind}: `}</Strong>
          {a.kindLabel}
        </Line>
        <Line>
          <Strong>{`${t.proposer}: `}</Strong>
          {a.byCommittee ? t.committee : a.proposer}
        </Line>
        <Line>
          <Strong>{`${t.status}: `}</Strong>
          {a.status}
        </Line>
        <Line>
          <Strong>{`${t.supporters}: `}</Strong>
          {t.supporterCount(a.supporters.length, supportersNeeded)}
        </Line>
      </View>
      {a.supporters.length > 0 ? <Paragraph small>{t.supporterNames(a.supporters)}</Paragraph> : null}

      <Heading level={3}>{t.reasonHeading}</Heading>
      {reason.length > 0 ? reason.map((p, i) => <Paragraph key={i}>{p}</Paragraph>) : <Paragraph muted>{t.noReason}</Paragraph>}

      <Heading level={3}>{t.changeHeading}</Heading>
      {changed ? change.map((block, i) => <ChangeText key={i} block={block} />) : <Paragraph muted>{t.noChange}</Paragraph>}
      <Spacer height={8} />
      <Recommendation recommendation={a.recommendation} undecided={a.undecided} />
    </View>
  );
}

/**
 * Printed lines in one `A4Page` flow, at most: react-pdf lays out several short flows much faster
 * than one long one (see page-groups.ts). About four printed pages; a longer amendment has its own.
 */
export const AMENDMENT_LINES_PER_FLOW = 220;
/** Characters in a printed line of body text, near enough for grouping. */
const CHARACTERS_PER_LINE = 90;

/** About how many lines an amendment takes in print: its facts, reason, change and advice. */
export function amendmentLines(a: Amendment): number {
  const text = (s: string) => Math.ceil(s.length / CHARACTERS_PER_LINE) + (s.match(/\n/g)?.length ?? 0);
  const supporters = a.supporters.reduce((n, name) => n + name.length + 2, 0);
  const advice = a.recommendation ? text(a.recommendation.reasons) + text(a.recommendation.compromiseText ?? "") : 1;
  // The change prints the longer text with the other's differences marked: a little more.
  const change = Math.ceil(Math.max(text(a.before), text(a.after)) * 1.1);
  // Heading, four facts, two subheadings, spacing and the advice's box: about 14 lines.
  return 14 + Math.ceil(supporters / CHARACTERS_PER_LINE) + text(a.reason) + change + advice;
}

/**
 * The amendments book's pages without the PDF document around them, for a pack that prints it
 * with other parts. The amendments follow the introduction in groups of whole amendments,
 * each group after the first starting on a new page.
 */
export function AmendmentsPages({ data }: { data: AmendmentsPdfData }) {
  const page = { header: data.partyName, headerRight: t.documentTitle, generatedAt: data.generatedAt };
  const [first = [], ...rest] = pageGroups(data.amendments, amendmentLines, AMENDMENT_LINES_PER_FLOW);
  const sections = (group: readonly Amendment[]) =>
    group.map((a) => <AmendmentSection key={a.number} amendment={a} supportersNeeded={data.supportersNeeded} />);
  return (
    <>
      <A4Page {...page}>
        <Heading level={1}>{t.documentTitle}</Heading>
        <Paragraph>{t.proposedTo(data.draftLabel)}</Paragraph>
        {data.amendments.length === 0 ? (
          <Paragraph>{t.none}</Paragraph>
        ) : (
          <>
            <Paragraph>{t.supportersRule(data.supportersNeeded)}</Paragraph>
            <Paragraph small muted>
              {t.howChangesShow}
            </Paragraph>
            {sections(first)}
          </>
        )}
      </A4Page>
      {rest.map((group) => (
        <A4Page key={group[0]?.number} {...page}>
          {sections(group)}
        </A4Page>
      ))}
    </>
  );
}

export function AmendmentsPdf({ data }: { data: AmendmentsPdfData }) {
  return (
    <PdfDocument
      info={{
        title: t.documentTitle,
        author: data.partyName,
        subject: t.subject(data.partyName, data.draftLabel),
        keywords: t.keywords,
        generatedAt: data.generatedAt,
      }}
    >
      <AmendmentsPages data={data} />
    </PdfDocument>
  );
}
