import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueMail, sendDueMail } from "../../app/modules/mail/outbox.server";
import { outbox } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("outbox", () => {
  it("sends what is queued once, and retries later what failed", async () => {
    await database.db.transaction(async (tx) => {
      await queueMail(tx, { to: "a@example.org", subject: "One", text: "1", kind: "test" });
      await queueMail(tx, { to: "bounce@example.org", subject: "Two", text: "2", kind: "test" });
    });
    const delivered: string[] = [];
    const sent = await sendDueMail(database.db, async (m) => {
      if (m.to.startsWith("bounce")) throw new Error("mailbox unavailable");
      delivered.push(m.to);
    });
    expect(sent).toBe(1);
    expect(delivered).toEqual(["a@example.org"]);
    const rows = await database.db.select().from(outbox);
    const failed = rows.find((r) => r.toAddress === "bounce@example.org");
    expect(failed?.sentAt).toBeNull();
    expect(failed?.attempts).toBe(1);
    expect(failed?.lastError).toBe("mailbox unavailable");
    expect(failed?.sendAfter.getTime()).toBeGreaterThan(Date.now());
    // Nothing is due now: the failed one waits for its back-off, the sent one is done.
    expect(
      await sendDueMail(database.db, async () => {
        throw new Error("must not be called");
      }),
    ).toBe(0);
  });
});
