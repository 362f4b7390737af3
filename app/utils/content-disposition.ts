/**
 * The Content-Disposition header for a download, whatever its name holds (RFC 6266): an ASCII
 * `filename="…"` for old browsers, with anything outside plain ASCII (and " \ ; = and control
 * characters) replaced by "_", and, when that changed anything, `filename*=UTF-8''…` with the name
 * as given, percent-encoded (RFC 8187), which every current browser prefers. A name can never break the header or add to it.
 */
export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  let ascii = "";
  let clean = "";
  for (const ch of fileName) {
    const code = ch.codePointAt(0)!;
    const control = code < 32 || code === 127;
    clean += control ? " " : ch;
    ascii += control || code > 126 || ch === '"' || ch === "\\" || ch === ";" || ch === "=" || ch === "%" ? "_" : ch;
  }
  // A plain name needs nothing more (and stays as every download has always been named).
  if (ascii === fileName && ascii !== "") return `${kind}; filename="${ascii}"`;
  const utf8 = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii || "download"}"; filename*=UTF-8''${utf8}`;
}
