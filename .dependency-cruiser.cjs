/**
 * The layers of docs/architecture.md, checked by `npm run layers` (in `npm test`).
 *
 * Each line below is one layer, lowest first. Code may import its own folder and any lower layer;
 * never a higher layer, and never another folder on its own line (those are peers: each stands on
 * its own). The phases of the road are in the road's order, so a phase may use an earlier phase
 * but never a later one, and no two folders can import each other.
 *
 * Tests (`*.test.ts`, test support) may import anything: they exercise the layers from outside.
 */
const layers = [
  ["app/utils"],
  ["app/components"],
  // Engines that know nothing but utils: counting, Belenios, Markdown, mail, the audit log.
  ["app/modules/ballots", "app/modules/belenios", "app/modules/markdown", "app/modules/mail", "app/modules/audit"],
  // The document kit: layout, fonts, rendering (each document's template lives in its domain).
  ["app/modules/documents"],
  // Shared kernels: who is signed in, roles, members, the standing orders' rules.
  ["app/modules/auth"],
  ["app/modules/roles"],
  ["app/modules/users"],
  ["app/modules/content"],
  // The polls engine: casting, closing, trustees; it knows no phase (the owners register with it).
  ["app/modules/polls"],
  // The phases of the road, in order.
  ["app/modules/pledges"],
  ["app/modules/campaign"],
  ["app/modules/founding"],
  ["app/modules/constitution"],
  ["app/modules/elections"],
  ["app/modules/registration"],
  // What sees the whole road: the next steps, the demo, the poll owners.
  ["app/modules/next-steps", "app/modules/demo", "app/modules/road"],
  // The front door, then the pages.
  ["app/http"],
  ["app/routes", "app/root.tsx", "app/entry.client.tsx", "app/entry.server.tsx"],
];

const escapeDots = (path) => path.replace(/[.]/g, "\\.");
const folder = (path) => `^${escapeDots(path)}(/|$)`;
const tests = "(\\.test\\.tsx?$|/test-support/)";

const forbidden = [];
layers.forEach((layer, rank) => {
  const higher = layers.slice(rank + 1).flat();
  for (const from of layer) {
    const peers = layer.filter((other) => other !== from);
    const above = [...peers, ...higher];
    if (above.length === 0) continue;
    forbidden.push({
      name: `layer:${from.replace(/^app\/(modules\/)?/, "")}`,
      comment: `${from} may import only its own folder and lower layers (docs/architecture.md, "The layers")`,
      severity: "error",
      from: { path: folder(from), pathNot: tests },
      to: { path: above.map(folder) },
    });
  }
});

module.exports = {
  forbidden: [
    ...forbidden,
    {
      name: "no-circular",
      comment: "No file imports itself through others: a cycle hides which of two files is the lower (a messages module, for one, imports no working code).",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "db-knows-no-app",
      comment: "The tables name a domain's type for a JSON column at most; they import no working code.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^app/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing is a typo or a missing package.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|build|public/build)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
