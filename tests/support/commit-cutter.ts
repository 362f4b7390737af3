import net from "node:net";

/**
 * A TCP proxy between an app and its PostgreSQL server that cuts the database off at the moment
 * a transaction commits (decision 041), for real, with nothing in the app told:
 * - "after-commit": the COMMIT goes through and its answer reaches the app, then every
 *   connection is cut and new ones are refused. The ballot is stored and the app knows it, but
 *   whatever the request does next (the page's loaders) fails, as when the database goes away
 *   mid-storm.
 * - "during-commit": the COMMIT reaches the server, which stores the ballot, but its answer is
 *   never delivered: the connection is cut first. The app cannot know whether the ballot is in.
 * Until armed, and after `restore()`, it passes everything through.
 */
export interface CommitCutter {
  /** A connection string for the same database through the proxy. */
  url: string;
  arm(mode: "after-commit" | "during-commit"): void;
  /** Cuts the database off now, whatever is under way. */
  cutNow(): void;
  /** Whether the cut has happened since the last arm. */
  readonly cut: boolean;
  /** Takes connections again (the database is back). */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** A statement that is "commit" and nothing else, as the driver sends it (not "committee" in a query). */
const COMMIT_SENT = Buffer.from("\0commit\0");
/** CommandComplete "COMMIT" then ReadyForQuery: the server's whole answer to a commit. */
const COMMIT_TAG = Buffer.from("COMMIT\0");
const READY = Buffer.from([0x5a, 0, 0, 0, 5]);

export async function startCommitCutter(databaseUrl: string): Promise<CommitCutter> {
  const target = new URL(databaseUrl);
  const pairs = new Set<{ client: net.Socket; server: net.Socket }>();
  let mode: "pass" | "after-commit" | "during-commit" = "pass";
  let refusing = false;
  let cut = false;

  const cutAll = () => {
    cut = true;
    // Refused as by a server that is down: nothing listens on the port until restored.
    if (!refusing) proxy.close();
    refusing = true;
    for (const { client, server } of pairs) {
      client.destroy();
      server.destroy();
    }
    pairs.clear();
  };

  const proxy = net.createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const server = net.connect(Number(target.port || 5432), target.hostname);
    const pair = { client, server };
    pairs.add(pair);
    let commitSent = false;
    let answer = Buffer.alloc(0);
    client.on("data", (chunk: Buffer) => {
      if (mode !== "pass" && chunk.includes(COMMIT_SENT)) commitSent = true;
      server.write(chunk);
    });
    server.on("data", (chunk: Buffer) => {
      if (!commitSent) {
        client.write(chunk);
        return;
      }
      if (mode === "during-commit") {
        cutAll();
        return;
      }
      // After the commit: let its whole answer through, then cut.
      client.write(chunk);
      answer = Buffer.concat([answer, chunk]);
      const tag = answer.indexOf(COMMIT_TAG);
      if (tag !== -1 && answer.indexOf(READY, tag) !== -1) setImmediate(cutAll);
    });
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on("error", end).on("close", end);
    server.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as net.AddressInfo;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);

  return {
    url: url.href,
    arm(next) {
      mode = next;
      cut = false;
    },
    cutNow: cutAll,
    get cut() {
      return cut;
    },
    async restore() {
      mode = "pass";
      if (!refusing) return;
      refusing = false;
      await new Promise<void>((resolve) => proxy.listen(port, "127.0.0.1", resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        const wasListening = !refusing;
        cutAll();
        if (wasListening) proxy.once("close", () => resolve());
        else resolve();
      }),
  };
}
