import { describe, expect, it } from "vitest";
import { justCastCookie } from "~/modules/constitution/sitting";
import { newCastRecord, noteCastSent, noteCastStored } from "~/utils/cast-record";
import { castFaultAnswer } from "./cast-fault-answer.server";

const get = (pathname: string, cookieHeader: string | null = null) => ({ method: "GET", pathname, cookieHeader, wantsJson: false });
const post = (pathname: string, wantsJson = false) => ({ method: "POST", pathname, cookieHeader: null, wantsJson });

describe("the front door's answer to a failed request about a ballot", () => {
  it("shows the stored ballot's receipts with 200, to a person and to a script", async () => {
    const record = newCastRecord();
    noteCastSent(record, "/polls/p1");
    noteCastStored(record, { receipts: ["AbCd1234EfGh"], checkAt: "/polls/p1" });
    const page = castFaultAnswer(record, post("/polls/p1"))!;
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    const text = await page.text();
    expect(text).toContain("Your vote was stored");
    expect(text).toContain('<code class="receipt">AbCd1234EfGh</code>');
    expect(text).toContain('href="/polls/p1"');
    const answer = castFaultAnswer(record, post("/polls/p1/ballot", true))!;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ok: true, receipt: "AbCd1234EfGh" });
  });

  it("shows the receipts carried in the sitting's cookie on the page the redirect led to", async () => {
    const cookie = justCastCookie({ clauseId: "aims", receipts: ["Receipt0001", "Receipt0002"] }, false).split(";")[0]!;
    const text = await castFaultAnswer(newCastRecord(), get("/constitution/vote/name", cookie))!.text();
    expect(text).toContain("Receipt code for question 2:");
    expect(text).toContain('<code class="receipt">Receipt0002</code>');
  });

  it("sends the voter to check when the outcome is unknown, keeping a 503 and its Retry-After", async () => {
    const record = newCastRecord();
    noteCastSent(record, "/constitution/vote");
    const page = castFaultAnswer(record, post("/constitution/vote/aims"), { status: 503, retryAfter: "5" })!;
    expect(page.status).toBe(503);
    expect(page.headers.get("Retry-After")).toBe("5");
    expect(await page.text()).toContain("Check whether your vote was stored");
    const answer = castFaultAnswer(record, post("/polls/p1/ballot", true))!;
    expect(await answer.json()).toMatchObject({ ok: false, code: "outcome_unknown" });
  });

  it("leaves every other failure as it was: other pages, Remix's data requests, a script whose ballot was never sent", () => {
    expect(castFaultAnswer(newCastRecord(), get("/campaign"))).toBeNull();
    expect(castFaultAnswer(null, get("/polls"))).toBeNull();
    const stored = newCastRecord();
    noteCastStored(stored, { receipts: ["AbCd1234EfGh"], checkAt: "/constitution/vote" });
    expect(castFaultAnswer(stored, post("/constitution/vote/aims.data"))).toBeNull();
    expect(castFaultAnswer(newCastRecord(), post("/polls/p1/ballot", true))).toBeNull();
  });
});
