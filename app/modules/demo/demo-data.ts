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

export const firstNames = ["Aisha", "Ben", "Catrin", "Daniel", "Eilidh", "Femi", "Grace", "Harry", "Isla", "Jamal", "Kirsty", "Liam", "Megan", "Niall", "Olivia", "Priya", "Rhys", "Sophie", "Tom", "Yusuf", "Zara", "Callum", "Hannah", "Owen"];
export const lastNames = ["Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Roberts", "Khan", "Patel", "Campbell", "Murray", "Kelly", "Ahmed", "Hughes", "Walker", "Wright", "MacDonald"];
/** Sample outward codes across the nations and regions, weighted by repetition. */
export const sampleOutwardCodes = ["EH1", "EH12", "G12", "G41", "AB10", "DD1", "CF10", "CF24", "SA1", "LL57", "BT7", "NE1", "NE6", "SR2", "M14", "M20", "L8", "PR1", "LS6", "S11", "HU5", "YO10", "NG7", "LE2", "DE1", "B29", "CV1", "ST4", "NR2", "CB1", "IP4", "E8", "N16", "SE15", "SW9", "NW5", "BN2", "OX4", "PO5", "RG1", "BS5", "EX4", "PL4", "BA1", "E17", "M13", "LS8", "G20"];
