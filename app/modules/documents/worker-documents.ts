/**
 * The documents the PDF worker (render-worker.server.ts) can make, by name. A document is
 * here when it is long enough that laying it out would hold up the server's other requests;
 * its data must survive the structured clone that carries it to the worker (plain values and
 * dates, no functions).
 */
import { AmendmentsPdf } from "./amendments";
import { ConstitutionPdf } from "./constitution";

export const workerDocuments = {
  constitution: ConstitutionPdf,
  amendments: AmendmentsPdf,
};

export type WorkerDocumentName = keyof typeof workerDocuments;
export type WorkerDocumentData<N extends WorkerDocumentName> = Parameters<(typeof workerDocuments)[N]>[0]["data"];
