// npm run bench:constitution   (tsx bench/constitution.bench.ts)
//
// Times every constitution page with 10,000 accepted founding members and a 60-clause draft
// (the 40 model clauses and 20 generated ones), about 150 amendments with supporters, comments
// and the drafting committee's advice: first while drafting, then with a voting round open and
// 3,000 members' ballots cast on 10 clauses, then with the round closed. Each page is requested
// through the built Remix app in-process (tests/support/app-harness.ts: session, loaders and the
// HTML render; no network), 3 warm-ups then 30 timed requests, and must answer 200. The two PDF
// documents are timed apart (up to 5 runs), with a page requested meanwhile; opening and closing
// the round are timed too, with a comment posted meanwhile.
//
// Runs on a fresh database on the PostgreSQL server when TEST_DATABASE_URL is set, otherwise on
// embedded PGlite (data folder on disk; slow at this size). Needs build/ (npx remix build).
// Writes "## Constitution pages (10,000 members, 60 clauses)" into docs/benchmarks.md.
// Exit code 1 if any page misses 200 ms (p95).
//
// To iterate on opening and closing the round alone: BENCH_ROUND_ONLY=1 skips the pages and
// documents (no build needed) and writes nothing to docs/benchmarks.md; BENCH_MEMBERS=2000 makes
// the roll smaller (at least 2,000; 30% of them vote, at most 3,000).

// React picks its development or production build when first loaded (by the app build, below):
// measure what a production server runs.
process.env.NODE_ENV ??= "production";

import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq, inArray, sql } from "drizzle-orm";
import { systemActor, verifyAuditLog, type Actor } from "../app/modules/audit/audit.server";
import { generateToken } from "../app/modules/auth/tokens";
import { seededRandom } from "../app/modules/ballots/index";
import {
  addComment,
  currentDraft,
  originalDocument,
  proposeAmendment,
  setRecommendation,
  setSupport,
  startDraft,
  withdrawAmendment,
} from "../app/modules/constitution/drafting.server";
import { loadModelConstitution } from "../app/modules/constitution/model";
import { castClauseBallot, closeRound, openRound, openRoundOf, roundItems, type VoteItem } from "../app/modules/constitution/round.server";
import { hashText } from "../app/modules/constitution/text";
import type { UploadedClause } from "../app/modules/constitution/upload";
import { openStandingOrdersVote } from "../app/modules/founding/founding.server";
import { ballotHash, checkBallot, type PollRules } from "../app/modules/polls/ballot-rules";
import { castBallot } from "../app/modules/polls/casting.server";
import { closePoll } from "../app/modules/polls/closing.server";
import { loadRules } from "../app/modules/polls/poll-rules.server";
import { verifyPoll } from "../app/modules/polls/verification.server";
import { grantRole } from "../app/modules/users/users.server";
import type { Database, Db } from "../app/utils/db.server";
import { amendmentSupporters, ballots, foundingMembers, movement, pollChains, polls, pollVoters, users, type StoredOperation } from "../db/schema";
import { onBenchDatabase } from "./bench-database";
import { loadNow, machineLine, median, percentile, writeBenchmarkSection } from "./benchmarks-doc";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
if (!Number.isInteger(MEMBERS) || MEMBERS < 2_000) throw new Error("BENCH_MEMBERS must be a whole number of at least 2000");
const ROUND_ONLY = process.env.BENCH_ROUND_ONLY === "1";
const VOTERS = Math.min(3_000, Math.floor(MEMBERS * 0.3));
const VOTED_CLAUSES = 10;
/** Voters whose ballots go through castClauseBallot, one clause at a time (fewer when iterating on the round); the rest in bulk. */
const SAMPLE_VOTERS = ROUND_ONLY ? 20 : 100;
const WARM_UPS = 3;
const RUNS = 30;
/** The loaders alone (the single-fetch data request, no HTML render): fewer runs. */
const DATA_RUNS = 15;
const PDF_RUNS = 5;
/** A document taking longer than this in all gets fewer runs, so the whole run stays near 10 minutes. */
const PDF_BUDGET_MS = 40_000;
const TARGET_MS = 200;
const HEADING = "Constitution pages (10,000 members, 60 clauses)";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const loadBefore = loadNow();
const random = seededRandom("constitution pages benchmark");
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const inAnHour = () => new Date(Date.now() + 3600_000);
const log = (message: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const email = (i: number) => `founder${i + 1}@example.org`;

async function timed<T>(task: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await task();
  return { value, ms: performance.now() - t };
}

// ---------------------------------------------------------------------------------------------
// Text: 20 generated clauses of realistic length, amendment edits, reasons and comments.

const topics: [string, string][] = [
  ["Young members", "young members' activity"],
  ["Local government group", "the work of the party's councillors"],
  ["Online meetings", "meetings held online"],
  ["Policy forums", "the policy forums"],
  ["Members' helpline", "the members' helpline"],
  ["Affiliated organisations", "affiliation by other organisations"],
  ["Registered supporters", "registered supporters"],
  ["Campaign funds", "the campaign funds"],
  ["Digital democracy", "online voting and consultation"],
  ["Training and development", "training for members and officers"],
  ["Volunteers", "volunteering for the party"],
  ["Publications", "the party's publications"],
  ["Safeguarding", "safeguarding children and adults at risk"],
  ["Environmental standards", "the party's own environmental standards"],
  ["Accessibility", "access for disabled members"],
  ["Staff", "the employment of staff"],
  ["Sister parties abroad", "links with sister parties abroad"],
  ["Diversity monitoring", "monitoring the diversity of members and candidates"],
  ["Complaints about staff", "complaints about the party's staff"],
  ["Review of this constitution", "reviewing this constitution"],
];

const sentences = [
  "The coordinating committee makes rules for {t}, publishes them to every member, and reviews them at least once a year.",
  "Any member may ask for a decision about {t} to be looked at again, by writing to the general secretary within 28 days of being told of it.",
  "Decisions about {t} are recorded in writing with the reasons for them, and the record is open to any member who asks to see it.",
  "Where this clause gives a power to an officer, the officer uses it within the budget agreed by conference and reports on its use at the next meeting of the coordinating committee.",
  "Nothing in this clause allows the party to treat a member less favourably because of a protected characteristic.",
  "The party keeps the cost of taking part in {t} low, and pays reasonable expenses to members on low incomes who take part.",
  "Branches may make their own arrangements for {t}, as long as they are consistent with this constitution and with the rules made under it.",
  "The annual report to conference includes a short account of {t}, with the figures that members need to judge how well it is working.",
  "A member who is unhappy with how {t} is run may raise it under the clause on disputes and complaints.",
  "The returning officer may issue guidance on {t} where it touches a ballot of members, and that guidance must be followed.",
  "Conference may change the arrangements for {t} by a simple majority, after a consultation of members lasting at least four weeks.",
  "Information about {t} is published in plain language, in Welsh as well as English where it concerns Wales, and in accessible formats on request.",
  "The treasurer sets aside enough money each year for {t}, and says in the accounts how it was spent.",
];

const listItems = [
  "who is responsible for it, and how they can be contacted",
  "how members are told about it, and how far in advance",
  "how a member can take part without attending in person",
  "what records are kept, for how long, and who may see them",
  "how decisions are made, and how they can be challenged",
  "how the arrangements are reviewed, and by whom",
  "what it costs, and who pays",
  "how conflicts of interest are declared and handled",
];

function generatedClause(title: string, topic: string, n: number): UploadedClause {
  const sentence = () => pick(sentences).replaceAll("{t}", topic);
  const paragraph = (k: number) => `(${k}) ${Array.from({ length: between(2, 3) }, sentence).join(" ")}`;
  const items = [...listItems].sort(() => random() - 0.5).slice(0, between(4, 6));
  const list = items.map((item, i) => `- (${String.fromCharCode(97 + i)}) ${item}${i === items.length - 1 ? "." : ";"}`).join("\n");
  const text = [paragraph(1), `(2) The rules on ${topic} must set out:\n\n${list}`, paragraph(3), paragraph(4), ...(n % 2 ? [paragraph(5)] : [])].join("\n\n");
  const id = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return { id, title, text, entrenched: n === 19, covers: [] };
}

const reasons = [
  "This makes the clause clearer for members who are new to politics.",
  "The current wording leaves too much to the coordinating committee; members should decide this.",
  "Other parties have found this works better in practice, and it costs nothing.",
  "We should not promise what a small party cannot deliver in its first year.",
  "This closes a loophole that could be used to keep members out of decisions.",
  "Plain English: the same rule, in fewer words.",
  "Members in rural areas cannot always travel; this keeps them in the conversation.",
];

const replacements = ["each", "every", "promptly", "fairly", "openly", "properly", "normally", "jointly", "publicly"];
const insertions = [
  " (or, where the coordinating committee agrees, by another means)",
  ", after consulting the members affected,",
  " and, where it matters to them, the branches",
  " within a reasonable time",
];

const commentBits = [
  "I agree with the aim, but I worry about how this works for small branches.",
  "Is this compatible with the Electoral Commission's guidance? We should check before the vote.",
  "Strongly support. This is exactly the kind of change members asked for at the regional meetings.",
  "The wording is fine, but the reason given is not quite right: the problem is the timing, not the cost.",
  "Could the drafting committee say what this would cost in the first year?",
  "I'd rather we kept the original and came back to this once we have a few thousand more members.",
  "In my old party this rule was used to stop members from speaking. Please keep the safeguard.",
  "Fourteen days is too short for volunteers who work full time.",
  "This competes with another amendment on the same words; I'd support whichever keeps the list.",
];
const comment = () => Array.from({ length: between(1, 4) }, () => pick(commentBits)).join(" ");

// ---------------------------------------------------------------------------------------------
// Setup.

interface Setup {
  db: Db;
  organiser: { id: string; email: string; isOrganiser: true };
  memberIds: string[];
  busyClause: string;
  showcase: number;
  amendmentCount: number;
  commentCount: number;
  supporterCount: number;
  votedClauses: string[];
}

const member = (ids: string[], i: number) => ({ id: ids[i]!, email: email(i), isOrganiser: false });

async function membersAndMovement(db: Db): Promise<string[]> {
  const firstNames = [
    "Ann",
    "Bilal",
    "Catriona",
    "Dev",
    "Eilidh",
    "Femi",
    "Gareth",
    "Hannah",
    "Iqbal",
    "Jo",
    "Kwame",
    "Lowri",
    "Mohammed",
    "Niamh",
    "Owen",
    "Priya",
  ];
  const lastNames = ["Smith", "Jones", "Khan", "Williams", "Brown", "Taylor", "Davies", "Evans", "Patel", "Campbell", "Murphy", "O'Neill", "Hughes", "Ali"];
  await db
    .insert(movement)
    .values({ name: "Breakaway Benchmark", partyName: "the Old Party", statement: "", deadline: new Date(Date.now() - 30 * 86_400_000), phase: "founding" });
  const ids: string[] = [];
  for (let i = 0; i < MEMBERS; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, MEMBERS - i) }, (_, k) => ({
      email: email(i + k),
      displayName: `${pick(firstNames)} ${pick(lastNames)}`,
    }));
    const inserted = await db.insert(users).values(rows).returning({ id: users.id, email: users.email });
    const byEmail = new Map(inserted.map((r) => [r.email, r.id]));
    const chunk = rows.map((r) => byEmail.get(r.email)!);
    ids.push(...chunk);
    await db.insert(foundingMembers).values(
      chunk.map((userId, k) => ({
        userId,
        acceptedAt: new Date(Date.now() - 7 * 86_400_000),
        membershipNumber: i + k + 1,
        statementVersion: "bench",
        consentVersion: "bench",
      })),
    );
  }
  return ids;
}

/**
 * Ballots for many voters on one poll at once, as castBallot would write them (voter marked,
 * ballot chained onto a strand of the poll's voting-time chain with a fresh receipt), in inserts
 * of 1,000 rows. An open poll's own chain head and count move only as it closes (migration
 * 0009): the ballots go onto strand 0, under its row lock, as a cast does.
 */
async function bulkBallots(db: Db, pollId: string, voters: readonly string[], answer: (rules: PollRules) => { choice?: string; ranking?: number[] }) {
  await db.transaction(async (tx) => {
    const loaded = await loadRules(tx, pollId);
    if (!loaded) throw new Error(`no poll ${pollId}`);
    const [strand] = await tx
      .select({ head: pollChains.head })
      .from(pollChains)
      .where(and(eq(pollChains.pollId, pollId), eq(pollChains.strand, 0)))
      .for("update");
    if (!strand) throw new Error(`no open chain for poll ${pollId}`);
    let head = strand.head;
    const rows = voters.map(() => {
      const checked = checkBallot(loaded.rules, answer(loaded.rules));
      if (!checked.ok) throw new Error(checked.code);
      const receipt = generateToken();
      const hash = ballotHash(head, receipt, checked.content);
      const row = { receipt, pollId, content: checked.content, prevHash: head, hash };
      head = hash;
      return row;
    });
    for (let i = 0; i < voters.length; i += 1000) await tx.insert(pollVoters).values(voters.slice(i, i + 1000).map((userId) => ({ pollId, userId })));
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(ballots).values(rows.slice(i, i + 1000));
    await tx
      .update(pollChains)
      .set({ head, ballots: sql`${pollChains.ballots} + ${voters.length}` })
      .where(and(eq(pollChains.pollId, pollId), eq(pollChains.strand, 0)));
  });
}

const yesNo = (yes: number, no: number) => {
  const r = random();
  return r < yes ? "yes" : r < yes + no ? "no" : "abstain";
};
const shuffled = (n: number) => Array.from({ length: n }, (_, i) => i).sort(() => random() - 0.5);
function answerFor(item: Pick<VoteItem, "kind">, rules: PollRules): { choice?: string; ranking?: number[] } {
  if (rules.method !== "yes-no") return { ranking: shuffled(rules.options.length).slice(0, between(1, rules.options.length)) };
  return { choice: item.kind === "clause" ? yesNo(0.7, 0.2) : yesNo(0.5, 0.4) };
}

/** Adopts the standing orders as the founding members would: a yes-no poll on the whole roll. */
async function adoptStandingOrders(db: Db, ids: string[]) {
  const opened = await openStandingOrdersVote(db, systemActor("benchmark"), { closesAt: inAnHour(), quorumPercent: 20, majority: "simple" });
  if (!opened.ok) throw new Error(`standing orders vote: ${opened.code}`);
  const voters = ids.slice(0, Math.floor(ids.length / 4));
  for (const userId of voters.slice(0, 100)) {
    const cast = await castBallot(db, { pollId: opened.pollId, userId, choice: "yes" });
    if (!cast.ok) throw new Error(cast.code);
  }
  await bulkBallots(db, opened.pollId, voters.slice(100), () => ({ choice: yesNo(0.8, 0.15) }));
  const closed = await closePoll(db, systemActor("benchmark"), opened.pollId);
  if (!closed.ok) throw new Error(`standing orders not closed: ${closed.code}`);
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Positions of n edits spread evenly over the clause's ordinary words (never list markers). */
function spreadEdits(text: string, n: number): Edit[] {
  const words = [...text.matchAll(/\b[a-z]{4,}\b/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  if (words.length < n * 6) throw new Error(`clause too short for ${n} amendments`);
  return Array.from({ length: n }, (_, j) => {
    const w = words[Math.floor(((j + 0.5) * words.length) / n)]!;
    const style = j % 3;
    const replacement =
      style === 0
        ? pick(replacements.filter((r) => r !== w.word))
        : style === 1
          ? `${w.word}${pick(insertions)}`
          : `${w.word}, unless conference decides otherwise,`;
    return { start: w.start, end: w.end, text: replacement };
  });
}
const applyEdit = (text: string, edit: Edit) => `${text.slice(0, edit.start)}${edit.text}${text.slice(edit.end)}`;

async function setup(db: Db): Promise<Setup> {
  let t = performance.now();
  const ids = await membersAndMovement(db);
  const granted = await grantRole(db, { email: "organiser@example.org", displayName: "Olwen Organiser", role: "organiser", actor: systemActor("benchmark") });
  if (!granted.ok) throw new Error(granted.code);
  const organiser = { id: granted.userId, email: "organiser@example.org", isOrganiser: true as const };
  // Polls need a returning officer to be opened (decision 033's one returning officer).
  const officer = await grantRole(db, {
    email: "returning-officer@example.org",
    displayName: "Rhys Returning",
    role: "returning_officer",
    actor: systemActor("benchmark"),
  });
  if (!officer.ok) throw new Error(officer.code);
  const organiserActor: Actor = { id: organiser.id, label: organiser.email };
  log(`${MEMBERS.toLocaleString("en-GB")} founding members in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // The draft: the 40 model clauses with a generated clause after every second one.
  t = performance.now();
  const model = await loadModelConstitution(path.join(repoRoot, "constitution/clauses"));
  const extra = topics.map(([title, topic], n) => generatedClause(title, topic, n));
  const clauses: UploadedClause[] = [];
  model.forEach((c, i) => {
    clauses.push({ id: c.id, title: c.title, text: c.body, entrenched: c.entrenched, covers: c.covers });
    if (i % 2 === 1 && extra[(i - 1) / 2]) clauses.push(extra[(i - 1) / 2]!);
  });
  if (clauses.length !== 60 || new Set(clauses.map((c) => c.id)).size !== 60) throw new Error("expected 60 clauses with unique ids");
  const started = await startDraft(db, organiserActor, { kind: "upload", clauses });
  if (!started.ok) throw new Error(`draft: ${started.code}`);
  const doc = await originalDocument(db, started.draftId);
  const texts = new Map(doc.clauses.map((c) => [c.id, c.text]));
  const order = doc.clauses.map((c) => c.id);

  // Amendments: many on "joining" and "aims", some on ten clauses, a couple on thirty more,
  // competing pairs on the same words, three deletions, four new clauses, three from the committee.
  const busyClause = "joining";
  const others = order.filter((id) => id !== busyClause && id !== "aims");
  const five = others.slice(0, 30).filter((_, i) => i % 3 === 0); // 10 clauses
  const two = others.filter((id) => !five.includes(id)).slice(0, 30);
  const rest = others.filter((id) => !five.includes(id) && !two.includes(id));
  const deleted = rest.slice(0, 3);
  const committee = rest.slice(3, 6);
  const insertedAfter = rest.slice(6, 10);
  const plan: { clauseId: string; edits: number; competing: number }[] = [
    { clauseId: busyClause, edits: 18, competing: 2 },
    { clauseId: "aims", edits: 8, competing: 1 },
    ...five.map((clauseId, i) => ({ clauseId, edits: 5, competing: i < 2 ? 1 : 0 })),
    ...two.map((clauseId) => ({ clauseId, edits: 2, competing: 0 })),
  ];
  const proposed: { id: string; number: number; clauseId: string; proposer: number; committee: boolean }[] = [];
  let proposerIndex = 0;
  const propose = async (operation: StoredOperation, by: "member" | "committee" = "member") => {
    const who = by === "committee" ? organiser : member(ids, (proposerIndex = (proposerIndex + 37) % 2000));
    const result = await proposeAmendment(db, who, { operation, reason: `${pick(reasons)} ${pick(reasons)}` });
    if (!result.ok) throw new Error(`amendment refused: ${result.code} ${result.detail ?? ""}`);
    proposed.push({
      id: result.amendmentId,
      number: result.number,
      clauseId: String(operation.clauseId ?? operation.afterClauseId),
      proposer: by === "committee" ? -1 : proposerIndex,
      committee: by === "committee",
    });
  };
  for (const p of plan) {
    const text = texts.get(p.clauseId)!;
    const edits = spreadEdits(text, p.edits);
    for (const [j, edit] of edits.entries()) {
      await propose({ kind: "replaceText", clauseId: p.clauseId, baseHash: hashText(text), text: applyEdit(text, edit) });
      // A competing amendment: other words in the same place.
      if (j % 4 === 1 && j < p.competing * 4) {
        await propose({
          kind: "replaceText",
          clauseId: p.clauseId,
          baseHash: hashText(text),
          text: applyEdit(text, { ...edit, text: `${edit.text === "fairly" ? "openly" : "fairly"} and in good time` }),
        });
      }
    }
  }
  for (const clauseId of deleted) await propose({ kind: "delete", clauseId });
  for (const [k, afterClauseId] of insertedAfter.entries()) {
    const [title, topic] = [`New clause ${k + 1}: members' assemblies`, "members' assemblies"];
    const clause = generatedClause(title, topic, k);
    await propose({ kind: "insertAfter", afterClauseId, clause: { id: `members-assemblies-${k + 1}`, title, text: clause.text, entrenched: false } });
  }
  for (const clauseId of committee) {
    const text = texts.get(clauseId)!;
    const [edit] = spreadEdits(text, 1);
    await propose({ kind: "replaceText", clauseId, baseHash: hashText(text), text: applyEdit(text, edit!) }, "committee");
  }
  log(`${proposed.length} amendments proposed in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // Supporters: 5 to 30 each (30 for the showcase amendment on the busy clause, given through
  // setSupport; the rest inserted in bulk).
  t = performance.now();
  const showcase = proposed.find((a) => a.clauseId === busyClause)!;
  let supporterCount = 0;
  const bulkSupport: { amendmentId: string; userId: string }[] = [];
  for (const a of proposed) {
    if (a.committee) continue;
    const wanted = a === showcase ? 30 : between(5, 30);
    const chosen = new Set<number>();
    while (chosen.size < wanted) {
      const i = between(0, MEMBERS - 1);
      if (i !== a.proposer) chosen.add(i);
    }
    for (const i of chosen) {
      if (a !== showcase) {
        bulkSupport.push({ amendmentId: a.id, userId: ids[i]! });
        continue;
      }
      const r = await setSupport(db, member(ids, i), a.id, true);
      if (!r.ok) throw new Error(`support: ${r.code}`);
    }
    supporterCount += chosen.size;
  }
  for (let i = 0; i < bulkSupport.length; i += 1000) await db.insert(amendmentSupporters).values(bulkSupport.slice(i, i + 1000));
  // Two proposers change their minds.
  for (const a of proposed.filter((x) => !x.committee && x.clauseId !== busyClause).slice(-2)) {
    const r = await withdrawAmendment(db, member(ids, a.proposer), a.id);
    if (!r.ok) throw new Error(`withdraw: ${r.code}`);
  }
  log(`${supporterCount} supporters in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // Comments: threads on the busy clause and the showcase amendment, the rest spread about.
  t = performance.now();
  const threads = new Map<string, string[]>();
  let commentCount = 0;
  const say = async (clauseId: string, amendmentId: string | null, replyChance: number) => {
    const key = `${clauseId}/${amendmentId ?? ""}`;
    const thread = threads.get(key) ?? [];
    const parentId = thread.length > 0 && random() < replyChance ? pick(thread) : null;
    const r = await addComment(db, member(ids, between(0, MEMBERS - 1)), { clauseId, amendmentId, parentId, body: comment() });
    if (!r.ok) throw new Error(`comment: ${r.code}`);
    threads.set(key, [...thread, r.commentId]);
    commentCount += 1;
  };
  for (let i = 0; i < 60; i += 1) await say(busyClause, null, 0.66);
  for (let i = 0; i < 40; i += 1) await say(busyClause, showcase.id, 0.6);
  for (let i = 0; i < 200; i += 1) {
    if (random() < 0.5) await say(pick(order), null, 0.3);
    else {
      const a = pick(proposed);
      await say(a.clauseId, a.id, 0.3);
    }
  }
  // The drafting committee's advice on about a third of them.
  for (const a of proposed.filter((_, i) => i % 3 === 0)) {
    const kind = pick(["accept", "reject", "compromise"] as const);
    const r = await setRecommendation(db, organiserActor, {
      amendmentId: a.id,
      kind,
      reasons: pick(reasons),
      compromiseText: kind === "compromise" ? "Keep the original words, and review them after the first conference." : "",
    });
    if (!r.ok) throw new Error(`recommendation: ${r.code}`);
  }
  log(`${commentCount} comments and the committee's advice in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const votedClauses = [busyClause, "aims", ...five.slice(0, 4), ...two.slice(0, 4)];
  if (votedClauses.length !== VOTED_CLAUSES) throw new Error("expected 10 clauses to vote on");
  return { db, organiser, memberIds: ids, busyClause, showcase: showcase.number, amendmentCount: proposed.length, commentCount, supporterCount, votedClauses };
}

// ---------------------------------------------------------------------------------------------
// Measuring.

interface PageRow {
  phase: string;
  page: string;
  median: number;
  p95: number;
  max: number;
  bytes: number;
  /** Median of the same page's data request: root and route loaders and their serialisation. */
  dataMedian: number;
}

type App = Awaited<ReturnType<typeof import("../tests/support/app-harness").createTestApp>>;

async function fetchOk(app: App, pathname: string, cookie: string): Promise<number> {
  const res = await app.request(pathname, { cookie });
  const body = await res.arrayBuffer();
  if (res.status !== 200) {
    throw new Error(`${pathname} answered ${res.status}, not 200: ${Buffer.from(body).toString("utf8").replace(/\s+/g, " ").slice(0, 300)}`);
  }
  return body.byteLength;
}

async function timeRequests(app: App, page: string, cookie: string, warmUps: number, runs: number) {
  for (let i = 0; i < warmUps; i += 1) await fetchOk(app, page, cookie);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    bytes = await fetchOk(app, page, cookie);
    times.push(performance.now() - t);
  }
  return { times, bytes };
}

/** Remix's single-fetch data URL for a page: its loaders' data without the HTML. */
function dataUrl(page: string): string {
  const url = new URL(page, "http://localhost");
  return `${url.pathname.replace(/\/$/, "")}.data${url.search}`;
}

async function timePage(app: App, phase: string, page: string, cookie: string): Promise<PageRow> {
  const { times, bytes } = await timeRequests(app, page, cookie, WARM_UPS, RUNS);
  const data = await timeRequests(app, dataUrl(page), cookie, WARM_UPS, DATA_RUNS);
  const row = { phase, page, median: median(times), p95: percentile(times, 95), max: Math.max(...times), bytes, dataMedian: median(data.times) };
  log(
    `${phase.padEnd(8)} ${page.padEnd(48)} median ${row.median.toFixed(0).padStart(5)} ms  p95 ${row.p95.toFixed(0).padStart(5)} ms  max ${row.max.toFixed(0).padStart(5)} ms  ` +
      `loaders ${row.dataMedian.toFixed(0).padStart(4)} ms  ${(bytes / 1024).toFixed(0)} KiB`,
  );
  return row;
}

/**
 * A document: the first request (fonts, layout; a server that keeps what it made answers the
 * next ones from that), then up to PDF_RUNS more, fewer when they take over PDF_BUDGET_MS in all
 * (at least one). With `probe`, that page is requested over and over while the first request is
 * being answered, to see what making the document does to other people's requests.
 */
async function timeDocument(app: App, phase: string, page: string, cookie: string, probe?: string) {
  let done = false;
  const start = performance.now();
  const firstRequest = fetchOk(app, page, cookie)
    .then((bytes) => ({ bytes, ms: performance.now() - start }))
    .finally(() => (done = true));
  const probeTimes: number[] = [];
  while (probe && !done) {
    const p = performance.now();
    await fetchOk(app, probe, cookie);
    probeTimes.push(performance.now() - p);
    if (!done) await new Promise((r) => setTimeout(r, 20));
  }
  const first = await firstRequest;
  const times: number[] = [];
  const started = performance.now();
  while (times.length < PDF_RUNS && (times.length === 0 || performance.now() - started < PDF_BUDGET_MS)) {
    const t = performance.now();
    await fetchOk(app, page, cookie);
    times.push(performance.now() - t);
  }
  const row = {
    phase,
    page,
    first: first.ms,
    median: median(times),
    runs: times.length,
    bytes: first.bytes,
    probe: probe && probeTimes.length > 0 ? { page: probe, max: Math.max(...probeTimes), count: probeTimes.length } : null,
  };
  log(
    `${phase.padEnd(8)} ${page.padEnd(48)} first ${row.first.toFixed(0).padStart(6)} ms, then median ${row.median.toFixed(0).padStart(6)} ms of ${times.length}  ${(row.bytes / 1024).toFixed(0)} KiB` +
      (row.probe ? `  (${probe} meanwhile: up to ${row.probe.max.toFixed(0)} ms)` : ""),
  );
  return row;
}

/** A comment posted a second from now, while something else runs: how long until it is stored. */
async function commentMeanwhile(db: Db, s: Setup): Promise<number> {
  await new Promise((r) => setTimeout(r, 1000));
  const { value, ms } = await timed(() =>
    addComment(db, member(s.memberIds, Math.min(4321, MEMBERS - 1)), { clauseId: s.busyClause, amendmentId: null, parentId: null, body: comment() }),
  );
  if (!value.ok) throw new Error(`comment: ${value.code}`);
  s.commentCount += 1;
  return ms;
}

/**
 * The standing orders, then a voting round opened, voted in and closed, with a comment posted
 * a second after the opening and the closing started (both write to the audit log). Every
 * question is verified afterwards as `npm run poll:verify` would, and so is the audit chain.
 */
async function roundOpenAndClose(db: Db, s: Setup, whileVoting: () => Promise<void> = async () => {}) {
  // The standing orders, then a voting round.
  let t = performance.now();
  await adoptStandingOrders(db, s.memberIds);
  log(`standing orders adopted in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // A member comments a second after the organiser starts opening the round: how long does the
  // comment wait? (Both write to the audit log.)
  const opening = timed(() => openRound(db, { id: s.organiser.id, label: s.organiser.email }, { closesAt: new Date(Date.now() + 8 * 86_400_000) }));
  const openCommentWait = await commentMeanwhile(db, s);
  const opened = await opening;
  if (!opened.value.ok) throw new Error(`round not opened: ${opened.value.code}`);
  const { roundId, questions, rollSize } = opened.value;
  log(`round opened in ${(opened.ms / 1000).toFixed(1)} s: ${questions} questions, roll of ${rollSize}`);
  const allItems = await roundItems(db, roundId);
  const competing = allItems.filter((i) => i.kind === "competing");
  log(
    `questions: ${allItems.filter((i) => i.kind === "clause").length} clauses, ${allItems.filter((i) => i.kind === "amendment").length} amendments, ${competing.length} competing (${competing.map((i) => i.amendmentIds.length).join(", ")} options)`,
  );

  // Ballots: the first SAMPLE_VOTERS members clause by clause through castClauseBallot, the
  // rest of the VOTERS in bulk.
  t = performance.now();
  const castTimes: number[] = [];
  const items = new Map<string, VoteItem[]>();
  const rules = new Map<string, PollRules>();
  for (const clauseId of s.votedClauses) {
    const list = allItems.filter((i) => i.clauseId === clauseId);
    items.set(clauseId, list);
    for (const item of list) rules.set(item.pollId, (await loadRules(db, item.pollId))!.rules);
  }
  for (let v = 0; v < SAMPLE_VOTERS; v += 1) {
    for (const clauseId of s.votedClauses) {
      const answers = items.get(clauseId)!.map((item) => ({ pollId: item.pollId, ...answerFor(item, rules.get(item.pollId)!) }));
      const cast = await timed(() => castClauseBallot(db, s.memberIds[v]!, clauseId, answers));
      if (!cast.value.ok) throw new Error(`ballot refused: ${cast.value.code}`);
      if (clauseId === s.busyClause) castTimes.push(cast.ms);
    }
  }
  const bulkVoters = s.memberIds.slice(SAMPLE_VOTERS, VOTERS);
  let ballotCount = SAMPLE_VOTERS * [...items.values()].reduce((n, l) => n + l.length, 0);
  for (const list of items.values()) {
    for (const item of list) {
      await bulkBallots(db, item.pollId, bulkVoters, (r) => answerFor(item, r));
      ballotCount += bulkVoters.length;
    }
  }
  log(`${ballotCount.toLocaleString("en-GB")} ballots on ${VOTED_CLAUSES} clauses in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  await whileVoting();

  // Closing the round.
  const closing = timed(() => closeRound(db, { id: s.organiser.id, label: s.organiser.email }));
  const closeCommentWait = await commentMeanwhile(db, s);
  const closed = await closing;
  if (!closed.value.ok) throw new Error(`round not closed: ${closed.value.code}`);
  log(`round closed in ${(closed.ms / 1000).toFixed(1)} s`);
  const draft = await currentDraft(db);
  if (draft?.phase !== "closed" || (await openRoundOf(db, draft.id))) throw new Error("the round did not close");

  const closedPolls = await db
    .select({ id: polls.id })
    .from(polls)
    .where(
      and(
        eq(polls.status, "closed"),
        inArray(
          polls.id,
          allItems.map((i) => i.pollId),
        ),
      ),
    );
  if (closedPolls.length !== allItems.length) throw new Error("not every question was closed");
  t = performance.now();
  for (const item of allItems) {
    const verified = await verifyPoll(db, item.pollId);
    if (!verified.ok) throw new Error(`question ${item.pollId} fails verification: ${verified.problem} ${verified.detail ?? ""}`);
  }
  const chain = await verifyAuditLog(db);
  if (!chain.ok) throw new Error(`the audit log's chain is broken at entry ${chain.brokenEntryId}`);
  log(`${allItems.length} questions and the audit log (${chain.checked} entries) verified in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return {
    openMs: opened.ms,
    closeMs: closed.ms,
    openCommentWait,
    closeCommentWait,
    questions,
    rollSize,
    ballotCount,
    castMedian: median(castTimes),
    busyQuestions: items.get(s.busyClause)!.length,
  };
}

async function run(database: Database, label: string) {
  await database.migrate();
  const db = database.db;
  const s = await setup(db);
  if (ROUND_ONLY) return { kind: "round only" as const, label, setup: s, ...(await roundOpenAndClose(db, s)) };
  const { createTestApp, cookieFor } = await import("../tests/support/app-harness");
  const app = await createTestApp(db);
  // Node lists both of React's builds once the app is imported (it reads the one it skips for its
  // export names); the one loaded is the one the server renders with.
  const reactDom = Object.entries(createRequire(import.meta.url).cache).find(
    ([k, m]) => m?.loaded && /react-dom\/cjs\/react-dom-server\.node\.(development|production)/.test(k),
  )?.[0];
  const reactBuild = reactDom?.includes("production") ? "production" : "development";
  log(`React ${reactBuild} build (NODE_ENV=${process.env.NODE_ENV})`);
  const founder = await cookieFor(db, email(0));
  const notYetVoted = await cookieFor(db, email(VOTERS + 1));
  const organiserCookie = await cookieFor(db, s.organiser.email);
  const busy = `/constitution/clauses/${s.busyClause}`;
  const amendment = `/constitution/amendments/${s.showcase}`;
  const compare = `/constitution/compare?from=original&to=a${s.showcase}`;
  const pages: PageRow[] = [];
  const documents: Awaited<ReturnType<typeof timeDocument>>[] = [];

  // A first pass over the pages, so that the first ones timed do not pay for a cold process.
  for (const page of ["/constitution", busy, `${busy}/amend`, amendment, compare]) for (let i = 0; i < 5; i += 1) await fetchOk(app, page, founder);

  // Drafting.
  for (const page of ["/constitution", busy, `${busy}/amend`, amendment, compare]) pages.push(await timePage(app, "drafting", page, founder));
  pages.push(await timePage(app, "drafting", "/constitution/manage", organiserCookie));
  documents.push(await timeDocument(app, "drafting", "/constitution.pdf", founder, `${busy}/amend`));
  documents.push(await timeDocument(app, "drafting", "/constitution/amendments.pdf", founder, `${busy}/amend`));

  // The standing orders, then a voting round; the voting pages while it is open.
  const round = await roundOpenAndClose(db, s, async () => {
    for (const page of ["/constitution", busy, amendment, compare, "/constitution/vote", "/constitution/results"])
      pages.push(await timePage(app, "voting", page, founder));
    pages.push(await timePage(app, "voting", `/constitution/vote/${s.busyClause}`, notYetVoted));
    pages.push(await timePage(app, "voting", "/constitution/manage", organiserCookie));
  });

  // Results.
  for (const page of ["/constitution", busy, amendment, compare, "/constitution/compare?from=original&to=amended", "/constitution/results"]) {
    pages.push(await timePage(app, "closed", page, founder));
  }
  pages.push(await timePage(app, "closed", "/constitution/manage", organiserCookie));
  return { kind: "pages" as const, label, reactBuild, setup: s, pages, documents, ...round };
}

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) log("TEST_DATABASE_URL is not set: running on embedded PGlite, which is much slower at this size.");
const result = await onBenchDatabase("constitution", serverUrl, run);

const ms = (v: number) => v.toFixed(0);
const sec = (v: number) => (v / 1000).toFixed(1);
const round = result;
const roundLines = `Opening the round (\`openRound\`: ${round.questions} polls with ${(round.questions * round.rollSize).toLocaleString("en-GB")} roll entries, one transaction): ${sec(round.openMs)} s; a comment posted a second after it started took ${sec(round.openCommentWait)} s.
Closing the round (\`closeRound\`: counting and re-chaining ${round.ballotCount.toLocaleString("en-GB")} ballots in ${round.questions} polls, one transaction): ${sec(round.closeMs)} s; a comment posted a second after it started took ${sec(round.closeCommentWait)} s.
Casting one member's ballot on \`${round.setup.busyClause}\` (\`castClauseBallot\`, ${round.busyQuestions} questions at once): median ${ms(round.castMedian)} ms.
`;
if (result.kind === "round only") {
  process.stdout.write(`\n${MEMBERS.toLocaleString("en-GB")} members, round only (docs/benchmarks.md left alone), ${machineLine(loadBefore)}:\n${roundLines}`);
  process.exit(0);
}
const failing = result.pages.filter((p) => p.p95 >= TARGET_MS);
const busy = Math.max(Number(loadBefore.split(" / ")[0]), os.loadavg()[0]!) > os.cpus().length;
const s = result.setup;
const section = `## ${HEADING}

How long each constitution page takes the server to answer with ${MEMBERS.toLocaleString("en-GB")} founding members and a 60-clause draft (each request through the built app in-process: session, loaders and HTML render, no network); rerun with \`TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:constitution\` (without TEST_DATABASE_URL it runs on embedded PGlite, much slower).

Run on ${new Date().toISOString().slice(0, 10)} on ${result.label}, React ${result.reactBuild} build: ${machineLine(loadBefore)}.

The draft: the 40 model clauses and 20 generated ones, ${s.amendmentCount} amendments (20 on \`${s.busyClause}\`, competing pairs, deletions, new clauses, the committee's own, two withdrawn) with ${s.supporterCount.toLocaleString("en-GB")} supporters, ${s.commentCount} comments and the committee's advice on a third. The round asks ${result.questions} questions, each a poll on the roll of ${result.rollSize.toLocaleString("en-GB")}; ${VOTERS.toLocaleString("en-GB")} members vote on ${VOTED_CLAUSES} clauses (${result.ballotCount.toLocaleString("en-GB")} ballots). Pages are requested as a founding member who proposed nothing (\`/constitution/vote/${s.busyClause}\` as one who has not voted yet, so the whole ballot shows; \`/constitution/manage\` as an organiser): ${WARM_UPS} warm-ups, then ${RUNS} timed requests. "Loaders" is the median of the page's data request (\`.data\`: every loader and its serialisation, no HTML render). Target: under ${TARGET_MS} ms, judged on the 95th percentile.

| phase | page | median ms | p95 ms | max ms | loaders ms | HTML KiB | under ${TARGET_MS} ms |
|---|---|---:|---:|---:|---:|---:|---|
${result.pages.map((p) => `| ${p.phase} | \`${p.page}\` | ${ms(p.median)} | ${ms(p.p95)} | ${ms(p.max)} | ${ms(p.dataMedian)} | ${(p.bytes / 1024).toFixed(0)} | ${p.p95 < TARGET_MS ? "yes" : "**no**"} |`).join("\n")}

${failing.length === 0 ? `Target met: every page answered in under ${TARGET_MS} ms.` : `**Target not met**: ${failing.length} of ${result.pages.length} measurements took ${TARGET_MS} ms or more at the 95th percentile (${[...new Set(failing.map((p) => `\`${p.page}\``))].join(", ")}).`}${busy ? ` The machine was busy with other work during the run (load average above its ${os.cpus().length} cores), which makes every time longer and the 95th percentiles especially.` : ""}

Documents, not pages (no target): the first request, which makes the PDF, then the median of up to ${PDF_RUNS} more (fewer when they take over ${PDF_BUDGET_MS / 1000} s in all). While the first was being answered, \`${result.documents.find((d) => d.probe)?.probe?.page ?? ""}\` (${ms(result.pages.find((p) => p.page === result.documents.find((d) => d.probe)?.probe?.page)?.median ?? 0)} ms on its own) was requested over and over: "meanwhile" is the longest it took.

| phase | document | first request ms | meanwhile, a page took up to ms | then median ms | runs | KiB |
|---|---|---:|---:|---:|---:|---:|
${result.documents.map((d) => `| ${d.phase} | \`${d.page}\` | ${ms(d.first)} | ${d.probe ? ms(d.probe.max) : "–"} | ${ms(d.median)} | ${d.runs} | ${(d.bytes / 1024).toFixed(0)} |`).join("\n")}

${roundLines}`;
writeBenchmarkSection(path.join(repoRoot, "docs/benchmarks.md"), HEADING, section);
process.stdout.write(`\n${section}`);
if (failing.length > 0) process.exitCode = 1;
