/**
 * A small HTML page for when a document cannot be given. Document routes are resource routes,
 * which the app's layout and error page do not wrap, and people open them from a link, so a
 * bare "403" would leave them stranded: this says what happened and where to go.
 */
import { siteText } from "~/components/messages";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

export function helpPageHtml(page: { title: string; body: string; link?: { href: string; label: string } }): string {
  const link = page.link ?? { href: "/", label: siteText.homeLink };
  return plainPageHtml(
    page.title,
    `<p>${escapeHtml(page.body)}</p>
<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`,
  );
}

/** The small page's frame, around `main`: HTML made by the caller, every text in it escaped. */
export function plainPageHtml(title: string, main: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - Breakaway</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}a{color:#0b4f9c}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${main}
</main>
</body>
</html>
`;
}

export function helpPageResponse(page: { status: number; title: string; body: string; link?: { href: string; label: string } }): Response {
  return new Response(helpPageHtml(page), {
    status: page.status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
