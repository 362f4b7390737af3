/**
 * UK postcode areas (the letters at the start of a postcode) and the region or nation each
 * mostly lies in. Areas that straddle a border are given the region holding most of their
 * addresses; a pledge's region is for counting, not for anything legal.
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

export const postcodeAreas: ReadonlyMap<string, Region> = new Map(
  (Object.entries(byRegion) as [Region, string][]).flatMap(([region, areas]) =>
    areas.split(" ").map((area) => [area, region] as const),
  ),
);

const POSTCODE = /^([A-Z]{1,2})[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/;

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
  const region = postcodeAreas.get(area);
  return region ? { ok: true, postcode, area, region } : { ok: false, code: "postcode_area_unknown" };
}
