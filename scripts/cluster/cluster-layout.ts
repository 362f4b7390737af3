import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where one cluster on one machine lives: its folder, its ports and the addresses derived from
 * them. Pure: nothing here starts or reads anything, so the drill and the commands agree on it.
 */
export interface ClusterLayout {
  /** The cluster's folder: data, logs, pid files, the generated haproxy.cfg. Git-ignored. */
  folder: string;
  /** The address HAProxy listens on (and the app servers too, on the next ports). */
  host: string;
  /** HAProxy's port; the app servers listen on the next ports (httpPort + 1, + 2, ...). */
  httpPort: number;
  /** The primary's port; the standby listens on the next one. */
  pgPort: number;
  /** How many app servers behind HAProxy. */
  appServers: number;
  /** The database the app uses. */
  database: string;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The defaults of `npm run cluster:up`; each may be changed by a CLUSTER_* variable. */
export function layoutFromEnvironment(env: Record<string, string | undefined> = process.env): ClusterLayout {
  return {
    folder: path.resolve(repoRoot, env.CLUSTER_DIR || ".cluster"),
    host: env.CLUSTER_HOST || "127.0.0.1",
    httpPort: Number(env.CLUSTER_HTTP_PORT || 3430),
    pgPort: Number(env.CLUSTER_PG_PORT || 55432),
    appServers: 2,
    database: "breakaway",
  };
}

export const appPorts = (layout: ClusterLayout) => Array.from({ length: layout.appServers }, (_, i) => layout.httpPort + 1 + i);
export const appNames = (layout: ClusterLayout) => appPorts(layout).map((_, i) => `app${i + 1}`);
export const nodePorts = (layout: ClusterLayout) => ({ primary: layout.pgPort, standby: layout.pgPort + 1 });
export const appUrl = (layout: ClusterLayout) => `http://${layout.host}:${layout.httpPort}`;

/**
 * Both PostgreSQL nodes, the primary first, and `target_session_attrs=primary`: postgres.js
 * tries them in turn and keeps the one that is not a standby, so after the standby is promoted
 * the app servers reconnect to it without a change of configuration. Not `read-write`: for that,
 * postgres.js 3.4 checks only default_transaction_read_only, which a standby reports as off,
 * so it would keep connections to the standby and every write on them would fail.
 */
export function clusterDatabaseUrl(layout: ClusterLayout): string {
  const { primary, standby } = nodePorts(layout);
  return `postgres://postgres@127.0.0.1:${primary},127.0.0.1:${standby}/${layout.database}?target_session_attrs=primary`;
}

/** A URL to one node alone (administration: creating the database, checking which is primary). */
export const nodeUrl = (port: number, database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`;

export const paths = (layout: ClusterLayout) => ({
  primaryData: path.join(layout.folder, "pg-primary"),
  standbyData: path.join(layout.folder, "pg-standby"),
  sockets: path.join(layout.folder, "sockets"),
  logs: path.join(layout.folder, "logs"),
  run: path.join(layout.folder, "run"),
  haproxyConfig: path.join(layout.folder, "haproxy.cfg"),
  haproxySocket: path.join(layout.folder, "run", "haproxy.sock"),
  appSecret: path.join(layout.folder, "app-secret"),
});
