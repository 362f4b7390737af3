/**
 * The layer check (`npm run layers`, .dependency-cruiser.cjs) finds what it is meant to find: run
 * with the real configuration over a small tree that breaks each rule once, beside imports the
 * layers allow, it reports exactly the breaches. Without this, a rule mistyped into matching
 * nothing would pass for ever.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repo = path.resolve(__dirname, "..");
const tree = mkdtempSync(path.join(tmpdir(), "layers-"));

const files: Record<string, string> = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: { baseUrl: ".", paths: { "~/*": ["./app/*"] }, jsx: "react-jsx", module: "ESNext", moduleResolution: "Bundler" },
  }),
  // Breaches, one of each kind.
  "app/utils/reaches-up.ts": `import { engine } from "~/modules/polls/engine";\nexport const u = engine;\n`,
  "app/components/shows-markdown.tsx": `import { read } from "~/modules/markdown/read";\nexport const C = () => read;\n`,
  "app/modules/polls/engine.ts": `import { phase } from "~/modules/elections/phase";\nexport const engine = phase;\n`,
  "app/modules/ballots/peer.ts": `import { other } from "~/modules/belenios/peer";\nexport const peer = other;\n`,
  "app/modules/campaign/early.ts": `import { later } from "~/modules/founding/later";\nexport const early = 1;\nexport const uses = later;\n`,
  "db/schema.ts": `import { phase } from "../app/modules/elections/phase";\nimport type { Shape } from "../app/modules/elections/shape";\nexport const table: Shape = { phase };\n`,
  // Allowed: a later phase uses an earlier one (but this pair makes a cycle, which is its own breach).
  "app/modules/founding/later.ts": `import { early } from "~/modules/campaign/early";\nexport const later = () => early;\n`,
  // Allowed: lower layers, a test reaching anywhere, a page using anything.
  "app/modules/elections/phase.ts": `import { engine } from "~/utils/leaf";\nexport const phase = engine;\n`,
  "app/modules/elections/shape.ts": `export interface Shape { phase: number }\n`,
  "app/utils/leaf.ts": `export const engine = 1;\n`,
  "app/modules/markdown/read.ts": `export const read = 1;\n`,
  "app/modules/belenios/peer.ts": `export const other = 1;\n`,
  "app/modules/constitution/uses-earlier.ts": `import { engine } from "~/modules/polls/engine";\nimport { later } from "~/modules/founding/later";\nexport const c = [engine, later];\n`,
  "app/modules/polls/engine.test.ts": `import { phase } from "~/modules/elections/phase";\nexport const t = phase;\n`,
  "app/routes/page.tsx": `import { c } from "~/modules/constitution/uses-earlier";\nimport { C } from "~/components/shows-markdown";\nexport default () => [c, C];\n`,
};

afterAll(() => rmSync(tree, { recursive: true, force: true }));

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function breaches(): string[] {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(tree, name)), { recursive: true });
    writeFileSync(path.join(tree, name), text);
  }
  let output: string;
  try {
    output = execFileSync(
      process.execPath,
      [
        path.join(repo, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"),
        "app",
        "db",
        "--config",
        path.join(repo, ".dependency-cruiser.cjs"),
        "--output-type",
        "json",
      ],
      { cwd: tree, encoding: "utf8", maxBuffer: 32 * 1024 * 1024 },
    );
  } catch (error) {
    // The check exits non-zero when it finds breaches, which is what this tree is for.
    output = (error as { stdout: string }).stdout;
  }
  const result = JSON.parse(output) as { summary: { violations: Violation[] } };
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

describe("the layer check", () => {
  it("reports each breach of the layers and nothing the layers allow", { timeout: 120_000 }, () => {
    expect(breaches()).toEqual(
      [
        "layer:utils: app/utils/reaches-up.ts -> app/modules/polls/engine.ts",
        "layer:components: app/components/shows-markdown.tsx -> app/modules/markdown/read.ts",
        "layer:polls: app/modules/polls/engine.ts -> app/modules/elections/phase.ts",
        "layer:ballots: app/modules/ballots/peer.ts -> app/modules/belenios/peer.ts",
        "layer:campaign: app/modules/campaign/early.ts -> app/modules/founding/later.ts",
        "db-knows-no-app: db/schema.ts -> app/modules/elections/phase.ts",
        // A cycle is reported once, from the first file in it.
        "no-circular: app/modules/campaign/early.ts -> app/modules/founding/later.ts",
      ].sort(),
    );
  });
});
