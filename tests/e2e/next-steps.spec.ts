import { expect, test } from "@playwright/test";
import { violations } from "./axe";
import { signIn } from "./journeys";

/**
 * Home, signed in (issue 15): "Your next steps" comes first, meets axe, and fits a 360 px phone
 * without sideways scrolling, for a member and for an organiser (who also sees the road's step).
 */
test.use({ viewport: { width: 360, height: 740 } });

for (const [who, email, road] of [
  ["a member", "amira.member@demo.breakaway.test", false],
  ["an organiser", "organiser@demo.breakaway.test", true],
] as const) {
  test(`home shows ${who} their next steps first, on a phone`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, email);
    await page.goto("/");
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText("Your next steps");
    await expect(page.getByRole("heading", { name: "The next step of the road" })).toHaveCount(road ? 1 : 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await violations(page), `home for ${who}`).toEqual([]);
  });
}
