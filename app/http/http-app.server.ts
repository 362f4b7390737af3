import type { Server } from "node:http";
import { TLSSocket } from "node:tls";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { Db } from "~/utils/db.server";
import type { AppEnv } from "~/utils/env.server";
import { logFailure } from "~/utils/errors";
import type { DatabaseGate } from "./database-gate.server";
import { createFrontDoor } from "./front-door.server";
import { nodeFrontDoor } from "./node-adapter.server";
import { applySecurityHeaders } from "./security-headers";

/**
 * The app's HTTP handler, as server.ts serves it and the hostile-input suite drives it over real
 * connections: compression, static files, then the front door for everything else.
 */
export function createHttpApp(deps: { build: ServerBuild; db: Db; env: AppEnv; gate?: DatabaseGate }): express.Express {
  const { env } = deps;
  const frontDoor = createFrontDoor(deps);
  const app = express();
  app.disable("x-powered-by");
  app.disable("etag");
  // An action's data (a POST to a route's .data, what a form sends when JavaScript runs) is a few
  // bytes: compressing it costs the server more than it saves anyone. Nor is an answer of a few
  // bytes worth compressing. Pages and loaders' data are compressed as before.
  // Level 3, not zlib's 6: a few per cent larger, and about half the work, which is done for every
  // page while others wait (the whole constitution, 370 KB, took 13 ms at 6; decision 043).
  app.use(
    compression({
      threshold: 1024,
      level: 3,
      filter: (req, res) => !(req.method === "POST" && req.path.endsWith(".data")) && compression.filter(req, res),
    }),
  );
  // Static files carry the same security headers as everything else; nobody is signed in to them.
  const staticHeaders = (res: express.Response) => {
    const headers = new Headers();
    const encrypted = res.req.socket instanceof TLSSocket;
    applySecurityHeaders(headers, { protocol: encrypted ? "https" : "http", appUrl: env.appUrl, signedIn: false });
    for (const [name, value] of headers) res.setHeader(name, value);
  };
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", setHeaders: staticHeaders }));
  app.use(express.static("public", { maxAge: "1h", setHeaders: staticHeaders }));
  // Browsers ask for /favicon.ico whatever the page says.
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));

  // Everything else: the front door (limits, origin check, session, the ballot endpoint, Remix).
  const handle = nodeFrontDoor(frontDoor);
  app.use((req, res) => void handle(req, res));

  // A failure in the static files' middleware: logged by kind only, like every other.
  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    logFailure({ method: req.method, url: req.originalUrl }, error);
    const status =
      typeof error === "object" && error !== null && "status" in error && Number((error as { status: unknown }).status) < 500
        ? Number((error as { status: unknown }).status)
        : 500;
    if (!res.headersSent)
      res
        .status(status)
        .type("text/plain")
        .send(status === 500 ? "Sorry, there is a problem with the service. Please try again later." : "Sorry, we could not read that request.");
  });
  return app;
}

/**
 * A client that sends its headers or its body slowly holds a connection, not the server: cut it
 * off after these (generous for a phone uploading a 30 MB file).
 */
export function limitSlowClients(server: Server): void {
  server.headersTimeout = 20_000;
  server.requestTimeout = 300_000;
}
