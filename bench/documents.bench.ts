// npx tsx bench/documents.bench.ts
//
// Times the PDF kit: how long one ultimatum letter, one resignation letter and a long pack
// take to render, and how many letters a second one process makes. The ultimatum is public,
// so its cost decides whether it needs caching (it does: see app/modules/campaign/ultimatum.server.ts).
// Prints a Markdown table; docs/guide-documents.md quotes the figures.
import os from "node:os";
import { createElement } from "react";
import { renderPdf } from "../app/modules/documents/render.server";
import { ResignationLetterDocument, type ResignationLetterData } from "../app/modules/founding/pdf/resignation-letter";
import { LongTableDocument } from "../app/modules/documents/test-support/sample-documents";
import { UltimatumDocument, type UltimatumData } from "../app/modules/campaign/pdf/ultimatum";
import { regions } from "../app/modules/pledges/regions";
import { demoDemands, demoMovement } from "../app/modules/demo/demo-data";

const now = new Date();

const ultimatum: UltimatumData = {
  movementName: demoMovement.name,
  partyName: demoMovement.partyName,
  statement: demoMovement.statement,
  deadline: new Date(now.getTime() + 30 * 86_400_000),
  demands: demoDemands,
  figures: {
    pledged: 48_211,
    byRelation: { member: 30_102, former_member: 12_000, supporter: 6_109 },
    byRegion: regions.map((region, i) => ({ region, pledged: 5000 - i * 300 })),
    subscriptionsPence: 30_102 * 750,
  },
  generatedAt: now,
};

const letter: ResignationLetterData = {
  memberName: "Gwenllian Ŵyn-Łukasiewicz",
  oldMembershipNumber: "CP123456",
  postcode: "LL57 2DG",
  partyName: demoMovement.partyName,
  movementName: demoMovement.name,
  leavingDay: "2027-02-01",
  reasonDeadline: ultimatum.deadline,
  generatedAt: now,
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function bench(runs: number, task: () => Promise<Buffer>): Promise<{ ms: number; bytes: number }> {
  let bytes = (await task()).length; // warm-up: fonts are loaded and parsed on first use
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = (await task()).length;
    times.push(performance.now() - start);
  }
  return { ms: median(times), bytes };
}

const firstStart = performance.now();
await renderPdf(createElement(ResignationLetterDocument, { data: letter }));
const first = performance.now() - firstStart;

const rows: [string, { ms: number; bytes: number }][] = [
  ["Resignation letter (1 page)", await bench(20, () => renderPdf(createElement(ResignationLetterDocument, { data: letter })))],
  ["Ultimatum letter (13 regions, 5 demands, 3 pages)", await bench(10, () => renderPdf(createElement(UltimatumDocument, { data: ultimatum })))],
  ["Table of 90 rows (4 pages)", await bench(5, () => renderPdf(createElement(LongTableDocument)))],
];

// Letters rendered one after another for a fixed time: what one server process sustains.
const until = performance.now() + 5000;
let made = 0;
while (performance.now() < until) {
  await renderPdf(createElement(ResignationLetterDocument, { data: { ...letter, memberName: `Member ${made}` } }));
  made++;
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(
  `Node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} cores (${cpu}), load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")}`,
);
console.log(`First render in a fresh process (loads the fonts): ${first.toFixed(0)} ms\n`);
console.log("| document | median ms | size |");
console.log("|---|---:|---:|");
for (const [name, r] of rows) console.log(`| ${name} | ${r.ms.toFixed(0)} | ${(r.bytes / 1024).toFixed(0)} KiB |`);
console.log(`\nResignation letters one after another for 5 s: ${made} (${(made / 5).toFixed(1)} a second).`);
