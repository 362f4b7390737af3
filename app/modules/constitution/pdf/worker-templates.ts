/** The constitution's long documents, made on the PDF worker (documents/worker-template.ts). */
import { workerTemplate } from "~/modules/documents/worker-template";
import { AmendmentsPdf } from "./amendments";
import { ConstitutionPdf } from "./constitution";

export const constitutionTemplate = workerTemplate("app/modules/constitution/pdf/constitution.tsx", "ConstitutionPdf", ConstitutionPdf);
export const amendmentsTemplate = workerTemplate("app/modules/constitution/pdf/amendments.tsx", "AmendmentsPdf", AmendmentsPdf);
