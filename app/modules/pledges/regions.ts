/**
 * UK postcode areas (the letters at the start of a postcode) and the nation or English region
 * each lies in. A pledge's region is for counting, not for anything legal.
 *
 * Sources: Royal Mail's list of the 121 postcode areas plus the three Crown Dependencies
 * (Wikipedia, "List of postcode areas in the United Kingdom"), each district's post towns and
 * local authorities (Wikipedia's page for each area, e.g. "SY postcode area"), and the ONS
 * regions of England. Where an area crosses a border its districts are given below one by one;
 * a district that itself straddles a border goes to the side holding most of its addresses
 * (CH4: Chester's suburbs outweigh Saltney and Broughton; TD12: Coldstream outweighs Cornhill
 * and Wark; NP16: Chepstow outweighs Tutshill and Sedbury; SY10: Oswestry outweighs the
 * Tanat valley; HR3: the Herefordshire villages outweigh Hay-on-Wye).
 */
export const regions = [
  "Scotland",
  "Wales",
  "Northern Ireland",
  "North East",
  "North West",
  "Yorkshire and the Humber",
  "East Midlands",
  "West Midlands",
  "East of England",
  "London",
  "South East",
  "South West",
  "Crown Dependencies",
] as const;
export type Region = (typeof regions)[number];

/** Each area's region: for an area that crosses a border, the region of its districts not listed in `byDistrict`. */
const byRegion: Record<Region, string> = {
  Scotland: "AB DD DG EH FK G HS IV KA KW KY ML PA PH TD ZE",
  Wales: "CF LD LL NP SA",
  "Northern Ireland": "BT",
  "North East": "DH DL NE SR TS",
  "North West": "BB BL CA CH CW FY L LA M OL PR SK WA WN",
  "Yorkshire and the Humber": "BD DN HD HG HU HX LS S WF YO",
  "East Midlands": "DE LE LN NG NN",
  "West Midlands": "B CV DY HR ST SY TF WR WS WV",
  "East of England": "AL CB CM CO IP LU NR PE SG SS WD",
  London: "BR CR E EC EN HA IG N NW RM SE SM SW TW UB W WC",
  "South East": "BN CT DA GU HP KT ME MK OX PO RG RH SL SO TN",
  "South West": "BA BH BS DT EX GL PL SN SP TA TQ TR",
  "Crown Dependencies": "GY IM JE",
};

/** District numbers (inclusive ranges) of an area that lie in another region than the area's own. */
const byDistrict: Record<string, readonly (readonly [from: number, to: number, region: Region])[]> = {
  // Wales and England.
  SY: [
    [14, 14, "North West"],
    [15, 25, "Wales"],
  ], // SY14 Malpas is in Cheshire; SY15 Montgomery to SY25 Tregaron (SY23 Aberystwyth) are in Wales.
  CH: [[5, 8, "Wales"]], // Deeside, Flint, Mold, Holywell (Flintshire).
  // Scotland and England.
  TD: [[15, 15, "North East"]], // Berwick-upon-Tweed, Northumberland.
  // Within England.
  DL: [[6, 11, "Yorkshire and the Humber"]], // Northallerton, Bedale, Catterick, Richmond (North Yorkshire).
  TS: [[9, 9, "Yorkshire and the Humber"]], // Stokesley (North Yorkshire).
  OL: [[14, 14, "Yorkshire and the Humber"]], // Todmorden (Calderdale).
  SK: [
    [13, 13, "East Midlands"],
    [17, 17, "East Midlands"],
    [22, 23, "East Midlands"],
  ], // Glossop, Buxton, New Mills, Chapel-en-le-Frith (Derbyshire).
  S: [
    [18, 18, "East Midlands"],
    [21, 21, "East Midlands"],
    [32, 33, "East Midlands"],
    [40, 45, "East Midlands"],
    [80, 81, "East Midlands"],
  ], // Dronfield, Eckington, Hope Valley, Chesterfield (Derbyshire); Worksop (Nottinghamshire).
  DN: [[21, 22, "East Midlands"]], // Gainsborough (Lincolnshire), Retford (Nottinghamshire).
  DE: [[13, 15, "West Midlands"]], // Burton upon Trent (Staffordshire).
  CV: [[13, 13, "East Midlands"]], // Market Bosworth (Leicestershire).
  PE: [
    [8, 12, "East Midlands"],
    [20, 25, "East Midlands"],
  ], // Oundle (Northamptonshire); Stamford, Bourne, Spalding, Boston, Skegness (Lincolnshire).
  MK: [[40, 45, "East of England"]], // Bedford.
  HP: [
    [1, 4, "East of England"],
    [23, 23, "East of England"],
  ], // Hemel Hempstead, Berkhamsted, Tring (Hertfordshire).
  EN: [[6, 11, "East of England"]], // Potters Bar, Cheshunt, Waltham Abbey, Hoddesdon (Hertfordshire, Essex).
  IG: [
    [7, 7, "East of England"],
    [9, 10, "East of England"],
  ], // Chigwell, Buckhurst Hill, Loughton (Essex).
  RM: [[15, 20, "East of England"]], // Thurrock (Essex).
  BR: [[8, 8, "South East"]], // Swanley (Kent).
  CR: [
    [3, 3, "South East"],
    [6, 6, "South East"],
  ], // Caterham, Warlingham (Surrey).
  SM: [[7, 7, "South East"]], // Banstead (Surrey).
  TW: [[15, 20, "South East"]], // Ashford, Sunbury, Shepperton, Staines, Stanwell, Egham (Surrey).
  KT: [
    [1, 6, "London"],
    [9, 9, "London"],
  ], // Kingston, New Malden, Worcester Park, Surbiton, Chessington; the rest is Surrey.
  DA: [
    [5, 8, "London"],
    [14, 18, "London"],
  ], // Bexley, Bexleyheath, Welling, Erith, Sidcup, Belvedere (Bexley); the rest is Kent.
  BH: [[24, 25, "South East"]], // Ringwood, New Milton (Hampshire).
  SN: [[7, 7, "South East"]], // Faringdon (Oxfordshire).
  SP: [
    [6, 6, "South East"],
    [10, 11, "South East"],
  ], // Fordingbridge, Andover (Hampshire).
};

export const postcodeAreas: ReadonlyMap<string, Region> = new Map(
  (Object.entries(byRegion) as [Region, string][]).flatMap(([region, areas]) => areas.split(" ").map((area) => [area, region] as const)),
);

/** The region of a district ("SY23" is area SY, district number 23). */
export function regionForDistrict(area: string, districtNumber: number): Region | undefined {
  const exception = byDistrict[area]?.find(([from, to]) => districtNumber >= from && districtNumber <= to);
  return exception?.[2] ?? postcodeAreas.get(area);
}

const POSTCODE = /^([A-Z]{1,2})([0-9]{1,2})[A-Z]? ?[0-9][A-Z]{2}$/;

/** Upper-cases and puts the single space before the inward code: "sw1a1aa" becomes "SW1A 1AA". */
export function normalisePostcode(input: string): string {
  const compact = input.toUpperCase().replace(/\s+/g, "");
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

export type PostcodeRegion = { ok: true; postcode: string; area: string; region: Region } | { ok: false; code: "postcode_format" | "postcode_area_unknown" };

export function regionForPostcode(input: string): PostcodeRegion {
  const postcode = normalisePostcode(input);
  const match = POSTCODE.exec(postcode);
  if (!match?.[1]) return { ok: false, code: "postcode_format" };
  const area = match[1];
  const region = regionForDistrict(area, Number(match[2]));
  return region ? { ok: true, postcode, area, region } : { ok: false, code: "postcode_area_unknown" };
}
