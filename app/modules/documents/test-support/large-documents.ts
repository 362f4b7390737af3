/**
 * A constitution and an amendments book the size a real conference meets (60 clauses, about
 * 1,500 numbered lines; about 150 amendments with supporters and whole-clause changes), made
 * from a repeatable pseudo-random text, for the PDF benchmark and the layout tests.
 */
import type { AmendmentsPdfData } from "~/modules/constitution/pdf/amendments";
import type { ConstitutionPdfData } from "~/modules/constitution/pdf/constitution";

function randomFrom(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const sentences = [
  "The coordinating committee makes rules for {t}, publishes them to every member, and reviews them at least once a year.",
  "Any member may ask for a decision about {t} to be looked at again, by writing to the general secretary within 28 days of being told of it.",
  "Decisions about {t} are recorded in writing with the reasons for them, and the record is open to any member who asks to see it.",
  "Where this clause gives a power to an officer, the officer uses it within the budget agreed by conference and reports on its use at the next meeting of the coordinating committee.",
  "Nothing in this clause allows the party to treat a member less favourably because of a protected characteristic.",
  "The party keeps the cost of taking part in {t} low, and pays reasonable expenses to members on low incomes who take part.",
  "Branches may make their own arrangements for {t}, as long as they are consistent with this constitution and with the rules made under it.",
  "The annual report to conference includes a short account of {t}, with the figures that members need to judge how well it is working.",
  "Conference may change the arrangements for {t} by a simple majority, after a consultation of members lasting at least four weeks.",
  "Information about {t} is published in plain language, in Welsh as well as English where it concerns Wales, and in accessible formats on request.",
];

const listItems = [
  "who is responsible for it, and how they can be contacted",
  "how members are told about it, and how far in advance",
  "how a member can take part without attending in person",
  "what records are kept, for how long, and who may see them",
  "how decisions are made, and how they can be challenged",
  "how the arrangements are reviewed, and by whom",
];

/** A clause of about 25 lines at 80 characters: four or five paragraphs and a list. */
function clauseText(random: () => number, topic: string): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const paragraph = (k: number) => `(${k}) ${Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(sentences).replaceAll("{t}", topic)).join(" ")}`;
  const list = listItems
    .slice(0, 4 + Math.floor(random() * 3))
    .map((item, i, all) => `- (${String.fromCharCode(97 + i)}) ${item}${i === all.length - 1 ? "." : ";"}`)
    .join("\n");
  return [paragraph(1), `(2) The rules on ${topic} must set out:\n\n${list}`, paragraph(3), paragraph(4), ...(random() < 0.5 ? [paragraph(5)] : [])].join(
    "\n\n",
  );
}

export function largeConstitution(options: { clauses?: number; generatedAt?: Date } = {}): ConstitutionPdfData {
  const random = randomFrom(11);
  const count = options.clauses ?? 60;
  return {
    partyName: "The Commonwealth Party",
    title: "Constitution (draft)",
    status: "draft",
    generatedAt: options.generatedAt ?? new Date("2027-03-14T12:00:00Z"),
    lineWidth: 80,
    adoption: null,
    clauses: Array.from({ length: count }, (_, i) => ({
      number: i + 1,
      id: `clause-${i + 1}`,
      title: `Clause title ${i + 1}`,
      entrenched: i % 10 === 0,
      text: clauseText(random, `topic ${i + 1}`),
    })),
  };
}

const reasons = [
  "This makes the clause clearer for members who are new to politics.",
  "The current wording leaves too much to the coordinating committee; members should decide this.",
  "Other parties have found this works better in practice, and it costs nothing.",
  "We should not promise what a small party cannot deliver in its first year.",
];

/** `count` amendments spread over the clauses of `constitution`, each changing a few words. */
export function largeAmendments(constitution: ConstitutionPdfData = largeConstitution(), count = 150): AmendmentsPdfData {
  const random = randomFrom(23);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const kinds: { kind: "accept" | "reject" | "compromise"; compromise: string | null }[] = [
    { kind: "accept", compromise: null },
    { kind: "reject", compromise: null },
    { kind: "compromise", compromise: "The committee proposes a shorter period of two weeks." },
  ];
  return {
    partyName: constitution.partyName,
    generatedAt: constitution.generatedAt,
    draftLabel: "Amendments to the draft constitution",
    supportersNeeded: 5,
    amendments: Array.from({ length: count }, (_, i) => {
      const clause = constitution.clauses[i % constitution.clauses.length]!;
      const before = clause.text;
      const after =
        before.replace("at least once a year", "every six months").replace("28 days", "14 days").replace("plain language", "plain, simple language") +
        (i % 3 === 0 ? "\n\n(6) The committee reports on this clause every year." : "");
      const advice = i % 3 === 2 ? null : pick(kinds);
      return {
        number: i + 1,
        clauseNumber: clause.number,
        clauseTitle: clause.title,
        kindLabel: "Change words",
        proposer: `Member ${i + 1}`,
        byCommittee: i % 25 === 0,
        reason: `${pick(reasons)}\n\n${pick(reasons)}`,
        status: i % 40 === 39 ? "Withdrawn" : "Open",
        undecided: i % 40 !== 39,
        supporters: Array.from({ length: 5 + Math.floor(random() * 25) }, (_, j) => `Supporter ${i + 1}-${j + 1}`),
        before,
        after,
        recommendation: advice ? { kind: advice.kind, reasons: "The committee has looked at this carefully.", compromiseText: advice.compromise } : null,
      };
    }),
  };
}
