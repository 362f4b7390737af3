import { readMarkdown, type Block, type InlineRun } from "./read";

type HeadingTag = "h2" | "h3" | "h4" | "h5" | "h6";

/**
 * Shows Markdown (the repository's texts, organisers' and candidates' statements) as React
 * elements: the blocks of the one reading that the PDFs print too (decision 038). No HTML is ever
 * injected, so even a mistake in a file, or a statement written to harm, cannot run a script.
 * `headingLevel`: the tag a "#" or "##" heading gets; deeper headings follow it, down to h6.
 */
export function PlainMarkdown({ text, headingLevel = 2 }: { text: string; headingLevel?: 2 | 3 }) {
  return <MarkdownBlocks blocks={readMarkdown(text)} headingLevel={headingLevel} />;
}

function MarkdownBlocks({ blocks, headingLevel }: { blocks: readonly Block[]; headingLevel: 2 | 3 }) {
  return (
    <>
      {blocks.map((block, i) => {
        if (block.kind === "heading") {
          // "#" and "##" both take `headingLevel` (texts use "#" for their title, "##" for their
          // sections, and either may open a text shown under the page's own h1); deeper ones follow.
          const Tag = `h${Math.min(6, Math.max(headingLevel, block.level + headingLevel - 2))}` as HeadingTag;
          return (
            <Tag key={i}>
              <Runs runs={block.runs} />
            </Tag>
          );
        }
        if (block.kind === "list") {
          const items = block.items.map((item, j) => (
            <li key={j}>
              <Runs runs={item.runs} />
              {item.blocks.length > 0 ? <MarkdownBlocks blocks={item.blocks} headingLevel={headingLevel} /> : null}
            </li>
          ));
          return block.ordered ? (
            <ol key={i} className="list" start={block.start}>
              {items}
            </ol>
          ) : (
            <ul key={i} className="list">
              {items}
            </ul>
          );
        }
        return (
          <p key={i}>
            <Runs runs={block.runs} />
          </p>
        );
      })}
    </>
  );
}

function Runs({ runs }: { runs: readonly InlineRun[] }) {
  return (
    <>
      {runs.map((r, i) => {
        const words = r.italic ? <em>{r.text}</em> : r.text;
        return r.bold ? <strong key={i}>{words}</strong> : <span key={i}>{words}</span>;
      })}
    </>
  );
}
