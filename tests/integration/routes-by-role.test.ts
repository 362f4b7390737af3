import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { closePoll, createPoll, openPoll } from "../../app/modules/polls/polls.server";
import { createImportPreview, runImport } from "../../app/modules/pledges/import.server";
import { grantRole } from "../../app/modules/users/users.server";
import { foundingMembers, movement, users } from "../../db/schema";
import { proposeAmendment, startDraft } from "../../app/modules/constitution/drafting.server";
import { openRound } from "../../app/modules/constitution/round.server";
import { createElection, listPositions } from "../../app/modules/elections/elections.server";
import { castBallot } from "../../app/modules/polls/polls.server";
import { eq } from "drizzle-orm";
import { isAllowed, principals, type Action, type Principal } from "../../app/utils/permissions";
import { cookieFor, createTestApp } from "../support/app-harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Every page of the app and the permission its loader asks for. The test fails when a route
 * exists that is not listed here, so a new page cannot skip this walk.
 */
type RouteRule = Action | { action: Action; allowedStatus: number; why: string; statusFor?: Partial<Record<Principal, number>> };

const routeActions: Record<string, RouteRule> = {
  "/": "site.view",
  "/campaign": "site.view",
  "/constitution": "constitution.read",
  "/constitution.pdf": "constitution.read",
  "/constitution/compare": "constitution.read",
  "/constitution/results": "constitution.read",
  "/constitution/manage": "constitution.manage",
  "/constitution/clauses/:clauseId": "constitution.read",
  "/constitution/clauses/:clauseId/amend": "constitution.take_part",
  "/constitution/amendments/:number": { action: "constitution.take_part", allowedStatus: 200, why: "names members: founding members and officials only", statusFor: { member: 403 } },
  "/constitution/amendments.pdf": { action: "constitution.take_part", allowedStatus: 200, why: "names members: founding members and officials only", statusFor: { member: 403 } },
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
  "/healthz": "site.view",
  "/dev/outbox": "site.view",
  "/login": "session.start",
  "/login/verify": "session.start",
  "/logout": "account.manage",
  "/account": "account.manage",
  "/audit": "audit.read",
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
  "/polls": "site.view",
  "/polls/new": "poll.manage",
  "/polls/:pollId": "site.view",
  "/polls/:pollId/receipt": "site.view",
  "/polls/:pollId/ballots": "site.view",
  "/polls/:pollId/ballots.blt": "site.view",
};

function pathsOf(build: ServerBuild): string[] {
  const full = (id: string): string => {
    const route = build.routes[id];
    if (!route) return "";
    const parent = route.parentId ? full(route.parentId) : "";
    return [parent, route.path ?? ""].filter(Boolean).join("/").replace(/\/+/g, "/");
  };
  return Object.keys(build.routes)
    .filter((id) => id !== "root")
    .map((id) => `/${full(id)}`.replace(/\/+/g, "/").replace(/(.)\/$/, "$1"));
}

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const cookies: Partial<Record<Principal, string>> = {};
let pollId = "";
let importId = "";
let positionId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  // Development mode shows the mailbox page without a seeded demo.
  app = await createTestApp(database.db, { nodeEnv: "development" });
  for (const role of ["member", "organiser", "returning_officer"] as const) {
    const email = `${role}@example.org`;
    await grantRole(database.db, { email, role, actor: systemActor() });
    cookies[role] = await cookieFor(database.db, email);
  }
  await database.db.insert(movement).values({ name: "Walk", partyName: "the Party", deadline: new Date(Date.now() + 86_400_000) });
  // A finished import, so that its progress page and errors file exist.
  const preview = await createImportPreview(database.db, systemActor(), { fileName: "walk.csv", fileText: "name,email,postcode,relation,data consent\nA,a@example.org,EH1 1YZ,member,yes\n" });
  if (!preview.ok) throw new Error(preview.code);
  importId = preview.importId;
  await runImport(database.db, systemActor(), importId, preview.preview.mapping, false);
  // A closed ranked poll, so that every poll page (results, ballots, BLT) has something to show.
  const actor = systemActor();
  const created = await createPoll(database.db, actor, {
    title: "Walk",
    method: "irv",
    options: [{ label: "A" }, { label: "B" }],
    closesAt: new Date(Date.now() + 3600_000),
  });
  if (!created.ok) throw new Error(created.code);
  pollId = created.pollId;
  await openPoll(database.db, actor, pollId, [await userId("member@example.org")]);
  await closePoll(database.db, actor, pollId);
  // A founding member (not the walk's member, who is not one) proposes A1; the standing orders
  // are adopted and a voting round is open, so that every constitution page has something to show.
  const founder = await grantRole(database.db, { email: "founder@example.org", role: "member", actor: systemActor() });
  if (!founder.ok) throw new Error("founder not created");
  const member = founder.userId;
  await database.db.insert(foundingMembers).values({ userId: member, acceptedAt: new Date(), membershipNumber: 1 });
  const so = await createPoll(database.db, actor, { title: "Standing orders", method: "yes-no", options: [], closesAt: new Date(Date.now() + 3600_000) });
  if (!so.ok) throw new Error(so.code);
  await openPoll(database.db, actor, so.pollId, [member]);
  await castBallot(database.db, { pollId: so.pollId, userId: member, choice: "yes" });
  await closePoll(database.db, actor, so.pollId);
  await database.db.update(movement).set({ standingOrdersPollId: so.pollId });
  await startDraft(database.db, actor, { kind: "model" });
  const proposed = await proposeAmendment(database.db, { id: member, email: "founder@example.org", isOrganiser: false }, { operation: { kind: "delete", clauseId: "aims" }, reason: "Walk." });
  if (!proposed.ok) throw new Error(proposed.code);
  const round = await openRound(database.db, actor, { closesAt: new Date(Date.now() + 3600_000) });
  if (!round.ok) throw new Error(round.code);
  // An election in nominations, for the position page.
  const election = await createElection(database.db, actor, { title: "Walk", nominationsOpenAt: new Date(Date.now() - 60_000), nominationsCloseAt: new Date(Date.now() + 3600_000), campaignsOfficer: false, committeeSeats: 3 });
  if (!election.ok) throw new Error(election.code);
  positionId = (await listPositions(database.db, election.electionId))[0]!.id;
});

async function userId(email: string): Promise<string> {
  const [u] = await database.db.select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(email);
  return u.id;
}
afterAll(() => database.drop());

describe("every route, every role", () => {
  it("lists every route of the build", async () => {
    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    expect(pathsOf(build).sort()).toEqual(Object.keys(routeActions).sort());
  });

  for (const [route, rule] of Object.entries(routeActions)) {
    const action = typeof rule === "string" ? rule : rule.action;
    for (const principal of principals) {
      const allowedStatus = typeof rule === "string" ? 200 : (rule.statusFor?.[principal] ?? rule.allowedStatus);
      const allowed = isAllowed(principal, action);
      const expected = allowed ? String(allowedStatus) : principal === "visitor" ? "302 to sign in" : "403";
      it(`${route} as ${principal}: ${expected}`, async () => {
        const res = await app.request(route.replace(":pollId", pollId).replace(":importId", importId).replace(":clauseId", "aims").replace(":number", "1").replace(":positionId", positionId).replace(":doc", "founding-record.pdf").replace(":slot", "1"), { cookie: cookies[principal] ?? null });
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
