import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentDraft, originalDocument, proposeAmendment } from "../../app/modules/constitution/drafting.server";
import { hashText } from "../../app/modules/constitution/text";
import { amendments } from "../../db/schema";
import { type createTestApp, html } from "../support/app-harness";
import { draftingFromModel } from "../support/constitution-fixture";
import type { TestDatabase } from "../support/test-database";

/**
 * The page of the whole text sends each clause's lines as HTML made once per version of the text
 * (decision 043): what a member typed must still arrive as text, never as markup, and a clause
 * that changes must be shown changed on the next request, not as it was kept.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let founder: { id: string; email: string; cookie: string };
beforeAll(async () => {
  ({ database, app, founder } = await draftingFromModel(3));
});
afterAll(() => database.drop());

// Short enough for one line of the printed text (80 characters), so that it is found whole.
const hostile = 'Aims <script>alert("taken")</script> & <img onerror="x"> stay text.';

describe("the whole constitution on one page", () => {
  it("shows a carried amendment's text on the next request, with its markup as plain text", async () => {
    const draft = await currentDraft(database.db);
    if (!draft) throw new Error("no draft");
    const aims = (await originalDocument(database.db, draft.id)).clauses.find((c) => c.id === "aims");
    if (!aims) throw new Error("no aims clause");
    const firstWords = aims.text.split(/\s+/).slice(0, 6).join(" ");
    // Seen once first, so that the page's lines are kept as they were.
    const before = await html(await app.request("/constitution/full", { cookie: founder.cookie }));
    expect(before.replaceAll("<!-- -->", "")).toContain("Lines 1 to");
    expect(before).not.toContain("stay text.");

    const proposed = await proposeAmendment(
      database.db,
      { id: founder.id, email: founder.email, isOrganiser: false },
      { operation: { kind: "replaceText", clauseId: "aims", baseHash: hashText(aims.text), text: hostile }, reason: "Shorter aims." },
    );
    expect(proposed.ok).toBe(true);
    await database.db
      .update(amendments)
      .set({ status: "carried" })
      .where(and(eq(amendments.draftId, draft.id), eq(amendments.clauseId, "aims")));

    const after = await html(await app.request("/constitution/full", { cookie: founder.cookie }));
    expect(after).toContain("stay text.");
    expect(after).toContain("&lt;script&gt;alert(&quot;taken&quot;)&lt;/script&gt;");
    expect(after).not.toContain('<script>alert("taken")');
    expect(after).not.toContain("<img");
    expect(after).not.toContain(firstWords);
  });
});
