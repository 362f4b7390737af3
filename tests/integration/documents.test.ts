import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { findResignationLetter } from "../../app/modules/founding/resignation.server";
import { rebuildCounts } from "../../app/modules/pledges/counts.server";
import { grantRole } from "../../app/modules/users/users.server";
import { flat, pdfInfo, pdfText } from "../../app/modules/documents/test-support/pdf-text";
import { demands, foundingMembers, movement, pledges, type Relation } from "../../db/schema";
import { cookieFor, createTestApp } from "../support/app-harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const actor = systemActor("documents test");
const deadline = new Date("2027-01-22T18:00:00Z");

const demandList = [
  { title: "Members choose their candidates", body: "Every candidate is chosen by a ballot of local members." },
  { title: "Open books", body: "The party publishes its accounts every quarter." },
  { title: "A real living wage", body: "A legal minimum wage of at least the real living wage." },
];

/** Pledgers with names and addresses no letter should ever contain. */
const secretPledgers = [
  { name: "Zebedee Quixotefield", email: "zebedee.quixotefield@secret.example", postcode: "EH1 1YZ", region: "Scotland", relation: "member", pence: 1250 },
  { name: "Philomena Xanthopoulou", email: "philomena.x@secret.example", postcode: "CF10 3NQ", region: "Wales", relation: "member", pence: 800 },
  { name: "Ignatius Wolfenbarger", email: "ignatius.w@secret.example", postcode: "SW1A 1AA", region: "London", relation: "former_member", pence: null },
  { name: "Ottoline Brackenbury", email: "ottoline.b@secret.example", postcode: "N16 7AA", region: "London", relation: "supporter", pence: null },
  { name: "Leopold Featherstonehaugh", email: "leopold.f@secret.example", postcode: "M14 5AB", region: "North West", relation: "member", pence: 500 },
] as const;

interface Person {
  email: string;
  name: string;
  userId: string;
}

async function person(email: string, name: string, role: "member" | "organiser" = "member"): Promise<Person> {
  const granted = await grantRole(database.db, { email, displayName: name, role, actor });
  if (!granted.ok) throw new Error(granted.code);
  return { email, name, userId: granted.userId };
}

async function pledge(p: {
  name: string;
  email: string;
  postcode: string;
  region: string;
  relation: Relation;
  pence: number | null;
  number?: string | null;
  userId?: string;
}) {
  const [row] = await database.db
    .insert(pledges)
    .values({
      name: p.name,
      email: p.email,
      postcode: p.postcode,
      region: p.region,
      relation: p.relation,
      membershipNumber: p.number ?? null,
      monthlySubscriptionPence: p.pence,
      consentContact: true,
      consentDataUse: true,
      consentVersion: "test",
      confirmedAt: new Date("2026-11-01T10:00:00Z"),
      userId: p.userId ?? null,
    })
    .returning({ id: pledges.id });
  if (!row) throw new Error("pledge not inserted");
  return row.id;
}

async function founding(p: Person, values: { pledgeId?: string; accepted: boolean; mustResign: boolean; number?: number }) {
  await database.db.insert(foundingMembers).values({
    userId: p.userId,
    pledgeId: values.pledgeId ?? null,
    acceptedAt: values.accepted ? new Date("2027-01-25T10:00:00Z") : null,
    membershipNumber: values.accepted ? (values.number ?? null) : null,
    mustResign: values.mustResign,
  });
}

async function get(path: string, who: Person | null) {
  const cookie = who ? await cookieFor(database.db, who.email) : null;
  return app.request(path, { cookie });
}

async function pdfOf(res: Response): Promise<Uint8Array> {
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("application/pdf");
  return new Uint8Array(await res.arrayBuffer());
}

let sian: Person;
let bryn: Person;
let notInvited: Person;
let notAccepted: Person;
let supporter: Person;
let erased: Person;
let organiser: Person;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
});
afterAll(() => database.drop());

describe("the ultimatum letter", () => {
  it("is not there before the campaign is set up, and says so", async () => {
    const res = await get("/campaign/ultimatum.pdf", null);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("The campaign has not been set up yet.");
  });

  it("is public, and gives the movement, every demand, the deadline and the figures, but never a name or email", async () => {
    await database.db.insert(movement).values({
      name: "Grassroots Ultimatum",
      partyName: "the Commonwealth Party",
      statement: "We are members who will **leave together** unless the party listens.",
      deadline,
    });
    await database.db.insert(demands).values(demandList.map((d, i) => ({ ...d, position: i + 1 })));
    for (const p of secretPledgers) await pledge({ ...p, number: p.relation === "member" ? `CP-SECRET-${p.pence}` : null });
    // A withdrawn pledge counts for nothing.
    const withdrawnId = await pledge({
      name: "Wilhelmina Withdrawn",
      email: "wil@secret.example",
      postcode: "LS6 1AA",
      region: "Yorkshire and the Humber",
      relation: "member",
      pence: 2000,
    });
    await database.db
      .update(pledges)
      .set({ withdrawnAt: new Date("2026-11-02T10:00:00Z") })
      .where(eq(pledges.id, withdrawnId));
    await rebuildCounts(database.db);
    organiser = await person("ola.organiser@example.org", "Ola Organiser-Secret", "organiser");

    const res = await get("/campaign/ultimatum.pdf", null);
    const pdf = await pdfOf(res);
    expect(res.headers.get("Content-Disposition")).toBe('inline; filename="ultimatum-grassroots-ultimatum.pdf"');
    const text = flat(pdfText(pdf));

    expect(text).toContain("Grassroots Ultimatum");
    expect(text).toContain("The General Secretary The Commonwealth Party");
    expect(text).toContain("We are members who will leave together unless the party listens.");
    for (const d of demandList) {
      expect(text).toContain(d.title);
      expect(text).toContain(d.body);
    }
    expect(text).toContain("by Friday 22 January 2027 at 6pm (UK time)");
    // Five standing pledges: three members, one former member, one supporter.
    expect(text).toContain("the 5 people who have pledged");
    expect(text).toMatch(/Members of the Commonwealth Party 3 Former members of the Commonwealth Party 1 Supporters who are not members 1 Total 5/);
    expect(text).toMatch(/London 2 .*North West 1/);
    expect(text).toContain("Scotland 1");
    expect(text).toContain("Wales 1");
    expect(text).not.toContain("Yorkshire");
    // £12.50 + £8 + £5 a month.
    expect(text).toContain("£25.50 a month");
    expect(text).toContain("(£306 a year)");
    expect(text).toContain("If our demands are not met");
    expect(text).toMatch(/Page 1 of \d/);

    for (const p of [...secretPledgers, { name: "Wilhelmina Withdrawn", email: "wil@secret.example", postcode: "LS6 1AA" }]) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.name.split(" ")[1]);
      expect(text).not.toContain(p.email);
      expect(text).not.toContain(p.postcode);
    }
    expect(text).not.toContain("CP-SECRET");
    expect(text).not.toContain("Ola Organiser");
    expect(text).not.toContain("@");
    expect(pdfInfo(pdf)).toMatchObject({ Title: "Our demands of the Commonwealth Party", Author: "Grassroots Ultimatum" });
  });

  it("is the same for everyone, signed in or not, and follows the figures", async () => {
    const member = await person("member.reader@example.org", "Reader");
    const asMember = flat(pdfText(await pdfOf(await get("/campaign/ultimatum.pdf", member))));
    const asOrganiser = flat(pdfText(await pdfOf(await get("/campaign/ultimatum.pdf", organiser))));
    expect(asMember).toEqual(asOrganiser);
    expect(asMember).toContain("the 5 people who have pledged");

    await pledge({
      name: "Newcomer Pledger",
      email: "newcomer@secret.example",
      postcode: "BT7 1NN",
      region: "Northern Ireland",
      relation: "supporter",
      pence: null,
    });
    await rebuildCounts(database.db);
    const after = flat(pdfText(await pdfOf(await get("/campaign/ultimatum.pdf", null))));
    expect(after).toContain("the 6 people who have pledged");
    expect(after).toContain("Northern Ireland 1");
    expect(after).not.toContain("Newcomer");
  });
});

describe("the resignation letter", () => {
  beforeAll(async () => {
    sian = await person("sian@example.org", "Siân (account name)");
    bryn = await person("bryn@example.org", "Bryn Account");
    notInvited = await person("not.invited@example.org", "Nia Notinvited");
    notAccepted = await person("not.accepted@example.org", "Nora Notaccepted");
    supporter = await person("supporter@example.org", "Sam Supporter");
    erased = await person("erased@example.org", "Eryl Accountname");

    const sianPledge = await pledge({
      name: "Siân Ŵyn-Prydderch",
      email: "sian@example.org",
      postcode: "LL57 2DG",
      region: "Wales",
      relation: "member",
      pence: 1000,
      number: "CP777001",
      userId: sian.userId,
    });
    const brynPledge = await pledge({
      name: "Bryn Łukasiewicz",
      email: "bryn@example.org",
      postcode: "CF24 4AA",
      region: "Wales",
      relation: "member",
      pence: 500,
      number: "CP888002",
      userId: bryn.userId,
    });
    const noraPledge = await pledge({
      name: "Nora Notaccepted",
      email: "not.accepted@example.org",
      postcode: "EH12 5AA",
      region: "Scotland",
      relation: "member",
      pence: 500,
      number: "CP999003",
    });
    const samPledge = await pledge({
      name: "Sam Supporter",
      email: "supporter@example.org",
      postcode: "E8 1AA",
      region: "London",
      relation: "supporter",
      pence: null,
    });
    const erylPledge = await pledge({
      name: "",
      email: "erased-pledge@example.org",
      postcode: "",
      region: "Wales",
      relation: "member",
      pence: null,
      number: null,
    });
    await database.db.update(pledges).set({ erasedAt: new Date() }).where(eq(pledges.id, erylPledge));

    await founding(sian, { pledgeId: sianPledge, accepted: true, mustResign: true, number: 1 });
    await founding(bryn, { pledgeId: brynPledge, accepted: true, mustResign: true, number: 2 });
    await founding(notAccepted, { pledgeId: noraPledge, accepted: false, mustResign: true });
    await founding(supporter, { pledgeId: samPledge, accepted: true, mustResign: false, number: 3 });
    await founding(erased, { pledgeId: erylPledge, accepted: true, mustResign: true, number: 4 });
  });

  it("sends a visitor to sign in, then back to the letter", async () => {
    for (const path of ["/founding/resignation-letter.pdf", "/founding/resignation-letter.txt"]) {
      const res = await get(path, null);
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
  });

  it("gives a member their own letter: their name and old membership number, and a line for the leaving day", async () => {
    const res = await get("/founding/resignation-letter.pdf", sian);
    const pdf = await pdfOf(res);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("Content-Disposition")).toBe('inline; filename="resignation-letter-sian-wyn-prydderch.pdf"');
    const text = flat(pdfText(pdf));
    expect(text).toContain("Siân Ŵyn-Prydderch Membership number: CP777001 Postcode: LL57 2DG");
    expect(text).toContain("The Membership Department The Commonwealth Party");
    expect(text).toContain("resign my membership of the Commonwealth Party with immediate effect");
    expect(text).toContain("Please confirm in writing that my membership has ended.");
    expect(text).toContain("Direct Debit");
    // No leaving day yet: a line to write the date on, and no date in the text.
    expect(text).toContain("Date: Write the date you send this, on the agreed leaving day");
    expect(text).toContain("from the date of this letter");
    expect(text).not.toContain("Bryn");
    expect(text).not.toContain("CP888002");
    expect(pdfInfo(pdf).Author).toBe("Siân Ŵyn-Prydderch");
  });

  it("gives each member only their own letter, even when asked at the same moment", async () => {
    const [forSian, forBryn] = await Promise.all([get("/founding/resignation-letter.pdf", sian), get("/founding/resignation-letter.pdf", bryn)]);
    const sianText = flat(pdfText(await pdfOf(forSian)));
    const brynText = flat(pdfText(await pdfOf(forBryn)));
    expect(brynText).toContain("Bryn Łukasiewicz Membership number: CP888002 Postcode: CF24 4AA");
    expect(brynText).not.toContain("Siân");
    expect(brynText).not.toContain("CP777001");
    expect(sianText).toContain("CP777001");
    expect(sianText).not.toContain("Bryn");
    // Nothing in the address chooses whose letter it is.
    const other = flat(pdfText(await pdfOf(await get(`/founding/resignation-letter.pdf?userId=${sian.userId}&id=${sian.userId}`, bryn))));
    expect(other).toContain("Bryn Łukasiewicz");
    expect(other).not.toContain("Siân");
  });

  it("gives the same letter as text, dated the leaving day once it is set, with the reason once demands are recorded as not met", async () => {
    await database.db.update(movement).set({ leavingDay: "2027-02-01" });
    await database.db
      .update(demands)
      .set({ response: "not_met", respondedAt: new Date("2027-01-23T09:00:00Z") })
      .where(eq(demands.position, 2));

    const res = await get("/founding/resignation-letter.txt", sian);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const text = await res.text();
    expect(text.startsWith("Siân Ŵyn-Prydderch\nMembership number: CP777001\nPostcode: LL57 2DG\n\nDate: 1 February 2027\n")).toBe(true);
    expect(text).toContain("with immediate effect, from today, 1 February 2027.");
    expect(text).toContain(
      "I am leaving because the Commonwealth Party did not meet the demands that its members set out through Grassroots Ultimatum by 22 January 2027.",
    );
    expect(text).not.toContain("Bryn");

    const pdfText1 = flat(pdfText(await pdfOf(await get("/founding/resignation-letter.pdf", sian))));
    expect(pdfText1).toContain("Date: 1 February 2027");
    expect(pdfText1).toContain("I am leaving because");

    // A member may leave the reason out.
    const plain = await (await get("/founding/resignation-letter.txt?reason=no", sian)).text();
    expect(plain).not.toContain("I am leaving because");
    expect(flat(pdfText(await pdfOf(await get("/founding/resignation-letter.pdf?reason=no", sian))))).not.toContain("I am leaving because");
  });

  it("refuses people who are not founding members leaving the old party, saying why", async () => {
    const cases: [Person, number, string][] = [
      [notInvited, 403, "You have not been invited to be a founding member"],
      [organiser, 403, "You have not been invited to be a founding member"],
      [notAccepted, 403, "Accept your invitation first"],
      [supporter, 404, "You do not need a resignation letter"],
    ];
    for (const [who, status, words] of cases) {
      for (const path of ["/founding/resignation-letter.pdf", "/founding/resignation-letter.txt"]) {
        const res = await get(path, who);
        expect(res.status, `${who.email} ${path}`).toBe(status);
        expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
        const html = await res.text();
        expect(html).toContain(words);
        expect(html).not.toContain("CP");
      }
    }
  });

  it("uses the account's name and a blank number line when the pledge was erased", async () => {
    const found = await findResignationLetter(database.db, erased.userId);
    expect(found).toMatchObject({ ok: true, data: { memberName: "Eryl Accountname", oldMembershipNumber: null, postcode: null } });
    const text = await (await get("/founding/resignation-letter.txt", erased)).text();
    expect(text).toContain("Eryl Accountname\nMembership number: ________________________ (add it if you know it");
    expect(text).not.toContain("Postcode");
  });
});

describe("the constitution PDF", () => {
  it("is made on the PDF worker, so pages asked for meanwhile are answered at once", { timeout: 180_000 }, async () => {
    // No draft yet: the model constitution, 40 clauses, which takes seconds to lay out.
    let made = false;
    const making = get("/constitution.pdf", null).then(async (res) => {
      const pdf = await pdfOf(res);
      made = true;
      return pdf;
    });
    for (let i = 0; i < 3; i += 1) {
      const res = await get("/login", null);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("Sign in");
    }
    // Made on this thread, the first page would have waited for the whole PDF. How long a page
    // waits meanwhile is measured by bench/constitution-pdf.bench.ts, not asserted here.
    expect(made).toBe(false);

    const pdf = await making;
    const text = flat(pdfText(pdf));
    expect(text).toContain("Constitution (draft)");
    expect(text).toContain("Contents");
    expect(Number(pdfInfo(pdf).Pages)).toBeGreaterThan(5);
  });

  it("is made once for people who ask for it at the same moment", { timeout: 180_000 }, async () => {
    // The document above is kept, so a changed movement name makes it anew.
    await database.db.update(movement).set({ name: "Grassroots Ultimatum Renamed" });
    const [a, b] = await Promise.all([get("/constitution.pdf", null), get("/constitution.pdf", null)]);
    const [first, second] = [await pdfOf(a), await pdfOf(b)];
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(flat(pdfText(first))).toContain("Grassroots Ultimatum Renamed");
  });
});
