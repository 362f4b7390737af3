import { expect, test } from "@playwright/test";
import { signIn } from "./journeys";

// The browser tests run through HAProxy in front of two app servers when it is installed
// (scripts/e2e-server.ts), which names the server that answered in X-Breakaway-Server.
test("a session made on one app server works on the other, behind the load balancer", async ({ page }) => {
  const probe = await page.request.get("/healthz");
  test.skip(!probe.headers()["x-breakaway-server"], "one app server here, not two behind HAProxy (see scripts/e2e-server.ts)");
  await signIn(page, "amira.member@demo.breakaway.test");
  const servedBy = new Set<string>();
  // Single requests with the page's cookies: round robin sends consecutive ones to alternate servers.
  for (let i = 0; i < 4; i += 1) {
    const response = await page.request.get("/account", { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("Amira Hassan");
    servedBy.add(response.headers()["x-breakaway-server"] ?? "");
  }
  expect([...servedBy].sort()).toEqual(["app1", "app2"]);
});
