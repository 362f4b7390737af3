/**
 * Voting on every clause in one sitting (issue 15): each ballot says where the member is, casting
 * goes straight on to the next clause not voted on (a redirect, so it works without JavaScript),
 * the receipts are shown once on the page it goes to, and the member can stop and come back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { startDraft } from "../../app/modules/constitution/drafting.server";
import { closeRound, openRound, roundItems, type VoteItem } from "../../app/modules/constitution/round.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { ballots, polls } from "../../db/schema";
import { inArray } from "drizzle-orm";
import { cookieFor, html } from "../support/app-harness";
import { describedBy, errorLine } from "../support/error-lines";
import { foundingWithOrganiser } from "../support/constitution-fixture";
import { ballotCloses } from "../support/periods";

let setup: Awaited<ReturnType<typeof foundingWithOrganiser>>;
let items: VoteItem[] = [];
let clauses: string[] = [];
let member = "";

/** Every question of a clause answered Yes, as the form posts it. */
const yesTo = (clauseId: string, then?: "next" | "stop") => ({
  ...Object.fromEntries(items.filter((i) => i.clauseId === clauseId).map((i) => [`choice-${i.pollId}`, "yes"])),
  ...(then ? { then } : {}),
});
const castCookie = (response: Response) =>
  response.headers
    .getSetCookie()
    .find((c) => c.startsWith("bk_cast="))
    ?.split(";")[0] ?? "";

beforeAll(async () => {
  setup = await foundingWithOrganiser(3);
  const started = await startDraft(setup.database.db, systemActor(), { kind: "model" });
  if (!started.ok) throw new Error(started.code);
  const round = await openRound(setup.database.db, systemActor(), { closesAt: ballotCloses() });
  if (!round.ok) throw new Error(round.code);
  items = await roundItems(setup.database.db, round.roundId);
  clauses = [...new Set(items.map((i) => i.clauseId))];
  member = await cookieFor(setup.database.db, "founder1@example.org");
});
afterAll(() => setup.database.drop());

describe("a sitting of clause votes", () => {
  it("says on each ballot which clause of how many it is, and how many are left", async () => {
    const page = await html(await setup.app.request(`/constitution/vote/${clauses[0]}`, { cookie: member }));
    expect(page).toContain(`Clause 1 of ${clauses.length} · ${clauses.length} left to vote on`);
    expect(page).toContain("Once it is cast, the next clause you have not voted on opens.");
    expect(page).toContain("Stop here and come back later");
    // Every question is a Belenios election (decision 044), and the page says who holds the key.
    expect(page).toContain("For this round the server holds the decryption key, so whoever runs the server could read the ballots.");
  });

  it("goes straight on to the next clause after casting, with the receipts shown there once", async () => {
    const response = await setup.app.request(`/constitution/vote/${clauses[0]}`, { form: yesTo(clauses[0]!, "next"), cookie: member });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/constitution/vote/${clauses[1]}`);
    const carried = castCookie(response);
    expect(response.headers.getSetCookie().find((c) => c.startsWith("bk_cast="))).toMatch(/HttpOnly/);

    const next = await setup.app.request(`/constitution/vote/${clauses[1]}`, { cookie: `${member}; ${carried}` });
    const page = await html(next);
    expect(page).toMatch(/Your ballot on 1\. [^<]+ is cast/);
    const receipts = [...page.matchAll(/<code class="receipt">([^<]+)<\/code>/g)].map((m) => m[1] ?? "");
    const questions = items.filter((i) => i.clauseId === clauses[0]);
    expect(receipts).toHaveLength(questions.length);
    const stored = await setup.database.db.select().from(ballots).where(inArray(ballots.receipt, receipts));
    expect(stored.map((b) => b.pollId).sort()).toEqual(questions.map((q) => q.pollId).sort());
    // Encrypted ballots, whose receipts are their trackers (Base64 SHA-256).
    expect(stored.every((b) => "belenios" in b.content)).toBe(true);
    for (const receipt of receipts) expect(receipt).toMatch(/^[A-Za-z0-9+/]{43}$/);
    expect(page).toContain(`Clause 2 of ${clauses.length} · ${clauses.length - 1} left to vote on`);
    // Shown once: the page clears the cookie.
    expect(next.headers.getSetCookie().some((c) => /^bk_cast=;.*Max-Age=0/.test(c))).toBe(true);
  });

  it("shows no receipts from a cookie it cannot read", async () => {
    const page = await html(await setup.app.request(`/constitution/vote/${clauses[1]}`, { cookie: `${member}; bk_cast=not-json` }));
    expect(page).not.toContain('class="receipt"');
  });

  it("says beside the cast buttons why a ballot was refused, when its questions closed before the round", async () => {
    const founder3 = await cookieFor(setup.database.db, "founder3@example.org");
    const clauseId = clauses[3]!;
    const questions = items.filter((i) => i.clauseId === clauseId).map((i) => i.pollId);
    const [before] = await setup.database.db.select({ closesAt: polls.closesAt }).from(polls).where(inArray(polls.id, questions));
    // The clause's questions are past their closing time; the round is not yet closed and counted.
    await setup.database.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 60_000) })
      .where(inArray(polls.id, questions));
    try {
      const response = await setup.app.request(`/constitution/vote/${clauseId}`, { form: yesTo(clauseId), cookie: founder3 });
      expect(response.status).toBe(400);
      const page = await html(response);
      expect(errorLine(page, "cast")).toBe("This poll is not open for voting");
      expect(describedBy(page, "cast")).toEqual(["cast-error"]);
      expect(page).toMatch(/<button [^>]*value="stop"[^>]*aria-describedby="cast-error"/);
      expect(page).toContain('href="#cast"');
    } finally {
      await setup.database.db.update(polls).set({ closesAt: before!.closesAt }).where(inArray(polls.id, questions));
    }
  });

  it("stops for now when asked, back on the progress page", async () => {
    const response = await setup.app.request(`/constitution/vote/${clauses[1]}`, { form: yesTo(clauses[1]!, "stop"), cookie: member });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/constitution/vote");
    const page = await html(await setup.app.request("/constitution/vote", { cookie: `${member}; ${castCookie(response)}` }));
    expect(page).toMatch(/Your ballot on 2\. [^<]+ is cast/);
    expect(page).toContain(`You have voted on 2 of ${clauses.length} clauses. ${clauses.length - 2} left.`);
  });

  it("comes back to a clause the member skipped, and ends on the progress page after the last", async () => {
    // Everything but the third clause cast already; the member is on the last clause.
    const founder1 = setup.ids[0]!;
    const last = clauses[clauses.length - 1]!;
    for (const item of items)
      if (![clauses[0], clauses[1], clauses[2], last].includes(item.clauseId))
        await castBallot(setup.database.db, { pollId: item.pollId, userId: founder1, choice: "yes" });
    const fromLast = await setup.app.request(`/constitution/vote/${last}`, { form: yesTo(last), cookie: member });
    expect(fromLast.headers.get("Location")).toBe(`/constitution/vote/${clauses[2]}`);
    const skipped = await html(await setup.app.request(`/constitution/vote/${clauses[2]}`, { cookie: member }));
    expect(skipped).toContain("This is the last clause you have not voted on.");
    expect(skipped).not.toContain("Cast it and stop for now");
    const done = await setup.app.request(`/constitution/vote/${clauses[2]}`, { form: yesTo(clauses[2]!), cookie: member });
    expect(done.headers.get("Location")).toBe("/constitution/vote");
    const page = await html(await setup.app.request("/constitution/vote", { cookie: member }));
    expect(page).toContain("You have voted on every clause. Thank you.");
  });

  it("still shows the receipts when the round closed between the cast and the next page", async () => {
    const other = await cookieFor(setup.database.db, "founder2@example.org");
    const cast = await setup.app.request(`/constitution/vote/${clauses[0]}`, { form: yesTo(clauses[0]!, "stop"), cookie: other });
    expect(cast.status).toBe(302);
    const closed = await closeRound(setup.database.db, systemActor(), { reason: "Test: the round closes at this moment" });
    expect(closed.ok).toBe(true);
    const response = await setup.app.request("/constitution/vote", { cookie: `${other}; ${castCookie(cast)}` });
    const page = await html(response);
    expect(page).toContain("No vote on the constitution is open at the moment.");
    expect(page).toMatch(/Your ballot on the last clause is cast/);
    expect(page).toMatch(/<code class="receipt">[^<]+<\/code>/);
    expect(response.headers.getSetCookie().some((c) => /^bk_cast=;.*Max-Age=0/.test(c))).toBe(true);
  });
});
