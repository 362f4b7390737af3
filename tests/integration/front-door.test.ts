import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { grantRole } from "../../app/modules/users/users.server";
import { DEFAULT_BODY_BYTES } from "../../app/utils/input-limits";
import { sessions, signInRequests, users } from "../../db/schema";
import { cookieFor, createTestApp } from "../support/app-harness";
import { chunkedBody } from "../support/chunked-body";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The front door (app/http/front-door.server.ts) that every request passes, here and in
 * server.ts: what it refuses before any page runs, and the headers it puts on every answer.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let organiser = "";

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  await grantRole(database.db, { email: "organiser@example.org", role: "organiser", actor: systemActor() });
  organiser = await cookieFor(database.db, "organiser@example.org");
});
afterAll(() => database.drop());
afterEach(() => vi.restoreAllMocks());

async function signInRequestCount(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(signInRequests);
  return row?.n ?? -1;
}

describe("body limits, counted on the bytes read", () => {
  it("refuses a body over the limit with 413 and a plain sentence, having read no more than the limit", async () => {
    const body = chunkedBody(200 * 1024 * 1024);
    const res = await app.request("/login", { method: "POST", body: body.stream, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("larger than this page accepts (1 MB)");
    // It stopped reading at the limit: far less than the 200 MB on offer was ever pulled.
    expect(body.sent()).toBeLessThan(DEFAULT_BODY_BYTES + 256 * 1024);
    expect(await signInRequestCount()).toBe(0);
  });

  it("does not believe a Content-Length that understates the body", async () => {
    const body = chunkedBody(3 * 1024 * 1024);
    const res = await app.request("/login", {
      method: "POST",
      body: body.stream,
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": "10" },
    });
    expect(res.status).toBe(413);
  });

  it("allows a page that takes a file its own, larger limit", async () => {
    const big = "x".repeat(2 * 1024 * 1024);
    const form = new FormData();
    form.set("file", new Blob([big], { type: "text/csv" }), "pledges.csv");
    const res = await app.request("/campaign/import", { method: "POST", body: form, cookie: organiser });
    expect(res.status).not.toBe(413);
  });

  it("keeps a page's larger limit for those allowed to use the page: anyone else gets the default", async () => {
    await grantRole(database.db, { email: "member@example.org", role: "member", actor: systemActor() });
    const member = await cookieFor(database.db, "member@example.org");
    const form = new FormData();
    form.set("file", new Blob(["x".repeat(2 * 1024 * 1024)], { type: "text/csv" }), "pledges.csv");
    expect((await app.request("/campaign/import", { method: "POST", body: form, cookie: member })).status).toBe(413);
    expect((await app.request("/campaign/import", { method: "POST", body: form })).status).toBe(413);
  });

  it("answers Remix's data requests over the limit with the sentence alone", async () => {
    const res = await app.request("/login.data", {
      method: "POST",
      body: "email=" + "a".repeat(2 * 1024 * 1024),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("Content-Type")).toContain("text/plain");
  });
});

describe("forms a page can read, and nothing else", () => {
  it.each([
    ["JSON", "application/json", '{"email":"a@example.org"}'],
    ["XML", "application/xml", "<email>a@example.org</email>"],
    ["plain text", "text/plain", "email=a@example.org"],
    ["multipart with no boundary", "multipart/form-data", "--x\r\n"],
  ])("refuses %s with 415", async (_name, type, body) => {
    const res = await app.request("/login", { method: "POST", body, headers: { "Content-Type": type } });
    expect(res.status).toBe(415);
    expect(await res.text()).toContain("only accepts its own form");
    expect(await signInRequestCount()).toBe(0);
  });

  it("refuses a body with no type at all", async () => {
    const res = await app.request("/login", { method: "POST", body: new Blob(["email=a@example.org"]) });
    expect(res.status).toBe(415);
  });

  it("refuses a malformed multipart body with 400", async () => {
    const res = await app.request("/campaign/import", {
      method: "POST",
      cookie: organiser,
      body: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nname,email\r\n', // never closed
      headers: { "Content-Type": "multipart/form-data; boundary=b" },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("arrived incomplete or damaged");
  });

  it("refuses a NUL byte in a field with 400, and stores nothing", async () => {
    const res = await app.request("/login", { form: { email: "a\0@example.org" } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("null character");
    expect(await signInRequestCount()).toBe(0);
  });

  it("refuses a NUL byte in a multipart text field, but not in a file", async () => {
    const withNulField = new FormData();
    withNulField.set("intent", "upload\0");
    expect((await app.request("/campaign/import", { method: "POST", body: withNulField, cookie: organiser })).status).toBe(400);
    const withNulFile = new FormData();
    withNulFile.set("file", new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])]), "emblem.png");
    // A file may hold any bytes: the page itself says what it makes of this one.
    expect(await (await app.request("/campaign/import", { method: "POST", body: withNulFile, cookie: organiser })).text()).not.toContain(
      "Sorry, we could not read what was sent",
    );
  });

  it("lets a page that takes no file read a multipart form itself (only upload pages are handed the parsed form)", async () => {
    const form = new FormData();
    form.set("email", "someone@example.org");
    const res = await app.request("/login", { method: "POST", body: form });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Check your email");
  });

  it("refuses more fields than any page has", async () => {
    const form: Record<string, string> = {};
    for (let i = 0; i < 2000; i += 1) form[`f${i}`] = "x";
    const res = await app.request("/login", { form });
    expect(res.status).toBe(400);
  });

  it("refuses a NUL byte in the address with 400", async () => {
    for (const target of ["/polls%00", "/login?redirectTo=%00", "/constitution/clauses/a%00b"]) {
      const res = await app.request(target);
      expect(res.status, target).toBe(400);
    }
  });
});

describe("who is asking", () => {
  it("refuses a malformed Host with 400", async () => {
    const res = await app.request("/", { headers: { Host: "bad host" } });
    expect(res.status).toBe(400);
  });

  it("ignores X-Forwarded-* unless TRUST_PROXY is set", async () => {
    // A page, not the health check: that is answered before who is asking is read.
    const res = await app.request("/", { headers: { "X-Forwarded-Host": "bad host", "X-Forwarded-For": "not an address" } });
    expect(res.status).toBe(200);
  });

  describe("behind a trusted load balancer", () => {
    let proxied: Awaited<ReturnType<typeof createTestApp>>;
    beforeAll(async () => {
      proxied = await createTestApp(database.db, { trustProxy: true });
    });

    it.each([
      ["X-Forwarded-Host", "evil.example/path"],
      ["X-Forwarded-Host", "a b"],
      ["X-Forwarded-Proto", "gopher"],
      ["X-Forwarded-For", "999.1.1.1"],
      ["X-Forwarded-For", "somewhere"],
    ])("refuses a malformed %s (%s) with 400, not 500", async (header, value) => {
      const res = await proxied.request("/", { headers: { [header]: value } });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(`${header} header could not be read`);
    });

    it("takes the scheme, host and client address from the last hop", async () => {
      const res = await proxied.request("/login", {
        form: { email: "a@example.org" },
        origin: "https://app.example.org",
        headers: { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "app.example.org", "X-Forwarded-For": "198.51.100.1, 203.0.113.9" },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("Strict-Transport-Security")).toContain("max-age=");
    });

    it("refuses a write whose origin is this host over plain http when the site is https", async () => {
      const res = await proxied.request("/login", {
        form: { email: "a@example.org" },
        origin: "http://app.example.org",
        cookie: organiser,
        headers: { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "app.example.org" },
      });
      expect(res.status).toBe(403);
    });
  });
});

describe("headers on every answer", () => {
  const everyAnswer = [
    ["a page", "/"],
    ["a page that is not there", "/no-such-page"],
    ["a data request", "/_root.data"],
    ["a health check", "/healthz"],
    ["a PDF", "/campaign/ultimatum.pdf"],
  ] as const;

  it.each(everyAnswer)("%s: nosniff, no framing, referrer policy", async (_name, path) => {
    const res = await app.request(path);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
    expect(res.headers.get("Referrer-Policy")).toBe("same-origin");
  });

  it("puts them on refusals too", async () => {
    const res = await app.request("/login", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } });
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("gives pages a nonce-based script policy with no inline scripts allowed, and the nonce to Remix's scripts", async () => {
    const res = await app.request("/");
    const policy = res.headers.get("Content-Security-Policy") ?? "";
    expect(policy).not.toContain("unsafe-inline");
    const nonce = /'nonce-([A-Za-z0-9+/=]{16,64})'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]{0,200}>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = await app.request("/");
    expect(again.headers.get("Content-Security-Policy")).not.toContain(nonce);
  });

  it("sends HSTS only when served over https or when APP_URL is https", async () => {
    expect((await app.request("/")).headers.get("Strict-Transport-Security")).toBeNull();
    expect((await app.request("/", { secure: true })).headers.get("Strict-Transport-Security")).toMatch(/^max-age=\d+; includeSubDomains$/);
    const httpsSite = await createTestApp(database.db, { appUrl: "https://app.example.org" });
    expect((await httpsSite.request("/")).headers.get("Strict-Transport-Security")).toMatch(/^max-age=/);
  });

  it("marks a page reached by an e-mailed link with a token no-store, signed in or not", async () => {
    expect((await app.request("/login/verify?token=abcdefghijklmnopqrstuvwxyz234567")).headers.get("Cache-Control")).toBe("no-store");
    expect((await app.request("/pledge/confirm?token=abcdefghijklmnopqrstuvwxyz234567")).headers.get("Cache-Control")).toBe("no-store");
  });

  it("marks every signed-in answer no-store, and leaves public pages cacheable", async () => {
    expect((await app.request("/", { cookie: organiser })).headers.get("Cache-Control")).toBe("no-store");
    expect((await app.request("/registration/officer", { cookie: organiser })).headers.get("Cache-Control")).toBe("no-store");
    expect((await app.request("/campaign/export.csv", { cookie: organiser })).headers.get("Cache-Control")).toBe("no-store");
    expect((await app.request("/")).headers.get("Cache-Control")).not.toBe("no-store");
  });
});

describe("sessions", () => {
  it("end at their absolute lifetime however often they are used", async () => {
    const cookie = await cookieFor(database.db, "organiser@example.org");
    const [user] = await database.db.select().from(users).where(eq(users.email, "organiser@example.org"));
    // Signed in 91 days ago and used every day since: still within its sliding expiry.
    await database.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 91 * 86_400_000), expiresAt: new Date(Date.now() + 20 * 86_400_000) })
      .where(eq(sessions.userId, user!.id));
    const res = await app.request("/account", { cookie });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/login/);
    organiser = await cookieFor(database.db, "organiser@example.org");
  });

  it("slide no further than their absolute lifetime", async () => {
    const cookie = await cookieFor(database.db, "organiser@example.org");
    const [user] = await database.db.select().from(users).where(eq(users.email, "organiser@example.org"));
    // Signed in 80 days ago, used 28 days ago: due to slide, but only 10 days of life are left.
    const createdAt = new Date(Date.now() - 80 * 86_400_000);
    await database.db
      .update(sessions)
      .set({ createdAt, expiresAt: new Date(Date.now() + 2 * 86_400_000) })
      .where(eq(sessions.userId, user!.id));
    const res = await app.request("/account", { cookie });
    expect(res.status).toBe(200);
    // The organiser has other sessions, all made as old; only this one was used and slid.
    const [session] = await database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, user!.id))
      .orderBy(sql`expires_at desc`)
      .limit(1);
    expect(session!.expiresAt.getTime()).toBe(createdAt.getTime() + 90 * 86_400_000);
    expect(res.headers.get("Set-Cookie")).toMatch(/Max-Age=(86[0-9]{4}|8[0-9]{5})/);
    organiser = await cookieFor(database.db, "organiser@example.org");
  });
});

describe("failures are logged by kind, never with what was sent", () => {
  it("logs a page's failure without the query, the form or the error's message", async () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    // A database that has gone away makes any page fail inside its loader.
    const broken = await createTestDatabase();
    const brokenApp = await createTestApp(broken.db);
    await broken.drop();
    const res = await brokenApp.request("/campaign?secret=sign-in-token-123");
    // The database is gone: a 503 that says to try again (decision 040), no longer a 500.
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).toContain("The service is busy or briefly unavailable");
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) {
      expect(line).not.toContain("sign-in-token-123");
      expect(line).not.toContain("select");
    }
    expect(logged.join("\n")).toContain("GET /campaign");
  });
});
