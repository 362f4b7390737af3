/**
 * The registration pack's parts, made on the PDF worker (documents/worker-template.ts): they are
 * made together, seven documents at once, which on the server's thread would hold up everyone.
 */
import { workerTemplate, type TemplateData, type WorkerTemplate } from "~/modules/documents/worker-template";
import { ApplicationSummaryPdf } from "./application-summary";
import { AssetsPdf } from "./assets-and-liabilities";
import { FinancialSchemePdf } from "./financial-scheme";
import { FoundingRecordPdf } from "./founding-record";
import { OfficerSheetsPdf } from "./officer-sheets";
import { NoConstitutionPdf, PackCoverPdf } from "./pack";
import { ChecklistPdf } from "./readiness-checklist";

const here = "app/modules/registration/pdf";

export const registrationTemplates = {
  "application-summary": workerTemplate(`${here}/application-summary.tsx`, "ApplicationSummaryPdf", ApplicationSummaryPdf),
  "officer-sheets": workerTemplate(`${here}/officer-sheets.tsx`, "OfficerSheetsPdf", OfficerSheetsPdf),
  "financial-scheme": workerTemplate(`${here}/financial-scheme.tsx`, "FinancialSchemePdf", FinancialSchemePdf),
  "assets-and-liabilities": workerTemplate(`${here}/assets-and-liabilities.tsx`, "AssetsPdf", AssetsPdf),
  "founding-record": workerTemplate(`${here}/founding-record.tsx`, "FoundingRecordPdf", FoundingRecordPdf),
  "readiness-checklist": workerTemplate(`${here}/readiness-checklist.tsx`, "ChecklistPdf", ChecklistPdf),
  "pack-cover": workerTemplate(`${here}/pack.tsx`, "PackCoverPdf", PackCoverPdf),
  "pack-no-constitution": workerTemplate(`${here}/pack.tsx`, "NoConstitutionPdf", NoConstitutionPdf),
};

export type RegistrationTemplateName = keyof typeof registrationTemplates;
export type RegistrationTemplateData<N extends RegistrationTemplateName> = TemplateData<(typeof registrationTemplates)[N]>;

/** The named part's template, typed by its own data (TypeScript cannot follow an index by a generic name). */
export function registrationTemplate<N extends RegistrationTemplateName>(name: N): WorkerTemplate<RegistrationTemplateData<N>> {
  return registrationTemplates[name] as unknown as WorkerTemplate<RegistrationTemplateData<N>>;
}
