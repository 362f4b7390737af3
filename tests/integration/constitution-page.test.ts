import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModelConstitution } from "../../app/modules/constitution/model";
import { createTestApp } from "../support/app-harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
});
afterAll(() => database.drop());

describe("the constitution page", () => {
  it("shows every clause of the model draft, numbered continuously, with a table of contents", async () => {
    const clauses = await loadModelConstitution("constitution/clauses");
    const html = await (await app.request("/constitution")).text();
    for (const c of clauses) {
      expect(html).toContain(`href="#${c.id}"`);
      expect(html).toContain(`id="${c.id}"`);
    }
    expect(html).toContain("Lines <!-- -->1<!-- --> to");
    expect(html).toContain("Entrenched");
  });
});
