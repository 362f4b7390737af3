import { expect, type BrowserContext, type Cookie, type Page } from "@playwright/test";

/**
 * Sessions already opened in this run, by email. Signing in is limited to 3 links per address
 * in 15 minutes (as for real people), so later journeys reuse a person's session cookie rather
 * than asking for another link; the first journey for each person goes through the email.
 */
const sessions = new Map<string, Cookie[]>();

async function reuseSession(context: BrowserContext, page: Page, email: string): Promise<boolean> {
  const cookies = sessions.get(email);
  if (!cookies) return false;
  await context.addCookies(cookies);
  await page.goto("/");
  if (await page.getByRole("heading", { name: "Welcome back" }).isVisible()) return true;
  // The session has ended (the person signed out): sign in again through the email.
  await context.clearCookies();
  sessions.delete(email);
  return false;
}

/** As a person would: ask for a link, open the demo mailbox, follow the newest link, confirm. */
export async function signIn(page: Page, email: string) {
  if (await reuseSession(page.context(), page, email)) return;
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.goto("/dev/outbox");
  const mail = page
    .locator(".mail")
    .filter({ has: page.locator(".mail__to", { hasText: email }) })
    .first();
  await mail.getByRole("link").click();
  await expect(page.getByText(`You are signing in as ${email}`)).toBeVisible();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
  sessions.set(email, await page.context().cookies());
}

/** A UK wall-clock time, as a datetime-local input wants it. */
export function londonInput(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/** Fills in the pledge form, agreeing to the use of the information, without sending it. */
export async function fillPledgeForm(page: Page, who: { name: string; email: string; relation: string; postcode: string }) {
  await page.getByLabel("Your name").fill(who.name);
  await page.getByLabel("Email address").fill(who.email);
  await page.getByLabel("Postcode").fill(who.postcode);
  await page.getByLabel(who.relation).check();
  await page.getByLabel("I agree to my information being used").check();
}

/**
 * Casts the clause's ballot showing on the page and waits for the page the sitting goes on to.
 * That page names this clause as cast; a ballot page shows the clause cast before it as cast too,
 * so only the name tells the new page from the old one, which stays until the new one is drawn.
 */
export async function castClauseBallot(page: Page) {
  const ballot = await page.getByRole("heading", { level: 1, name: /^Your ballot on / }).textContent();
  const at = page.url();
  await page.getByRole("button", { name: "Cast my ballot on this clause" }).click();
  await page.waitForURL((url) => url.href !== at);
  await expect(page.getByRole("heading", { name: `${ballot} is cast`, exact: true })).toBeVisible();
}
