import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./journeys";

// Every page must fit a phone: nothing wider than the screen, so the page never pans sideways
// (wide tables scroll inside their own box instead), and radios and checkboxes keep their size
// when their label wraps. The crawl follows every link a person can see, as each kind of person.

const PHONE = 360;
/** Downloads and links that act or sign someone in are not pages to measure. */
const notAPage = /\.(pdf|csv|zip|txt|blt|json|bel)$|^\/logout|^\/login\/verify|^\/registration\/documents\/|^\/registration\/emblems\//;
/** A bound on one crawl, well above the pages there are, so that a link loop cannot hang it. */
const MAX_PAGES = 150;
const PER_FAMILY = 3;

/** Pages that no link leads to in the demo's state, or only from a form: measured all the same. */
const unlinked = ["/founding/standing-orders", "/founding/leave", "/account/email", "/constitution/compare", "/login/verify"];

type Offender = { url: string; width: number; culprits: string[] };

/** Everything on the page that sticks out past the right edge, outermost first, for the message. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const viewport = window.innerWidth;
    const width = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (width > viewport) {
      for (const el of Array.from(document.body.querySelectorAll("*"))) {
        const box = el.getBoundingClientRect();
        if (box.right <= viewport + 0.5 || box.width === 0) continue;
        // Inside a box that scrolls sideways on its own: that is the intended way.
        let scrolled = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o === "auto" || o === "scroll" || o === "hidden") scrolled = true;
        }
        if (scrolled) continue;
        const parent = el.parentElement;
        if (parent && parent.getBoundingClientRect().right > viewport + 0.5) continue;
        const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
        culprits.push(`${el.tagName.toLowerCase()}${cls} (${Math.round(box.right)} px): ${(el.textContent ?? "").trim().slice(0, 40)}`);
        if (culprits.length >= 4) break;
      }
    }
    const squeezed = Array.from(document.querySelectorAll<HTMLInputElement>('input[type="radio"], input[type="checkbox"]'))
      .filter((input) => input.getBoundingClientRect().width > 0 && input.getBoundingClientRect().width < 24)
      .map((input) => `${input.type} ${input.id || input.name}: ${Math.round(input.getBoundingClientRect().width)} px`);
    const links = Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href]")).map((a) => a.href);
    return { width, viewport, culprits, squeezed, links };
  });
}

async function crawl(page: Page, start: string[]) {
  const origin = new URL(page.url() || "http://127.0.0.1").origin;
  const seen = new Set<string>(start.map((url) => new URL(url, origin).pathname));
  const families = new Map<string, number>();
  const queue = [...start];
  const offenders: Offender[] = [];
  const squeezed: string[] = [];
  const visited: string[] = [];
  while (queue.length > 0 && visited.length < MAX_PAGES) {
    const url = queue.shift()!;
    const response = await page.goto(url);
    if (!response || !(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    visited.push(url);
    const m = await measure(page);
    if (m.width > m.viewport) offenders.push({ url, width: m.width, culprits: m.culprits });
    squeezed.push(...m.squeezed.map((s) => `${url}: ${s}`));
    for (const href of m.links) {
      const to = new URL(href);
      if (to.origin !== origin) continue;
      if (notAPage.test(to.pathname)) continue;
      // One visit per path: a page with another query string has the same layout.
      if (seen.has(to.pathname)) continue;
      seen.add(to.pathname);
      // A few of each family of pages with one layout (a clause of forty), not all of them.
      const family = to.pathname.replace(/^(\/constitution\/(?:read|clauses|vote))\/[^/]+/, "$1/*");
      const inFamily = (families.get(family) ?? 0) + 1;
      families.set(family, inFamily);
      if (family !== to.pathname && inFamily > PER_FAMILY) continue;
      queue.push(to.pathname + to.search);
    }
  }
  return { offenders, squeezed, visited };
}

function report(offenders: Offender[]) {
  return offenders.map((o) => `${o.url} is ${o.width} px wide:\n    ${o.culprits.join("\n    ")}`).join("\n");
}

for (const [who, email] of [
  ["a visitor", null],
  ["a member", "amira.member@demo.breakaway.test"],
  ["an organiser", "organiser@demo.breakaway.test"],
  ["the returning officer", "returning.officer@demo.breakaway.test"],
] as const) {
  test(`every page ${who} can reach fits a ${PHONE} px phone`, async ({ browser, baseURL }) => {
    test.setTimeout(600_000);
    const context = await browser.newContext({ viewport: { width: PHONE, height: 740 }, baseURL });
    const page = await context.newPage();
    if (email) await signIn(page, email);
    else await page.goto("/");
    const { offenders, squeezed, visited } = await crawl(page, ["/", ...unlinked]);
    test.info().annotations.push({ type: "pages measured", description: visited.join(" ") });
    expect(visited.length, "pages crawled").toBeGreaterThan(email ? 10 : 5);
    expect(offenders, `pages wider than ${PHONE} px:\n${report(offenders)}`).toEqual([]);
    expect(squeezed, "radios and checkboxes squeezed by their labels").toEqual([]);
    await context.close();
  });
}

test("the widest pages fit the smallest and the largest common phones", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  for (const width of [320, 414]) {
    const context = await browser.newContext({ viewport: { width, height: 740 }, baseURL });
    const page = await context.newPage();
    await signIn(page, "organiser@demo.breakaway.test");
    const offenders: Offender[] = [];
    for (const url of [
      "/",
      "/elections",
      "/dev/outbox",
      "/polls",
      "/constitution",
      "/campaign",
      "/audit",
      "/registration",
      "/constitution/vote",
      "/campaign/import",
    ]) {
      await page.goto(url);
      const m = await measure(page);
      if (m.width > m.viewport) offenders.push({ url, width: m.width, culprits: m.culprits });
    }
    expect(offenders, `pages wider than ${width} px:\n${report(offenders)}`).toEqual([]);
    await context.close();
  }
});

test("a radio or checkbox keeps its size beside a label that wraps", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 740 });
  await page.goto("/login");
  // The app's own styles, with the markup of components/forms.tsx and a label long enough to wrap.
  const widths = await page.evaluate(() => {
    const main = document.querySelector("main")!;
    main.insertAdjacentHTML(
      "beforeend",
      `<div class="radios__item"><input type="radio" id="t-r" name="t"><label for="t-r">${"A long answer that wraps over several lines on a phone ".repeat(3)}</label></div>
       <div class="radios__item"><input type="checkbox" id="t-c" name="c"><label for="t-c">${"I agree to my information being used as the privacy notice says ".repeat(3)}</label></div>`,
    );
    return ["t-r", "t-c"].map((id) => document.getElementById(id)!.getBoundingClientRect().width);
  });
  for (const width of widths) expect(width).toBeGreaterThanOrEqual(27);
});

/** The demo's closed committee election (campaign phase): its stage-by-stage table is wide on a phone. */
const STAGES = "Each stage of the count: the change for every candidate and their new total";
async function stageByStage(page: Page) {
  await page.goto("/polls");
  await page.getByRole("link", { name: "Interim steering committee (3 seats)" }).click();
}

for (const javaScriptEnabled of [true, false]) {
  test(`a wide table scrolls in its own named box with a hint (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ viewport: { width: PHONE, height: 740 }, baseURL, javaScriptEnabled });
    const page = await context.newPage();
    await stageByStage(page);
    const region = page.getByRole("region", { name: STAGES });
    await expect(region).toBeVisible();
    await expect(region).toHaveAttribute("tabindex", "0");
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth), "the table is wider than its box").toBe(true);
    await expect(page.getByText("Scroll sideways to see the whole table")).toBeVisible();
    await context.close();
  });
}

test("a table that fits shows no hint once measured", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 740 }, baseURL });
  const page = await context.newPage();
  // The count sheet is wide even here (two columns a stage); the campaign's table of regions fits.
  await page.goto("/campaign");
  await expect(page.locator("#regions-caption")).toBeVisible();
  await expect(page.locator(".table-scroll--fits").first()).toBeAttached();
  await expect(page.locator(".table-scroll__hint:visible")).toHaveCount(0);
  await context.close();
});

test("the check itself catches a page wider than the phone", async ({ page }) => {
  await page.setViewportSize({ width: PHONE, height: 740 });
  await page.setContent('<html lang="en"><body><main><p style="width: 500px">Too wide</p></main></body></html>');
  const m = await measure(page);
  expect(m.width).toBeGreaterThan(m.viewport);
  expect(m.culprits.join()).toContain("Too wide");
});
