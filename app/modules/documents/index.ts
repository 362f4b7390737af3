/**
 * # Documents: Breakaway's PDF kit
 *
 * Every printable thing Breakaway makes (the ultimatum letter, members' resignation letters,
 * and later the Electoral Commission registration pack: constitution, officer sheets,
 * declarations) is built from this kit, so they all look alike and read well.
 *
 * ## What a document gets
 * - A4 pages that flow onto as many pages as the content needs.
 * - The movement's (or new party's) name at the top of every page, and the document's title
 *   beside it; "Page N of M" and "Generated on <date>" at the foot (either can be left out:
 *   a member's letter has no movement header and no generated date).
 * - PDF metadata: title (shown by viewers instead of the file name), author, subject,
 *   keywords, language (en-GB unless told), creation date; headings of levels 1 and 2 become
 *   bookmarks, and the file opens with the bookmarks shown.
 * - DejaVu Sans, embedded (only the letters used), so every name prints as written: Welsh
 *   ŵ/ŷ, Polish ł, Irish fadas, Greek, Cyrillic. The PDF standard fonts would turn "Łukasz"
 *   into "Aukasz". Characters DejaVu lacks (Chinese, emoji) print as empty boxes.
 * - No hyphenation: names, numbers and legal wording are never broken across lines.
 *
 * ## Accessibility: what the library allows
 * react-pdf 4.9 writes real text in reading order (so text can be selected, searched, read
 * aloud and extracted with `pdftotext`), the language, the title shown in the window, and
 * bookmarks. It does not write a structure tree ("tagged PDF": headings, lists and tables
 * marked as such), so screen readers get the text in order but not its structure, and the
 * files are not PDF/UA. Colours pass WCAG AA contrast. If a fully tagged file is ever
 * required, that needs another renderer; the kit's components are where to change it.
 *
 * ## How to make a new document
 * The kit knows no document: each one lives in its own domain's `pdf/` folder (the constitution's
 * in `constitution/pdf/`, the registration pack's in `registration/pdf/`, and so on).
 *
 * 1. Put its wording in `<domain>/pdf/messages.ts` (plain UK English), its layout in
 *    `<domain>/pdf/<name>.tsx`:
 *    ```tsx
 *    <PdfDocument info={{ title, author, subject, generatedAt }}>
 *      <A4Page header={movementName} headerRight={title} generatedAt={generatedAt}>
 *        <Heading level={1}>{title}</Heading>
 *        <Paragraph>…</Paragraph>
 *        <Table caption="…" columns={[{ header: "Office" }, { header: "Name" }]} rows={rows} />
 *        <SignatureBlock closing="Signed," name="…" lines={["Treasurer"]} />
 *      </A4Page>
 *    </PdfDocument>
 *    ```
 *    Several `<A4Page>`s make a pack (each part starts on a new page; numbers run on), or use
 *    `<PageBreak />`. `<Markdown text>` lays out the constitution files' Markdown.
 * 2. Load its data in a `*.server.ts` module of the domain, which renders it with
 *    `renderPdf(createElement(MyDocument, { data }))` (render.server.ts).
 *    A long document (tens of pages) takes react-pdf seconds, which on the server's thread
 *    hold up everyone else's requests: declare it with `workerTemplate(modulePath, exportName,
 *    Component)` in `<domain>/pdf/worker-templates.ts` (worker-template.ts) and make it with
 *    `renderInWorker(template, data)` (render-worker.server.ts, a worker thread), and lay it out
 *    as several `<A4Page>`s of whole sections (`pageGroups`, page-groups.ts), as the
 *    constitution and the amendments book do: one long page flow lays out far more slowly.
 * 3. In a resource route: check permission, call the module, `return pdfResponse(pdf, name)`;
 *    when the person may not have it, `helpPageResponse(...)` gives a short page saying why.
 *
 * Keep personal data out of documents that are not for that person: give a document's
 * component only the data it prints (the ultimatum's input holds totals only).
 *
 * Everything here is pure except render.server.ts (fonts from disk, react-pdf rendering).
 * Guide for organisers and developers: docs/guide-documents.md.
 */
export {
  A4Page,
  AddressBlock,
  FieldLine,
  FONT_FAMILY,
  Heading,
  Line,
  List,
  Markdown,
  Note,
  NumberedItem,
  PageBreak,
  Paragraph,
  PdfDocument,
  Runs,
  SignatureBlock,
  Spacer,
  Strong,
  Table,
  type A4PageProps,
  type DocumentInfo,
  type TableColumn,
} from "./kit";
export { count, fileSlug, pageLabel, plural, pounds, ukCalendarDate, ukDate, ukDateTime, upperFirst } from "./format";
export { parseBlocks, plainText, type Block, type InlineRun, type ListItem } from "./markdown";
export { helpPageHtml, helpPageResponse } from "./help-page";
