import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueMail, sendDueMail, startMailSender } from "../../app/modules/mail/outbox.server";
import { createSmtpSender } from "../../app/modules/mail/smtp.server";
import { outbox } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on a loopback port, so the whole path through nodemailer is exercised. */
function startSmtp(received: Received[]) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  return new Promise<{ server: SMTPServer; port: number }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      // smtp-server exposes its net.Server as `server`.
      const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
      resolve({ server, port: address.port });
    });
  });
}

let database: TestDatabase;
let smtp: { server: SMTPServer; port: number };
const received: Received[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtp(received);
});
afterAll(async () => {
  await new Promise<void>((r) => smtp.server.close(() => r()));
  await database.drop();
});

describe("mail through SMTP", () => {
  it("delivers queued mail to the SMTP server and marks it sent", async () => {
    await database.db.transaction((tx) =>
      queueMail(tx, { to: "member@example.org", subject: "Your sign-in link", text: "Use this link: http://x/y", kind: "sign-in" }),
    );
    const send = createSmtpSender(`smtp://127.0.0.1:${smtp.port}`, "Breakaway <no-reply@example.org>");
    expect(await sendDueMail(database.db, send)).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(["member@example.org"]);
    expect(received[0]?.from).toBe("no-reply@example.org");
    expect(received[0]?.data).toContain("Subject: Your sign-in link");
    expect(received[0]?.data).toContain("Use this link: http://x/y");
    const [row] = await database.db.select().from(outbox);
    expect(row?.sentAt).not.toBeNull();
  });

  it("the background loop sends without being asked", async () => {
    await database.db.transaction((tx) => queueMail(tx, { to: "b@example.org", subject: "Loop", text: "hello", kind: "test" }));
    const stop = startMailSender(database.db, createSmtpSender(`smtp://127.0.0.1:${smtp.port}`, "no-reply@example.org"), 100);
    try {
      await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2);
    } finally {
      await stop();
    }
    expect(received[1]?.to).toEqual(["b@example.org"]);
  });
});
