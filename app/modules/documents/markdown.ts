/**
 * Markdown for documents: the one reading of app/modules/markdown/read.ts (decision 038), with
 * headings deeper than 3 printed as level 3 (a letter has no use for more). The web shows the
 * same blocks (markdown/plain-markdown.tsx).
 */
import { readMarkdown, type Block as MarkdownBlock, type InlineRun } from "../markdown/read";

export { plainText, type InlineRun, type ListItem } from "../markdown/read";

export type Block = { kind: "heading"; level: 1 | 2 | 3; runs: InlineRun[] } | Exclude<MarkdownBlock, { kind: "heading" }>;

export function parseBlocks(markdown: string): Block[] {
  return readMarkdown(markdown).map((block) => (block.kind === "heading" ? { ...block, level: Math.min(3, block.level) as 1 | 2 | 3 } : block));
}
