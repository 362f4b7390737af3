import { expect, test } from "@playwright/test";
import { signIn } from "./journeys";
import { hydrated } from "./page-state";

// The classic compiler replaces every export of a `*.server` module with undefined in the browser
// bundle. A route that uses such a value at its top level (outside the loader and action) loads
// on the server, renders without JavaScript, and then throws in the browser: its link does nothing.
// Importing every built route module in a real browser is the only check that catches it.
test("every built route module loads in the browser without an error", async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  await page.goto("/login");

  const failures = await page.evaluate(async () => {
    // With lazy route discovery the page's own manifest lists only the routes matched so far;
    // the complete one is the build's manifest file, which this page's manifest names.
    const pageManifest = (window as unknown as { __remixManifest: { url: string } }).__remixManifest;
    const text = await (await fetch(pageManifest.url)).text();
    const manifest = JSON.parse(text.slice(text.indexOf("=") + 1).replace(/;\s*$/, "")) as {
      routes: Record<string, { module: string }>;
    };
    const found: string[] = [];
    for (const [id, route] of Object.entries(manifest.routes)) {
      try {
        await import(/* @vite-ignore */ route.module);
      } catch (error) {
        found.push(`${id} (${route.module}): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { found, count: Object.keys(manifest.routes).length };
  });

  expect(failures.count, "the manifest lists the app's routes").toBeGreaterThan(50);
  expect([...failures.found, ...errors], "route modules that fail to load in the browser").toEqual([]);
});

// The links the issue found dead with JavaScript on: a click must land on the page. (The pledge
// confirm and withdraw pages are opened from emails, so the import test above covers them.)
test("with JavaScript on, the organiser's links that used to do nothing open their pages", async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, "organiser@demo.breakaway.test");

  for (const [from, link, path, heading] of [
    ["/registration", "Financial scheme", "/registration/financial-scheme", "Financial scheme"],
    ["/registration", "Names already registered", "/registration/names", "Names already registered"],
    ["/campaign/manage", "Import pledges from a CSV file", "/campaign/import", "Import pledges"],
  ] as const) {
    await page.goto(from);
    // Hydrated: Remix has taken over the links, so the click is a client-side navigation.
    await hydrated(page);
    await page.getByRole("link", { name: link, exact: true }).click();
    await expect(page, link).toHaveURL(new RegExp(`${path}$`));
    // The address changes before the new page is drawn: until then the heading is the old page's.
    await expect(page.getByRole("heading", { level: 1 }), link).toHaveText(heading);
    await expect(page.getByRole("heading", { level: 1 }), link).not.toHaveText(/problem|not found|permission/i);
  }
  expect(errors).toEqual([]);
});
