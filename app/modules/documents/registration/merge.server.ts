/**
 * The registration pack as one PDF, put together from its parts' own PDFs (pdf-lib): a cover
 * listing each part with the pack's pages it fills, then the parts in order, each keeping its own
 * header and "Page x of y", and a bookmark per part. Merging made PDFs costs a few milliseconds;
 * laying out the constitution again for every pack cost seconds (decision 024).
 */
import { PDFDocument, PDFHexString, PDFName, type PDFRef } from "pdf-lib";
import { kitMessages } from "../messages";
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

export async function assemblePack(common: PackCommon, parts: readonly PackPart[], renderCover: (cover: PackCoverData) => Promise<Uint8Array>): Promise<Uint8Array> {
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
  const starts: PDFRef[] = [];
  for (const source of [cover, ...loaded.map((p) => p.pdf)]) {
    const pages = await pack.copyPages(source, source.getPageIndices());
    pages.forEach((page, i) => {
      pack.addPage(page);
      if (i === 0) starts.push(page.ref);
    });
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
  addOutline(pack, [{ title: t.packTitle, page: starts[0]! }, ...loaded.map((p, i) => ({ title: p.title ?? t.documents[p.doc]?.title ?? p.doc, page: starts[i + 1]! }))]);
  // Without object streams: saving takes half the time (40 ms rather than 90 for a 60-clause
  // constitution), for a file 10% larger.
  return pack.save({ useObjectStreams: false });
}

/** A flat outline (bookmarks), one entry per part, opened beside the pages: pdf-lib has no API for it, so it is written as the PDF specification's dictionaries. */
function addOutline(pdf: PDFDocument, entries: { title: string; page: PDFRef }[]) {
  if (entries.length === 0) return;
  const context = pdf.context;
  const root = context.nextRef();
  const refs = entries.map(() => context.nextRef());
  entries.forEach((entry, i) => {
    const item = context.obj({ Title: PDFHexString.fromText(entry.title), Parent: root, Dest: [entry.page, "Fit"] });
    if (i > 0) item.set(PDFName.of("Prev"), refs[i - 1]!);
    if (i < refs.length - 1) item.set(PDFName.of("Next"), refs[i + 1]!);
    context.assign(refs[i]!, item);
  });
  context.assign(root, context.obj({ Type: "Outlines", First: refs[0]!, Last: refs[refs.length - 1]!, Count: refs.length }));
  pdf.catalog.set(PDFName.of("Outlines"), root);
  pdf.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}
