import { describe, expect, it } from "vitest";
import { postcodeAreas, regionForPostcode, regions } from "./regions";

describe("postcode regions", () => {
  it.each([
    ["EH1 1YZ", "Scotland"],
    ["cf10 3nq", "Wales"],
    ["BT7 1NN", "Northern Ireland"],
    ["SW1A 1AA", "London"],
    ["M14 5AB", "North West"],
    ["B29 6AA", "West Midlands"],
  ])("%s is in %s", (postcode, region) => {
    expect(regionForPostcode(postcode)).toMatchObject({ ok: true, region });
  });
  it("normalises spacing and case", () => {
    expect(regionForPostcode(" sw1a1aa ")).toMatchObject({ ok: true, postcode: "SW1A 1AA", area: "SW" });
  });
  it("refuses a malformed postcode and an unknown area", () => {
    expect(regionForPostcode("12345")).toEqual({ ok: false, code: "postcode_format" });
    expect(regionForPostcode("QQ1 1AA")).toEqual({ ok: false, code: "postcode_area_unknown" });
  });
  it("covers every UK postcode area", () => {
    expect(postcodeAreas.size).toBe(124);
  });

  // Royal Mail's 121 areas and the three Crown Dependencies, typed out here rather than taken
  // from the module, so a missing or misspelt area fails.
  const allAreas = (
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX " +
    "FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG " +
    "NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS " +
    "TW UB W WA WC WD WF WN WR WS WV YO ZE"
  ).split(" ");

  it("knows every area on the complete list, and no other", () => {
    expect(allAreas).toHaveLength(124);
    for (const area of allAreas) expect(regionForPostcode(`${area}1 1AA`), area).toMatchObject({ ok: true, area });
    expect([...postcodeAreas.keys()].sort()).toEqual([...allAreas].sort());
    for (const region of postcodeAreas.values()) expect(regions).toContain(region);
  });

  it.each([
    ["SY23 1DL", "Wales"], // Aberystwyth
    ["SY15 6PQ", "Wales"], // Montgomery
    ["SY16 1AA", "Wales"], // Newtown
    ["SY21 7AA", "Wales"], // Welshpool
    ["SY25 6AA", "Wales"], // Tregaron
    ["SY1 1AA", "West Midlands"], // Shrewsbury
    ["SY8 1AA", "West Midlands"], // Ludlow
    ["SY11 1AA", "West Midlands"], // Oswestry
    ["LD1 5AA", "Wales"], // Llandrindod Wells
    ["LL57 2DG", "Wales"], // Bangor
    ["NP20 1AA", "Wales"], // Newport
    ["CH1 1AA", "North West"], // Chester
    ["CH41 1AA", "North West"], // Birkenhead
    ["CH5 1AA", "Wales"], // Deeside
    ["CH7 1AA", "Wales"], // Mold
    ["CH8 7AA", "Wales"], // Holywell
    ["TD1 1AA", "Scotland"], // Galashiels
    ["TD9 7AA", "Scotland"], // Hawick
    ["TD15 1AA", "North East"], // Berwick-upon-Tweed
    ["DG1 1AA", "Scotland"], // Dumfries
    ["CA1 1AA", "North West"], // Carlisle
    ["HR1 1AA", "West Midlands"], // Hereford
  ])("%s is in %s, across a national border", (postcode, region) => {
    expect(regionForPostcode(postcode)).toMatchObject({ ok: true, region });
  });

  it.each([
    ["SY14 8AA", "North West"], // Malpas, Cheshire
    ["DA7 4AA", "London"], // Bexleyheath
    ["DA1 1AA", "South East"], // Dartford
    ["KT1 1AA", "London"], // Kingston
    ["KT22 7AA", "South East"], // Leatherhead
    ["TW18 1AA", "South East"], // Staines
    ["TW9 1AA", "London"], // Richmond
    ["RM16 1AA", "East of England"], // Grays
    ["EN8 1AA", "East of England"], // Cheshunt
    ["EN1 1AA", "London"], // Enfield
    ["DL10 4AA", "Yorkshire and the Humber"], // Richmond, North Yorkshire
    ["DL1 1AA", "North East"], // Darlington
    ["S40 1AA", "East Midlands"], // Chesterfield
    ["S1 2AA", "Yorkshire and the Humber"], // Sheffield
    ["DE14 1AA", "West Midlands"], // Burton upon Trent
    ["PE21 6AA", "East Midlands"], // Boston
    ["PE1 1AA", "East of England"], // Peterborough
    ["MK40 1AA", "East of England"], // Bedford
    ["MK9 1AA", "South East"], // Milton Keynes
    ["HP1 1AA", "East of England"], // Hemel Hempstead
    ["HP20 1AA", "South East"], // Aylesbury
    ["SK17 6AA", "East Midlands"], // Buxton
    ["BH24 1AA", "South East"], // Ringwood
    ["EC1A 1BB", "London"],
    ["W1A 0AX", "London"],
  ])("%s is in %s, across a regional border", (postcode, region) => {
    expect(regionForPostcode(postcode)).toMatchObject({ ok: true, region });
  });
});
