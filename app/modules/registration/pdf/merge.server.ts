/**
 * The registration pack as one PDF, put together from its parts' own PDFs (pdf-lib): a cover
 * listing each part with the pack's pages it fills, then the parts in order, each keeping its own
 * header and "Page x of y", and a bookmark per part holding the part's own bookmarks (the
 * constitution's clauses, the summary's sections…). Merging made PDFs costs a few milliseconds;
 * laying out the constitution again for every pack cost seconds (decision 024).
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from "pdf-lib";
import { kitMessages } from "~/modules/documents/messages";
import type { PackDocument } from "./documents";
import { packMessages as t } from "./messages";
import { packInfo, type PackCoverData } from "./pack";
import type { PackCommon } from "./types";

export interface PackPart {
  doc: PackDocument;
  /** What the part's bookmark says (the constitution's own title, "Constitution, version 1"). */
  title?: string;
  bytes: Uint8Array;
}

/** The cover's page count is not known before it is made: one page is assumed, and it is made again if it runs longer. */
const COVER_ATTEMPTS = 3;

export async function assemblePack(
  common: PackCommon,
  parts: readonly PackPart[],
  renderCover: (cover: PackCoverData) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const loaded = await Promise.all(parts.map(async (p) => ({ ...p, pdf: await PDFDocument.load(p.bytes, { updateMetadata: false }) })));
  let coverPages = 1;
  let cover: PDFDocument | null = null;
  let ranges: PackCoverData["parts"] = [];
  for (let attempt = 0; attempt < COVER_ATTEMPTS; attempt += 1) {
    let next = coverPages + 1;
    ranges = loaded.map((p) => {
      const firstPage = next;
      next += p.pdf.getPageCount();
      return { doc: p.doc, firstPage, lastPage: next - 1 };
    });
    cover = await PDFDocument.load(await renderCover({ ...common, parts: ranges }), { updateMetadata: false });
    if (cover.getPageCount() === coverPages) break;
    coverPages = cover.getPageCount();
  }
  if (!cover || cover.getPageCount() !== coverPages) throw new Error("The pack's cover kept changing length");

  const pack = await PDFDocument.create({ updateMetadata: false });
  const copied: PDFRef[][] = [];
  for (const source of [cover, ...loaded.map((p) => p.pdf)]) {
    const pages = await pack.copyPages(source, source.getPageIndices());
    pages.forEach((page) => pack.addPage(page));
    copied.push(pages.map((page) => page.ref));
  }
  const info = packInfo(common);
  pack.setTitle(info.title, { showInWindowTitleBar: true });
  pack.setAuthor(info.author);
  pack.setSubject(info.subject);
  pack.setKeywords([...info.keywords]);
  pack.setCreator(kitMessages.creator);
  pack.setProducer(kitMessages.creator);
  pack.setCreationDate(common.generatedAt);
  pack.setModificationDate(common.generatedAt);
  pack.setLanguage("en-GB");
  addOutline(pack, [
    { title: t.packTitle, dest: [copied[0]![0]!, "Fit"], children: [] },
    ...loaded.map((p, i) => {
      const title = p.title ?? t.documents[p.doc]?.title ?? p.doc;
      return { title, dest: [copied[i + 1]![0]!, "Fit"], children: partBookmarks(readOutline(p.pdf), copied[i + 1]!, title) };
    }),
  ]);
  // Without object streams: saving takes half the time (40 ms rather than 90 for a 60-clause
  // constitution), for a file 10% larger.
  return pack.save({ useObjectStreams: false });
}

/** A bookmark: its title, where it opens (`[page, "Fit"]`, or the part's own `[page, /XYZ, left, top, zoom]`), and the bookmarks under it. */
interface Bookmark {
  title: string;
  dest: (PDFRef | PDFObject | string)[];
  children: Bookmark[];
}

/** A bookmark as read from a PDF: the index of the page it opens, and the rest of its destination. */
export interface OutlineEntry {
  title: string;
  page: number;
  view: PDFObject[];
  children: OutlineEntry[];
}

/**
 * A PDF's outline (bookmarks), as the PDF specification writes it: the catalog's /Outlines, each
 * level a chain from /First along /Next, each entry with its /Title and a /Dest whose first
 * element is the page. Entries that open no page of the document are left out.
 */
export function readOutline(pdf: PDFDocument): OutlineEntry[] {
  const pages = pdf.getPages().map((page) => page.ref);
  const level = (parent: PDFDict | undefined): OutlineEntry[] => {
    const entries: OutlineEntry[] = [];
    const seen = new Set<PDFDict>();
    for (let item = parent?.lookupMaybe(PDFName.of("First"), PDFDict); item && !seen.has(item); item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      seen.add(item);
      const title = item.lookupMaybe(PDFName.of("Title"), PDFString, PDFHexString)?.decodeText() ?? "";
      const dest = item.lookupMaybe(PDFName.of("Dest"), PDFArray);
      const target = dest?.get(0);
      const page = target instanceof PDFRef ? pages.indexOf(target) : -1;
      if (page >= 0) entries.push({ title, page, view: dest!.asArray().slice(1), children: level(item) });
    }
    return entries;
  };
  return level(pdf.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict));
}

/**
 * A part's own bookmarks, to go under the part's bookmark in the pack, opening the same places
 * on the pack's copies of its pages (`pages`). Its title heading is left out, as the part's
 * bookmark already opens it. react-pdf marks a heading pushed to the next page (by its
 * `minPresenceAhead`) on both pages; only the last of such a run is kept, where the heading is.
 */
function partBookmarks(entries: OutlineEntry[], pages: readonly PDFRef[], partTitle: string): Bookmark[] {
  return entries
    .filter((entry, i) => entry.title !== partTitle && entry.title !== entries[i + 1]?.title)
    .map((entry) => ({ title: entry.title, dest: [pages[entry.page]!, ...entry.view], children: partBookmarks(entry.children, pages, partTitle) }));
}

/**
 * The outline (bookmarks), opened beside the pages, with each part's entry closed over its own
 * bookmarks: pdf-lib has no API for it, so it is written as the PDF specification's dictionaries.
 */
function addOutline(pdf: PDFDocument, entries: Bookmark[]) {
  if (entries.length === 0) return;
  const root = pdf.context.nextRef();
  const [first, last] = addLevel(pdf, root, entries);
  pdf.context.assign(root, pdf.context.obj({ Type: "Outlines", First: first, Last: last, Count: entries.length }));
  pdf.catalog.set(PDFName.of("Outlines"), root);
  pdf.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

/** One level of the outline under `parent`: its first and last entries. A closed entry's /Count is minus its children's number. */
function addLevel(pdf: PDFDocument, parent: PDFRef, entries: Bookmark[]): [PDFRef, PDFRef] {
  const context = pdf.context;
  const refs = entries.map(() => context.nextRef());
  entries.forEach((entry, i) => {
    const item = context.obj({ Title: PDFHexString.fromText(entry.title), Parent: parent, Dest: entry.dest });
    if (i > 0) item.set(PDFName.of("Prev"), refs[i - 1]!);
    if (i < refs.length - 1) item.set(PDFName.of("Next"), refs[i + 1]!);
    if (entry.children.length > 0) {
      const [first, last] = addLevel(pdf, refs[i]!, entry.children);
      item.set(PDFName.of("First"), first);
      item.set(PDFName.of("Last"), last);
      item.set(PDFName.of("Count"), context.obj(-entry.children.length));
    }
    context.assign(refs[i]!, item);
  });
  return [refs[0]!, refs[refs.length - 1]!];
}
