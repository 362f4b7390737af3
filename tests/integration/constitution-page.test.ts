import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModelConstitution } from "../../app/modules/constitution/model";
import { createTestApp } from "../support/app-harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
});
afterAll(() => database.drop());

/** The contents page must stay a phone-sized download; the whole text was some 400 KB. */
const CONTENTS_PAGE_LIMIT_BYTES = 100_000;

describe("the constitution pages", () => {
  it("the whole text on one page shows every clause, numbered continuously, with a table of contents", async () => {
    const clauses = await loadModelConstitution("constitution/clauses");
    const html = await (await app.request("/constitution/full")).text();
    for (const c of clauses) {
      expect(html).toContain(`href="#${c.id}"`);
      expect(html).toContain(`id="${c.id}"`);
    }
    // React marks where text pieces join with empty comments in some renders, not in others.
    expect(html.replaceAll("<!-- -->", "")).toContain("Lines 1 to");
    expect(html).toContain("Entrenched");
  });

  it("the whole text is sent once: no scripts carrying it again as their data, unlike the other pages", async () => {
    const clauses = await loadModelConstitution("constitution/clauses");
    const whole = await (await app.request("/constitution/full")).text();
    expect(whole).not.toContain("<script");
    expect(whole).not.toContain("__remixContext");
    // Each clause's title is in the table of contents and its heading, nowhere else.
    const title = clauses[0]!.title;
    expect(whole.split(title).length - 1).toBe(2);
    const contents = await (await app.request("/constitution")).text();
    expect(contents).toContain("__remixContext");
  });

  it("the contents page links to every clause's own page, leads to the whole text, and stays small", async () => {
    const clauses = await loadModelConstitution("constitution/clauses");
    const response = await app.request("/constitution");
    const html = await response.text();
    for (const c of clauses) expect(html).toContain(`href="/constitution/read/${c.id}"`);
    expect(html).toContain('href="/constitution/full"');
    expect(Buffer.byteLength(html)).toBeLessThan(CONTENTS_PAGE_LIMIT_BYTES);
    // No clause's text: the first line of the first clause is only on its own page.
    expect(html).not.toContain('class="clause__text"');
  });

  it("each clause has its own page with its numbered lines and links to the clauses either side", async () => {
    const clauses = await loadModelConstitution("constitution/clauses");
    const [first, second, third] = clauses;
    // React marks where text pieces join with empty comments; the words are what matter here.
    const html = (await (await app.request(`/constitution/read/${second!.id}`)).text()).replaceAll("<!-- -->", "");
    expect(html).toContain(`<h1>2. ${second!.title}`.replaceAll("'", "&#x27;"));
    expect(html).toContain('class="clause__text"');
    expect(html).toContain(`href="/constitution/read/${first!.id}"`);
    expect(html).toContain(`href="/constitution/read/${third!.id}"`);
    expect(html).toContain(`Clause 2 of ${clauses.length}`);
    expect(Buffer.byteLength(html)).toBeLessThan(CONTENTS_PAGE_LIMIT_BYTES);

    const last = await (await app.request(`/constitution/read/${clauses.at(-1)!.id}`)).text();
    expect(last).toContain("Previous clause");
    expect(last).not.toContain("Next clause");
    expect((await app.request("/constitution/read/no-such-clause")).status).toBe(404);
  });
});
