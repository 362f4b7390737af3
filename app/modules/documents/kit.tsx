/**
 * The building blocks of every Breakaway PDF: an A4 page with the movement's name at the top and
 * "Page N of M" and the generated date at the bottom, and the pieces documents are made of
 * (headings, paragraphs, lists, tables, address and signature blocks, lines to fill in).
 *
 * Layout only: wording comes from the caller (see messages.ts), and rendering to bytes from
 * render.server.ts, which also registers the font these styles name.
 */
import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ComponentProps, ComponentType, ReactNode } from "react";
import { pageLabel } from "./format";
import { plainText, readMarkdown, type Block, type InlineRun } from "../markdown/read";
import { kitMessages } from "./messages";

/** The family render.server.ts registers (DejaVu Sans, embedded so every name prints). */
export const FONT_FAMILY = "Breakaway Sans";

// Colours pass WCAG AA contrast on white (ink 16:1, muted 7.4:1) for readers who zoom in.
const INK = "#1a1a1a";
const MUTED = "#555555";
const RULE = "#8a8a8a";
const SHADE = "#f0f0f0";

// A4 with 20 mm side margins; the top and bottom leave room for the fixed header and footer.
const MARGIN = 57;
const HEADER_SPACE = 80;
const FOOTER_SPACE = 70;

const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 10.5,
    color: INK,
    paddingTop: HEADER_SPACE,
    paddingBottom: FOOTER_SPACE,
    paddingHorizontal: MARGIN,
  },
  header: {
    position: "absolute",
    top: 32,
    left: MARGIN,
    right: MARGIN,
    flexDirection: "row",
    justifyContent: "space-between",
    borderBottomWidth: 0.75,
    borderBottomColor: RULE,
    paddingBottom: 6,
    fontSize: 9,
    color: MUTED,
  },
  // Line height is set here, not on the page: on the page, react-pdf 4.9 loses the absolutely
  // placed footer. A ratio is worked out against the font size of the element that sets it, so
  // the font size is set here too; smaller text below sets its own.
  body: { fontSize: 10.5, lineHeight: 1.45 },
  headerName: { fontWeight: 700, color: INK, fontSize: 10 },
  footer: {
    position: "absolute",
    bottom: 30,
    left: MARGIN,
    right: MARGIN,
    flexDirection: "row",
    justifyContent: "space-between",
    borderTopWidth: 0.75,
    borderTopColor: RULE,
    paddingTop: 6,
    fontSize: 9,
    color: MUTED,
  },
  h1: { fontSize: 17, fontWeight: 700, lineHeight: 1.25, marginTop: 6, marginBottom: 10 },
  h2: { fontSize: 13, fontWeight: 700, lineHeight: 1.3, marginTop: 14, marginBottom: 6 },
  h3: { fontSize: 11, fontWeight: 700, lineHeight: 1.35, marginTop: 10, marginBottom: 4 },
  paragraph: { marginBottom: 8 },
  bold: { fontWeight: 700 },
  muted: { color: MUTED },
  small: { fontSize: 9, lineHeight: 1.35 },
  listItem: { flexDirection: "row", marginBottom: 4 },
  listMarker: { width: 18 },
  listBody: { flex: 1 },
  block: { marginBottom: 14 },
  table: { marginTop: 4, marginBottom: 12, borderTopWidth: 0.75, borderTopColor: RULE },
  tableCaption: { fontWeight: 700, marginBottom: 4 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: RULE },
  headRow: { backgroundColor: SHADE, fontWeight: 700 },
  totalRow: { fontWeight: 700, borderBottomWidth: 0.75, borderBottomColor: INK },
  cell: { paddingVertical: 3, paddingHorizontal: 5 },
  fieldLine: { flexDirection: "row", alignItems: "flex-end", marginBottom: 2 },
  fieldLabel: { marginRight: 6 },
  fieldBlank: { width: 170, borderBottomWidth: 0.75, borderBottomColor: INK, height: 14 },
  fieldCaption: { fontSize: 8.5, lineHeight: 1.3, color: MUTED, marginBottom: 6 },
  signatureSpace: { height: 34 },
  signatureRule: { width: 200, borderBottomWidth: 0.75, borderBottomColor: INK, marginBottom: 3 },
  note: { backgroundColor: SHADE, padding: 8, marginBottom: 12, fontSize: 9.5, lineHeight: 1.4 },
});

/**
 * react-pdf draws a PDF bookmark (the outline readers and screen readers use to move between
 * sections) for any element with a `bookmark` prop, but its types only declare it on Page.
 */
const BookmarkText = Text as unknown as ComponentType<ComponentProps<typeof Text> & { bookmark?: { title: string; fit?: boolean } }>;

export interface DocumentInfo {
  /** The document's title: the PDF's title (shown by viewers instead of the file name) and the header. */
  title: string;
  /** Who the document is from: the PDF's author. */
  author: string;
  subject?: string;
  keywords?: readonly string[];
  /** BCP 47 language of the text, for screen readers. UK English unless said otherwise. */
  language?: string;
  /** When the document was made: in the PDF's metadata and, unless `showGeneratedDate` is false, in the footer. */
  generatedAt: Date;
}

/**
 * The PDF document with its metadata. Holds one or more `A4Page`s; page numbers run across the
 * whole document, so a pack of several parts reads "Page 7 of 12".
 */
export function PdfDocument({ info, children }: { info: DocumentInfo; children: ReactNode }) {
  return (
    <Document
      title={info.title}
      author={info.author}
      subject={info.subject}
      keywords={info.keywords?.join(", ")}
      language={info.language ?? "en-GB"}
      creator={kitMessages.creator}
      producer={kitMessages.creator}
      creationDate={info.generatedAt}
      pageMode="useOutlines"
    >
      {children}
    </Document>
  );
}

export interface A4PageProps {
  /** Shown in bold at the top left of every page: the movement's (or new party's) name. Null for none. */
  header: string | null;
  /** Shown at the top right of every page, usually the document's title. */
  headerRight?: string;
  /** The date in the footer ("Generated on 23 November 2026"); null leaves it out (a letter is dated in its text). */
  generatedAt: Date | null;
  /** Landscape for wide tables (the count sheet); portrait otherwise. */
  orientation?: "portrait" | "landscape";
  children: ReactNode;
}

/** The width inside the margins of an A4 page, in points. */
export function contentWidth(orientation: "portrait" | "landscape" = "portrait"): number {
  return (orientation === "landscape" ? 841.89 : 595.28) - 2 * MARGIN;
}

/** An A4 page that flows onto as many pages as its content needs, each with the header and footer. */
export function A4Page({ header, headerRight, generatedAt, orientation = "portrait", children }: A4PageProps) {
  return (
    <Page size="A4" orientation={orientation} style={styles.page} wrap>
      {header !== null || headerRight ? (
        <View style={styles.header} fixed>
          <Text style={styles.headerName}>{header ?? ""}</Text>
          {headerRight ? <Text>{headerRight}</Text> : null}
        </View>
      ) : null}
      <View style={styles.body}>{children}</View>
      <View style={styles.footer} fixed>
        <Text>{generatedAt ? kitMessages.generatedOn(generatedAt) : ""}</Text>
        <Text render={({ pageNumber, totalPages }) => pageLabel(pageNumber, totalPages)} />
      </View>
    </Page>
  );
}

/**
 * A heading. Levels 1 and 2 also become bookmarks, so readers can jump between sections, and
 * a heading is never left alone at the foot of a page.
 */
export function Heading({ level = 2, children, bookmark }: { level?: 1 | 2 | 3; children: string; bookmark?: boolean }) {
  const style = level === 1 ? styles.h1 : level === 2 ? styles.h2 : styles.h3;
  const marked = bookmark ?? level <= 2;
  return (
    <BookmarkText style={style} minPresenceAhead={40} {...(marked ? { bookmark: { title: children, fit: true } } : {})}>
      {children}
    </BookmarkText>
  );
}

export function Paragraph({ children, muted, small }: { children: ReactNode; muted?: boolean; small?: boolean }) {
  return <Text style={[styles.paragraph, ...(muted ? [styles.muted] : []), ...(small ? [styles.small] : [])]}>{children}</Text>;
}

/** One line of text with no space after it, as in the lines of a letter's heading. */
export function Line({ children, bold }: { children: ReactNode; bold?: boolean }) {
  return <Text style={bold ? styles.bold : undefined}>{children}</Text>;
}

/** Bold text inside a Paragraph. */
export function Strong({ children }: { children: ReactNode }) {
  return <Text style={styles.bold}>{children}</Text>;
}

/** Text runs from markdown.ts, with their bold parts. */
export function Runs({ runs }: { runs: readonly InlineRun[] }) {
  return (
    <>
      {runs.map((r, i) =>
        r.bold ? (
          <Text key={i} style={styles.bold}>
            {r.text}
          </Text>
        ) : (
          r.text
        ),
      )}
    </>
  );
}

/** A bulleted or numbered list. Items are plain text or any content. */
export function List({ items, ordered = false }: { items: readonly ReactNode[]; ordered?: boolean }) {
  return (
    <View style={styles.block}>
      {items.map((item, i) => (
        <View key={i} style={styles.listItem} wrap={false}>
          <Text style={styles.listMarker}>{ordered ? `${i + 1}.` : "•"}</Text>
          <Text style={styles.listBody}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * A numbered section: a bold title and its text, kept together where it fits (demands,
 * clauses of a constitution).
 */
export function NumberedItem({ number, title, children }: { number: number | string; title: string; children?: ReactNode }) {
  return (
    <View style={styles.listItem} minPresenceAhead={30}>
      <Text style={[styles.listMarker, styles.bold]}>{`${number}.`}</Text>
      <View style={styles.listBody}>
        <Text style={styles.bold}>{title}</Text>
        {children ? <Text style={styles.paragraph}>{children}</Text> : null}
      </View>
    </View>
  );
}

/**
 * Markdown text laid out with the kit's styles: the blocks of the one reading (decision 038) that
 * the web page shows too. Emphasis prints upright: the documents' font has no italic.
 */
export function Markdown({ text, headingLevel = 2 }: { text: string; headingLevel?: 1 | 2 | 3 }) {
  return <MarkdownBlocks blocks={readMarkdown(text)} headingLevel={headingLevel} />;
}

export function MarkdownBlocks({ blocks, headingLevel = 2 }: { blocks: readonly Block[]; headingLevel?: 1 | 2 | 3 }) {
  return (
    <>
      {blocks.map((block, i) => {
        if (block.kind === "heading") {
          const level = Math.min(3, block.level + headingLevel - 1) as 1 | 2 | 3;
          return (
            <Heading key={i} level={level}>
              {plainText(block.runs)}
            </Heading>
          );
        }
        if (block.kind === "list") {
          return <MarkdownList key={i} list={block} headingLevel={headingLevel} />;
        }
        return (
          <Paragraph key={i}>
            <Runs runs={block.runs} />
          </Paragraph>
        );
      })}
    </>
  );
}

/**
 * A list read from Markdown: like List, but an item may hold more than a line (a nested list,
 * more paragraphs), and numbering starts where the text's does.
 */
export function MarkdownList({ list, headingLevel }: { list: Extract<Block, { kind: "list" }>; headingLevel: 1 | 2 | 3 }) {
  return (
    <View style={styles.block}>
      {list.items.map((item, i) => (
        <View key={i} style={styles.listItem} wrap={item.blocks.length > 0}>
          <Text style={styles.listMarker}>{list.ordered ? `${(list.start ?? 1) + i}.` : "•"}</Text>
          {item.blocks.length === 0 ? (
            <Text style={styles.listBody}>
              <Runs runs={item.runs} />
            </Text>
          ) : (
            <View style={styles.listBody}>
              {item.runs.length > 0 ? (
                <Text style={styles.paragraph}>
                  <Runs runs={item.runs} />
                </Text>
              ) : null}
              <MarkdownBlocks blocks={item.blocks} headingLevel={headingLevel} />
            </View>
          )}
        </View>
      ))}
    </View>
  );
}

export interface TableColumn {
  header: string;
  /** Share of the width, as a flex weight (default 1). */
  weight?: number;
  align?: "left" | "right";
}

/**
 * A simple table: a caption, a header row (repeated on each page the table runs onto), rows
 * that never split across pages, and an optional bold total row.
 */
export function Table({
  caption,
  columns,
  rows,
  total,
}: {
  caption?: string;
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
  total?: readonly string[];
}) {
  const cells = (values: readonly string[]) =>
    columns.map((c, j) => (
      <Text key={j} style={[styles.cell, { flex: c.weight ?? 1, textAlign: c.align ?? "left" }]}>
        {values[j] ?? ""}
      </Text>
    ));
  return (
    <View style={styles.block}>
      {caption ? (
        <Text style={styles.tableCaption} minPresenceAhead={50}>
          {caption}
        </Text>
      ) : null}
      <View style={styles.table}>
        <View style={[styles.row, styles.headRow]} fixed>
          {cells(columns.map((c) => c.header))}
        </View>
        {rows.map((r, i) => (
          <View key={i} style={styles.row} wrap={false}>
            {cells(r)}
          </View>
        ))}
        {total ? (
          <View style={[styles.row, styles.totalRow]} wrap={false}>
            {cells(total)}
          </View>
        ) : null}
      </View>
    </View>
  );
}

/** Lines of an address (sender or recipient), kept together. */
export function AddressBlock({ lines }: { lines: readonly ReactNode[] }) {
  return (
    <View style={styles.block} wrap={false}>
      {lines.map((line, i) => (
        <Text key={i}>{line}</Text>
      ))}
    </View>
  );
}

/**
 * "Label: value", or "Label: ________" with a line to write on when the value is unknown, and an
 * optional small caption under the line saying what to write.
 */
export function FieldLine({ label, value, caption }: { label: string; value: string | null; caption?: string }) {
  return (
    <View wrap={false}>
      {value !== null ? (
        <Text style={styles.fieldLine}>{`${label}: ${value}`}</Text>
      ) : (
        <>
          <View style={styles.fieldLine}>
            <Text style={styles.fieldLabel}>{`${label}:`}</Text>
            <View style={styles.fieldBlank} />
          </View>
          {caption ? <Text style={styles.fieldCaption}>{caption}</Text> : null}
        </>
      )}
    </View>
  );
}

/**
 * The end of a letter: the closing words, room and a line for a handwritten signature (unless
 * `signatureLine` is false), then the name and any further lines (role, on whose behalf).
 */
export function SignatureBlock({
  closing,
  name,
  lines = [],
  signatureLine = true,
}: {
  closing: string;
  name: string;
  lines?: readonly string[];
  signatureLine?: boolean;
}) {
  return (
    <View style={[styles.block, { marginTop: 6 }]} wrap={false}>
      <Text>{closing}</Text>
      {signatureLine ? (
        <>
          <View style={styles.signatureSpace} />
          <View style={styles.signatureRule} />
        </>
      ) : (
        <Spacer height={10} />
      )}
      <Text style={styles.bold}>{name}</Text>
      {lines.map((l, i) => (
        <Text key={i}>{l}</Text>
      ))}
    </View>
  );
}

/** A shaded box for a short note that stands apart from the body. */
export function Note({ children }: { children: ReactNode }) {
  return (
    <View style={styles.note} wrap={false}>
      <Text>{children}</Text>
    </View>
  );
}

/** Vertical space between blocks, in points. */
export function Spacer({ height = 12 }: { height?: number }) {
  return <View style={{ height }} />;
}

/** Starts the next content on a new page (a new part of a pack). */
export function PageBreak() {
  return <View break />;
}
