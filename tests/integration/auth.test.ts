import { and, desc, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_LINKS_PER_IP, MAX_MAIL_REQUESTS_OVERALL } from "../../app/modules/auth/rate-limit";
import { hashToken, keyedHash } from "../../app/modules/auth/tokens";
import { grantRole } from "../../app/modules/users/users.server";
import { systemActor } from "../../app/modules/audit/audit.server";
import { auditLog, outbox, sessions, signInRequests, signInTokens, users } from "../../db/schema";
import { createTestApp, sessionCookieFrom, withoutNonce } from "../support/app-harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  await grantRole(database.db, { email: "Member@Example.org", displayName: "Mem Ber", role: "member", actor: systemActor() });
});
afterAll(() => database.drop());
beforeEach(async () => {
  // Rate limits count earlier requests; each test starts with a clean slate.
  await database.db.delete(signInRequests);
});

async function latestLinkFor(email: string): Promise<string> {
  const [mail] = await database.db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.id)).limit(1);
  const match = mail?.bodyText.match(/http:\/\/localhost:3000(\/login\/verify\?token=[a-z2-7]+)/);
  if (!match?.[1]) throw new Error(`no sign-in link mailed to ${email}`);
  return match[1];
}

async function signInThroughLink(email: string, ip?: string): Promise<string> {
  const asked = await app.request("/login", { form: { email }, ip });
  expect(asked.status).toBe(200);
  const link = await latestLinkFor(email.toLowerCase());
  const token = new URL(link, "http://x").searchParams.get("token") ?? "";
  const done = await app.request("/login/verify", { form: { token } });
  expect(done.status).toBe(302);
  const cookie = sessionCookieFrom(done);
  expect(cookie).not.toBeNull();
  return cookie as string;
}

describe("sign-in by emailed link", () => {
  it("mails a link, and the link signs the person in", async () => {
    const page = await app.request("/login", { form: { email: "member@example.org" } });
    expect(await page.text()).toContain("Check your email");
    const link = await latestLinkFor("member@example.org");
    // Opening the link does not sign in (mail scanners open links); it shows a button.
    const opened = await app.request(link);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain("member@example.org");
    const token = new URL(link, "http://x").searchParams.get("token") ?? "";
    const done = await app.request("/login/verify", { form: { token } });
    expect(done.status).toBe(302);
    const setCookie = done.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const home = await app.request("/", { cookie: sessionCookieFrom(done) });
    expect(await home.text()).toContain("Mem Ber");
  });

  it("stores only a hash of the token, expiring in 15 minutes", async () => {
    await app.request("/login", { form: { email: "member@example.org" } });
    const link = await latestLinkFor("member@example.org");
    const token = new URL(link, "http://x").searchParams.get("token") ?? "";
    const rows = await database.db.select().from(signInTokens);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    // Keyed with the server secret (HMAC-SHA-256), not a plain SHA-256 anyone could recompute.
    expect(rows.some((r) => r.tokenHash === keyedHash(app.env.appSecret, token))).toBe(true);
    expect(rows.some((r) => r.tokenHash === hashToken(token))).toBe(false);
    const newest = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    const minutes = ((newest?.expiresAt.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it("works once only", async () => {
    await app.request("/login", { form: { email: "member@example.org" } });
    const token = new URL(await latestLinkFor("member@example.org"), "http://x").searchParams.get("token") ?? "";
    const first = await app.request("/login/verify", { form: { token } });
    expect(sessionCookieFrom(first)).not.toBeNull();
    const second = await app.request("/login/verify", { form: { token } });
    expect(sessionCookieFrom(second)).toBeNull();
    const page = await app.request(`/login/verify?token=${token}`);
    expect(await page.text()).toContain("expired or has already been used");
  });

  it("refuses an expired link", async () => {
    await app.request("/login", { form: { email: "member@example.org" } });
    const token = new URL(await latestLinkFor("member@example.org"), "http://x").searchParams.get("token") ?? "";
    await database.db.update(signInTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    const res = await app.request("/login/verify", { form: { token } });
    expect(sessionCookieFrom(res)).toBeNull();
  });

  it("answers the same whether or not the email is known, and sends no link to an unknown address", async () => {
    const before = await database.db.select().from(outbox);
    const known = await (await app.request("/login", { form: { email: "member@example.org" } })).text();
    const unknown = await (await app.request("/login", { form: { email: "stranger@example.org" } })).text();
    const strip = (html: string) => withoutNonce(html).replace(/member@example\.org|stranger@example\.org/g, "EMAIL");
    expect(strip(unknown)).toBe(strip(known));
    const after = await database.db.select().from(outbox);
    expect(after.length).toBe(before.length + 2);
    const toStranger = after.filter((m) => m.toAddress === "stranger@example.org");
    expect(toStranger.map((m) => m.kind)).toEqual(["sign-in-no-account"]);
    expect(toStranger[0]?.bodyText).not.toContain("/login/verify");
  });

  it("gives the same response, and writes the same request and mail rows, for a known and an unknown address", async () => {
    const counts = async () => {
      const [requests] = await database.db.select({ n: sql<number>`count(*)::int` }).from(signInRequests);
      const [mails] = await database.db.select({ n: sql<number>`count(*)::int` }).from(outbox);
      return { requests: requests?.n ?? -1, mails: mails?.n ?? -1 };
    };
    const answer = async (email: string) => {
      const before = await counts();
      const res = await app.request("/login", { form: { email }, ip: "198.51.100.50" });
      const after = await counts();
      // Each page has a script nonce of its own, random by design: it says nothing of the address.
      const nonce = /'nonce-([^']{1,64})'/.exec(res.headers.get("content-security-policy") ?? "")?.[1] ?? "no nonce";
      const headers = [...res.headers.entries()].filter(([name]) => name !== "date").map(([name, value]) => [name, value.replaceAll(nonce, "NONCE")]);
      const body = (await res.text()).replaceAll(email, "EMAIL").replaceAll(nonce, "NONCE");
      return { status: res.status, headers, body, written: { requests: after.requests - before.requests, mails: after.mails - before.mails } };
    };
    const known = await answer("member@example.org");
    const unknown = await answer("nobody-x@example.org");
    expect(unknown).toEqual(known);
    expect(known.status).toBe(200);
    expect(known.written).toEqual({ requests: 1, mails: 1 });
  });

  it("keeps only keyed hashes of the address and connection it counts", async () => {
    await app.request("/login", { form: { email: "member@example.org" }, ip: "198.51.100.60" });
    const rows = await database.db.select().from(signInRequests);
    expect(rows.map((r) => r.emailHash)).toEqual([keyedHash(app.env.appSecret, "sign-in:email:member@example.org")]);
    expect(rows.map((r) => r.ipHash)).toEqual([keyedHash(app.env.appSecret, "sign-in:ip:198.51.100.60")]);
    expect(rows[0]?.emailHash).not.toBe(hashToken("sign-in:email:member@example.org"));
  });

  it("does not accept a link stored the old way (plain SHA-256), nor one keyed with another secret", async () => {
    const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, "member@example.org"));
    const expiresAt = new Date(Date.now() + 10 * 60_000);
    const oldWay = "a".repeat(32);
    const otherSecret = "b".repeat(32);
    await database.db.insert(signInTokens).values([
      { tokenHash: hashToken(oldWay), userId: user?.id ?? "", expiresAt },
      { tokenHash: keyedHash("another-server-secret-0123456789abcdef", otherSecret), userId: user?.id ?? "", expiresAt },
    ]);
    for (const token of [oldWay, otherSecret]) {
      const res = await app.request("/login/verify", { form: { token } });
      expect(sessionCookieFrom(res)).toBeNull();
    }
  });

  it("explains a missing or malformed email next to the field", async () => {
    const empty = await app.request("/login", { form: { email: "" } });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain('href="#email"');
    expect(html).toContain("Enter your email address");
    const bad = await app.request("/login", { form: { email: "not-an-address" } });
    expect(await bad.text()).toContain("Enter an email address in the correct format");
  });

  it("limits links per email address", async () => {
    for (let i = 0; i < 3; i += 1) {
      expect((await app.request("/login", { form: { email: "member@example.org" }, ip: `198.51.100.${i}` })).status).toBe(200);
    }
    const limited = await app.request("/login", { form: { email: "member@example.org" }, ip: "198.51.100.99" });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("Too many sign-in links have been asked for this email address");
  });

  // 400 requests through the app: generous, for a shared and slow CI machine.
  it("lets a meeting of 200 people on one connection each get a link", { timeout: 180_000 }, async () => {
    for (let i = 0; i < 200; i += 1) {
      await grantRole(database.db, { email: `meeting${i}@example.org`, displayName: `Attendee ${i}`, role: "member", actor: systemActor() });
    }
    for (let i = 0; i < 200; i += 1) {
      expect((await app.request("/login", { form: { email: `meeting${i}@example.org` }, ip: "203.0.113.7" })).status).toBe(200);
    }
    const mailed = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(and(like(outbox.toAddress, "meeting%@example.org"), eq(outbox.kind, "sign-in")));
    expect(mailed[0]?.n).toBe(200);
    // One of them still cannot flood their own address: the fourth link for it is refused.
    for (let i = 0; i < 2; i += 1) {
      expect((await app.request("/login", { form: { email: "meeting0@example.org" }, ip: "203.0.113.7" })).status).toBe(200);
    }
    const limited = await app.request("/login", { form: { email: "meeting0@example.org" }, ip: "203.0.113.7" });
    expect(limited.status).toBe(429);
  });

  it("limits links per connection", async () => {
    const ipHash = keyedHash(app.env.appSecret, "sign-in:ip:203.0.113.8");
    const earlier = Array.from({ length: MAX_LINKS_PER_IP - 1 }, (_, i) => ({ emailHash: `earlier-${i}`, ipHash }));
    await database.db.insert(signInRequests).values(earlier);
    expect((await app.request("/login", { form: { email: "someone@example.org" }, ip: "203.0.113.8" })).status).toBe(200);
    const limited = await app.request("/login", { form: { email: "member@example.org" }, ip: "203.0.113.8" });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("from your connection");
    // Another connection is not affected.
    expect((await app.request("/login", { form: { email: "member@example.org" }, ip: "203.0.113.9" })).status).toBe(200);
  });

  it("holds an overall limit across every connection", async () => {
    const earlier = Array.from({ length: MAX_MAIL_REQUESTS_OVERALL - 1 }, (_, i) => ({ emailHash: `earlier-${i}`, ipHash: `ip-${i}` }));
    await database.db.insert(signInRequests).values(earlier);
    expect((await app.request("/login", { form: { email: "member@example.org" }, ip: "192.0.2.1" })).status).toBe(200);
    const limited = await app.request("/login", { form: { email: "member@example.org" }, ip: "192.0.2.2" });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("A great many people are asking for sign-in links just now");
    // Requests older than the window no longer count.
    await database.db.update(signInRequests).set({ createdAt: sql`now() - interval '16 minutes'` });
    expect((await app.request("/login", { form: { email: "member@example.org" }, ip: "192.0.2.2" })).status).toBe(200);
  });

  it("never sends a person elsewhere after sign-in (no open redirect)", async () => {
    const asked = await app.request("/login", { form: { email: "member@example.org", redirectTo: "//evil.example/x" } });
    expect(asked.status).toBe(200);
    const token = new URL(await latestLinkFor("member@example.org"), "http://x").searchParams.get("token") ?? "";
    const done = await app.request("/login/verify", { form: { token } });
    expect(done.headers.get("Location")).toBe("/");
  });

  it("returns the person to the page they asked for", async () => {
    const refused = await app.request("/account");
    expect(refused.status).toBe(302);
    expect(refused.headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
    await app.request("/login", { form: { email: "member@example.org", redirectTo: "/account" } });
    const token = new URL(await latestLinkFor("member@example.org"), "http://x").searchParams.get("token") ?? "";
    const done = await app.request("/login/verify", { form: { token } });
    expect(done.headers.get("Location")).toBe("/account");
  });
});

describe("sessions", () => {
  it("marks the cookie Secure when served over HTTPS", async () => {
    await app.request("/login", { form: { email: "member@example.org" } });
    const token = new URL(await latestLinkFor("member@example.org"), "http://x").searchParams.get("token") ?? "";
    const done = await app.request("/login/verify", { form: { token }, secure: true });
    expect(done.headers.getSetCookie().join("\n")).toMatch(/; Secure/);
  });

  it("slides the expiry forward when used in its second half", async () => {
    const cookie = await signInThroughLink("member@example.org");
    await database.db.update(sessions).set({ expiresAt: new Date(Date.now() + 3 * 24 * 3600_000) });
    const res = await app.request("/account", { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/Max-Age=25\d{5}/);
    const [row] = await database.db.select().from(sessions).orderBy(desc(sessions.expiresAt)).limit(1);
    expect((row?.expiresAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
  });

  it("ends an expired session and clears its cookie", async () => {
    const cookie = await signInThroughLink("member@example.org");
    await database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    const res = await app.request("/account", { cookie });
    expect(res.status).toBe(302);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/Max-Age=0/);
  });

  it("signs out: the session is gone from the database", async () => {
    const cookie = await signInThroughLink("member@example.org");
    const out = await app.request("/logout", { form: {}, cookie });
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie().join("\n")).toMatch(/Max-Age=0/);
    const after = await app.request("/account", { cookie });
    expect(after.status).toBe(302);
  });

  it("signs out everywhere: every session of the person ends", async () => {
    const phone = await signInThroughLink("member@example.org");
    const laptop = await signInThroughLink("member@example.org");
    const res = await app.request("/account", { form: { intent: "sign-out-everywhere" }, cookie: laptop });
    expect(res.status).toBe(302);
    expect((await app.request("/account", { cookie: phone })).status).toBe(302);
    expect((await app.request("/account", { cookie: laptop })).status).toBe(302);
    const [{ n } = { n: -1 }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(sessions);
    expect(n).toBe(0);
    const [entry] = await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry?.action).toBe("session.signed_out_everywhere");
  });

  it("refuses a form posted from another site", async () => {
    const cookie = await signInThroughLink("member@example.org");
    const res = await app.request("/account", {
      form: { intent: "sign-out-everywhere" },
      cookie,
      origin: "https://evil.example",
    });
    expect(res.status).toBe(403);
    expect((await app.request("/account", { cookie })).status).toBe(200);
  });

  it("records sign-in and sign-out in the audit log", async () => {
    const cookie = await signInThroughLink("member@example.org");
    await app.request("/logout", { form: {}, cookie });
    const entries = await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(2);
    expect(entries.map((e) => e.action)).toEqual(["session.signed_out", "session.signed_in"]);
  });
});
