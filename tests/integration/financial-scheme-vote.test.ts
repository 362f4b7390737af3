/**
 * The financial scheme is adopted by a ballot of the founding members before the pack claims it
 * (issue 14 item 4): refused before the ballot, adopted after, "not adopted" after an edit.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { castBallot } from "../../app/modules/polls/casting.server";
import { financialSchemeState, saveFinancialScheme } from "../../app/modules/registration/financial-scheme.server";
import { openFinancialSchemeVote, settleFinancialSchemeVote } from "../../app/modules/registration/financial-scheme-vote.server";
import { packData } from "../../app/modules/registration/pack.server";
import { loadReadiness } from "../../app/modules/registration/readiness.server";
import { toLondonLocal } from "../../app/utils/london-time";
import { auditLog, polls } from "../../db/schema";
import { html, type createTestApp } from "../support/app-harness";
import { describedBy, errorLine } from "../support/error-lines";
import { foundingWithOrganiser, testOrganiser } from "../support/constitution-fixture";
import { ballotCloses } from "../support/periods";
import type { TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let ids: string[] = [];
let organiser = "";
const actor = testOrganiser;
const ADOPTED = "The founding members adopted this scheme by ballot";
const TO_BE_ADOPTED = "The founding members are to adopt this scheme by ballot";
const adoptedCheck = async () => (await loadReadiness(database.db)).find((c) => c.id === "finance.scheme-adopted")?.status;

beforeAll(async () => {
  ({ database, app, ids, organiser } = await foundingWithOrganiser(5));
});
afterAll(() => database.drop());

describe("the founding members' ballot on the financial scheme", () => {
  let pollId = "";

  it("before any ballot: the scheme does not claim adoption, and readiness fails", async () => {
    const state = await financialSchemeState(database.db);
    expect(state.adopted).toBe(false);
    expect(state.text).toContain(TO_BE_ADOPTED);
    expect(state.text).not.toContain(ADOPTED);
    expect(await adoptedCheck()).toBe("fail");
    expect((await packData(database.db))["financial-scheme"].text).not.toContain(ADOPTED);
    expect((await packData(database.db))["founding-record"].financialScheme).toBeNull();
    expect(await settleFinancialSchemeVote(database.db, actor)).toEqual({ ok: false, code: "no_vote" });
    // Refused from the page: the error line is tied to the ballot's button there, and the summary leads to it.
    const none = await app.request("/registration/financial-scheme", { form: { intent: "record-vote" }, cookie: organiser });
    expect(none.status).toBe(400);
    const page = await html(none);
    expect(errorLine(page, "vote")).toBe("No ballot on the financial scheme is waiting to be recorded.");
    expect(describedBy(page, "open-vote")).toEqual(["vote-error"]);
    expect(page).toContain('href="#open-vote"');
  });

  it("opens from the page, on the founding roll, with the text's hash frozen", async () => {
    const response = await app.request("/registration/financial-scheme", {
      form: { intent: "open-vote", closesAt: toLondonLocal(ballotCloses()) },
      cookie: organiser,
    });
    expect(response.status).toBe(302);
    const state = await financialSchemeState(database.db);
    expect(state.ballot?.hash).toBe(state.hash);
    pollId = state.ballot?.pollId ?? "";
    const [poll] = await database.db.select().from(polls).where(eq(polls.id, pollId));
    expect(poll).toMatchObject({ owner: "financial_scheme", status: "open", rollSize: 5, majority: "simple" });
    expect(poll?.description).toContain(state.hash);
    expect(await openFinancialSchemeVote(database.db, actor, { closesAt: ballotCloses() })).toEqual({ ok: false, code: "already_open" });
  });

  it("refuses edits while the ballot is open, and recording before the closing time from the page", async () => {
    expect(await saveFinancialScheme(database.db, actor, "A different scheme.")).toEqual({ ok: false, code: "ballot_open" });
    const edit = await app.request("/registration/financial-scheme", { form: { intent: "save", scheme: "A different scheme." }, cookie: organiser });
    expect(edit.status).toBe(400);
    const page = await html(edit);
    expect(page).toContain("The text cannot be changed while the founding members");
    expect(page).toContain("A different scheme.");
    const early = await app.request("/registration/financial-scheme", { form: { intent: "record-vote" }, cookie: organiser });
    expect(early.status).toBe(400);
    // No button acts on a ballot still open: the summary leads to the ballot's section, which holds the error line.
    const earlyPage = await html(early);
    expect(errorLine(earlyPage, "vote")).toMatch(/^The ballot is open until .+\. 0 of 5 founding members have voted\.$/);
    expect(earlyPage).not.toContain('value="record-vote"');
    expect(earlyPage).toContain('href="#vote"');
  });

  it("once carried, records the scheme as adopted: the text says so, readiness passes, the founding record shows the ballot", async () => {
    for (const [i, userId] of ids.entries()) expect((await castBallot(database.db, { pollId, userId, choice: i < 3 ? "yes" : "no" })).ok).toBe(true);
    expect(await settleFinancialSchemeVote(database.db, actor)).toEqual({ ok: true, adopted: true });
    const state = await financialSchemeState(database.db);
    expect(state).toMatchObject({ adopted: true, adoptedPollId: pollId, ballot: null });
    expect(state.text).toContain(ADOPTED);
    expect(await adoptedCheck()).toBe("pass");
    const pack = await packData(database.db);
    expect(pack["financial-scheme"].text).toContain(ADOPTED);
    expect(pack["founding-record"].financialScheme).toMatchObject({ title: "Adopt the financial scheme", yesNo: { yes: 3, no: 2, passed: true } });
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.action, "registration.financial_scheme_adopted"));
    expect(audited).toHaveLength(1);
    const page = await html(await app.request("/registration/financial-scheme", { cookie: organiser }));
    expect(page).toContain("Adopted: the founding members adopted this text by ballot.");
    expect(page).not.toContain('value="open-vote"');
  });

  it("an edit afterwards makes it not adopted again, and the text stops claiming it", async () => {
    const { text } = await financialSchemeState(database.db);
    expect((await saveFinancialScheme(database.db, actor, `${text}\n\n## 12. Extra\n\nOne more rule.`)).ok).toBe(true);
    const state = await financialSchemeState(database.db);
    expect(state.adopted).toBe(false);
    expect(state.text).toContain(TO_BE_ADOPTED);
    expect(state.text).not.toContain(ADOPTED);
    expect(await adoptedCheck()).toBe("fail");
    expect((await packData(database.db))["founding-record"].financialScheme).toBeNull();
    const page = await html(await app.request("/registration/financial-scheme", { cookie: organiser }));
    expect(page).toContain("Not adopted: the text has changed since the founding members adopted it.");
  });

  it("a ballot that is not carried is recorded, and a new one can open", async () => {
    const opened = await openFinancialSchemeVote(database.db, actor, { closesAt: ballotCloses() });
    expect(opened.ok).toBe(true);
    expect(await settleFinancialSchemeVote(database.db, actor)).toEqual({ ok: true, adopted: false });
    expect((await financialSchemeState(database.db)).adopted).toBe(false);
    expect(await adoptedCheck()).toBe("fail");
    const page = await html(await app.request("/registration/financial-scheme", { cookie: organiser }));
    expect(page).toContain("The last ballot did not carry the scheme.");
    expect((await openFinancialSchemeVote(database.db, actor, { closesAt: ballotCloses() })).ok).toBe(true);
  });
});
