import type { Page } from "@playwright/test";

// What the browser tests wait for and read on a page: whether Remix has taken it over, the
// requests its forms send, and its error summary.

/**
 * Waits until the page is hydrated: before then a form is simply sent and the server answers,
 * and a link loads the whole page.
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => "__remixRouter" in window);
}

/** The POST requests the page makes from now on. */
export function postsOf(page: Page): string[] {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  return posts;
}

/** The error summary at the top of a page whose form was refused. */
export const summaryOf = (page: Page) => page.getByRole("alert").filter({ hasText: "There is a problem" });
