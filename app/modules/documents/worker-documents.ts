/**
 * The documents the PDF worker (render-worker.server.ts) can make, by name. A document is
 * here when laying it out would hold up the server's other requests: the long ones, and the
 * registration pack's parts, which are made together (seven documents at once); its data must
 * survive the structured clone that carries it to the worker (plain values and dates, no
 * functions).
 */
import { AmendmentsPdf } from "./amendments";
import { ConstitutionPdf } from "./constitution";
import { ApplicationSummaryPdf } from "./registration/application-summary";
import { AssetsPdf } from "./registration/assets-and-liabilities";
import { FinancialSchemePdf } from "./registration/financial-scheme";
import { FoundingRecordPdf } from "./registration/founding-record";
import { OfficerSheetsPdf } from "./registration/officer-sheets";
import { NoConstitutionPdf, PackCoverPdf } from "./registration/pack";
import { ChecklistPdf } from "./registration/readiness-checklist";

export const workerDocuments = {
  constitution: ConstitutionPdf,
  amendments: AmendmentsPdf,
  "application-summary": ApplicationSummaryPdf,
  "officer-sheets": OfficerSheetsPdf,
  "financial-scheme": FinancialSchemePdf,
  "assets-and-liabilities": AssetsPdf,
  "founding-record": FoundingRecordPdf,
  "readiness-checklist": ChecklistPdf,
  "pack-cover": PackCoverPdf,
  "pack-no-constitution": NoConstitutionPdf,
};

export type WorkerDocumentName = keyof typeof workerDocuments;
export type WorkerDocumentData<N extends WorkerDocumentName> = Parameters<(typeof workerDocuments)[N]>[0]["data"];
