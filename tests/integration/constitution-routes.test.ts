import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { originalDocument } from "../../app/modules/constitution/drafting.server";
import { draftingProblemMessages } from "../../app/modules/constitution/messages";
import { hashText, numberClauses } from "../../app/modules/constitution/text";
import { flat, pdfText } from "../../app/modules/documents/test-support/pdf-text";
import { electionsOf } from "../../app/modules/polls/encrypted/poll-elections.server";
import { grantRole } from "../../app/modules/users/users.server";
import { buildRequestContext } from "../../app/http/request-context.server";
import { toLondonLocal } from "../../app/utils/london-time";
import {
  amendmentRecommendations,
  amendments,
  amendmentSupporters,
  ballots,
  constitutionDrafts,
  draftClauses,
  draftComments,
  pollVoters,
} from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { describedBy, errorLine } from "../support/error-lines";
import { sendWhileLocked } from "../support/locks";
import { foundingMembersReady } from "../support/constitution-fixture";
import { openYesNoBallot } from "../support/open-ballot";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The constitution pages over HTTP, through the built app and a real database: proposing each
 * kind of amendment, supporting, withdrawing, commenting, the committee's advice, uploading a
 * draft, voting on a clause, and the two PDFs.
 */

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let handler: ReturnType<typeof createRequestHandler>;
const founder: string[] = []; // cookies of Founder 1, 2, 3
let organiser = "";
let outsider = ""; // a signed-in member who is not a founding member
let founderIds: string[] = [];
const onServer = Boolean(process.env.TEST_DATABASE_URL);

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  handler = createRequestHandler(build, "production");
  const ready = await foundingMembersReady(database.db, 4);
  founderIds = ready.ids;
  for (const email of ready.emails.slice(0, 3)) founder.push(await cookieFor(database.db, email));
  await grantRole(database.db, { email: "organiser@example.org", displayName: "Olive Organiser", role: "organiser", actor: systemActor() });
  organiser = await cookieFor(database.db, "organiser@example.org");
  await grantRole(database.db, { email: "member@example.org", displayName: "Mo Member", role: "member", actor: systemActor() });
  outsider = await cookieFor(database.db, "member@example.org");
});
afterAll(() => database.drop());

/** The page's HTML with React's text separators removed, so adjacent texts read as one. */

/** Text as React writes it into HTML. */
function escaped(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");
}

/** A multipart POST (a file upload), through the same steps as the harness's requests. */
async function upload(pathname: string, cookie: string, fileName: string, content: string): Promise<Response> {
  const form = new FormData();
  form.set("file", new File([content], fileName, { type: "text/markdown" }));
  const request = new Request(`http://localhost:3000${pathname}`, {
    method: "POST",
    body: form,
    headers: { Host: "localhost:3000", Origin: "http://localhost:3000", Cookie: cookie },
    redirect: "manual",
  });
  const { context } = await buildRequestContext({ db: database.db, env: app.env }, { cookieHeader: cookie, ip: "192.0.2.1", secure: false });
  return handler(request, context);
}

async function draft() {
  const [row] = await database.db.select().from(constitutionDrafts).orderBy(desc(constitutionDrafts.createdAt)).limit(1);
  if (!row) throw new Error("no draft");
  return row;
}

async function clauseText(clauseId: string): Promise<string> {
  const doc = await originalDocument(database.db, (await draft()).id);
  const clause = doc.clauses.find((c) => c.id === clauseId);
  if (!clause) throw new Error(`no clause ${clauseId}`);
  return clause.text;
}

async function amendmentNumbered(number: number) {
  const [row] = await database.db
    .select()
    .from(amendments)
    .where(and(eq(amendments.draftId, (await draft()).id), eq(amendments.number, number)));
  if (!row) throw new Error(`no amendment A${number}`);
  return row;
}

async function amendmentCount(): Promise<number> {
  return (
    await database.db
      .select()
      .from(amendments)
      .where(eq(amendments.draftId, (await draft()).id))
  ).length;
}

const amend = (clauseId: string, form: Record<string, string>, cookie = founder[0]) =>
  app.request(`/constitution/clauses/${clauseId}/amend`, { form, cookie: cookie ?? null });

/** `pdftotext -raw`: one printed row per line, the line number first. */
function rawPdfLines(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "breakaway-pdf-"));
  try {
    const file = path.join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).split(/\n|\f/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const GOOD_UPLOAD = "# Our constitution\n\n## Name\n\nThe party is called the Upload Party.\n\n## Aims (entrenched)\n\nThe party's aims are fair votes.\n";

describe("the constitution over HTTP", () => {
  // Document line numbers of the "joining" clause, as the clause page shows them.
  let joiningFirst = 0;
  let joiningLast = 0;

  it("starts the draft from the model constitution for an organiser", async () => {
    const response = await app.request("/constitution/manage", { form: { intent: "start-model" }, cookie: organiser });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/constitution");
    const started = await draft();
    expect(started.source).toBe("model");
    expect(started.phase).toBe("drafting");
    expect(await database.db.select().from(draftClauses).where(eq(draftClauses.draftId, started.id))).toHaveLength(40);
  });

  it("refuses an uploaded file with no clause headings, and keeps the draft", async () => {
    const before = await draft();
    const response = await upload("/constitution/manage", organiser, "x.md", "Just one paragraph, and no headings at all.\n");
    expect(response.status).toBe(400);
    expect(await html(response)).toContain("The file has no clause headings. Start each clause with a heading line, like “## Membership”");
    expect((await draft()).id).toBe(before.id);
  });

  it("refuses a binary file with a sentence, never a 500, and keeps the draft (issue 13)", async () => {
    const before = await draft();
    const binary = await upload("/constitution/manage", organiser, "x.md", "## Name\n\nThe party\u0000 is called Breakaway.\n");
    expect(binary.status).toBe(400);
    expect(await html(binary)).toContain("This file is not a text file");
    expect((await draft()).id).toBe(before.id);
  });

  it("replaces a draft nobody has amended with an uploaded Markdown file", async () => {
    const before = await draft();
    const response = await upload("/constitution/manage", organiser, "x.md", GOOD_UPLOAD);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/constitution?started=upload");
    const replaced = await draft();
    expect(replaced.id).not.toBe(before.id);
    expect(replaced.source).toBe("upload");
    const clauses = await database.db.select().from(draftClauses).where(eq(draftClauses.draftId, replaced.id)).orderBy(asc(draftClauses.position));
    expect(clauses.map((c) => [c.title, c.entrenched, c.text])).toEqual([
      ["Name", false, "The party is called the Upload Party."],
      ["Aims", true, "The party's aims are fair votes."],
    ]);
    // Back to the model text for the rest of this file.
    const restarted = await app.request("/constitution/manage", { form: { intent: "start-model" }, cookie: organiser });
    expect(restarted.status).toBe(302);
    expect((await draft()).source).toBe("model");
  });

  it("shows a clause's document line numbers on its page", async () => {
    const page = await html(await app.request("/constitution/clauses/joining", { cookie: founder[0] ?? null }));
    const match = /Lines (\d+) to (\d+)\./.exec(page);
    expect(match).not.toBeNull();
    joiningFirst = Number(match?.[1]);
    joiningLast = Number(match?.[2]);
    // The fourth clause: its lines are numbered on from the three before it.
    expect(joiningFirst).toBeGreaterThan(1);
    expect(joiningLast).toBeGreaterThan(joiningFirst + 1);
  });

  it("stores a line amendment with lines counted from 1 within the clause (A1)", async () => {
    const response = await amend("joining", {
      kind: "lines",
      fromLine: String(joiningFirst),
      toLine: String(joiningFirst + 1),
      replacement: "Anyone aged 16 or over may join.",
      reason: "Sixteen is the age for Scottish votes.",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/constitution/amendments/1?proposed=1");
    const row = await amendmentNumbered(1);
    expect(row.clauseId).toBe("joining");
    expect(row.byCommittee).toBe(false);
    expect(row.reason).toBe("Sixteen is the age for Scottish votes.");
    expect(row.operation).toEqual({
      kind: "replace",
      clauseId: "joining",
      baseHash: hashText(await clauseText("joining")),
      anchor: { lines: { from: 1, to: 2 } },
      lineWidth: 80,
      text: "Anyone aged 16 or over may join.",
    });
  });

  it("shows the line amendment on its page as a change that fits the clause", async () => {
    const page = await html(await app.request("/constitution/amendments/1", { cookie: founder[1] ?? null }));
    expect(page).toContain("Amendment A1: Change words");
    expect(page).toContain('class="diff__removed"');
    expect(page).toContain("Anyone aged 16 or over may join.");
    expect(page).not.toContain("This amendment no longer fits the text.");
  });

  it("stores a change of words as the whole new clause text (A2)", async () => {
    const aims = await clauseText("aims");
    const changed = aims.replace("democratic socialist party", "democratic party");
    expect(changed).not.toBe(aims);
    const response = await amend("aims", { kind: "words", text: changed, reason: "Broader appeal." });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/constitution/amendments/2?proposed=1");
    expect((await amendmentNumbered(2)).operation).toEqual({ kind: "replaceText", clauseId: "aims", baseHash: hashText(aims), text: changed });
  });

  it("stores a new clause after this one, entrenched when asked (A3)", async () => {
    const response = await amend("joining", {
      kind: "insert",
      title: "Young members",
      clauseText: "Members under 18 have a network of their own.",
      entrenched: "yes",
      reason: "Young members need a voice.",
    });
    expect(response.status).toBe(302);
    const row = await amendmentNumbered(3);
    expect(row.clauseId).toBe("joining");
    expect(row.operation).toMatchObject({
      kind: "insertAfter",
      afterClauseId: "joining",
      clause: { title: "Young members", text: "Members under 18 have a network of their own.", entrenched: true },
    });
    const newId = (row.operation.clause as { id: string }).id;
    const existing = (await originalDocument(database.db, (await draft()).id)).clauses.map((c) => c.id);
    expect(newId).toMatch(/\S/);
    expect(existing).not.toContain(newId);
  });

  it("stores a move to the very start as after no clause (A4)", async () => {
    const response = await amend("members-data", { kind: "move", afterClauseId: "start", reason: "Data first." });
    expect(response.status).toBe(302);
    expect((await amendmentNumbered(4)).operation).toEqual({ kind: "move", clauseId: "members-data", afterClauseId: null });
  });

  it("stores a deletion (A5)", async () => {
    const response = await amend("records", { kind: "delete", reason: "The law covers records." });
    expect(response.status).toBe(302);
    expect((await amendmentNumbered(5)).operation).toEqual({ kind: "delete", clauseId: "records" });
  });

  it("stores entrenching an ordinary clause (A6), and un-entrenching an entrenched one (A7)", async () => {
    expect((await amend("membership-fees", { kind: "entrench", reason: "Fees matter." })).status).toBe(302);
    expect((await amendmentNumbered(6)).operation).toEqual({ kind: "setEntrenched", clauseId: "membership-fees", entrenched: true });
    expect((await amend("aims", { kind: "entrench", reason: "Let aims change." })).status).toBe(302);
    expect((await amendmentNumbered(7)).operation).toEqual({ kind: "setEntrenched", clauseId: "aims", entrenched: false });
  });

  it.each([
    ["lines", { fromLine: "", toLine: "", replacement: "New words." }],
    ["words", { text: "A different clause." }],
    ["insert", { title: "New", clauseText: "New text." }],
    ["move", { afterClauseId: "start" }],
    ["delete", {}],
    ["entrench", {}],
  ] as const)("refuses the %s form without a reason", async (kind, fields) => {
    const before = await amendmentCount();
    const form: Record<string, string> = { kind, ...fields, reason: "   " };
    if (kind === "lines") Object.assign(form, { fromLine: String(joiningFirst), toLine: String(joiningFirst) });
    const response = await amend("joining", form);
    expect(response.status).toBe(400);
    expect(await html(response)).toContain("Enter the reason for your amendment");
    expect(await amendmentCount()).toBe(before);
  });

  it("refuses line numbers outside the clause, naming its range", async () => {
    const before = await amendmentCount();
    const range = `Enter a line number from ${joiningFirst} to ${joiningLast}`;
    const tooEarly = await amend("joining", { kind: "lines", fromLine: String(joiningFirst - 1), toLine: String(joiningFirst), replacement: "x", reason: "r" });
    expect(tooEarly.status).toBe(400);
    expect(await html(tooEarly)).toContain(range);
    const tooLate = await amend("joining", { kind: "lines", fromLine: String(joiningFirst), toLine: String(joiningLast + 1), replacement: "x", reason: "r" });
    expect(tooLate.status).toBe(400);
    expect(await html(tooLate)).toContain(range);
    const backwards = await amend("joining", {
      kind: "lines",
      fromLine: String(joiningFirst + 1),
      toLine: String(joiningFirst),
      replacement: "x",
      reason: "r",
    });
    expect(backwards.status).toBe(400);
    expect(await html(backwards)).toContain("The last line must not come before the first");
    expect(await amendmentCount()).toBe(before);
  });

  it("refuses a move with no place chosen", async () => {
    const response = await amend("joining", { kind: "move", afterClauseId: "", reason: "Somewhere." });
    expect(response.status).toBe(400);
    expect(await html(response)).toContain("Choose where the clause should go");
  });

  it.skipIf(!onServer)("says beside the form's button why an amendment no longer fits, when the clause changed while it was proposed", async () => {
    const before = await amendmentCount();
    const { id: draftId } = await draft();
    const joining = and(eq(draftClauses.draftId, draftId), eq(draftClauses.clauseId, "joining"));
    const text = await clauseText("joining");
    try {
      // The clause's text changes while the proposal waits for the draft: it was written against the old text.
      const response = await sendWhileLocked(
        database.db,
        async (tx) => {
          await tx.select().from(constitutionDrafts).where(eq(constitutionDrafts.id, draftId)).for("update");
          await tx
            .update(draftClauses)
            .set({ text: `${text}\n\nA paragraph added meanwhile.` })
            .where(joining);
        },
        () => amend("joining", { kind: "words", text: "Anyone may join.", reason: "Simpler." }),
      );
      expect(response.status).toBe(400);
      const page = await html(response);
      expect(errorLine(page, "words-submit")).toBe("The clause has changed since this amendment was written. It needs to be carried over to the new text.");
      expect(describedBy(page, "words-submit")).toEqual(["words-submit-error"]);
      expect(page).toContain('href="#words-submit"');
      expect(await amendmentCount()).toBe(before);
    } finally {
      await database.db.update(draftClauses).set({ text }).where(joining);
    }
  });

  it("tells a signed-in member who is not a founding member that only founding members propose", async () => {
    const before = await amendmentCount();
    const page = await html(await app.request("/constitution/clauses/joining/amend", { cookie: outsider }));
    expect(page).toContain("Only founding members can do this.");
    const response = await amend("joining", { kind: "delete", reason: "I am not a founder." }, outsider);
    expect(response.status).toBe(403);
    expect(await html(response)).toContain("Only founding members can do this.");
    expect(await amendmentCount()).toBe(before);
  });

  it("records support, and withdraws it on request", async () => {
    const a1 = await amendmentNumbered(1);
    const supporters = async () =>
      (await database.db.select().from(amendmentSupporters).where(eq(amendmentSupporters.amendmentId, a1.id))).map((s) => s.userId);
    const supported = await app.request("/constitution/amendments/1", { form: { intent: "support" }, cookie: founder[1] ?? null });
    expect(supported.status).toBe(200);
    expect(await html(supported)).toContain("Your support is recorded.");
    expect(await supporters()).toEqual([founderIds[1]]);
    const unsupported = await app.request("/constitution/amendments/1", { form: { intent: "unsupport" }, cookie: founder[1] ?? null });
    expect(unsupported.status).toBe(200);
    expect(await html(unsupported)).toContain("Your support is withdrawn.");
    expect(await supporters()).toEqual([]);
    // Supported again: the amendments book and the ballot below need a supporter.
    await app.request("/constitution/amendments/1", { form: { intent: "support" }, cookie: founder[1] ?? null });
    expect(await supporters()).toEqual([founderIds[1]]);
  });

  it("refuses a proposer's support for their own amendment", async () => {
    const response = await app.request("/constitution/amendments/1", { form: { intent: "support" }, cookie: founder[0] ?? null });
    expect(response.status).toBe(400);
    expect(await html(response)).toContain("You proposed this amendment, so you cannot also support it.");
  });

  it("lets only the proposer withdraw an amendment", async () => {
    const refused = await app.request("/constitution/amendments/5", { form: { intent: "withdraw" }, cookie: founder[1] ?? null });
    expect(refused.status).toBe(400);
    expect(await html(refused)).toContain("Only the member who proposed an amendment can withdraw it.");
    expect((await amendmentNumbered(5)).status).toBe("open");
    const withdrawn = await app.request("/constitution/amendments/5", { form: { intent: "withdraw" }, cookie: founder[0] ?? null });
    expect(withdrawn.status).toBe(200);
    expect(await html(withdrawn)).toContain("Your amendment is withdrawn.");
    expect((await amendmentNumbered(5)).status).toBe("withdrawn");
  });

  it("shows a comment containing markup as text, never as markup", async () => {
    const body = "<script>alert(1)</script> Is fourteen too young?";
    const posted = await app.request("/constitution/clauses/joining", { form: { intent: "comment", body }, cookie: founder[2] ?? null });
    expect(posted.status).toBe(200);
    const [stored] = await database.db.select().from(draftComments).where(eq(draftComments.clauseId, "joining"));
    expect(stored?.body).toBe(body);
    const page = await html(await app.request("/constitution/clauses/joining", { cookie: founder[0] ?? null }));
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Is fourteen too young?");
    expect(page).not.toContain("<script>alert(1)");
  });

  it("refuses a reply to something that is not a comment, with a message and nothing stored", async () => {
    const before = await database.db.select().from(draftComments);
    for (const parentId of ["bad", "00000000-0000-4000-8000-000000000000"]) {
      const posted = await app.request("/constitution/clauses/joining", { form: { intent: "comment", body: "A reply", parentId }, cookie: founder[2] ?? null });
      expect(posted.status).toBe(400);
      expect(await html(posted)).toContain(draftingProblemMessages.parent_not_found);
    }
    expect(await database.db.select().from(draftComments)).toHaveLength(before.length);
  });

  it("publishes the organiser's recommendation on an amendment", async () => {
    const response = await app.request("/constitution/amendments/1", {
      form: { intent: "recommend", kind: "accept", reasons: "Matches Scottish law.", compromiseText: "" },
      cookie: organiser,
    });
    expect(response.status).toBe(200);
    expect(await html(response)).toContain("The recommendation is published.");
    const [rec] = await database.db
      .select()
      .from(amendmentRecommendations)
      .where(eq(amendmentRecommendations.amendmentId, (await amendmentNumbered(1)).id));
    expect(rec).toMatchObject({ kind: "accept", reasons: "Matches Scottish law.", compromiseText: null });
    const page = await html(await app.request("/constitution/amendments/1", { cookie: founder[2] ?? null }));
    expect(page).toContain("<strong>Support.</strong> Matches Scottish law.");
  });

  it("refuses a recommendation with no kind chosen, and one from a founding member who is not an organiser", async () => {
    const missing = await app.request("/constitution/amendments/2", {
      form: { intent: "recommend", kind: "", reasons: "Hmm.", compromiseText: "" },
      cookie: organiser,
    });
    expect(missing.status).toBe(400);
    expect(await html(missing)).toContain(escaped("Choose the committee's recommendation"));
    const member = await app.request("/constitution/amendments/2", {
      form: { intent: "recommend", kind: "reject", reasons: "No.", compromiseText: "" },
      cookie: founder[1] ?? null,
    });
    expect(member.status).toBe(403);
    expect(
      await database.db
        .select()
        .from(amendmentRecommendations)
        .where(eq(amendmentRecommendations.amendmentId, (await amendmentNumbered(2)).id)),
    ).toEqual([]);
  });

  it("refuses to replace the draft by upload once it has been amended", async () => {
    const before = await draft();
    const response = await upload("/constitution/manage", organiser, "x.md", GOOD_UPLOAD);
    expect(response.status).toBe(400);
    expect(await html(response)).toContain("Members have already amended this draft, so it cannot be replaced.");
    const after = await draft();
    expect(after.id).toBe(before.id);
    expect(after.source).toBe("model");
  });

  it("prints the draft as a PDF with its clause titles and document line numbers", { timeout: 120_000 }, async () => {
    const response = await app.request("/constitution.pdf", { cookie: founder[0] ?? null });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/pdf/);
    const pdf = new Uint8Array(await response.arrayBuffer());
    const text = flat(pdfText(pdf));
    expect(text).toContain("4. Who can join, and how");
    expect(text).toContain("2. Aims and values (entrenched)");
    // Each clause's first line on its own row after its document line number, as on the pages.
    const lines = rawPdfLines(pdf);
    const numbered = numberClauses((await originalDocument(database.db, (await draft()).id)).clauses).clauses;
    const row = (clauseId: string) => {
      const line = numbered.find((c) => c.id === clauseId)?.lines.find((l) => l.number !== null);
      return line ? [String(line.number), line.listMarker, line.text].filter((p) => p !== undefined).join(" ") : "";
    };
    expect(row("joining")).toBe(`${joiningFirst} (1) Anyone may join the party who:`);
    expect(lines).toContain(row("joining"));
    expect(row("name-and-register")).toMatch(/^1 \(1\) The party's name is/);
    expect(lines).toContain(row("name-and-register"));
    expect(lines).toContain(row("transition"));
  });

  it("prints the amendments book with A1 and the name of its supporter", { timeout: 120_000 }, async () => {
    const response = await app.request("/constitution/amendments.pdf", { cookie: founder[0] ?? null });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/pdf/);
    const text = flat(pdfText(new Uint8Array(await response.arrayBuffer())));
    expect(text).toContain("A1: Clause 4, Who can join, and how");
    expect(text).toContain("Supported by: Founder 2.");
  });

  describe("voting on a clause", () => {
    let questionIds: string[] = [];

    it("opens a round from the manage page once one supporter is enough", async () => {
      const saved = await app.request("/constitution/manage", { form: { intent: "supporters", supportersNeeded: "1" }, cookie: organiser });
      expect(saved.status).toBe(200);
      expect((await draft()).supportersNeeded).toBe(1);
      const closesAt = toLondonLocal(new Date(Date.now() + 8 * 86_400_000));
      const opened = await app.request("/constitution/manage", { form: { intent: "open-round", closesAt }, cookie: organiser });
      expect(opened.status).toBe(302);
      expect(opened.headers.get("Location")).toBe("/constitution/results?opened=1");
      expect((await draft()).phase).toBe("voting");
    });

    it("shows the clause's ballot: amendment A1, then the clause", async () => {
      const page = await html(await app.request("/constitution/vote/joining", { cookie: founder[2] ?? null }));
      questionIds = [...new Set([...page.matchAll(/name="choice-([0-9a-f-]+)"/g)].map((m) => m[1] ?? ""))];
      expect(questionIds).toHaveLength(2);
      expect(page).toContain("Question 1: Do you support amendment A1?");
      expect(page).toContain("Question 2: Do you adopt the clause 4. Who can join, and how, as amended by the amendments this ballot carries?");
    });

    it("refuses a ballot with a question unanswered, and casts nothing", async () => {
      const [first, second] = questionIds;
      const response = await app.request("/constitution/vote/joining", { form: { [`choice-${second}`]: "yes" }, cookie: founder[2] ?? null });
      expect(response.status).toBe(400);
      const page = await html(response);
      expect(page).toContain("Choose Yes, No or Abstain");
      expect(page).toContain(`id="q-${first}-error"`);
      expect(page).not.toContain(`id="q-${second}-error"`);
      const voted = await database.db
        .select()
        .from(pollVoters)
        .where(and(eq(pollVoters.userId, founderIds[2] ?? ""), inArray(pollVoters.pollId, questionIds)));
      expect(voted).toEqual([]);
    });

    it("casts a complete ballot, goes on to the next clause, and shows a receipt for each question there", async () => {
      const [first, second] = questionIds;
      const response = await app.request("/constitution/vote/joining", {
        form: { [`choice-${first}`]: "no", [`choice-${second}`]: "yes" },
        cookie: founder[2] ?? null,
      });
      // The sitting moves straight on (issue 15); the receipts travel in a short-lived cookie.
      expect(response.status).toBe(302);
      const next = response.headers.get("Location") ?? "";
      expect(next).toMatch(/^\/constitution\/vote\/[a-z0-9-]+$/);
      expect(next).not.toBe("/constitution/vote/joining");
      const cast =
        response.headers
          .getSetCookie()
          .find((c) => c.startsWith("bk_cast="))
          ?.split(";")[0] ?? "";
      const page = await html(await app.request(next, { cookie: `${founder[2] ?? ""}; ${cast}` }));
      expect(page).toContain("Your ballot on 4. Who can join, and how is cast");
      const receipts = [...page.matchAll(/<code class="receipt">([^<]+)<\/code>/g)].map((m) => m[1] ?? "");
      expect(receipts).toHaveLength(2);
      const stored = await database.db.select().from(ballots).where(inArray(ballots.receipt, receipts));
      // Each question's answer is an encrypted ballot of its own poll's election (decision 044),
      // which holds what was sent.
      const elections = await electionsOf(database.db, questionIds);
      const opened = stored.map((b) => {
        if (!("belenios" in b.content)) throw new Error("a clause ballot was stored in plain text");
        return [b.pollId, openYesNoBallot(elections.get(b.pollId)!, b.content.belenios)];
      });
      expect(opened.sort()).toEqual(
        [
          [first, "no"],
          [second, "yes"],
        ].sort(),
      );
    });

    it("refuses a second ballot on the same clause", async () => {
      const [first, second] = questionIds;
      const response = await app.request("/constitution/vote/joining", {
        form: { [`choice-${first}`]: "yes", [`choice-${second}`]: "yes" },
        cookie: founder[2] ?? null,
      });
      expect(response.status).toBe(400);
      expect(await html(response)).toContain("You have already cast your ballot on this clause. Each member votes once.");
      expect(await database.db.select().from(ballots).where(inArray(ballots.pollId, questionIds))).toHaveLength(2);
    });
  });
});
