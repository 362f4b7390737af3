/**
 * The web page and the PDF read a text the same way (issue 15, decision 038): for every text of
 * a corpus, the blocks the web renderer (PlainMarkdown) writes as HTML and the blocks the PDF
 * renderer (the documents kit's Markdown) lays out are equal, block for block, kind and words.
 * Each side is read from what its renderer produced, not from the shared model.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PlainMarkdown } from "./plain-markdown";
import { Heading, Markdown, MarkdownList, Paragraph } from "~/modules/documents/kit";

type Seen =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; start: number; items: { text: string; blocks: Seen[] }[] };

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

// ---- The web side: the HTML PlainMarkdown writes, read back into blocks. ----

interface HtmlNode {
  tag: string;
  attrs: Record<string, string>;
  children: (HtmlNode | string)[];
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");

/** Tags and the text between them. */
function tokens(html: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < html.length) {
    const end = html.charAt(at) === "<" ? html.indexOf(">", at) + 1 : html.indexOf("<", at);
    const next = end <= 0 ? html.length : end;
    out.push(html.slice(at, next));
    at = next;
  }
  return out;
}

function parseHtml(html: string): HtmlNode {
  const root: HtmlNode = { tag: "root", attrs: {}, children: [] };
  const stack = [root];
  for (const token of tokens(html)) {
    const top = stack.at(-1) ?? root;
    const close = /^<\/(\w+)>$/.exec(token);
    const open = /^<(\w+)((?:\s+[\w-]+="[^"]*")*)\s*>$/.exec(token);
    if (close) {
      expect(top.tag).toBe(close[1]);
      stack.pop();
    } else if (open) {
      const attrs: Record<string, string> = {};
      for (const pair of (open[2] ?? "").trim().split(/"\s+/)) {
        const [name, value] = pair.split('="');
        if (name) attrs[name] = decode((value ?? "").replace(/"$/, ""));
      }
      const node: HtmlNode = { tag: open[1] ?? "", attrs, children: [] };
      top.children.push(node);
      stack.push(node);
    } else {
      // Only the elements PlainMarkdown writes may appear; any other "<" would be HTML let through.
      expect(token.startsWith("<")).toBe(false);
      top.children.push(decode(token));
    }
  }
  expect(stack).toHaveLength(1);
  return root;
}

const htmlText = (node: HtmlNode | string): string => (typeof node === "string" ? node : node.children.map(htmlText).join(""));

function webBlocks(nodes: readonly (HtmlNode | string)[]): Seen[] {
  const blocks: Seen[] = [];
  for (const node of nodes) {
    if (typeof node === "string") {
      expect(node.trim()).toBe("");
      continue;
    }
    if (/^h[1-6]$/.test(node.tag)) blocks.push({ kind: "heading", text: squash(htmlText(node)) });
    else if (node.tag === "p") blocks.push({ kind: "paragraph", text: squash(htmlText(node)) });
    else if (node.tag === "ul" || node.tag === "ol") {
      blocks.push({
        kind: "list",
        ordered: node.tag === "ol",
        start: node.attrs.start === undefined ? 1 : Number(node.attrs.start),
        items: node.children.map((li) => {
          if (typeof li === "string" || li.tag !== "li") throw new Error(`a list holds ${JSON.stringify(li)}`);
          const inline = li.children.filter((c) => typeof c === "string" || !["p", "ul", "ol", "h2", "h3", "h4", "h5", "h6"].includes(c.tag));
          const nested = li.children.filter((c) => !inline.includes(c));
          return { text: squash(inline.map(htmlText).join("")), blocks: webBlocks(nested) };
        }),
      });
    } else throw new Error(`the web page wrote a <${node.tag}> block`);
  }
  return blocks;
}

function seenOnTheWeb(text: string): Seen[] {
  return webBlocks(parseHtml(renderToStaticMarkup(createElement(PlainMarkdown, { text }))).children);
}

// ---- The PDF side: the react-pdf elements the kit lays out, read back into blocks. ----

type AnyElement = ReactElement<Record<string, unknown>>;

/** Calls function components until host elements (react-pdf's TEXT, VIEW) are left. */
function expand(node: ReactNode): ReactNode {
  if (isValidElement(node) && typeof node.type === "function") {
    return expand((node.type as (props: unknown) => ReactNode)(node.props));
  }
  return node;
}

function childrenOf(node: ReactNode): ReactNode[] {
  const out: ReactNode[] = [];
  const visit = (n: ReactNode) => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (n === null || n === undefined || n === false || n === true) return;
    else if (isValidElement(n) && typeof n.type === "symbol") visit((n as AnyElement).props.children as ReactNode);
    else out.push(n);
  };
  visit(node);
  return out;
}

function pdfText(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(pdfText).join("");
  if (!isValidElement(node)) return "";
  if (typeof node.type === "function") return pdfText(expand(node));
  return pdfText((node as AnyElement).props.children as ReactNode);
}

function pdfBlocks(node: ReactNode): Seen[] {
  const blocks: Seen[] = [];
  for (const child of childrenOf(node)) {
    if (!isValidElement(child)) throw new Error(`the PDF laid out ${JSON.stringify(child)} outside a block`);
    const element = child as AnyElement;
    if (element.type === Heading) blocks.push({ kind: "heading", text: squash(pdfText(element.props.children as ReactNode)) });
    else if (element.type === Paragraph) blocks.push({ kind: "paragraph", text: squash(pdfText(element.props.children as ReactNode)) });
    else if (element.type === MarkdownList) blocks.push(pdfList(expand(element)));
    else if (typeof element.type === "function") blocks.push(...pdfBlocks(expand(element)));
    else throw new Error(`the PDF laid out a ${String(element.type)} outside a block`);
  }
  return blocks;
}

function pdfList(view: ReactNode): Seen {
  const markers: string[] = [];
  const items = childrenOf((view as AnyElement).props.children as ReactNode).map((item) => {
    const [marker, body, ...rest] = childrenOf((item as AnyElement).props.children as ReactNode);
    expect(rest).toEqual([]);
    markers.push(pdfText(marker));
    const bodyElement = body as AnyElement;
    if (bodyElement.type === "TEXT") return { text: squash(pdfText(bodyElement)), blocks: [] };
    const parts = childrenOf(bodyElement.props.children as ReactNode);
    const first = parts[0] as AnyElement | undefined;
    const words = first?.type === "TEXT" ? squash(pdfText(first)) : "";
    return { text: words, blocks: pdfBlocks(first?.type === "TEXT" ? parts.slice(1) : parts) };
  });
  const ordered = markers.every((m) => /^\d+\.$/.test(m));
  if (!ordered) expect(markers.every((m) => m === "•")).toBe(true);
  return { kind: "list", ordered, start: ordered && markers[0] ? Number.parseInt(markers[0], 10) : 1, items };
}

function seenInThePdf(text: string): Seen[] {
  return pdfBlocks(createElement(Markdown, { text }));
}

// ---- The corpus. ----

const folder = path.resolve(process.cwd(), "constitution");
const withoutFrontMatter = (text: string) => text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, "");
const repositoryTexts = [
  ...readdirSync(folder)
    .filter((name) => name.endsWith(".md"))
    .map((name) => [name, withoutFrontMatter(readFileSync(path.join(folder, name), "utf8"))] as const),
  ...readdirSync(path.join(folder, "clauses"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => [`clauses/${name}`, withoutFrontMatter(readFileSync(path.join(folder, "clauses", name), "utf8"))] as const),
];

const examples: Record<string, string> = {
  "a list with + markers": "+ one\n+ two",
  "a list numbered 1)": "1) first\n2) second",
  "a heading straight above its text": "## Aims\nTo win back our politics.",
  "a numbered list that starts at 3": "3. third\n4. fourth",
  "nested lists": "- fruit\n  - apple\n  - pear\n- veg\n\n1. one\n   1. one point one\n2. two",
  "an item with two paragraphs": "- first line\n\n  more about it\n- second",
  "bold, emphasis, links and code": "We are **many**, *really*; see [our site](https://example.org) and `npm`.",
  "HTML is text": "<script>alert(1)</script>\n\nA <b>bold</b> claim & more",
  "a quote and a code fence": "> Quoted **words**\n\n```yaml\nkey: value\n```\n\n    indented code",
  "line ends of every kind": "# Aims\u2028\u2028To win.\u2029\u2029- one\u2028- two\r\n\r\nEnd\rhere",
  "setext headings and rules": "Title\n=====\n\nText\n\n---\n\nMore",
  "a lone star and hashes": "* \n\n#hashtag is not a heading\n\n2 * 3 = 6\n\n##   \n\nAfter an empty heading",
  empty: "  \n\n ",
};

describe("one Markdown reading for the web and the PDF", () => {
  it.each(Object.entries(examples))("reads %s the same on the page and in the PDF", (_, text) => {
    expect(seenOnTheWeb(text)).toEqual(seenInThePdf(text));
  });

  it.each(repositoryTexts)("reads %s the same on the page and in the PDF", (_, text) => {
    const web = seenOnTheWeb(text);
    expect(web.length).toBeGreaterThan(0);
    expect(web).toEqual(seenInThePdf(text));
  });

  it("reads the issue's examples as lists and headings on the page too", () => {
    expect(seenOnTheWeb(examples["a list with + markers"] ?? "")).toEqual([
      {
        kind: "list",
        ordered: false,
        start: 1,
        items: [
          { text: "one", blocks: [] },
          { text: "two", blocks: [] },
        ],
      },
    ]);
    expect(seenOnTheWeb(examples["a list numbered 1)"] ?? "")).toEqual([
      {
        kind: "list",
        ordered: true,
        start: 1,
        items: [
          { text: "first", blocks: [] },
          { text: "second", blocks: [] },
        ],
      },
    ]);
    expect(seenOnTheWeb(examples["a heading straight above its text"] ?? "")).toEqual([
      { kind: "heading", text: "Aims" },
      { kind: "paragraph", text: "To win back our politics." },
    ]);
    expect(seenOnTheWeb(examples["nested lists"] ?? "")[0]).toEqual({
      kind: "list",
      ordered: false,
      start: 1,
      items: [
        {
          text: "fruit",
          blocks: [
            {
              kind: "list",
              ordered: false,
              start: 1,
              items: [
                { text: "apple", blocks: [] },
                { text: "pear", blocks: [] },
              ],
            },
          ],
        },
        { text: "veg", blocks: [] },
      ],
    });
  });

  it("shows HTML as the characters typed, never as markup, and links with their address", () => {
    expect(seenOnTheWeb(examples["HTML is text"] ?? "")).toEqual([
      { kind: "paragraph", text: "<script>alert(1)</script>" },
      { kind: "paragraph", text: "A <b>bold</b> claim & more" },
    ]);
    const html = renderToStaticMarkup(createElement(PlainMarkdown, { text: examples["bold, emphasis, links and code"] ?? "" }));
    expect(html).toContain("<strong>many</strong>");
    expect(html).toContain("<em>really</em>");
    expect(html).not.toContain("<a");
    expect(seenOnTheWeb(examples["bold, emphasis, links and code"] ?? "")).toEqual([
      { kind: "paragraph", text: "We are many, really; see our site (https://example.org) and npm." },
    ]);
  });
});

describe("hostile Markdown (issue 13's lesson: no text may make the reader slow)", () => {
  it("reads a paragraph with more markup than any text needs as the characters typed", () => {
    const marked = "*_".repeat(5_000);
    expect(seenOnTheWeb(marked)).toEqual([{ kind: "paragraph", text: marked }]);
    expect(seenInThePdf(marked)).toEqual(seenOnTheWeb(marked));
    // The model texts stay well inside the budget, so their bold survives.
    expect(renderToStaticMarkup(createElement(PlainMarkdown, { text: repositoryTexts.find(([name]) => name === "standing-orders.md")?.[1] ?? "" }))).toContain(
      "<strong>Founding member</strong>",
    );
  });

  it("stops nesting at a depth a page can show, keeping the words", () => {
    const deep = Array.from({ length: 300 }, (_, i) => `${" ".repeat(i * 2)}- level ${i + 1}`).join("\n");
    const chain = `${"> ".repeat(5_000)}quoted`;
    for (const text of [deep, chain]) {
      const web = seenOnTheWeb(text);
      expect(web).toEqual(seenInThePdf(text));
      const depth = (blocks: readonly Seen[]): number =>
        Math.max(0, ...blocks.map((b) => (b.kind === "list" ? 1 + depth(b.items.flatMap((i) => i.blocks)) : 0)));
      expect(depth(web)).toBeLessThanOrEqual(10);
    }
    expect(JSON.stringify(seenOnTheWeb(deep))).toContain("level 300");
    expect(JSON.stringify(seenOnTheWeb(chain))).toContain("quoted");
  });
});
