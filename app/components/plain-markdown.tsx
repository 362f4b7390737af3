/**
 * Shows trusted Markdown from the repository (headings, paragraphs, lists, bold) as React
 * elements. No HTML is ever injected, so even a mistake in a file cannot run a script.
 */
export function PlainMarkdown({ text, headingLevel = 2 }: { text: string; headingLevel?: 2 | 3 }) {
  const blocks = text.replace(/```[\s\S]*?```/g, "").split(/\n{2,}/).map((b) => b.trim()).filter(Boolean);
  return (
    <>
      {blocks.map((block, i) => {
        const heading = /^(#{1,6})\s+(\S.*)?$/.exec(block);
        if (heading) {
          const level = Math.min(6, Math.max(headingLevel, (heading[1]?.length ?? 2) + headingLevel - 2));
          const Tag = `h${level}` as "h2";
          return <Tag key={i}>{inline(heading[2] ?? "")}</Tag>;
        }
        const lines = block.split("\n");
        if (lines.every((l) => /^\s*([-*]|\d+\.)\s+/.test(l))) {
          const ordered = /^\s*\d+\./.test(lines[0] ?? "");
          const items = lines.map((l, j) => <li key={j}>{inline(l.replace(/^\s*([-*]|\d+\.)\s+/, ""))}</li>);
          return ordered ? <ol key={i} className="list">{items}</ol> : <ul key={i} className="list">{items}</ul>;
        }
        return <p key={i}>{inline(lines.join(" "))}</p>;
      })}
    </>
  );
}

function inline(text: string) {
  return text.split(/(\*\*[^*]+\*\*)/g).map((part, i) =>
    part.startsWith("**") && part.endsWith("**") ? <strong key={i}>{part.slice(2, -2)}</strong> : <span key={i}>{part}</span>,
  );
}
