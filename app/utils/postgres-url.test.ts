import { describe, expect, it } from "vitest";
import { describePostgresUrl, parsePostgresUrl } from "./postgres-url";

describe("PostgreSQL URLs", () => {
  it("reads a list of hosts as postgres.js does", () => {
    expect(parsePostgresUrl("postgres://app:pw@10.0.0.1:5432,10.0.0.2/votes?target_session_attrs=primary")).toEqual({
      hosts: [
        { host: "10.0.0.1", port: "5432" },
        { host: "10.0.0.2", port: "5432" },
      ],
      database: "votes",
      targetSessionAttrs: "primary",
    });
  });

  it("refuses what is not a PostgreSQL URL", () => {
    for (const bad of ["mysql://x", "postgres://", "postgres://u@a:1,,b:2/db", "postgres://u@a:99999/db", "db.example.org"]) {
      expect(parsePostgresUrl(bad), bad).toBeNull();
    }
  });

  it("names every host for the start-up line, never the password", () => {
    expect(describePostgresUrl("postgres://app:secret@db.example.org/breakaway")).toBe("PostgreSQL at db.example.org:5432/breakaway");
    const both = describePostgresUrl("postgres://app:secret@a:5432,b:5433/breakaway?target_session_attrs=primary");
    expect(both).toBe("PostgreSQL at a:5432, b:5433/breakaway (whichever is the primary)");
    expect(both).not.toContain("secret");
  });
});
