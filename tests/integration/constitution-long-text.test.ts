import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentDraft, originalDocument, proposeAmendment } from "../../app/modules/constitution/drafting.server";
import { cutShortMessages, tooLongToCompare } from "../../app/modules/constitution/messages";
import { hashText } from "../../app/modules/constitution/text";
import { amendments, draftComments } from "../../db/schema";
import { type createTestApp, html } from "../support/app-harness";
import { draftingFromModel } from "../support/constitution-fixture";
import type { TestDatabase } from "../support/test-database";

/**
 * Issue 13: a founding member stored a 2 MB amendment and a 1,000,000-character reason, and every
 * view of that amendment (94 s) and of its clause (68 s) then blocked everyone. New text is
 * refused at the limits; text stored before them is shown cut to the limit, with a sentence
 * saying so, and without a word-by-word diff. No timings here: the fallback wording and the size
 * of the page prove the bounded path was taken.
 */

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let founder = "";
let founderId = "";
let founderEmail = "";
beforeAll(async () => {
  const ready = await draftingFromModel(3);
  ({ database, app } = ready);
  ({ cookie: founder, id: founderId, email: founderEmail } = ready.founder);
});
afterAll(() => database.drop());

async function draftId(): Promise<string> {
  const draft = await currentDraft(database.db);
  if (!draft) throw new Error("no draft");
  return draft.id;
}

async function amendmentCount(): Promise<number> {
  return (
    await database.db
      .select()
      .from(amendments)
      .where(eq(amendments.draftId, await draftId()))
  ).length;
}

async function aimsText(): Promise<string> {
  const clause = (await originalDocument(database.db, await draftId())).clauses.find((c) => c.id === "aims");
  if (!clause) throw new Error("no aims clause");
  return clause.text;
}

/** About 2 MB of prose: ordinary words, so only the character limit can catch it. */
const twoMegabytes = "The party shall campaign for fair votes in every nation. ".repeat(36_000);

/** A page showing the oversize amendment: the 3 MB it holds would be several times this. */
const BOUNDED_PAGE_BYTES = 300 * 1024;

/** The oversize amendment's stored text: the aims, then 2 MB. */
const storedLength = async () => `${await aimsText()}\n\n${twoMegabytes}`.length;

/** A sentence as the HTML writes it (React escapes the apostrophe). */
const inHtml = (sentence: string) => sentence.replaceAll("'", "&#x27;");

describe("limits on what an amendment may say", () => {
  it("refuses a 2 MB amendment from the module, with the message, and stores nothing", async () => {
    expect(twoMegabytes.length).toBeGreaterThan(2_000_000);
    const result = await proposeAmendment(
      database.db,
      { id: founderId, email: founderEmail, isOrganiser: false },
      { operation: { kind: "replaceText", clauseId: "aims", baseHash: hashText(await aimsText()), text: twoMegabytes }, reason: "Longer aims." },
    );
    expect(result).toEqual({ ok: false, code: "clause_text_too_long" });
    expect(await amendmentCount()).toBe(0);
  });

  it("refuses a 1,000,000-character reason from the module, and stores nothing", async () => {
    const result = await proposeAmendment(
      database.db,
      { id: founderId, email: founderEmail, isOrganiser: false },
      { operation: { kind: "delete", clauseId: "aims" }, reason: "x".repeat(1_000_000) },
    );
    expect(result).toEqual({ ok: false, code: "reason_too_many_characters" });
    expect(await amendmentCount()).toBe(0);
  });

  it("refuses an over-long clause text and reason on the form, says why beside each field, and shows the text back", async () => {
    const text = "Fair votes now. ".repeat(1_500); // 24,000 characters: under any body limit, over the clause's
    const reason = "because ".repeat(300); // 2,400 characters, but only 300 words
    const response = await app.request("/constitution/clauses/aims/amend", { form: { kind: "words", text, reason }, cookie: founder });
    expect(response.status).toBe(400);
    const page = await html(response);
    expect(page).toContain("The clause text must be 20,000 characters or fewer");
    expect(page).toContain("The reason must be 2,000 characters or fewer");
    expect(page).toContain('href="#words-text"');
    expect(page).toContain(text.trim());
    expect(await amendmentCount()).toBe(0);
  });

  it("refuses a single endless word that every word limit would pass", async () => {
    const response = await app.request("/constitution/clauses/aims/amend", {
      form: { kind: "delete", reason: `See ${"x".repeat(300)}` },
      cookie: founder,
    });
    expect(response.status).toBe(400);
    expect(await html(response)).toContain("Each word of the reason must be 200 characters or fewer. Put spaces between words");
    expect(await amendmentCount()).toBe(0);
  });

  it("refuses an over-long comment and stores nothing", async () => {
    const response = await app.request("/constitution/clauses/aims", { form: { intent: "comment", body: "y".repeat(1_000_000) }, cookie: founder });
    expect(response.status).toBe(400);
    expect(await html(response)).toContain("Comments must be 2,000 characters or fewer");
    expect(await database.db.select().from(draftComments)).toHaveLength(0);
  });
});

describe("an oversize amendment stored before the limits existed", () => {
  beforeAll(async () => {
    // Straight into the database, as old data would be: no limit is applied on this path.
    await database.db.insert(amendments).values({
      draftId: await draftId(),
      number: 1,
      clauseId: "aims",
      operation: { kind: "replaceText", clauseId: "aims", baseHash: hashText(await aimsText()), text: `${await aimsText()}\n\n${twoMegabytes}` },
      reason: "x".repeat(1_000_000),
      proposerId: founderId,
    });
  });

  it("shows the amendment's page, with the old and new text whole instead of a word-by-word comparison", async () => {
    const response = await app.request("/constitution/amendments/1", { cookie: founder });
    expect(response.status).toBe(200);
    const page = await html(response);
    expect(page).toContain(tooLongToCompare.replaceAll("'", "&#x27;"));
    expect(page).toContain('class="diff__removed"');
    expect(page).toContain('class="diff__added"');
  });

  it("shows only the first 20,000 characters of the text and 2,000 of the reason, says so, and the page stays small", async () => {
    const response = await app.request("/constitution/amendments/1", { cookie: founder });
    expect(response.status).toBe(200);
    const page = await html(response);
    expect(page).toContain(inHtml(cutShortMessages.clauseText(await storedLength())));
    expect(page).toMatch(/This text is longer than any clause can now be \(2,05\d,\d{3} characters\), so only its first 20,000 characters are shown\./);
    expect(page).toContain(inHtml(cutShortMessages.reason(1_000_000)));
    expect(page).toContain("This reason is longer than any reason can now be (1,000,000 characters), so only its first 2,000 characters are shown.");
    expect(page).toContain(`${"x".repeat(2_000)}<`);
    expect(page).not.toContain("x".repeat(2_001));
    expect(Buffer.byteLength(page)).toBeLessThan(BOUNDED_PAGE_BYTES);
  });

  it("shows its clause's page, with the same sentence", async () => {
    const response = await app.request("/constitution/clauses/aims", { cookie: founder });
    expect(response.status).toBe(200);
    expect(await html(response)).toContain(tooLongToCompare.replaceAll("'", "&#x27;"));
  });

  it("shows its clause's page cut short, saying so, and the page stays small", async () => {
    const response = await app.request("/constitution/clauses/aims", { cookie: founder });
    expect(response.status).toBe(200);
    const page = await html(response);
    expect(page).toContain(inHtml(cutShortMessages.clauseText(await storedLength())));
    expect(page).toContain(inHtml(cutShortMessages.reason(1_000_000)));
    expect(Buffer.byteLength(page)).toBeLessThan(BOUNDED_PAGE_BYTES);
  });

  it("compares the draft with that amendment made, cut short, saying so, and the page stays small", async () => {
    const response = await app.request("/constitution/compare?from=original&to=a1", { cookie: founder });
    expect(response.status).toBe(200);
    const page = await html(response);
    expect(page).toContain(inHtml(cutShortMessages.clauseText(await storedLength())));
    expect(page).toContain("Aims");
    expect(Buffer.byteLength(page)).toBeLessThan(BOUNDED_PAGE_BYTES);
  });

  it("shows a comment stored before the limits cut to 2,000 characters, saying so", async () => {
    const [a1] = await database.db
      .select()
      .from(amendments)
      .where(and(eq(amendments.draftId, await draftId()), eq(amendments.number, 1)));
    await database.db
      .insert(draftComments)
      .values({ draftId: await draftId(), clauseId: "aims", amendmentId: a1?.id ?? null, authorId: founderId, body: "z".repeat(1_000_000) });
    const response = await app.request("/constitution/amendments/1", { cookie: founder });
    expect(response.status).toBe(200);
    const page = await html(response);
    expect(page).toContain("This comment is longer than any comment can now be (1,000,000 characters), so only its first 2,000 characters are shown.");
    expect(page).not.toContain("z".repeat(2_001));
    expect(Buffer.byteLength(page)).toBeLessThan(BOUNDED_PAGE_BYTES);
  });

  it("still compares an ordinary amendment word by word", async () => {
    const aims = await aimsText();
    const proposed = await proposeAmendment(
      database.db,
      { id: founderId, email: founderEmail, isOrganiser: false },
      { operation: { kind: "replaceText", clauseId: "aims", baseHash: hashText(aims), text: aims.replace("party", "movement") }, reason: "A movement." },
    );
    expect(proposed.ok).toBe(true);
    const [row] = await database.db
      .select()
      .from(amendments)
      .where(and(eq(amendments.draftId, await draftId()), eq(amendments.number, 2)));
    expect(row).toBeDefined();
    const page = await html(await app.request("/constitution/amendments/2", { cookie: founder }));
    expect(page).not.toContain(tooLongToCompare.replaceAll("'", "&#x27;"));
  });

  it("shows the constitution cut short once that amendment has carried, keeping the whole text stored", async () => {
    // The whole constitution on one page is itself some 400 KB: what the carried text adds is bounded.
    const before = Buffer.byteLength(await html(await app.request("/constitution/full", { cookie: founder })));
    // Straight into the database, as a round counted before the limits would have left it.
    await database.db
      .update(amendments)
      .set({ status: "carried" })
      .where(and(eq(amendments.draftId, await draftId()), eq(amendments.number, 1)));
    const response = await app.request("/constitution/full", { cookie: founder });
    expect(response.status).toBe(200);
    const page = await html(response);
    expect(page).toContain(inHtml(cutShortMessages.clauseText(await storedLength())));
    expect(Buffer.byteLength(page) - before).toBeLessThan(BOUNDED_PAGE_BYTES);
    // The clause's own page, as read on a phone, is cut short the same way.
    const clausePage = await html(await app.request("/constitution/read/aims", { cookie: founder }));
    expect(clausePage).toContain(inHtml(cutShortMessages.clauseText(await storedLength())));
    expect(Buffer.byteLength(clausePage)).toBeLessThan(BOUNDED_PAGE_BYTES);
    const [stored] = await database.db
      .select()
      .from(amendments)
      .where(and(eq(amendments.draftId, await draftId()), eq(amendments.number, 1)));
    expect(stored?.reason).toHaveLength(1_000_000);
    expect(JSON.stringify(stored?.operation).length).toBeGreaterThan(2_000_000);
  });
});
