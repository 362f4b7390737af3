import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAllowed, principals, type Action, type Principal } from "../../app/utils/permissions";
import { createTestApp } from "../support/app-harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { createWalk, loadBuiltRoutes, pathsOf, type Walk } from "../support/walk-fixture";

/**
 * Every page of the app and the permission its loader asks for. The test fails when a route
 * exists that is not listed here, so a new page cannot skip this walk.
 */
type RouteRule = Action | { action: Action; allowedStatus: number; why: string; statusFor?: Partial<Record<Principal, number>> };

const routeActions: Record<string, RouteRule> = {
  "/": "site.view",
  "/campaign": "site.view",
  "/constitution": "constitution.read",
  "/constitution/full": "constitution.read",
  "/constitution/read/:clauseId": "constitution.read",
  "/constitution.pdf": "constitution.read",
  "/constitution/compare": "constitution.read",
  "/constitution/results": "constitution.read",
  "/constitution/manage": "constitution.manage",
  "/constitution/clauses/:clauseId": "constitution.read",
  "/constitution/clauses/:clauseId/amend": "constitution.take_part",
  "/constitution/amendments/:number": {
    action: "constitution.take_part",
    allowedStatus: 200,
    why: "names members: founding members and officials only",
    statusFor: { member: 403 },
  },
  "/constitution/amendments.pdf": {
    action: "constitution.take_part",
    allowedStatus: 200,
    why: "names members: founding members and officials only",
    statusFor: { member: 403 },
  },
  "/constitution/vote": "constitution.take_part",
  "/constitution/vote/:clauseId": "constitution.take_part",
  "/elections": "site.view",
  "/elections/positions/:positionId": "site.view",
  "/elections/positions/:positionId/declaration.pdf": { action: "site.view", allowedStatus: 404, why: "nothing is declared in the walk's election" },
  "/registration": "site.view",
  "/registration/details": "registration.manage",
  "/registration/emblems": "registration.manage",
  "/registration/emblems/:slot": { action: "registration.manage", allowedStatus: 404, why: "no emblem is uploaded in the walk" },
  "/registration/names": "registration.manage",
  "/registration/readiness": "registration.manage",
  "/registration/officer": "registration.officer",
  "/registration/financial-scheme": "registration.manage",
  "/registration/documents": "registration.manage",
  "/registration/documents/status": "registration.manage",
  "/registration/documents/:doc": "registration.manage",
  "/registration/pack.pdf": "registration.manage",
  "/registration/pack.zip": "registration.manage",
  "/dev/outbox": "site.view",
  "/login": "session.start",
  "/login/verify": "session.start",
  "/logout": "account.manage",
  "/account": "account.manage",
  "/audit": "audit.read",
  "/roles": "roles.read",
  "/pledge": "site.view",
  "/pledge/confirm": "site.view",
  "/pledge/withdraw": "site.view",
  "/campaign/manage": "campaign.manage",
  "/founding": "founding.take_part",
  "/founding/standing-orders": "site.view",
  "/campaign/ultimatum.pdf": "site.view",
  "/campaign/import": "pledges.manage",
  "/campaign/imports/:importId": "pledges.manage",
  "/campaign/imports/:importId/errors.csv": "pledges.manage",
  "/campaign/export.csv": "pledges.manage",
  "/founding/resignation-letter.pdf": { action: "founding.take_part", allowedStatus: 403, why: "only a founding member who must resign has one" },
  "/founding/resignation-letter.txt": { action: "founding.take_part", allowedStatus: 403, why: "only a founding member who must resign has one" },
  "/account/data.json": "account.manage",
  "/account/email": "account.confirm_email",
  "/founding/leave": "founding.take_part",
  "/polls": "site.view",
  "/polls/new": "poll.manage",
  "/polls/:pollId": "site.view",
  "/polls/:pollId/receipt": "site.view",
  "/polls/:pollId/ballots": "site.view",
  "/polls/:pollId/ballots.blt": "site.view",
  // The walk's poll is a closed instant-runoff poll: its count sheet is public with its result (issue 18).
  "/polls/:pollId/count-sheet.pdf": "site.view",
  // The walk's closed poll is encrypted (decision 044): its Belenios record is public.
  "/polls/:pollId/record.bel": "site.view",
  // Named trustees only (decision 045): the walk's poll has none, so a signed-in person finds no page.
  "/polls/:pollId/trustee": { action: "poll.vote", allowedStatus: 404, why: "the walk's poll has no named trustees" },
  "/polls/:pollId/trustee/:file": { action: "poll.vote", allowedStatus: 404, why: "the walk's poll has no named trustees" },
  // An election's trustee set (decision 047): the walk has none, so a signed-in person finds no page.
  // Who holds each vote's key is public; naming them is the returning officer's (road-trustees.test.ts).
  "/trustees": "site.view",
  "/trustees/:setId": { action: "poll.vote", allowedStatus: 404, why: "the walk has no trustee set" },
  "/trustees/:setId/:file": { action: "poll.vote", allowedStatus: 404, why: "the walk has no trustee set" },
};

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let walk: Walk;
const cookies: Partial<Record<Principal, string>> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  // Development mode shows the mailbox page without a seeded demo.
  app = await createTestApp(database.db, { nodeEnv: "development" });
  walk = await createWalk(database.db);
  cookies.member = walk.cookies.member;
  cookies.organiser = walk.cookies.organiser;
  cookies.returning_officer = walk.cookies.returning_officer;
});

afterAll(() => database.drop());

describe("every route, every role", () => {
  it("lists every route of the build", async () => {
    expect(pathsOf(await loadBuiltRoutes()).sort()).toEqual(Object.keys(routeActions).sort());
  });

  for (const [route, rule] of Object.entries(routeActions)) {
    const action = typeof rule === "string" ? rule : rule.action;
    for (const principal of principals) {
      const allowedStatus = typeof rule === "string" ? 200 : (rule.statusFor?.[principal] ?? rule.allowedStatus);
      const allowed = isAllowed(principal, action);
      const expected = allowed ? String(allowedStatus) : principal === "visitor" ? "302 to sign in" : "403";
      it(`${route} as ${principal}: ${expected}`, async () => {
        const res = await app.request(walk.fill(route), { cookie: cookies[principal] ?? null });
        if (allowed) {
          expect(res.status).toBe(allowedStatus);
        } else if (principal === "visitor") {
          expect(res.status).toBe(302);
          expect(res.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
        } else {
          expect(res.status).toBe(403);
          expect(await res.text()).toContain("You do not have permission");
        }
      });
    }
  }

  it("hides the mailbox in demo mode unless the database holds the seeded demo", async () => {
    const demo = await createTestApp(database.db, { demoMode: true, nodeEnv: "production" });
    expect((await demo.request("/dev/outbox")).status).toBe(404);
  });

  it("hides the demo mailbox when real mail is configured", async () => {
    const production = await createTestApp(database.db, { demoMode: false, smtpUrl: "smtp://mail.example.org" });
    expect((await production.request("/dev/outbox")).status).toBe(404);
  });
});
