import { expect, test } from "@playwright/test";
import { violations } from "./axe";
import { signIn } from "./journeys";

test("public pages meet WCAG 2.2 AA as axe checks it", async ({ page }) => {
  test.setTimeout(180_000);
  for (const path of [
    "/",
    "/campaign",
    "/pledge",
    "/login",
    "/polls",
    "/constitution",
    "/constitution/read/aims",
    "/constitution/full",
    "/founding/standing-orders",
  ]) {
    await page.goto(path);
    expect(await violations(page), path).toEqual([]);
  }
  await page.goto("/polls");
  await page.getByRole("link", { name: "Interim steering committee (3 seats)" }).click();
  // Check the results page, not the list still showing with its link focused while the next page loads.
  await expect(page.getByRole("heading", { level: 1, name: /Interim steering committee/ })).toBeVisible();
  expect(await violations(page), "poll results").toEqual([]);
  await page.goto("/login");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  expect(await violations(page), "login with an error").toEqual([]);
});

test("organiser pages meet WCAG 2.2 AA as axe checks it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "organiser@demo.breakaway.test");
  for (const path of ["/campaign/manage", "/campaign/import", "/founding", "/audit", "/account", "/polls/new", "/constitution/manage"]) {
    await page.goto(path);
    expect(await violations(page), path).toEqual([]);
  }
});

test("the check itself catches a violation (an unlabelled field)", async ({ page }) => {
  await page.setContent('<html lang="en"><head><title>t</title></head><body><main><input type="text"></main></body></html>');
  expect((await violations(page)).join("\n")).toMatch(/label/);
});
