import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Reads the Markdown texts kept in constitution/ (standing orders, founding statement, consent
 * wording). They are files so that they are reviewed like code and versioned with it.
 */
const folder = path.resolve(process.cwd(), "constitution");

export interface TextFile {
  frontMatter: Record<string, string>;
  body: string;
}

export function parseFrontMatter(text: string): TextFile {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { frontMatter: {}, body: text };
  const frontMatter: Record<string, string> = {};
  for (const line of (match[1] ?? "").split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*):\s*(\S.*)?$/.exec(line);
    if (kv?.[1]) frontMatter[kv[1]] = (kv[2] ?? "").replace(/^["']|["']$/g, "");
  }
  return { frontMatter, body: text.slice(match[0].length) };
}

export async function readConstitutionFile(name: string): Promise<TextFile | null> {
  try {
    return parseFrontMatter(await readFile(path.join(folder, name), "utf8"));
  } catch {
    return null;
  }
}

/** The part of a Markdown body under the `## ` heading that contains `marker`, up to the next `## `. */
export function sectionContaining(body: string, marker: string): string | null {
  const parts = body.split(/^(?=## )/m);
  const found = parts.find((p) => p.startsWith("## ") && p.split("\n")[0]?.includes(marker));
  return found ? found.split("\n").slice(1).join("\n").trim() : null;
}
