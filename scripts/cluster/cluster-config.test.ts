import { describe, expect, it } from "vitest";
import { parseEnv } from "../../app/utils/env.server";
import { FIRST_BACKOFF_MS, HEALTHY_RUN_MS, MAX_BACKOFF_MS, nextBackoffMs } from "./backoff";
import { clusterDatabaseUrl, layoutFromEnvironment } from "./cluster-layout";
import { haproxyConfig } from "./haproxy-config";

const layout = layoutFromEnvironment({ CLUSTER_DIR: "/tmp/x", CLUSTER_HTTP_PORT: "8080", CLUSTER_PG_PORT: "6000" });

describe("the one-machine cluster's configuration", () => {
  it("gives the app servers both database nodes, to follow the primary after a promotion, in a form the app accepts", () => {
    const url = clusterDatabaseUrl(layout);
    expect(url).toBe("postgres://postgres@127.0.0.1:6000,127.0.0.1:6001/breakaway?target_session_attrs=primary");
    expect(parseEnv({ DATABASE_URL: url, APP_SECRET: "s".repeat(32) }).ok).toBe(true);
  });

  it("checks /healthz over HTTP/1.1 with a Host header and retries a failed request on another server", () => {
    const cfg = haproxyConfig({
      host: "127.0.0.1",
      port: 8080,
      servers: [
        { name: "app1", port: 8081 },
        { name: "app2", port: 8082 },
      ],
      adminSocket: "/tmp/x/run/haproxy.sock",
    });
    expect(cfg).toContain("http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host 127.0.0.1:8080");
    expect(cfg).toContain("retry-on conn-failure empty-response response-timeout");
    expect(cfg).toContain("option redispatch");
    // ... but a form other than a ballot, once a server took it, is never sent twice.
    expect(cfg).toContain("http-request disable-l7-retry if !replayable !ballot");
    expect(cfg).toContain("option forwardfor");
    expect(cfg).toMatch(/server app1 127\.0\.0\.1:8081 check\n\s+server app2 127\.0\.0\.1:8082 check/);
  });

  it("restarts a crashing server quickly at first, then less often, and afresh after a healthy run", () => {
    let wait = nextBackoffMs(0, 100);
    expect(wait).toBe(FIRST_BACKOFF_MS);
    for (let i = 0; i < 10; i += 1) wait = nextBackoffMs(wait, 100);
    expect(wait).toBe(MAX_BACKOFF_MS);
    expect(nextBackoffMs(wait, HEALTHY_RUN_MS)).toBe(FIRST_BACKOFF_MS);
  });
});
