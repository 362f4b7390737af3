import type { IncomingMessage, ServerResponse } from "node:http";
import { TLSSocket } from "node:tls";
import { logFailure } from "~/utils/errors";
import type { Answer, Arrival } from "./front-door.server";
import { applySecurityHeaders } from "./security-headers";
import { writeBody } from "./write-body.server";

/**
 * How long the rest of an over-limit body may keep arriving after the 413 before the connection
 * is cut. Many clients read no answer until they have sent their whole body, so the rest is read
 * and thrown away (cheap: nothing is kept) for this long; a client slower than that is cut off.
 */
const DRAIN_GRACE_MS = 30_000;

/**
 * The front door behind Node's HTTP server (express in server.ts): the request as an Arrival, the
 * Answer written back. The body is handed over as a stream that the front door can stop reading
 * without destroying the connection, so that a 413 still reaches the person.
 */
export function nodeFrontDoor(handle: (arrival: Arrival) => Promise<Answer>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const answer = await handle({
        method: req.method ?? "GET",
        target: req.url ?? "/",
        headers: headersOf(req),
        body: req.method === "GET" || req.method === "HEAD" ? null : bodyOf(req),
        remoteAddress: req.socket.remoteAddress,
        encrypted: req.socket instanceof TLSSocket,
        signal: controller.signal,
      });
      // A body not read to its end (over the limit, or refused before it mattered): read the rest
      // and throw it away, so the client that sends everything before reading gets its answer
      // and the connection stays usable; cut off a client that keeps sending too long.
      // Not "Connection: close": Node would then close the socket while the client still sends.
      res.on("finish", () => {
        if (req.complete || req.method === "GET" || req.method === "HEAD") return;
        req.removeAllListeners("data");
        req.resume(); // no listener is left: what arrives is discarded
        const cut = setTimeout(() => req.socket.destroy(), DRAIN_GRACE_MS);
        cut.unref();
        req.once("end", () => clearTimeout(cut));
      });
      await send(res, answer.response);
    } catch (error) {
      // The front door answers its own failures; this is a failure while writing the answer.
      logFailure({ method: req.method ?? "GET", url: req.url ?? "/" }, error);
      if (!res.headersSent) {
        res.statusCode = 500;
        const headers = new Headers();
        applySecurityHeaders(headers, { protocol: "http", appUrl: "", signedIn: true });
        for (const [name, value] of headers) res.setHeader(name, value);
        res.setHeader("Content-Type", "text/plain; charset=utf-8");
        res.end("Sorry, there is a problem with the service. Please try again later.");
      } else {
        res.destroy();
      }
    }
  };
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    const value = req.rawHeaders[i + 1]!;
    try {
      headers.append(name, value);
    } catch {
      // A header value Headers cannot hold (Node accepted it, fetch's rules do not): left out.
    }
  }
  return headers;
}

/** The request body as a stream; cancelling it stops reading but leaves the connection open. */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  // Once the front door has stopped reading, the stream is done with: what still arrives or
  // ends is no concern of it (closing a cancelled stream throws).
  let finished = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on("data", (chunk: Buffer) => {
          if (finished) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once("end", () => {
          if (finished) return;
          finished = true;
          controller.close();
        });
        req.once("error", (error) => {
          if (finished) return;
          finished = true;
          controller.error(error);
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        finished = true;
        req.removeAllListeners("data");
        req.pause();
      },
    },
    { highWaterMark: 4, size: () => 1 },
  );
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name === "set-cookie") continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  if (response.body) await writeBody(response.body, res);
  else res.end();
}
