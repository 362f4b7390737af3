/**
 * Wording belongs in a domain's messages module, ready for a second language (issue 19,
 * docs/architecture.md), not in a route or a component. This counts the English a file that draws
 * a page (a route, the page frame, a component, a document's layout) renders itself:
 * text between JSX tags, and string literals given to what a person sees or hears (a JSX
 * expression's text, or a label, hint, legend, title, caption, placeholder, alt or aria-label).
 * A route's answers outside the page are counted too: a plain refusal, an error, a help page and
 * the page title. None has any: the samples below show what is found, so that the check can fail.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const app = path.resolve(__dirname, "../app");

/** Attributes whose value is read by a person or a screen reader. */
const SHOWN_ATTRIBUTES = new Set(["label", "hint", "legend", "title", "caption", "placeholder", "alt", "aria-label", "submitLabel", "lead"]);

/** Words: at least two letters in a row (not an id, a class list or a path, which have no spaces or are code). */
const hasWords = (text: string) => /[A-Za-z]{2}/.test(text) && /\s/.test(text.trim());
const isWord = (text: string) => /[A-Za-z]{2}/.test(text);

/** A file's syntax tree, and a list of phrases found with their lines, for the message when the count grows. */
function reader(fileName: string, source: string) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const note = (node: ts.Node, text: string) => found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim().slice(0, 60)}`);
  return { file, found, note };
}

/** A string literal's text, or a template's text without its values. */
const literalText = (node: ts.Node): string | null =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
    ? node.text
    : ts.isTemplateExpression(node)
      ? node.head.text + node.templateSpans.map((s) => s.literal.text).join(" ")
      : null;

/** The phrases a route renders itself, each with its line, for the message when the count grows. */
export function renderedPhrases(fileName: string, source: string): string[] {
  const { file, found, note } = reader(fileName, source);
  /** String literals reached from a JSX expression without passing into a call or another JSX element. */
  const shownLiterals = (node: ts.Node, words: (text: string) => boolean) => {
    const text = literalText(node);
    if (text !== null) {
      if (words(text)) note(node, text);
      return;
    }
    if (ts.isCallExpression(node) || ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node) || ts.isArrowFunction(node)) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind !== ts.SyntaxKind.PlusToken && node.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken) {
      // A comparison's literals are values, not words shown (status === "open").
      if (node.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken && node.operatorToken.kind !== ts.SyntaxKind.BarBarToken) return;
    }
    if (ts.isConditionalExpression(node)) {
      shownLiterals(node.whenTrue, words);
      shownLiterals(node.whenFalse, words);
      return;
    }
    ts.forEachChild(node, (child) => shownLiterals(child, words));
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (isWord(node.text)) note(node, node.text);
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      shownLiterals(node.expression, hasWords);
    } else if (ts.isJsxAttribute(node) && SHOWN_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) {
        if (isWord(init.text)) note(init, init.text);
      } else if (ts.isJsxExpression(init) && init.expression) shownLiterals(init.expression, isWord);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** A page title's brand, the same in every language: `${t.title} - Breakaway`. */
const withoutBrand = (text: string) => text.replace(/ - Breakaway$/, "");

/** Properties of an answer's body that a person reads: a help page's title and body, an error or message. */
const ANSWER_PROPERTIES = new Set(["title", "body", "error", "message"]);

/**
 * The English a route answers with itself, outside JSX: the text given to `new Response(...)`
 * (a plain 404 or 400), the title, body, error or message of an object given to `data`, `json`
 * or a help page, and the page title its `meta` gives the browser tab. Not a header's value (a
 * file name, a content type), which is given by name, nor an id or a word without a space given
 * as a Response body, which has no English to translate.
 */
export function answeredPhrases(fileName: string, source: string): string[] {
  const { file, found, note } = reader(fileName, source);
  /** A literal, or each branch of a choice between literals (`a ? "x" : "y"`, `a ?? "x"`). */
  const check = (node: ts.Node, words: (text: string) => boolean) => {
    if (ts.isParenthesizedExpression(node)) return check(node.expression, words);
    if (ts.isConditionalExpression(node)) return [node.whenTrue, node.whenFalse].forEach((n) => check(n, words));
    if (
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    )
      return [node.left, node.right].forEach((n) => check(n, words));
    const text = literalText(node);
    if (text !== null && words(withoutBrand(text))) note(node, withoutBrand(text));
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText(file) === "Response" && node.arguments?.[0]) check(node.arguments[0], hasWords);
    else if (ts.isPropertyAssignment(node) && ANSWER_PROPERTIES.has(node.name.getText(file))) check(node.initializer, isWord);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * Every file that draws what a person sees: the routes, the page frame (root.tsx), the shared
 * components, each domain's components and its printed documents' layouts.
 */
function drawingFiles(): string[] {
  const all = (readdirSync(app, { recursive: true }) as string[]).map((name) => name.split(path.sep).join("/"));
  return all.filter(
    (name) =>
      name.endsWith(".tsx") &&
      !name.endsWith(".test.tsx") &&
      (/^routes\/[^/]+$/.test(name) || name === "root.tsx" || name.startsWith("components/") || /^modules\/.+\/(components|pdf)\//.test(name)),
  );
}

function counts(): Map<string, string[]> {
  return new Map(drawingFiles().map((name) => [name, renderedPhrases(name, readFileSync(path.join(app, name), "utf8"))]));
}

describe("wording in the files that draw pages", () => {
  it("finds the phrases a page renders, and not its ids, classes or comparisons", () => {
    const phrases = renderedPhrases(
      "sample.tsx",
      `export default function Page({ s }: { s: string }) {
        return (
          <div className="page panel" id="main">
            <h1>Elections</h1>
            <TextField name="title" label="Title" hint={s === "open" ? "Voting is open" : words.closed} />
            {s === "open" ? "Vote now" : null}
            {messages.intro}
            <a href="/polls/1" aria-label={\`Vote for \${s}\`}>{s}</a>
          </div>
        );
      }`,
    );
    expect(phrases.map((p) => p.replace(/^\d+: /, ""))).toEqual(["Elections", "Title", "Voting is open", "Vote now", "Vote for"]);
  });

  it("finds the English a route answers with, and not its file names, ids or content types", () => {
    const phrases = answeredPhrases(
      "sample.ts",
      `export const meta: MetaFunction = () => [{ title: "Trustees - Breakaway" }, { title: \`\${t.title} - Breakaway\` }];
      export async function loader({ params }: LoaderFunctionArgs) {
        if (!params.id) throw new Response("Not found", { status: 404 });
        if (params.id === "x") throw new Response(t.noSuchFile, { status: 404 });
        if (params.id === "y") return helpPageResponse({ status: 404, title: "No declaration yet", body: "Not declared yet." });
        if (params.id === "z") return data({ error: "Unknown request." }, { status: 400 });
        if (params.id === "w") return json({ ok: false, message: \`Try again in \${n} minutes\` });
        return new Response("ok", {
          headers: { "Content-Type": "application/pdf", "Content-Disposition": contentDisposition("attachment", "the record.pdf") },
        });
      }
      export default function Page() {
        return { title: d.title ?? "Interim standing orders", id: "main-panel", error: t.unknown };
      }`,
    );
    expect(phrases.map((p) => p.replace(/^\d+: /, ""))).toEqual([
      "Trustees",
      "Not found",
      "No declaration yet",
      "Not declared yet.",
      "Unknown request.",
      "Try again in  minutes",
      "Interim standing orders",
    ]);
  });

  it("looks at every route, the page frame, and the components and document layouts of each domain", () => {
    const files = drawingFiles();
    for (const expected of [
      "routes/polls.new.tsx",
      "root.tsx",
      "components/forms.tsx",
      "modules/elections/components/position-page/outcome.tsx",
      "modules/constitution/pdf/constitution.tsx",
    ])
      expect(files).toContain(expected);
  });

  it("finds none in any of them: a page's wording lives in its domain's messages module", () => {
    const worded = [...counts()].filter(([, phrases]) => phrases.length > 0);
    expect(worded.map(([name, phrases]) => `${name}: move these into the domain's messages module:\n  ${phrases.join("\n  ")}`)).toEqual([]);
  });

  it("finds none that a route answers with itself: its refusals and page titles live in its domain's messages module", () => {
    const routes = (readdirSync(path.join(app, "routes")) as string[]).filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name));
    expect(routes).toContain("polls.$pollId.record[.]bel.ts");
    const worded = routes
      .map((name) => [name, answeredPhrases(name, readFileSync(path.join(app, "routes", name), "utf8"))] as const)
      .filter(([, phrases]) => phrases.length > 0);
    expect(worded.map(([name, phrases]) => `routes/${name}: move these into the domain's messages module:\n  ${phrases.join("\n  ")}`)).toEqual([]);
  });
});
