import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { systemActor } from "../../app/modules/audit/audit.server";
import { proposeAmendment, startDraft } from "../../app/modules/constitution/drafting.server";
import { openRound } from "../../app/modules/constitution/round.server";
import { createElection } from "../../app/modules/elections/setup.server";
import { listPositions } from "../../app/modules/elections/current-election.server";
import { createImportPreview, runImport } from "../../app/modules/pledges/import.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { grantRole } from "../../app/modules/users/users.server";
import type { Db } from "../../app/utils/db.server";
import { foundingMembers, movement, users } from "../../db/schema";
import { cookieFor } from "./app-harness";
import { ballotCloses, nominationsClose } from "./periods";

/** The built app's routes, as the paths people use ("/polls/:pollId"). */
export async function loadBuiltRoutes(): Promise<ServerBuild> {
  return (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
}

export function pathsOf(build: ServerBuild): string[] {
  return Object.keys(build.routes)
    .filter((id) => id !== "root")
    .map((id) => pathOf(build, id));
}

/** One route's full path, from its own path and its parents'. */
export function pathOf(build: ServerBuild, id: string): string {
  const full = (routeId: string): string => {
    const route = build.routes[routeId];
    if (!route) return "";
    const parent = route.parentId ? full(route.parentId) : "";
    return [parent, route.path ?? ""].filter(Boolean).join("/").replace(/\/+/g, "/");
  };
  return `/${full(id)}`.replace(/\/+/g, "/").replace(/(.)\/$/, "$1");
}

export interface Walk {
  cookies: { member: string; organiser: string; returning_officer: string; founder: string };
  pollId: string;
  importId: string;
  positionId: string;
  /** A route path with its parameters filled from the walk's data. */
  fill(route: string): string;
}

/**
 * A movement with something on every page: a member, an organiser, a returning officer and a
 * founding member; a finished import; a closed ranked poll; the standing orders adopted, the model
 * constitution drafted with amendment A1 and a voting round open; an election in nominations.
 */
export async function createWalk(db: Db): Promise<Walk> {
  const actor = systemActor();
  for (const role of ["member", "organiser", "returning_officer"] as const) {
    await grantRole(db, { email: `${role}@example.org`, role, actor });
  }
  await db.insert(movement).values({ name: "Walk", partyName: "the Party", deadline: new Date(Date.now() + 86_400_000) });
  // A finished import, so that its progress page and errors file exist.
  const preview = await createImportPreview(db, actor, {
    fileName: "walk.csv",
    fileText: "name,email,postcode,relation,data consent\nA,a@example.org,EH1 1YZ,member,yes\n",
  });
  if (!preview.ok) throw new Error(preview.code);
  await runImport(db, actor, preview.importId, preview.preview.mapping, false);
  // A closed ranked poll, so that every poll page (results, ballots, BLT) has something to show.
  const created = await createPoll(db, actor, {
    title: "Walk",
    method: "irv",
    options: [{ label: "A" }, { label: "B" }],
    closesAt: new Date(Date.now() + 3600_000),
  });
  if (!created.ok) throw new Error(created.code);
  await openPoll(db, actor, created.pollId, [await userId(db, "member@example.org")]);
  await closePoll(db, actor, created.pollId);
  // A founding member (not the walk's member, who is not one) proposes A1; the standing orders
  // are adopted and a voting round is open, so that every constitution page has something to show.
  const founder = await grantRole(db, { email: "founder@example.org", role: "member", actor });
  if (!founder.ok) throw new Error("founder not created");
  await db.insert(foundingMembers).values({ userId: founder.userId, acceptedAt: new Date(), membershipNumber: 1 });
  const so = await createPoll(db, actor, { title: "Standing orders", method: "yes-no", options: [], closesAt: new Date(Date.now() + 3600_000) });
  if (!so.ok) throw new Error(so.code);
  await openPoll(db, actor, so.pollId, [founder.userId]);
  await castBallot(db, { pollId: so.pollId, userId: founder.userId, choice: "yes" });
  await closePoll(db, actor, so.pollId);
  await db.update(movement).set({ standingOrdersPollId: so.pollId });
  await startDraft(db, actor, { kind: "model" });
  const proposed = await proposeAmendment(
    db,
    { id: founder.userId, email: "founder@example.org", isOrganiser: false },
    { operation: { kind: "delete", clauseId: "aims" }, reason: "Walk." },
  );
  if (!proposed.ok) throw new Error(proposed.code);
  const round = await openRound(db, actor, { closesAt: ballotCloses() });
  if (!round.ok) throw new Error(round.code);
  // An election in nominations, for the position page.
  const election = await createElection(db, actor, {
    title: "Walk",
    nominationsOpenAt: new Date(Date.now() - 60_000),
    nominationsCloseAt: nominationsClose(new Date(Date.now() - 60_000)),
    campaignsOfficer: false,
    committeeSeats: 3,
  });
  if (!election.ok) throw new Error(election.code);
  const positionId = (await listPositions(db, election.electionId))[0]!.id;
  const walk = {
    cookies: {
      member: await cookieFor(db, "member@example.org"),
      organiser: await cookieFor(db, "organiser@example.org"),
      returning_officer: await cookieFor(db, "returning_officer@example.org"),
      founder: await cookieFor(db, "founder@example.org"),
    },
    pollId: created.pollId,
    importId: preview.importId,
    positionId,
  };
  return {
    ...walk,
    fill: (route) =>
      route
        .replace(":pollId", walk.pollId)
        .replace(":importId", walk.importId)
        .replace(":clauseId", "aims")
        .replace(":number", "1")
        .replace(":positionId", walk.positionId)
        .replace(":doc", "founding-record.pdf")
        .replace(":slot", "1")
        .replace(":setId", "00000000-0000-4000-8000-000000000000")
        .replace(":file", "election.json"),
  };
}

async function userId(db: Db, email: string): Promise<string> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(email);
  return u.id;
}
