/** The demo movement: fictional party, fictional people. Wording here is demo content. */
export const demoMovement = {
  name: "Grassroots Ultimatum",
  partyName: "the Commonwealth Party",
  statement:
    "We are members of the Commonwealth Party who will leave together, on one day, unless the party meets our demands by the deadline. If it does not, we will found a new party from the grass roots up, with members deciding everything.",
};

export const demoDemands = [
  {
    title: "Members choose their candidates",
    body: "Every parliamentary candidate is chosen by a ballot of local members, with no shortlists imposed from above.",
  },
  {
    title: "Conference decisions bind the leadership",
    body: "Policy passed by conference goes into the manifesto unless members vote to change it.",
  },
  {
    title: "Water, energy and rail in public hands",
    body: "A commitment to bring water, energy supply and the railways into public ownership within one parliament.",
  },
  {
    title: "A real living wage",
    body: "A legal minimum wage of at least the real living wage for every worker aged 16 and over.",
  },
  {
    title: "Open books",
    body: "The party publishes its accounts, donations over £500 and the pay of its senior staff every quarter.",
  },
];

export const demoPeople = {
  organiser: { email: "organiser@demo.breakaway.test", displayName: "Ola Organiser" },
  returningOfficer: { email: "returning.officer@demo.breakaway.test", displayName: "Ravi Returning-Officer" },
  members: [
    { email: "amira.member@demo.breakaway.test", displayName: "Amira Hassan" },
    { email: "bill.member@demo.breakaway.test", displayName: "Bill Jones" },
    { email: "ceri.member@demo.breakaway.test", displayName: "Ceri Davies" },
    { email: "dev.member@demo.breakaway.test", displayName: "Dev Patel" },
    { email: "erin.member@demo.breakaway.test", displayName: "Erin O'Neill" },
    { email: "fraser.member@demo.breakaway.test", displayName: "Fraser Campbell" },
  ],
};

/** Whom the home page offers to sign in as, in the demo: the two who run the road and three members. */
export const demoSignInEmails = [demoPeople.organiser, demoPeople.returningOfficer, ...demoPeople.members.slice(0, 3)].map((p) => p.email);

export const firstNames = [
  "Aisha",
  "Ben",
  "Catrin",
  "Daniel",
  "Eilidh",
  "Femi",
  "Grace",
  "Harry",
  "Isla",
  "Jamal",
  "Kirsty",
  "Liam",
  "Megan",
  "Niall",
  "Olivia",
  "Priya",
  "Rhys",
  "Sophie",
  "Tom",
  "Yusuf",
  "Zara",
  "Callum",
  "Hannah",
  "Owen",
];
export const lastNames = [
  "Smith",
  "Jones",
  "Williams",
  "Taylor",
  "Brown",
  "Davies",
  "Evans",
  "Wilson",
  "Thomas",
  "Roberts",
  "Khan",
  "Patel",
  "Campbell",
  "Murray",
  "Kelly",
  "Ahmed",
  "Hughes",
  "Walker",
  "Wright",
  "MacDonald",
];
/** Sample outward codes across the nations and regions, weighted by repetition. */
export const sampleOutwardCodes = [
  "EH1",
  "EH12",
  "G12",
  "G41",
  "AB10",
  "DD1",
  "CF10",
  "CF24",
  "SA1",
  "LL57",
  "BT7",
  "NE1",
  "NE6",
  "SR2",
  "M14",
  "M20",
  "L8",
  "PR1",
  "LS6",
  "S11",
  "HU5",
  "YO10",
  "NG7",
  "LE2",
  "DE1",
  "B29",
  "CV1",
  "ST4",
  "NR2",
  "CB1",
  "IP4",
  "E8",
  "N16",
  "SE15",
  "SW9",
  "NW5",
  "BN2",
  "OX4",
  "PO5",
  "RG1",
  "BS5",
  "EX4",
  "PL4",
  "BA1",
  "E17",
  "M13",
  "LS8",
  "G20",
];

/** Where the demo people live and how they stood with the old party, for their pledges. */
export const demoPledgers: Record<string, { postcode: string; relation: "member" | "former_member" | "supporter" }> = {
  "amira.member@demo.breakaway.test": { postcode: "G12 8QQ", relation: "member" },
  "bill.member@demo.breakaway.test": { postcode: "NE6 5AA", relation: "former_member" },
  "ceri.member@demo.breakaway.test": { postcode: "CF24 3AB", relation: "member" },
  "dev.member@demo.breakaway.test": { postcode: "LE2 1TU", relation: "former_member" },
  "erin.member@demo.breakaway.test": { postcode: "BT7 1NN", relation: "supporter" },
  "fraser.member@demo.breakaway.test": { postcode: "IV2 3HX", relation: "member" },
};

/** What the demo members say and propose along the road. */
export const demoStory = {
  amendments: [
    {
      clauseId: "membership-fees",
      reason: "Nobody should be kept out by the cost: a fee you choose, from nothing upwards, keeps the party open to everyone.",
      addition: "Any member may choose to pay no fee at all, and nobody is asked why.",
    },
    {
      clauseId: "branches",
      reason: "Branches in the countryside cover large areas: meeting online must count as meeting.",
      addition: "A branch may hold any of its meetings online, and a meeting held online counts as a meeting in person.",
    },
  ],
  comment: "Would this leave the party short of money in its first year?",
  reply: "Most members pay more than the minimum today; the treasurer's figures suggest we would lose very little.",
  recommendation: "The committee supports this: it matches the aim of a party open to everyone.",
  stands: [
    {
      member: 0,
      title: "Leader",
      statement:
        "I organised the pledge campaign in Glasgow. As leader I would **publish every decision** and hold monthly open meetings.\n\n- A members' assembly every quarter\n- Every vote online, and secret",
    },
    { member: 1, title: "Leader", statement: "Twenty years a trade union rep. A party run by its members, not by its leader." },
    { member: 2, title: "Treasurer", statement: "Chartered accountant. I will publish the accounts every quarter, in plain English." },
    { member: 3, title: "Nominating officer", statement: "I know the Electoral Commission's rules and will keep us on the right side of them." },
    { member: 4, title: "committee", statement: "Community organiser in Belfast; I want our Northern Ireland members heard." },
    { member: 5, title: "committee", statement: "Highlands branch. Rural transport and housing." },
  ],
  question: "How would you make sure members outside the cities are heard?",
  answer: "Every meeting online as well as in person, and the quarterly assembly moves around the nations.",
  openQuestion: "Would you stand down as leader if the members voted to recall you?",
  committeeStatement: "A founding member who wants the committee to listen to every branch.",
};
