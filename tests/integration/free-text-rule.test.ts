import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { grantRole } from "../../app/modules/users/users.server";
import { MAX_OPTION_LABEL_LENGTH, MAX_PERSON_NAME_LENGTH, MAX_POLL_OPTIONS } from "../../app/utils/input-limits";
import { demands, movement, pendingPledges, pledges, polls, registrationDetails, users } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { pledgeForm } from "../support/pledge-form";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Issue 13: every free-text field has a character limit and one rule for control characters
 * (app/utils/text-limits.ts), checked before anything else. Refused with a message beside the
 * field and the typed text shown back; nothing stored. A few forms through the real app.
 */

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let organiser = "";

// A bell, a terminal colour escape and a right-to-left override: the hostile-input suite's kind.
const controls = "Ann\u0007\u001b[31m Smith";
const reversed = "\u202ehtimS nnA";

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  await database.db
    .insert(movement)
    .values({ name: "Test Movement", partyName: "the Test Party", statement: "We mean it.", deadline: new Date(Date.now() + 86_400_000) });
  await database.db.insert(demands).values([{ position: 1, title: "Open selections", body: "Members choose." }]);
  await grantRole(database.db, { email: "org@example.org", role: "organiser", actor: systemActor() });
  organiser = await cookieFor(database.db, "org@example.org");
});
afterAll(() => database.drop());

describe("the pledge form", () => {
  it.each([
    ["control characters", controls, "Your name must not contain control characters"],
    ["a right-to-left override", reversed, "Your name must not contain control characters"],
    ["a zero-width space", "Zeb\u200bedee", "Your name must not contain control characters"],
    ["130,000 characters", "Zebedee ".repeat(16_250), `Your name must be ${MAX_PERSON_NAME_LENGTH} characters or fewer`],
  ])("refuses a name with %s, says why beside the field and stores nothing", async (_, name, message) => {
    const res = await app.request("/pledge", { form: pledgeForm({ name }) });
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain(message);
    expect(page).toContain('href="#name"');
    // The other answers come back as typed.
    expect(page).toContain('value="zeb@example.org"');
    expect(await database.db.select().from(pledges)).toHaveLength(0);
    expect(await database.db.select().from(pendingPledges)).toHaveLength(0);
    expect(await database.db.select().from(users).where(eq(users.email, "zeb@example.org"))).toHaveLength(0);
  });

  it("takes a name in any script, with accents and joiners", async () => {
    const res = await app.request("/pledge", { form: pledgeForm({ name: "Siân Ó Briain-Zoë می\u200cخواهم" }) });
    expect(await res.text()).toContain("Check your email to confirm your pledge");
  });
});

describe("a new poll", () => {
  const pollForm = (over: Record<string, string> = {}) => ({
    title: "Chair",
    description: "",
    method: "irv",
    seats: "1",
    options: "Ann Smith\nBob Jones",
    ron: "yes",
    quorumPercent: "0",
    majority: "simple",
    publication: "separate-lists",
    closesAt: "2099-01-01T12:00",
    ...over,
  });

  it.each([
    ["a right-to-left override in an option", { options: `Bob Jones\n${reversed}` }, "options", "Each option must not contain control characters"],
    ["a bell in the title", { title: "Chair\u0007" }, "title", "The title must not contain control characters"],
    [
      "an option too long",
      { options: `Bob Jones\n${"A".repeat(MAX_OPTION_LABEL_LENGTH + 1)}` },
      "options",
      `Each option must be ${MAX_OPTION_LABEL_LENGTH} characters or fewer`,
    ],
    [
      "too many options",
      { options: Array.from({ length: MAX_POLL_OPTIONS + 1 }, (_, i) => `Option ${i}`).join("\n") },
      "options",
      `Enter at most ${MAX_POLL_OPTIONS} options`,
    ],
    ["one endless word in the description", { description: "a".repeat(50_000) }, "description", "The description must be 2,000 characters or fewer"],
    [
      "a 300-character word in the description",
      { description: `See ${"a".repeat(300)}` },
      "description",
      "Each word of the description must be 200 characters or fewer",
    ],
  ])("refuses %s and keeps what was typed", async (_, over, field, message) => {
    const res = await app.request("/polls/new", { form: pollForm(over as Record<string, string>), cookie: organiser });
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain(message);
    expect(page).toContain(`href="#${field}"`);
    expect(page).toContain(`value="Chair`);
    expect(await database.db.select().from(polls)).toHaveLength(0);
  });

  it("splits options at every kind of line end, and creates the poll", async () => {
    const res = await app.request("/polls/new", { form: pollForm({ options: "Ann Smith\u2028Bob Jones\rCarol Singh" }), cookie: organiser });
    expect(res.status).toBe(302);
    const [poll] = await database.db.select().from(polls);
    expect(poll?.title).toBe("Chair");
  });
});

describe("organisers' forms", () => {
  it("refuses control characters in the campaign's statement, shown beside it", async () => {
    const before = await database.db.select().from(movement);
    const res = await app.request("/campaign/manage", {
      form: { intent: "settings", name: "Test Movement", partyName: "the Test Party", statement: `We mean it.${controls}`, deadline: "2099-01-01T12:00" },
      cookie: organiser,
    });
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain("The statement must not contain control characters");
    expect(page).toContain('id="statement-error"');
    expect(await database.db.select().from(movement)).toEqual(before);
  });

  it("refuses a financial scheme with one endless word or control characters", async () => {
    for (const [scheme, message] of [
      [`# Scheme\n\n${"a".repeat(50_000)}`, "Each word of the financial scheme must be 200 characters or fewer"],
      [`# Scheme\n\nThe treasurer ${controls}`, "The financial scheme must not contain control characters"],
    ] as const) {
      const res = await app.request("/registration/financial-scheme", { form: { intent: "save", scheme }, cookie: organiser });
      expect(res.status).toBe(400);
      expect(await html(res)).toContain(message);
    }
    // Nor is anything saved from a form the page did not send: an unknown intent, a file.
    expect((await app.request("/registration/financial-scheme", { form: { intent: "x", scheme: "x" }, cookie: organiser })).status).toBe(400);
    const files = new FormData();
    files.append("intent", "save");
    files.append("scheme", new Blob(["a scheme"]), "scheme.txt");
    expect((await app.request("/registration/financial-scheme", { body: files, cookie: organiser })).status).toBe(400);
    const [row] = await database.db.select().from(registrationDetails);
    expect(row?.financialScheme ?? null).toBeNull();
  });

  it("refuses a control character in the registration details, with the field named", async () => {
    const res = await app.request("/registration/details", { form: { section: "name", name: `The Test Party${controls}` }, cookie: organiser });
    expect(res.status).toBe(400);
    expect(await html(res)).toMatch(/must not contain control characters/);
    const [row] = await database.db.select().from(registrationDetails);
    expect(row?.details?.name).toBeUndefined();
  });
});
