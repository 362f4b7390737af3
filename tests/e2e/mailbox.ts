import type { AddressInfo } from "node:net";
import { expect } from "@playwright/test";
import { SMTPServer } from "smtp-server";

/** One message as the SMTP sink received it, decoded to plain text. */
export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** Quoted-printable (RFC 2045) to bytes to UTF-8 text: how nodemailer sends long lines. */
function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i += 1) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** "=?UTF-8?Q?…?=" and "=?UTF-8?B?…?=" words in a header (RFC 2047). */
function decodeHeader(value: string): string {
  return value.replace(/=\?[^?]+\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
    kind.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

/** A single-part text message (as the app's mail is) from its raw SMTP DATA. */
export function parseMail(raw: string, to: string[]): Mail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1]?.trim() ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text = encoding === "quoted-printable" ? decodeQuotedPrintable(body) : encoding === "base64" ? Buffer.from(body, "base64").toString("utf8") : body;
  return { to, subject: decodeHeader(header("Subject")), text: text.replace(/\r\n/g, "\n") };
}

/**
 * An SMTP server on a loopback port that keeps what it receives: the journey's server sends its
 * mail here (SMTP_URL), and people read their links from it as they would from their inbox.
 */
export class Mailbox {
  readonly received: Mail[] = [];
  /** Messages a person has already opened: `next` hands each out once. */
  private readonly opened = new Set<Mail>();

  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
  ) {}

  static async start(): Promise<Mailbox> {
    let box: Mailbox | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        let raw = "";
        stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
        stream.on("end", () => {
          box?.received.push(
            parseMail(
              raw,
              session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            ),
          );
          callback();
        });
      },
    });
    const port = await new Promise<number>((resolve) => {
      server.listen(0, "127.0.0.1", () => {
        // smtp-server exposes its net.Server as `server`.
        resolve((server as unknown as { server: { address(): AddressInfo } }).server.address().port);
      });
    });
    box = new Mailbox(server, `smtp://127.0.0.1:${port}`);
    return box;
  }

  /**
   * Waits for the next message to `to` whose subject matches, not yet opened, and opens it. The
   * app's mail sender runs every few seconds, so this waits generously.
   */
  async next(to: string, subject: RegExp, timeout = 60_000): Promise<Mail> {
    let found: Mail | undefined;
    await expect
      .poll(
        () => {
          found = this.received.find((m) => !this.opened.has(m) && m.to.includes(to.toLowerCase()) && subject.test(m.subject));
          return Boolean(found);
        },
        { message: `a mail to ${to} with a subject like ${String(subject)}`, timeout, intervals: [250, 500, 1000] },
      )
      .toBe(true);
    this.opened.add(found!);
    return found!;
  }

  /** Everyone who has been sent a message whose subject matches (once each). */
  recipients(subject: RegExp): string[] {
    return [...new Set(this.received.filter((m) => subject.test(m.subject)).flatMap((m) => m.to))];
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The first link in a message that goes to `path` on the app (its address as the mail gives it). */
export function linkIn(mail: Mail, path: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname.startsWith(path));
  if (!link) throw new Error(`No link to ${path} in the mail "${mail.subject}":\n${mail.text}`);
  return link;
}
