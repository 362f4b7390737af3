/** Words as a reader counts them, for the standing orders' word limits (7.2, 7.11). */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}
