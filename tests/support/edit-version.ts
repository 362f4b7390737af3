/**
 * Optimistic concurrency on organisers' forms (app/utils/stale-edit.ts): an edit form carries the
 * version of the saved values it shows. A test posts it as a browser would, read from the page.
 */

type Requester = { request: (pathname: string, options?: { cookie?: string | null }) => Promise<Response> };

/** The version a form on the page carries; `form` names it as the page does (data-edit-version). */
export function versionIn(page: string, form: string): string {
  for (const input of page.match(/<input[^>]*data-edit-version="[^"]*"[^>]*>/g) ?? []) {
    if (!input.includes(`data-edit-version="${form}"`)) continue;
    const value = /value="([^"]*)"/.exec(input)?.[1];
    if (value !== undefined) return value;
  }
  throw new Error(`No form "${form}" with an edit version on the page`);
}

/**
 * Loads the page as `cookie` and reads the version of one of its forms: what a fresh page would
 * send. None ("") when the person cannot open the page: they are refused before a version counts.
 */
export async function freshVersion(app: Requester, pathname: string, form: string, cookie: string): Promise<string> {
  const response = await app.request(pathname, { cookie });
  return response.status === 200 ? versionIn(await response.text(), form) : "";
}
