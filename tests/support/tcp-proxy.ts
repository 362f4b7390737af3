import net from "node:net";

/**
 * A TCP proxy between the app and PostgreSQL that a test can cut and restore, to stage a
 * database outage around a real database (never a mock of it).
 */
export interface TcpProxy {
  /** The port the proxy listens on (127.0.0.1). */
  port: number;
  /** The same database URL, through the proxy. */
  urlFor(databaseUrl: string): string;
  /**
   * An outage. "refuse": open connections are reset and new ones refused (a database that died);
   * "close": open connections are closed cleanly (FIN, as a backend that exits does) and new ones
   * refused; "blackhole": open connections are reset and new ones accepted but never answered
   * (a network that drops packets); "stall": open connections stay open but nothing passes on
   * them any more, and new ones are accepted but never answered (a network that went silent:
   * a query in flight waits for an answer that never comes, with no error to end it).
   */
  cut(how?: "refuse" | "close" | "blackhole" | "stall"): Promise<void>;
  /** Connections pass again. */
  restore(): Promise<void>;
  /** How many connections were let through since the start. */
  connectionsPassed(): number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const held = new Set<net.Socket>();
  const stalled = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let mode: "pass" | "blackhole" = "pass";
  let passed = 0;

  const server = net.createServer((client) => {
    if (mode === "blackhole") {
      held.add(client);
      client.on("error", () => {});
      client.on("close", () => held.delete(client));
      return;
    }
    passed += 1;
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end);
    upstream.on("error", end);
    client.on("close", end);
    upstream.on("close", end);
    client.pipe(upstream);
    upstream.pipe(client);
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));

  await listen(0);
  const port = (server.address() as net.AddressInfo).port;

  function dropOpen(how: "reset" | "close") {
    for (const pair of pairs) {
      pairs.delete(pair);
      pair.upstream.destroy();
      if (how === "reset") pair.client.resetAndDestroy();
      else pair.client.end();
    }
  }

  return {
    port,
    urlFor(databaseUrl) {
      const u = new URL(databaseUrl);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    async cut(how = "refuse") {
      if (how === "stall") {
        mode = "blackhole";
        for (const pair of pairs) {
          pair.client.unpipe(pair.upstream);
          pair.upstream.unpipe(pair.client);
          pair.client.pause();
          pair.upstream.pause();
          stalled.add(pair);
        }
        return;
      }
      if (how === "blackhole") {
        mode = "blackhole";
        dropOpen("reset");
        return;
      }
      // server.close() waits for open connections, which are dropped just after.
      const stopped = stopListening();
      dropOpen(how === "close" ? "close" : "reset");
      await stopped;
    },
    async restore() {
      mode = "pass";
      // A stalled connection is given up for dead, as the kernel's keep-alive would in the end.
      for (const pair of stalled) {
        pairs.delete(pair);
        pair.upstream.destroy();
        pair.client.resetAndDestroy();
      }
      stalled.clear();
      for (const socket of held) socket.destroy();
      held.clear();
      if (!server.listening) await listen(port);
    },
    connectionsPassed: () => passed,
    async close() {
      dropOpen("reset");
      for (const socket of held) socket.destroy();
      await stopListening();
    },
  };
}
