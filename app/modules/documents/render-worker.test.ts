import path from "node:path";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { ConstitutionPdf } from "~/modules/constitution/pdf/constitution";
import { amendmentsTemplate, constitutionTemplate } from "~/modules/constitution/pdf/worker-templates";
import { registrationTemplates } from "~/modules/registration/pdf/worker-templates";
import { renderPdf } from "./render.server";
import { renderInWorker } from "./render-worker.server";
import { largeConstitution } from "./test-support/large-documents";
import { flat, pdfInfo, pdfText } from "./test-support/pdf-text";

/** Runs `task` while a 20 ms timer ticks on this thread; the longest the timer waited past its time. */
async function worstTimerDelay(task: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 20);
    last = now;
  }, 20);
  try {
    await task();
  } finally {
    clearInterval(timer);
  }
  return Math.max(worst, performance.now() - last - 20);
}

describe("PDFs made on the worker thread", () => {
  it("are the same documents as those made here, with their text extractable", { timeout: 120_000 }, async () => {
    const data = largeConstitution({ clauses: 3 });
    const [there, here] = [await renderInWorker(constitutionTemplate, data), await renderPdf(createElement(ConstitutionPdf, { data }))];
    expect(there.subarray(0, 5).toString()).toBe("%PDF-");
    expect(flat(pdfText(there))).toBe(flat(pdfText(here)));
    expect(pdfInfo(there)).toMatchObject({ Title: "Constitution (draft)", Author: "The Commonwealth Party", Pages: pdfInfo(here).Pages });
  });

  it("leave this thread free while a long one is made", { timeout: 180_000 }, async () => {
    // On this thread a 60-clause constitution holds it for seconds; on the worker, timers here
    // keep firing on time (the bound is generous for a busy machine).
    let pdf: Buffer | null = null;
    const worst = await worstTimerDelay(async () => {
      pdf = await renderInWorker(constitutionTemplate, largeConstitution());
    });
    expect(worst).toBeLessThan(1500);
    expect(flat(pdfText(pdf!))).toContain("60. Clause title 60");
  });

  it("fail with the worker's error for a document it does not know, and go on working", { timeout: 120_000 }, async () => {
    const unknown = { ...constitutionTemplate, exportName: "NoSuchDocument" };
    await expect(renderInWorker(unknown, largeConstitution({ clauses: 1 }))).rejects.toThrow("The PDF worker has no document called NoSuchDocument.");
    const pdf = await renderInWorker(amendmentsTemplate, {
      partyName: "P",
      generatedAt: new Date(),
      draftLabel: "the draft",
      supportersNeeded: 3,
      amendments: [],
    });
    expect(flat(pdfText(pdf))).toContain("No amendments have been proposed.");
  });

  it("find every domain's template where it says it is (the worker imports it by that path)", async () => {
    // A template whose path or export name is wrong works on this thread and fails only on the
    // worker, so each one is checked here against the module it names.
    for (const template of [constitutionTemplate, amendmentsTemplate, ...Object.values(registrationTemplates)]) {
      const module = (await import(/* @vite-ignore */ path.resolve(template.module))) as Record<string, unknown>;
      expect(module[template.exportName], `${template.module} ${template.exportName}`).toBe(template.component);
    }
  });
});
