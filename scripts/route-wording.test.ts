/**
 * Wording belongs in a domain's messages module, ready for a second language (issue 19,
 * docs/architecture.md), not in a route. This counts the English a route file renders itself:
 * text between JSX tags, and string literals given to what a person sees or hears (a JSX
 * expression's text, or a label, hint, legend, title, caption, placeholder, alt or aria-label).
 * A new route renders none; the routes written before are listed with their count today, which
 * may only go down, and a route that reaches none must leave the list.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const routes = path.resolve(__dirname, "../app/routes");

/** Attributes whose value is read by a person or a screen reader. */
const SHOWN_ATTRIBUTES = new Set(["label", "hint", "legend", "title", "caption", "placeholder", "alt", "aria-label", "submitLabel", "lead"]);

/** Words: at least two letters in a row (not an id, a class list or a path, which have no spaces or are code). */
const hasWords = (text: string) => /[A-Za-z]{2}/.test(text) && /\s/.test(text.trim());
const isWord = (text: string) => /[A-Za-z]{2}/.test(text);

/** The phrases a route renders itself, each with its line, for the message when the count grows. */
export function renderedPhrases(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const note = (node: ts.Node, text: string) => found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim().slice(0, 60)}`);
  const literalText = (node: ts.Node): string | null =>
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
      ? node.text
      : ts.isTemplateExpression(node)
        ? node.head.text + node.templateSpans.map((s) => s.literal.text).join(" ")
        : null;
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

/** Routes that still render their own wording, with the count on 6 December 2026 (404 phrases in all). */
const stillWorded: Record<string, number> = {
  "_index.tsx": 14,
  "account.tsx": 22,
  "account_.email.tsx": 1,
  "audit.tsx": 21,
  "campaign._index.tsx": 25,
  "campaign.imports.$importId.tsx": 19,
  "constitution._index.tsx": 5,
  "constitution.clauses.$clauseId._index.tsx": 22,
  "constitution.compare.tsx": 19,
  "constitution.full.tsx": 1,
  "constitution.read.$clauseId.tsx": 6,
  "constitution.vote.$clauseId.tsx": 18,
  "constitution.vote._index.tsx": 16,
  "dev.outbox.tsx": 4,
  "elections._index.tsx": 2,
  "elections.positions.$positionId.tsx": 8,
  "founding.leave.tsx": 2,
  "login._index.tsx": 13,
  "login.verify.tsx": 5,
  "logout.tsx": 2,
  "pledge._index.tsx": 27,
  "polls.$pollId._index.tsx": 2,
  "polls.$pollId.ballots._index.tsx": 12,
  "polls.$pollId.receipt.tsx": 11,
  "polls._index.tsx": 10,
  "polls.new.tsx": 17,
  "registration._index.tsx": 28,
  "registration.documents.tsx": 22,
  "registration.financial-scheme.tsx": 4,
  "registration.names.tsx": 24,
  "registration.readiness.tsx": 2,
  "roles.tsx": 19,
};

function counts(): Map<string, string[]> {
  return new Map(
    readdirSync(routes)
      .filter((name) => name.endsWith(".tsx"))
      .map((name) => [name, renderedPhrases(name, readFileSync(path.join(routes, name), "utf8"))]),
  );
}

describe("wording in route files", () => {
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

  it("is not added to: a route renders no more of its own wording than when it was listed", () => {
    const grew: string[] = [];
    for (const [name, phrases] of counts()) {
      const allowed = stillWorded[name] ?? 0;
      if (phrases.length > allowed)
        grew.push(`${name}: ${phrases.length} phrases (at most ${allowed}); move them into the domain's messages module:\n  ${phrases.join("\n  ")}`);
    }
    expect(grew).toEqual([]);
  });

  it("lists only routes that still have wording, so that the list only gets shorter", () => {
    const found = counts();
    const done = Object.entries(stillWorded)
      .filter(([name, allowed]) => (found.get(name)?.length ?? 0) < allowed || !found.has(name))
      .map(([name, allowed]) => `${name}: ${found.get(name)?.length ?? 0} now (listed ${allowed})`);
    expect(done, "lower these counts in stillWorded (or remove the route when it reaches 0)").toEqual([]);
  });
});
