import type { BallotContent } from "../../../db/schema";

/**
 * A published ballot in words, for a poll's options: its choice, or its ranking's options in
 * order of preference, joined as the page says (`ranking`); null for an encrypted one. A number
 * matching no option is shown as "?".
 */
export function ballotInWords(options: readonly { position: number; label: string }[], ranking: (labels: readonly string[]) => string) {
  const labels = new Map(options.map((o) => [o.position, o.label]));
  return (content: BallotContent): string | null =>
    "choice" in content ? content.choice : "ranking" in content ? ranking(content.ranking.map((p) => labels.get(p) ?? "?")) : null;
}
