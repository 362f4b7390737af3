import { describe, expect, it } from "vitest";
import {
  credentialSecret,
  generateCredentials,
  generatePrivateCredential,
  generateUuid,
  isValidPrivateCredential,
  isValidUuid,
  publicCredential,
  sortPublicCredentials,
} from "./credentials";
import { BELENIOS_2048, powMod } from "./group";

describe("credentials", () => {
  it("derives the public credential belenios-tool published for a private one", () => {
    // From `belenios-tool setup generate-credentials --uuid oUkDy4QvwAKSRD` (fixtures/tool-weighted.bel).
    const expected =
      "12391620189004846474387390647500690315868067661299877645263504344789881212719568047226783168447702050955127286439825301371698400251801372765899154807581960251576778175124335188092599809082083284287529277655612966117843231938729819425721012301805391119130589650562393421948865309249073435270364430039060742580884083791595934868903381997835132689915809078650902058496551782678237722438457784904933796000259923784879186679481446702166867664331574511267743777890306585835049717461971873809503275629307064720451620032600196470892381051801621325452977646122917076020040456953131775685444014613316206204105790103019497451982";
    expect(publicCredential(BELENIOS_2048, "oUkDy4QvwAKSRD", "UoK-qso-H97-jWY-R8Q").toString()).toBe(expected);
  });

  it("makes credentials in the XXX-XXX-XXX-XXX-XXX form whose checksum holds", () => {
    for (let i = 0; i < 50; i++) {
      const c = generatePrivateCredential();
      expect(c).toMatch(/^[1-9A-HJ-NP-Za-km-z]{3}(?:-[1-9A-HJ-NP-Za-km-z]{3}){4}$/);
      expect(isValidPrivateCredential(c)).toBe(true);
      expect(isValidPrivateCredential(c.replace(/-/g, ""))).toBe(true);
    }
  });

  it("catches a mistyped character", () => {
    expect(isValidPrivateCredential("UoK-qso-H97-jWY-R8Q")).toBe(true);
    expect(isValidPrivateCredential("UoK-qso-H97-jWY-R8R")).toBe(false);
    expect(isValidPrivateCredential("UoK-qsp-H97-jWY-R8Q")).toBe(false);
    expect(isValidPrivateCredential("UoK-qso-H97-jWY-R80")).toBe(false);
  });

  it("binds the secret to the election: another uuid, another secret", () => {
    const c = generatePrivateCredential();
    expect(credentialSecret(BELENIOS_2048, "oUkDy4QvwAKSRD", c)).not.toBe(credentialSecret(BELENIOS_2048, "oUkDy4QvwAKSRE", c));
    expect(credentialSecret(BELENIOS_2048, "oUkDy4QvwAKSRD", c) < BELENIOS_2048.q).toBe(true);
  });

  it("issues one credential per voter, publishes them sorted by value", () => {
    const uuid = generateUuid();
    expect(isValidUuid(uuid)).toBe(true);
    const issued = generateCredentials(BELENIOS_2048, uuid, [1n, 1n, 2n]);
    issued.forEach((c) => expect(c.publicCredential).toBe(powMod(BELENIOS_2048, BELENIOS_2048.g, credentialSecret(BELENIOS_2048, uuid, c.privateCredential))));
    const sorted = sortPublicCredentials(issued.map((c) => ({ credential: c.publicCredential, weight: c.weight })));
    expect(sorted.map((c) => c.credential)).toEqual([...issued.map((c) => c.publicCredential)].sort((a, b) => (a < b ? -1 : 1)));
  });
});
