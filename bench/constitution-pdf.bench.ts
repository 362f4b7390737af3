// npx tsx bench/constitution-pdf.bench.ts
//
// Times the two long constitution PDFs, a 60-clause draft of about 1,400 numbered lines and an
// amendments book of 150 amendments with about 2,400 supporters (test-support/large-documents.ts),
// laid out on this thread (renderPdf) and on the PDF worker (renderInWorker). While the worker
// makes each one, a timer due every 20 ms on this thread records how late it fires: how long a
// request arriving meanwhile would wait. Prints a Markdown table; docs/benchmarks.md quotes it
// in "Constitution pages".

// React picks its development or production build when first loaded: measure what a production
// server runs (the worker inherits this).
process.env.NODE_ENV ??= "production";

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createElement } from "react";
import { AmendmentsPdf } from "../app/modules/constitution/pdf/amendments";
import { ConstitutionPdf, constitutionLayout } from "../app/modules/constitution/pdf/constitution";
import { prepareFonts, renderPdf } from "../app/modules/documents/render.server";
import { amendmentsTemplate, constitutionTemplate } from "../app/modules/constitution/pdf/worker-templates";
import { renderInWorker } from "../app/modules/documents/render-worker.server";
import { largeAmendments, largeConstitution } from "../app/modules/documents/test-support/large-documents";

const constitution = largeConstitution();
const amendments = largeAmendments(constitution);
const lines = constitutionLayout(constitution).flatMap((l) => l.lines.filter((line) => line.number !== null)).length;
const supporters = amendments.amendments.reduce((n, a) => n + a.supporters.length, 0);
const loadBefore = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(" / ");

function pages(pdf: Buffer): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), "breakaway-bench-"));
  try {
    writeFileSync(path.join(dir, "doc.pdf"), pdf);
    return Number(/Pages:\s*(\d+)/.exec(execFileSync("pdfinfo", [path.join(dir, "doc.pdf")], { encoding: "utf8" }))?.[1] ?? 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `task` while a 20 ms timer ticks on this thread; returns its time and the timer's worst lateness. */
async function withLag(task: () => Promise<Buffer>) {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 20);
    last = now;
  }, 20);
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  const pdf = await task();
  const ms = performance.now() - start;
  // Every thread of the process: this one's, or the worker's while this one waits.
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(timer);
  // A thread held from the last tick to the end never fired the timer at all.
  worst = Math.max(worst, performance.now() - last - 20);
  return { pdf, ms, cpuMs: (cpu.user + cpu.system) / 1000, worst: Math.max(0, worst) };
}

await prepareFonts();
// The worker's start-up (tsx, React, fonts) is paid once per server, ahead of readers.
const startUp = await withLag(() => renderInWorker(constitutionTemplate, largeConstitution({ clauses: 1 })));

const rows: string[] = [];
for (const [name, here, there] of [
  [
    `Constitution, ${constitution.clauses.length} clauses, ${lines.toLocaleString("en-GB")} lines`,
    () => renderPdf(createElement(ConstitutionPdf, { data: constitution })),
    () => renderInWorker(constitutionTemplate, constitution),
  ],
  [
    `Amendments, ${amendments.amendments.length} with ${supporters.toLocaleString("en-GB")} supporters`,
    () => renderPdf(createElement(AmendmentsPdf, { data: amendments })),
    () => renderInWorker(amendmentsTemplate, amendments),
  ],
] as const) {
  const main = await withLag(here);
  const worker = await withLag(there);
  rows.push(
    `| ${name} | ${pages(main.pdf)} | ${(main.pdf.length / 1024).toFixed(0)} | ${main.ms.toFixed(0)} (CPU ${main.cpuMs.toFixed(0)}) | ${main.worst.toFixed(0)} | ${worker.ms.toFixed(0)} (CPU ${worker.cpuMs.toFixed(0)}) | ${worker.worst.toFixed(0)} |`,
  );
  console.error(rows[rows.length - 1]);
}

const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
console.log(
  `Node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} cores (${cpu}), NODE_ENV=${process.env.NODE_ENV}, load average ${loadBefore} before and ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")} after.`,
);
console.log(`Worker start-up and a one-clause document: ${startUp.ms.toFixed(0)} ms (this thread late by up to ${startUp.worst.toFixed(0)} ms).\n`);
console.log("| document | pages | KiB | on the main thread, ms | main thread held up to, ms | on the worker, ms | main thread held up to, ms |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const row of rows) console.log(row);
