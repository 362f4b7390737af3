import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { desc, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { registrationItems } from "../../app/modules/constitution/registration-items";
import { financialSchemeText } from "../../app/modules/registration/financial-scheme";
import { loadSchemeModel, saveFinancialScheme, treasurerName } from "../../app/modules/registration/financial-scheme.server";
import { loadDraft } from "../../app/modules/registration/registration.server";
import { emblemProblemMessages, namesProblemMessages, roleDeclarations } from "../../app/modules/registration/messages";
import { grantRole } from "../../app/modules/users/users.server";
import { buildRequestContext } from "../../app/http/request-context.server";
import { auditLog, officerDetails, registeredPartyNames, registrationDetails, registrationEmblems, users } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { adoptedAndDeclared } from "../support/registration-fixture";
import { freshVersion } from "../support/edit-version";
import { holdLocks } from "../support/locks";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The registration pages over HTTP, through the built app and a real database: each section of
 * the details saved as a draft and audited, the error summary with the answers kept, emblems
 * (a PNG made with sharp, and a file that is not an image), the names list from CSV, officers'
 * own details and declarations (and who may see them), and the readiness page moving from fail
 * to pass as the details are given.
 */

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let handler: ReturnType<typeof createRequestHandler>;
let organiser = "";
let outsider = ""; // a signed-in member who is not an officer
let returningOfficer = "";
let founder: string[] = []; // cookies: Founder 1 leader, 2 nominating officer, 3 treasurer, 4 and 5 not officers
let ids: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  handler = createRequestHandler(build, "production");
  const ready = await adoptedAndDeclared(database.db);
  ids = ready.ids;
  founder = await Promise.all(ready.emails.map((email) => cookieFor(database.db, email)));
  await grantRole(database.db, { email: "organiser@example.org", displayName: "Olive Organiser", role: "organiser", actor: systemActor() });
  organiser = await cookieFor(database.db, "organiser@example.org");
  await grantRole(database.db, { email: "member@example.org", displayName: "Mo Member", role: "member", actor: systemActor() });
  outsider = await cookieFor(database.db, "member@example.org");
  await grantRole(database.db, { email: "ro@example.org", displayName: "Rita Returning", role: "returning_officer", actor: systemActor() });
  returningOfficer = await cookieFor(database.db, "ro@example.org");
}, 120_000);
afterAll(() => database.drop());

/** The page's HTML with React's text separators removed, so adjacent texts read as one. */

function escaped(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");
}

/**
 * A multipart POST (a file upload), through the same steps as the harness's requests. The body is
 * sent with its length, as browsers send a form, unless `length` says otherwise: "none" streams it
 * without one (chunked), a number states that length whatever the body's size.
 */
async function upload(
  pathname: string,
  cookie: string,
  fields: Record<string, string>,
  file: { name: string; type: string; bytes: Uint8Array | string },
  length: "actual" | "none" | number = "actual",
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new File([file.bytes as BlobPart], file.name, { type: file.type }));
  const encoded = new Request("http://localhost:3000/", { method: "POST", body: form });
  const body = new Uint8Array(await encoded.arrayBuffer());
  const headers: Record<string, string> = {
    Host: "localhost:3000",
    Origin: "http://localhost:3000",
    Cookie: cookie,
    "Content-Type": encoded.headers.get("Content-Type")!,
  };
  if (length !== "none") headers["Content-Length"] = String(length === "actual" ? body.byteLength : length);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(body);
      controller.close();
    },
  });
  const request = new Request(`http://localhost:3000${pathname}`, { method: "POST", body: stream, headers, redirect: "manual", duplex: "half" } as RequestInit);
  const { context } = await buildRequestContext({ db: database.db, env: app.env }, { cookieHeader: cookie, ip: "192.0.2.1", secure: false });
  return handler(request, context);
}

/** A section saved from a fresh page: with the version of the saved answers that page shows (decision 028). */
const details = async (form: Record<string, string>, cookie = organiser) =>
  app.request("/registration/details", { form: { version: await freshVersion(app, "/registration/details", form.section ?? "", cookie), ...form }, cookie });

/** An officer's details saved from a fresh page. */
const officerSave = async (cookie: string, form: Record<string, string>) =>
  app.request("/registration/officer", { cookie, form: { version: await freshVersion(app, "/registration/officer", "officer", cookie), ...form } });

async function lastAudit() {
  const [row] = await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row!;
}

/** A check's status on the readiness page, read from its list item. */
async function checkStatus(id: string): Promise<string | null> {
  return statusIn(await html(await app.request("/registration/readiness", { cookie: organiser })), id);
}

function statusIn(page: string, id: string): string | null {
  const m = new RegExp(`class="check check--(\\w+)" id="check-${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`).exec(page);
  return m?.[1] ?? null;
}

describe("who may see the registration pages", () => {
  it("sends visitors to sign in and refuses members and the returning officer the organisers' pages", async () => {
    for (const page of ["/registration/details", "/registration/emblems", "/registration/names", "/registration/readiness"]) {
      const visitor = await app.request(page);
      expect(visitor.status).toBe(302);
      expect(visitor.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
      expect((await app.request(page, { cookie: outsider })).status).toBe(403);
      expect((await app.request(page, { cookie: returningOfficer })).status).toBe(403);
      expect((await app.request(page, { cookie: organiser })).status).toBe(200);
    }
    expect((await details({ section: "name", name: "Sneaky" }, outsider)).status).toBe(403);
    expect((await loadDraft(database.db)).details.name).toBeUndefined();
  });

  it("shows members what registration is, and officers a link to their own page", async () => {
    const member = await html(await app.request("/registration", { cookie: outsider }));
    expect(member).toContain("organisers prepare the application");
    expect(member).not.toContain('href="/registration/officer"');
    expect(member).not.toContain("Readiness checks");
    const leader = await html(await app.request("/registration", { cookie: founder[0]! }));
    expect(leader).toContain("You are the party&#x27;s leader.");
    expect(leader).toContain('href="/registration/officer"');
    expect(leader).not.toContain('href="/registration/documents"');
  });

  it("tells visitors and members what registration is, when it starts and where the founding stands", async () => {
    for (const cookie of [undefined, outsider]) {
      const page = await html(await app.request("/registration", cookie ? { cookie } : {}));
      expect(page).toContain("must be registered with the Electoral Commission");
      expect(page).toContain("Registration starts once the founding members have adopted the constitution");
      expect(page).toContain("The constitution has been adopted.");
      expect(page).toContain("The results of the election of the party&#x27;s officers have been declared.");
      expect(page).not.toContain('href="/registration/documents"');
      expect(page).not.toContain('href="/registration/financial-scheme"');
    }
  });

  it("links organisers to every part, the financial scheme and the documents included", async () => {
    const hub = await html(await app.request("/registration", { cookie: organiser }));
    for (const part of ["details", "emblems", "officer", "names", "financial-scheme", "readiness", "documents"])
      expect(hub).toContain(`href="/registration/${part}"`);
    expect(hub).toMatch(
      /Documents and the pack<\/a><\/td><td><strong class="status-tag[^"]*">In progress<\/strong><\/td><td>Can be downloaded; put the failed checks right before you file/,
    );
    // Not "Complete" because the model gives it text: nothing it draws on is answered yet, and it is not adopted (issue 15).
    expect(hub).toMatch(
      /Financial scheme<\/a><\/td><td><strong class="status-tag[^"]*">Not started<\/strong><\/td><td>Waiting for the application&#x27;s details it draws on \(0 of 4 sections answered\)/,
    );
  });
});

describe("the readiness page before the details are given", () => {
  it("fails the missing name and the officers' missing details", async () => {
    expect(await checkStatus("name.required")).toBe("fail");
    expect(await checkStatus(`officer.${ids[0]}.details`)).toBe("fail");
    expect(await checkStatus(`officer.${ids[0]}.leader.declaration`)).toBe("fail");
    expect(await checkStatus("officers.declared")).toBe("pass");
    // The adopted model constitution covers every item the Commission looks for, and the
    // financial scheme is generated from the model until organisers edit it.
    expect(await checkStatus("constitution.adopted")).toBe("pass");
    const page = await html(await app.request("/registration/readiness", { cookie: organiser }));
    for (const item of registrationItems) expect(statusIn(page, `constitution.${item.key}`), item.key).toBe("pass");
    expect(await checkStatus("finance.scheme")).toBe("pass");
    const hub = await html(await app.request("/registration", { cookie: organiser }));
    expect(hub).toMatch(/\d fails?, \d+ warnings?, \d+ passed/);
    expect(hub).toContain("Not started");
  });
});

describe("the application details", () => {
  const sections: [string, Record<string, string>][] = [
    ["register", { register: "GB", nations: "england" }],
    ["party-type", { partyType: "full", intendsToContest: "yes" }],
    ["name", { name: "Common Ground" }],
    ["descriptions", { "descriptions.0.text": "Common Ground: for the many", "descriptions.1.text": "", "descriptions.2.text": "Common Ground Scotland" }],
    [
      "headquarters",
      {
        "headquarters.line1": "PO Box 123",
        "headquarters.town": "Leeds",
        "headquarters.postcode": "ls1 1aa",
        headquartersIsHome: "no",
        contactEmail: "hello@commonground.example",
        contactPhone: "0113 496 0000",
      },
    ],
    ["officers", { leaderPurpose: "", "additionalOfficer.userId": "", "additionalOfficer.office": "" }],
    ["accounting-units", { hasAccountingUnits: "no" }],
    ["financial-year", { "financialYearEnd.day": "31", "financialYearEnd.month": "12" }],
    ["assets", { assetsWithinThreshold: "no", "assetsRecord.cashAtBank": "£1,200", "assetsRecord.otherLoans": "300" }],
    ["third-party", { notThirdParty: "yes" }],
    ["general-election", {}],
  ];

  it("saves each section as a draft and goes on to the next", async () => {
    for (const [i, [section, form]] of sections.entries()) {
      const res = await details({ section, ...form });
      expect(res.status, section).toBe(302);
      const next = sections[i + 1]?.[0];
      expect(res.headers.get("Location")).toBe(`/registration/details?saved=${section}${next ? `#section-${next}` : ""}`);
    }
    expect((await loadDraft(database.db)).details).toEqual({
      register: "GB",
      nations: ["england"],
      partyType: "full",
      intendsToContest: true,
      name: "Common Ground",
      descriptions: [{ text: "Common Ground: for the many" }, { text: "Common Ground Scotland" }],
      headquarters: { line1: "PO Box 123", town: "Leeds", postcode: "LS1 1AA" },
      headquartersIsHome: false,
      contactEmail: "hello@commonground.example",
      contactPhone: "0113 496 0000",
      hasAccountingUnits: false,
      financialYearEnd: "31-12",
      assetsWithinThreshold: false,
      assetsRecord: { cashAtBank: 1200, otherLoans: 300 },
      notThirdParty: true,
      notContestingGeneralElections: false,
    });
    const page = await html(await app.request("/registration/details?saved=name", { cookie: organiser }));
    expect(page).toContain('value="Common Ground"');
    expect(page).toContain('value="Common Ground Scotland"');
    expect(page).toContain("The party&#x27;s name: Your answers have been saved as a draft.");
  });

  it("audits each change, naming the fields but not what was typed", async () => {
    const res = await details({ section: "name", name: "Common Ground Alliance" });
    expect(res.status).toBe(302);
    const entry = await lastAudit();
    expect(entry.action).toBe("registration.details_saved");
    expect(entry.actorLabel).toBe("organiser@example.org");
    expect(entry.details).toEqual({ section: "name", fields: ["name"] });
    expect(JSON.stringify(entry.details)).not.toContain("Alliance");
    // Saving the same answers again changes nothing and writes nothing.
    await details({ section: "name", name: "Common Ground Alliance" });
    expect((await lastAudit()).id).toBe(entry.id);
    await details({ section: "name", name: "Common Ground" });
  });

  it("shows the error summary, linked to the field, and keeps what was typed", async () => {
    const res = await details({ section: "headquarters", "headquarters.line1": "1 New Street", "headquarters.town": "York", contactEmail: "not an email" });
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain("There is a problem");
    expect(page).toContain('<a href="#contactEmail">Enter an email address in the correct format, like name@example.com</a>');
    expect(page).toContain('value="1 New Street"');
    expect(page).toContain('value="York"');
    expect(page).toContain('value="not an email"');
    expect(page).toContain('aria-invalid="true"');
    expect((await loadDraft(database.db)).details.headquarters?.town).toBe("Leeds");

    const long = "A".repeat(201);
    const tooLong = await details({ section: "name", name: long, nameTranslation: "Tir Cyffredin" });
    expect(tooLong.status).toBe(400);
    const longPage = await html(tooLong);
    expect(longPage).toContain('<a href="#name">Name must be 200 characters or fewer</a>');
    expect(longPage).toContain(`value="${long}"`);
    expect(longPage).toContain('value="Tir Cyffredin"');

    const badDate = await html(await details({ section: "financial-year", "financialYearEnd.day": "31", "financialYearEnd.month": "2" }));
    expect(badDate).toContain('href="#financialYearEnd.day"');
    const badMoney = await html(await details({ section: "assets", assetsWithinThreshold: "no", "assetsRecord.equipment": "lots" }));
    expect(badMoney).toContain('<a href="#assetsRecord.equipment">Equipment must be a whole number of pounds, like 250</a>');
    expect(badMoney).toContain('value="lots"');
    expect((await loadDraft(database.db)).details.financialYearEnd).toBe("31-12");
  });

  it("adds and removes description rows without saving, keeping the answers", async () => {
    const added = await details({ section: "descriptions", intent: "add:descriptions", "descriptions.0.text": "Typed but not saved" });
    expect(added.status).toBe(200);
    const page = await html(added);
    expect(page).toContain('value="Typed but not saved"');
    expect(page).toContain('id="descriptions.1.text"');
    const removed = await html(
      await details({ section: "descriptions", intent: "remove:descriptions:0", "descriptions.0.text": "Gone", "descriptions.1.text": "Stays" }),
    );
    expect(removed).not.toContain('value="Gone"');
    expect(removed).toMatch(/id="descriptions\.0\.text"[^>]*value="Stays"|value="Stays"[^>]*id="descriptions\.0\.text"/);
    expect((await loadDraft(database.db)).details.descriptions).toEqual([{ text: "Common Ground: for the many" }, { text: "Common Ground Scotland" }]);
  });

  it("puts a problem on the row as typed when an empty row comes before it", async () => {
    const long = "B".repeat(201);
    const res = await details({
      section: "descriptions",
      "descriptions.0.text": "",
      "descriptions.1.text": "Kept",
      "descriptions.2.text": "",
      "descriptions.3.text": long,
    });
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain('<a href="#descriptions.3.text">Description must be 200 characters or fewer</a>');
    expect(page).toContain('id="descriptions.3.text-error"');
    expect(page).not.toContain('href="#descriptions.1.text"');
    // Shown again as typed: the empty rows stay where they were.
    expect(page).toMatch(new RegExp(`id="descriptions\\.3\\.text"[^>]*value="${long}"|value="${long}"[^>]*id="descriptions\\.3\\.text"`));
    expect(page).toMatch(/id="descriptions\.1\.text"[^>]*value="Kept"|value="Kept"[^>]*id="descriptions\.1\.text"/);

    const units = await details({
      section: "accounting-units",
      hasAccountingUnits: "yes",
      "accountingUnits.0.name": "",
      "accountingUnits.1.name": "",
      "accountingUnits.1.treasurer": "Tess Treasurer",
    });
    expect(units.status).toBe(400);
    const unitsPage = await html(units);
    expect(unitsPage).toContain('<a href="#accountingUnits.1.name">Enter the accounting unit&#x27;s name</a>');
    expect(unitsPage).toContain('id="accountingUnits.1.name-error"');
    expect((await loadDraft(database.db)).details.descriptions).toEqual([{ text: "Common Ground: for the many" }, { text: "Common Ground Scotland" }]);
  });

  it("takes as additional officer only someone declared elected to an office, never any user", async () => {
    const before = (await loadDraft(database.db)).details;
    // ids[3] is a founding member who holds no office.
    for (const userId of [ids[3]!, "0b0e1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d"]) {
      const res = await details({ section: "officers", leaderPurpose: "", "additionalOfficer.userId": userId, "additionalOfficer.office": "Secretary" });
      expect(res.status).toBe(400);
      const page = await html(res);
      expect(page).toContain('<a href="#additionalOfficer.userId">Choose someone declared elected to an office of the party, or nobody</a>');
      expect(page).toContain('value="Secretary"');
    }
    expect((await loadDraft(database.db)).details).toEqual(before);
    const ok = await details({ section: "officers", leaderPurpose: "", "additionalOfficer.userId": ids[1]!, "additionalOfficer.office": "Secretary" });
    expect(ok.status).toBe(302);
    expect((await loadDraft(database.db)).details.additionalOfficer).toEqual({ userId: ids[1], office: "Secretary" });
    expect((await details({ section: "officers", leaderPurpose: "", "additionalOfficer.userId": "", "additionalOfficer.office": "" })).status).toBe(302);
    expect((await loadDraft(database.db)).details).toEqual(before);
  });

  it("refuses more than 12 descriptions", async () => {
    const form: Record<string, string> = { section: "descriptions" };
    for (let i = 0; i < 13; i++) form[`descriptions.${i}.text`] = `Common Ground ${i + 1}`;
    const res = await details(form);
    expect(res.status).toBe(400);
    expect(await html(res)).toContain("Descriptions: no more than 12");
  });
});

describe("emblems", () => {
  const png = () =>
    sharp({ create: { width: 400, height: 400, channels: 3, background: { r: 255, g: 255, b: 255 } } })
      .composite([{ input: { create: { width: 300, height: 300, channels: 3, background: { r: 0, g: 0, b: 0 } } }, left: 50, top: 50 }])
      .png()
      .toBuffer();

  it("uploads a PNG, inspects it, and serves it to organisers only", async () => {
    const res = await upload("/registration/emblems?slot=1", organiser, {}, { name: "emblem.png", type: "image/png", bytes: new Uint8Array(await png()) });
    expect(res.status).toBe(302);
    const [row] = await database.db.select().from(registrationEmblems);
    expect(row?.slot).toBe(1);
    expect(row?.inspection).toMatchObject({ width: 400, height: 400, format: "png" });
    expect((await lastAudit()).action).toBe("registration.emblem_uploaded");
    expect([row?.hasPicture, row?.hasText, row?.smallestTextPx]).toEqual([null, null, null]);
    const page = await html(await app.request("/registration/emblems", { cookie: organiser }));
    expect(page).toContain("400 × 400 pixels");
    expect(page).toContain("Black and white or greyscale.");
    // Nothing answered yet: the page says so, no radio is chosen for the organiser, readiness fails.
    expect(page.match(/Not answered yet/g)).toHaveLength(2);
    expect(page).not.toMatch(/<input[^>]*name="has(Picture|Text)"[^>]*checked/);
    const readiness = await html(await app.request("/registration/readiness", { cookie: organiser }));
    expect(statusIn(readiness, "emblem.1.picture")).toBe("fail");
    expect(statusIn(readiness, "emblem.1.text-size")).toBe("fail");
    expect(readiness).toContain("Answer whether the emblem has a picture or symbol");
    expect(readiness).toContain("Say whether the emblem has any lettering");
    const image = await app.request("/registration/emblems/1", { cookie: organiser });
    expect(image.status).toBe(200);
    expect(image.headers.get("Content-Type")).toBe("image/png");
    expect((await app.request("/registration/emblems/1", { cookie: outsider })).status).toBe(403);
    expect((await app.request("/registration/emblems/2", { cookie: organiser })).status).toBe(404);
  });

  it("refuses a file that is not an image", async () => {
    const res = await upload("/registration/emblems?slot=2", organiser, {}, { name: "emblem.png", type: "image/png", bytes: "this is not a picture" });
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain("There is a problem");
    expect(page).toContain('href="#file-2"');
    expect(await database.db.select().from(registrationEmblems)).toHaveLength(1);
  });

  it("records the organiser's answers, replaces and removes", async () => {
    const unanswered = await app.request("/registration/emblems?slot=1", { cookie: organiser, form: { intent: "describe", smallestTextPx: "17" } });
    expect(unanswered.status).toBe(400);
    const unansweredPage = await html(unanswered);
    expect(unansweredPage).toContain('href="#hasPicture-1-yes"');
    expect(unansweredPage).toContain('href="#hasText-1-yes"');
    expect(unansweredPage).toContain('value="17"'); // what was typed is kept
    const missing = await app.request("/registration/emblems?slot=1", {
      cookie: organiser,
      form: { intent: "describe", hasPicture: "yes", hasText: "yes", smallestTextPx: "" },
    });
    expect(missing.status).toBe(400);
    expect(await html(missing)).toContain('href="#smallestTextPx-1"');
    expect((await database.db.select().from(registrationEmblems))[0]?.hasPicture).toBeNull();

    const ok = await app.request("/registration/emblems?slot=1", {
      cookie: organiser,
      form: { intent: "describe", hasPicture: "yes", hasText: "yes", smallestTextPx: "30" },
    });
    expect(ok.status).toBe(302);
    const [row] = await database.db.select().from(registrationEmblems);
    expect([row?.hasPicture, row?.hasText, row?.smallestTextPx]).toEqual([true, true, 30]);
    expect(await lastAudit()).toMatchObject({
      action: "registration.emblem_described",
      details: { slot: 1, hasPicture: true, hasText: true, smallestTextPx: 30 },
    });
    // Answered: the unanswered fails are gone (30 of 400 pixels is 7.5%, large enough).
    expect(await checkStatus("emblem.1.picture")).toBe("pass");
    expect(await checkStatus("emblem.1.text-size")).toBe("pass");
    const answeredPage = await html(await app.request("/registration/emblems", { cookie: organiser }));
    expect(answeredPage).not.toContain("Not answered yet");
    expect(answeredPage).toContain("30 pixels high");

    // No lettering: a height typed anyway is not kept.
    const none = await app.request("/registration/emblems?slot=1", {
      cookie: organiser,
      form: { intent: "describe", hasPicture: "no", hasText: "no", smallestTextPx: "12" },
    });
    expect(none.status).toBe(302);
    const [after] = await database.db.select().from(registrationEmblems);
    expect([after?.hasPicture, after?.hasText, after?.smallestTextPx]).toEqual([false, false, null]);
    expect(await checkStatus("emblem.1.picture")).toBe("fail");
    expect(await checkStatus("emblem.1.text-size")).toBe("pass");
    // The database holds the same rule: a height with lettering, and only then.
    await expect(database.db.update(registrationEmblems).set({ hasText: true, smallestTextPx: null })).rejects.toThrow();
    await expect(database.db.update(registrationEmblems).set({ hasText: false, smallestTextPx: 20 })).rejects.toThrow();

    // A new image needs new answers.
    const replaced = await upload("/registration/emblems?slot=1", organiser, {}, { name: "second.png", type: "image/png", bytes: new Uint8Array(await png()) });
    expect(replaced.status).toBe(302);
    expect((await lastAudit()).action).toBe("registration.emblem_replaced");
    expect(await checkStatus("emblem.1.picture")).toBe("fail");
    const removed = await app.request("/registration/emblems?slot=1", { cookie: organiser, form: { intent: "remove" } });
    expect(removed.status).toBe(302);
    expect(await database.db.select().from(registrationEmblems)).toHaveLength(0);
  });
});

describe("emblem uploads refused before they are read", () => {
  const MB = 1024 * 1024;
  const emblemRows = () => database.db.select().from(registrationEmblems);

  it("reports a file too large beside the emblem it was for", async () => {
    const res = await upload(
      "/registration/emblems?slot=3",
      organiser,
      {},
      { name: "huge.png", type: "image/png", bytes: new Uint8Array(5 * MB + 100 * 1024) },
    );
    expect(res.status).toBe(413);
    const page = await html(res);
    expect(page).toContain(`<a href="#file-3">${emblemProblemMessages.file_too_big}</a>`);
    expect(page).toContain('id="file-3-error"');
    expect(page).not.toContain('href="#file-1"');
    expect(await emblemRows()).toHaveLength(0);
  });

  it("counts every part of the upload, whatever length the request states", async () => {
    // Each part alone is under 5 MB; together they are not, and the stated length is a lie.
    const res = await upload(
      "/registration/emblems?slot=2",
      organiser,
      { padding: "x".repeat(4 * MB) },
      { name: "e.png", type: "image/png", bytes: new Uint8Array(2 * MB) },
      1000,
    );
    expect(res.status).toBe(413);
    expect(await html(res)).toContain('<a href="#file-2">');
    expect(await emblemRows()).toHaveLength(0);
  });

  it("takes an upload that does not state its length (chunked), counting its bytes as they are read", async () => {
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: { r: 0, g: 0, b: 0 } } })
      .png()
      .toBuffer();
    const res = await upload("/registration/emblems?slot=1", organiser, {}, { name: "e.png", type: "image/png", bytes: new Uint8Array(png) }, "none");
    expect(res.status).toBe(302);
    expect(await emblemRows()).toHaveLength(1);
    const names = await upload("/registration/names", organiser, {}, { name: "parties.csv", type: "text/csv", bytes: "name\nGreen Party\n" }, "none");
    expect(names.status).toBe(302);
    expect(await database.db.select().from(registeredPartyNames)).toHaveLength(1);
  });

  it("refuses an emblem place that is not 1, 2 or 3", async () => {
    for (const slot of ["x", "0", "4", ""]) {
      const res = await upload(`/registration/emblems?slot=${slot}`, organiser, { slot }, { name: "e.png", type: "image/png", bytes: "not read" });
      expect(res.status, slot).toBe(400);
      const page = await html(res);
      expect(page).toContain(emblemProblemMessages.slot_invalid);
      expect(page).not.toContain("NaN");
    }
    // The place is read from the address only: a slot field in the form is not enough.
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: { r: 0, g: 0, b: 0 } } })
      .png()
      .toBuffer();
    expect((await upload("/registration/emblems?slot=1", organiser, {}, { name: "e.png", type: "image/png", bytes: new Uint8Array(png) })).status).toBe(302);
    const noSlot = await app.request("/registration/emblems", { cookie: organiser, form: { slot: "1", intent: "remove" } });
    expect(noSlot.status).toBe(400);
    expect(await emblemRows()).toHaveLength(1);
    const page = await html(await app.request("/registration/emblems", { cookie: organiser }));
    for (const slot of [1, 2, 3]) expect(page).toContain(`action="/registration/emblems?slot=${slot}"`);
    expect((await app.request("/registration/emblems?slot=1", { cookie: organiser, form: { intent: "remove" } })).status).toBe(302);
    expect(await emblemRows()).toHaveLength(0);
  });
});

describe("the names already registered", () => {
  it("fails a name that is a registered party's with a qualifier, showing the rule and its source", async () => {
    await upload("/registration/names", organiser, {}, { name: "parties.csv", type: "text/csv", bytes: "name\nLabour Party\n" });
    for (const name of ["Official Labour Party of Wales", "Real Labour", "LABOUR party"]) {
      await details({ section: "name", name });
      expect(await checkStatus("name.registered-name"), name).toBe("fail");
    }
    const page = await html(await app.request("/registration/readiness", { cookie: organiser }));
    expect(page).toContain("Political Parties, Elections and Referendums Act 2000, section 28(4)");
    await details({ section: "name", name: "Common Ground Party of Wales" });
    expect(await checkStatus("name.registered-name")).toBe("pass");
    await app.request("/registration/names", { cookie: organiser, form: { intent: "clear" } });
    await details({ section: "name", name: "Common Ground" });
  });

  it("loads a CSV, skipping blank and repeated names, and clears it", async () => {
    expect(await html(await app.request("/registration/readiness", { cookie: organiser }))).not.toContain("Common Ground Party");
    const csv = "name,register\nGreen Party,GB\n,GB\nGreen Party,GB\nCommon Ground Party,GB\nAlliance Party,NI\n";
    const res = await upload("/registration/names", organiser, {}, { name: "parties.csv", type: "text/csv", bytes: csv });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/registration/names?read=5&skipped=2&loaded=3");
    expect(await database.db.select().from(registeredPartyNames)).toHaveLength(3);
    expect((await lastAudit()).details).toEqual({ names: 3, rowsRead: 5, skipped: 2 });
    const page = await html(await app.request("/registration/names?read=5&skipped=2&loaded=3", { cookie: organiser }));
    expect(page).toContain("3 names loaded from 5 rows. 2 rows skipped");
    expect(page).toContain("<td>Alliance Party</td><td>NI</td>");
    // The similarity check now compares the name with the list, and names the close one.
    expect(await checkStatus("name.similar")).toBe("warning");
    expect(await html(await app.request("/registration/readiness", { cookie: organiser }))).toContain("Common Ground Party");

    const notCsv = await upload("/registration/names", organiser, {}, { name: "parties.xlsx", type: "application/vnd.ms-excel", bytes: "PK\u0003\u0004rest" });
    expect(notCsv.status).toBe(400);
    expect(await html(notCsv)).toContain("The file must be a CSV file");
    expect(await database.db.select().from(registeredPartyNames)).toHaveLength(3);

    const rows = Array.from({ length: 5001 }, (_, i) => `Party number ${i + 1},GB`).join("\n");
    const tooMany = await upload("/registration/names", organiser, {}, { name: "parties.csv", type: "text/csv", bytes: `name,register\n${rows}\n` });
    expect(tooMany.status).toBe(400);
    expect(await html(tooMany)).toContain(`<a href="#file">${escaped(namesProblemMessages.too_many_rows)}</a>`);
    expect(await database.db.select().from(registeredPartyNames)).toHaveLength(3);

    // Issue 13: a million columns, an endless line and a NUL byte
    // are each refused on the form, and the list stays as it was.
    const hostile: [string, string, string][] = [
      ["parties.csv", `name\n${",".repeat(1_000_000)}\n`, namesProblemMessages.too_many_columns],
      ["parties.csv", `name\n${"x".repeat(70_000)}\n`, namesProblemMessages.record_too_long],
      ["parties.csv", "name\nGreen\u0000 Party\n", namesProblemMessages.not_text],
    ];
    for (const [name, bytes, message] of hostile) {
      const refused = await upload("/registration/names", organiser, {}, { name, type: "text/csv", bytes });
      expect(refused.status).toBe(400);
      expect(await html(refused)).toContain(escaped(message));
    }
    expect(await database.db.select().from(registeredPartyNames)).toHaveLength(3);

    const cleared = await app.request("/registration/names", { cookie: organiser, form: { intent: "clear" } });
    expect(cleared.headers.get("Location")).toBe("/registration/names?cleared=3");
    expect(await database.db.select().from(registeredPartyNames)).toHaveLength(0);
  });
});

describe("officers' own details and declarations", () => {
  const leaderForm = { fullName: "Alex Founder", homeAddress: "12 Hidden Lane\nLeeds LS2 2BB", email: "alex@home.example", confirm: "leader" };

  it("shows a declared officer their roles and the declaration for each", async () => {
    const page = await html(await app.request("/registration/officer", { cookie: founder[2]! }));
    expect(page).toContain("You are the party&#x27;s treasurer.");
    expect(page).toContain(escaped(roleDeclarations.treasurer));
    expect(page).not.toContain(escaped(roleDeclarations.leader));
    const nonOfficer = await html(await app.request("/registration/officer", { cookie: founder[3]! }));
    expect(nonOfficer).toContain("You are not one of them.");
    expect(nonOfficer).not.toContain('name="homeAddress"');
    expect((await app.request("/registration/officer", { cookie: founder[3]!, form: leaderForm })).status).toBe(403);
    // Someone who is not an officer is refused outright, not told what is wrong with the form.
    const empty = await app.request("/registration/officer", { cookie: founder[3]!, form: { fullName: "", homeAddress: "", email: "not an email" } });
    expect(empty.status).toBe(403);
    expect(await html(empty)).not.toContain("There is a problem");
  });

  it("refuses empty or malformed details, keeping what was typed", async () => {
    const res = await app.request("/registration/officer", { cookie: founder[0]!, form: { ...leaderForm, fullName: "", email: "alex at home" } });
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain('<a href="#fullName">Enter your full name</a>');
    expect(page).toContain('<a href="#email">Enter an email address in the correct format, like name@example.com</a>');
    expect(page).toContain("12 Hidden Lane");
    expect(page).toContain('value="alex at home"');
    expect(await database.db.select().from(officerDetails)).toHaveLength(0);
  });

  it("refuses a declaration for a role the person does not hold", async () => {
    const res = await app.request("/registration/officer", { cookie: founder[0]!, form: { ...leaderForm, confirm: "treasurer" } });
    expect(res.status).toBe(400);
    expect(await html(res)).toContain("You can only confirm the declaration for a role you hold");
  });

  it("saves an officer's details and declaration, audited without the details, and the readiness check passes", async () => {
    const res = await officerSave(founder[0]!, leaderForm);
    expect(res.status).toBe(302);
    const [row] = await database.db.select().from(officerDetails).where(eq(officerDetails.userId, ids[0]!));
    expect(row).toMatchObject({ fullName: "Alex Founder", homeAddress: "12 Hidden Lane\nLeeds LS2 2BB", email: "alex@home.example" });
    expect(Object.keys(row!.confirmations)).toEqual(["leader"]);
    const entry = await lastAudit();
    expect(entry.action).toBe("registration.officer_details_saved");
    expect(entry.details).toEqual({ fields: ["fullName", "homeAddress", "email", "declaration:leader"], confirmed: ["leader"] });
    expect(JSON.stringify(entry)).not.toMatch(/Hidden Lane|alex@home|Alex Founder/);
    expect(await checkStatus(`officer.${ids[0]}.details`)).toBe("pass");
    expect(await checkStatus(`officer.${ids[0]}.leader.declaration`)).toBe("pass");
    expect(await checkStatus(`officer.${ids[1]}.details`)).toBe("fail");
  });

  it("shows a home address only to the officer and to organisers who open it", async () => {
    expect(await html(await app.request("/registration/officer", { cookie: founder[0]! }))).toContain("12 Hidden Lane");
    for (const cookie of [founder[1]!, outsider, returningOfficer]) {
      const page = await html(await app.request(`/registration/officer?person=${ids[0]}`, { cookie }));
      expect(page).not.toContain("Hidden Lane");
      expect(page).not.toContain("alex@home.example");
    }
    const table = await html(await app.request("/registration/officer", { cookie: organiser }));
    expect(table).toContain("Founder 1");
    expect(table).toContain("Confirmed");
    expect(table).not.toContain("Hidden Lane");
    const opened = await html(await app.request(`/registration/officer?person=${ids[0]}`, { cookie: organiser }));
    expect(opened).toContain("12 Hidden Lane");
    expect(opened).toContain("alex@home.example");
    expect((await app.request(`/registration/officer?person=${ids[4]}`, { cookie: organiser })).status).toBe(404);
  });

  it("records each time an organiser opens an officer's details, saying whose but not what they are", async () => {
    const opened = () => database.db.select().from(auditLog).where(eq(auditLog.action, "registration.officer_details_opened"));
    const before = (await opened()).length;
    // The officer's own view, the organisers' table, refusals and unknown people read nothing private.
    await app.request("/registration/officer", { cookie: founder[0]! });
    await app.request("/registration/officer", { cookie: organiser });
    await app.request(`/registration/officer?person=${ids[0]}`, { cookie: founder[1]! });
    await app.request(`/registration/officer?person=${ids[4]}`, { cookie: organiser });
    expect(await opened()).toHaveLength(before);
    expect(await html(await app.request(`/registration/officer?person=${ids[0]}`, { cookie: organiser }))).toContain("12 Hidden Lane");
    const entries = await opened();
    expect(entries).toHaveLength(before + 1);
    const entry = entries.at(-1)!;
    const [olive] = await database.db.select().from(users).where(eq(users.email, "organiser@example.org"));
    expect(entry).toMatchObject({
      actorId: olive!.id,
      actorLabel: "organiser@example.org",
      subjectType: "officer",
      subjectId: ids[0],
      details: { roles: ["leader"] },
    });
    expect(JSON.stringify(entry)).not.toMatch(/Hidden Lane|alex@home|Alex Founder/);
    const auditPage = await html(await app.request("/audit", { cookie: organiser }));
    expect(auditPage).toContain("Officer&#x27;s private details opened by an organiser");
  });

  it("withdraws a declaration when it is unticked", async () => {
    const { confirm: _c, ...withoutConfirm } = leaderForm;
    expect((await officerSave(founder[0]!, withoutConfirm)).status).toBe(302);
    const [row] = await database.db.select().from(officerDetails).where(eq(officerDetails.userId, ids[0]!));
    expect(row!.confirmations).toEqual({});
    expect(await checkStatus(`officer.${ids[0]}.leader.declaration`)).toBe("fail");
  });
});

describe("the readiness page after the details are given", () => {
  it("passes the name and shows every check with its status in words and a link to fix it", async () => {
    expect(await checkStatus("name.required")).toBe("pass");
    const page = await html(await app.request("/registration/readiness", { cookie: organiser }));
    expect(page).toMatch(/<dt>Fails<\/dt><dd>\d+<\/dd>/);
    expect(page).toContain("Fail:");
    expect(page).toContain("Pass:");
    expect(page).toContain('href="/registration/officer"');
  });

  it("links every check to a field that exists on the details page", async () => {
    const save = (section: string, form: Record<string, string>) => details({ section, ...form });
    // Answers that fail or warn, so that checks link to the fields.
    await save("register", { register: "GB" });
    await save("accounting-units", { hasAccountingUnits: "yes", "accountingUnits.0.name": "Leeds branch" });
    await save("descriptions", { "descriptions.0.text": "Common Ground" });
    const readiness = await html(await app.request("/registration/readiness", { cookie: organiser }));
    const targets = [...readiness.matchAll(/href="\/registration\/details#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets).toEqual(expect.arrayContaining(["nations", "descriptions-1", "accountingUnits-1"]));
    const page = await html(await app.request("/registration/details", { cookie: organiser }));
    for (const id of new Set(targets)) expect(page, id).toContain(`id="${id}"`);
  });
});

describe("the financial scheme", () => {
  // Needs two connections (one holds the lock while the other saves): the PostgreSQL server, not PGlite.
  it.skipIf(!process.env.TEST_DATABASE_URL)("compares the text saved with the scheme generated from the details as they are when it saves", async () => {
    const draft = await loadDraft(database.db);
    const renamed = { ...draft.details, name: "Renamed Party" };
    const renamedScheme = financialSchemeText({
      details: renamed,
      treasurerName: await treasurerName(database.db),
      partyName: "Renamed Party",
      model: await loadSchemeModel(),
    });
    // Another organiser renames the party; the save starts before that commits.
    const commitRenaming = await holdLocks(database.db, async (tx) => {
      await tx.select().from(registrationDetails).where(eq(registrationDetails.id, 1)).for("update");
      await tx.update(registrationDetails).set({ details: renamed }).where(eq(registrationDetails.id, 1));
    });
    const saving = saveFinancialScheme(database.db, systemActor("organiser"), renamedScheme);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await commitRenaming();
    // The text is the generated one for the details it is saved with: stored as "generated".
    expect(await saving).toEqual({ ok: true, edited: false });
    expect((await loadDraft(database.db)).financialScheme).toBeNull();
    await database.db.update(registrationDetails).set({ details: draft.details }).where(eq(registrationDetails.id, 1));
  });
});
