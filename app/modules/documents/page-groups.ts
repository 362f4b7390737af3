/**
 * react-pdf's layout time grows much faster than the length of one `<Page>`'s flow (a 60-clause
 * constitution in one flow took 15 s; in flows of a few clauses, under 3 s). Long documents are
 * therefore printed as several `A4Page`s, each holding a group of whole sections and starting
 * on a new sheet; page numbers, headers and bookmarks run across them as in one flow.
 */

/**
 * `items` in order, cut into groups whose weights add up to at most `budget` (a group of one
 * when an item alone weighs more). Weights are any unit, usually printed lines.
 */
export function pageGroups<T>(items: readonly T[], weight: (item: T) => number, budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const w = Math.max(0, weight(item));
    if (current.length > 0 && used + w > budget) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += w;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
