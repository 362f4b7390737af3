import { describe, expect, it } from "vitest";
import { isAllowed, permissions, principals } from "./permissions";

describe("permission table", () => {
  it("lets only organisers and the returning officer read the audit log", () => {
    expect(principals.filter((p) => isAllowed(p, "audit.read"))).toEqual(["organiser", "returning_officer"]);
  });
  it("keeps accounts for signed-in people", () => {
    expect(isAllowed("visitor", "account.manage")).toBe(false);
    expect(isAllowed("member", "account.manage")).toBe(true);
  });
  it("lets only organisers appoint and remove roles, and every signed-in person see who holds them", () => {
    expect(principals.filter((p) => isAllowed(p, "roles.manage"))).toEqual(["organiser"]);
    expect(principals.filter((p) => isAllowed(p, "roles.read"))).toEqual(["member", "organiser", "returning_officer"]);
  });
  it("names only known principals", () => {
    for (const allowed of Object.values(permissions)) for (const p of allowed) expect(principals).toContain(p);
  });
});
