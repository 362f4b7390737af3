import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { violations } from "./axe";
import { signIn } from "./journeys";

/**
 * A poll held by two named trustees, in the browser (decision 045): each makes their key in the
 * page and saves the private key file, the poll opens once both keys are in, a member votes, the
 * returning officer closes it, and each trustee decrypts their share by choosing their saved file.
 * The result is published only with the last share.
 */
const trustees = ["ceri.member@demo.breakaway.test", "dev.member@demo.breakaway.test"];
const folder = mkdtempSync(join(tmpdir(), "trustee-keys-"));
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Trustees on a 360 px phone, as most members are. */
async function asPerson(browser: Browser, email: string, phone = false): Promise<Page> {
  const page = await (await browser.newContext(phone ? { viewport: { width: 360, height: 740 } } : {})).newPage();
  await signIn(page, email);
  return page;
}

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test("two trustees make their keys in the browser, then decrypt the result with their saved key files", async ({ browser }) => {
  test.setTimeout(240_000);
  const officer = await asPerson(browser, "returning.officer@demo.breakaway.test");
  await officer.goto("/polls/new");
  await officer.getByLabel("Title").fill("Hold the founding conference in Leeds");
  await officer.getByLabel("Closes at (UK time)").fill("2099-01-01T12:00");
  await officer.getByLabel("Trustees (optional)").fill(trustees.join("\n"));
  await officer.getByRole("button", { name: "Save as draft" }).click();
  await expect(officer.getByText("0 of 2 trustees have given their key.")).toBeVisible();
  const pollUrl = officer.url();
  await officer.getByRole("button", { name: "Open the poll and freeze the roll" }).click();
  await expect(officer.getByText("Every trustee must give their key before the poll can open.")).toBeVisible();

  const keyFiles: string[] = [];
  for (const [i, email] of trustees.entries()) {
    const page = await asPerson(browser, email, true);
    // A draft is not listed for members; a trustee finds it under their part as a trustee.
    await page.goto("/polls");
    await page.getByRole("region", { name: "Your part as a trustee" }).getByRole("link", { name: "Hold the founding conference in Leeds" }).click();
    await expect(page.getByText(`You are trustee ${i + 1} of 2.`)).toBeVisible();
    if (i === 0) {
      expect(await violations(page)).toEqual([]);
      // The belenios-tool way, opened, fits the phone too.
      await page.getByText("Use belenios-tool instead").click();
      expect(await fitsWidth(page)).toBe(true);
    }
    await page.getByRole("button", { name: "Make my key in this browser" }).click();
    const save = page.getByRole("link", { name: /Save your private key file/ });
    const download = page.waitForEvent("download");
    await save.click();
    const file = join(folder, (await download).suggestedFilename());
    await (await download).saveAs(file);
    expect(readFileSync(file, "utf8")).toMatch(/^"\d+"\n$/);
    keyFiles.push(file);
    // The box must be ticked: the page says so, and sends nothing.
    await page.getByRole("button", { name: "Give my public key" }).click();
    await expect(page.getByText("Save your private key file first")).toBeVisible();
    await page.getByLabel("I have saved my private key file somewhere safe").check();
    await page.getByRole("button", { name: "Give my public key" }).click();
    await expect(page.getByText("Your public key is in.")).toBeVisible();
    await page.context().close();
  }

  await officer.goto(pollUrl);
  await officer.getByRole("button", { name: "Open the poll and freeze the roll" }).click();
  await expect(officer.getByText(/The poll is open\./)).toBeVisible();
  await officer.getByLabel("Yes").check();
  await officer.getByRole("button", { name: "Continue to check your ballot" }).click();
  await officer.getByRole("button", { name: "Cast my vote" }).click();
  await expect(officer.getByRole("heading", { name: "Your vote has been cast" })).toBeVisible();
  await officer.goto(pollUrl);
  await officer.getByLabel("Reason for closing before the closing time").fill("A test of the trustees' part.");
  await officer.getByRole("button", { name: "Close the poll and count" }).click();
  await expect(officer.getByText("The trustees are decrypting the result: 0 of 2 have sent their share.")).toBeVisible();

  for (const [i, email] of trustees.entries()) {
    const page = await asPerson(browser, email, true);
    await page.goto(`${pollUrl}/trustee`);
    await expect(page.getByRole("heading", { name: "Decrypt your share of the result" })).toBeVisible();
    expect(await fitsWidth(page)).toBe(true);
    // The other trustee's key file is refused before any work is done.
    await page.getByLabel("Your private key file").setInputFiles(keyFiles[1 - i]!);
    await page.getByRole("button", { name: "Decrypt in this browser" }).click();
    await expect(page.getByText("This is not the private key you gave for this poll.")).toBeVisible();
    await page.getByLabel("Your private key file").setInputFiles(keyFiles[i]!);
    await page.getByRole("button", { name: "Decrypt in this browser" }).click();
    await expect(page.getByText(i === 0 ? "Your share is in." : "Your share was the last one: the result is decrypted and counted.")).toBeVisible({
      timeout: 60_000,
    });
    await page.context().close();
  }
  await officer.goto(pollUrl);
  await expect(officer.getByText("The trustees are decrypting")).toHaveCount(0);
  await expect(officer.getByRole("link", { name: /public record|record/i }).first()).toBeVisible();
});

/**
 * Three trustees, any two of whom decrypt (decision 046): the three steps of making one key
 * together, each in the browser from the key file saved at the first; then two of the three
 * decrypt, and the second share counts the poll.
 */
test("three trustees make one key together in three steps, and two of them decrypt", async ({ browser }) => {
  test.setTimeout(300_000);
  const three = ["erin.member@demo.breakaway.test", "fraser.member@demo.breakaway.test", "bill.member@demo.breakaway.test"];
  const officer = await asPerson(browser, "returning.officer@demo.breakaway.test");
  await officer.goto("/polls/new");
  await officer.getByLabel("Title").fill("Affiliate to the national federation");
  await officer.getByLabel("Closes at (UK time)").fill("2099-01-01T12:00");
  await officer.getByLabel("Trustees (optional)").fill(three.join("\n"));
  await officer.getByRole("button", { name: "Save as draft" }).click();
  await expect(officer.getByText("any 2 of them together can decrypt the result")).toBeVisible();
  const pollUrl = officer.url();

  const keyFiles: string[] = [];
  const stepFor = async (i: number, step: 1 | 2 | 3) => {
    const page = await asPerson(browser, three[i]!, true);
    await page.goto(`${pollUrl}/trustee`);
    await expect(page.getByRole("heading", { name: `Make your key: step ${step} of 3` })).toBeVisible();
    if (i === 0 && step === 2) {
      expect(await violations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
    }
    if (step === 1) {
      await page.getByRole("button", { name: "Make my key file in this browser" }).click();
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: /Save your key file/ }).click();
      const file = join(folder, `threshold-${i}-${(await download).suggestedFilename()}`);
      await (await download).saveAs(file);
      // The seed, as belenios-tool writes its .key file: 22 base-58 characters and a newline.
      expect(readFileSync(file, "utf8")).toMatch(/^[1-9A-HJ-NP-Za-km-z]{22}\n$/);
      keyFiles[i] = file;
      await page.getByLabel("I have saved my private key file somewhere safe").check();
      await page.getByRole("button", { name: "Give the public part" }).click();
    } else {
      if (i === 0 && step === 2) {
        // Another trustee's key file is refused before any work is done.
        await page.getByLabel("Your key file (the one ending .key)").setInputFiles(keyFiles[1]!);
        await page.getByRole("button", { name: "Do this step in this browser" }).click();
        await expect(page.getByText("This key file is not the one you made for this poll.")).toBeVisible();
      }
      await page.getByLabel("Your key file (the one ending .key)").setInputFiles(keyFiles[i]!);
      await page.getByRole("button", { name: "Do this step in this browser" }).click();
    }
    await expect(page.getByText("Done: this step of making the key is in.")).toBeVisible({ timeout: 60_000 });
    await page.context().close();
  };
  for (const step of [1, 2, 3] as const) for (const i of [0, 1, 2]) await stepFor(i, step);

  await officer.goto(pollUrl);
  await officer.getByRole("button", { name: "Open the poll and freeze the roll" }).click();
  await expect(officer.getByText(/The poll is open\./)).toBeVisible();
  await officer.getByLabel("No").check();
  await officer.getByRole("button", { name: "Continue to check your ballot" }).click();
  await officer.getByRole("button", { name: "Cast my vote" }).click();
  await expect(officer.getByRole("heading", { name: "Your vote has been cast" })).toBeVisible();
  await officer.goto(pollUrl);
  await officer.getByLabel("Reason for closing before the closing time").fill("A test of threshold trustees.");
  await officer.getByRole("button", { name: "Close the poll and count" }).click();
  await expect(officer.getByText("0 of the 2 shares needed are in.")).toBeVisible();

  // Trustee 2 is away: trustees 3 and 1 decrypt.
  for (const i of [2, 0]) {
    const page = await asPerson(browser, three[i]!, true);
    await page.goto(`${pollUrl}/trustee`);
    await expect(page.getByRole("heading", { name: "Decrypt your share of the result" })).toBeVisible();
    await page.getByLabel("Your key file (the one ending .key)").setInputFiles(keyFiles[i]!);
    await page.getByRole("button", { name: "Decrypt in this browser" }).click();
    await expect(page.getByText(i === 2 ? "Your share is in." : "Your share was the last one: the result is decrypted and counted.")).toBeVisible({
      timeout: 60_000,
    });
    await page.context().close();
  }
  await officer.goto(pollUrl);
  await expect(officer.getByText("The trustees are decrypting")).toHaveCount(0);
});

/**
 * The road's votes (decision 048): the returning officer names the constitution's trustees on
 * the Trustees page; each trustee, on a phone, makes both of the constitution's keys (Yes/No
 * questions, and ranked ones) from the Polls page; the Trustees page follows them. Then the
 * officer names nobody again, and the server holds the key as before.
 */
test("the returning officer names the constitution's trustees on the Trustees page; each makes both keys on a phone", async ({ browser }) => {
  test.setTimeout(240_000);
  const two = ["amira.member@demo.breakaway.test", "bill.member@demo.breakaway.test"];
  const officer = await asPerson(browser, "returning.officer@demo.breakaway.test");
  await officer.goto("/polls");
  await officer.getByRole("link", { name: "Trustees: who holds the key of each vote" }).click();
  await expect(officer.getByRole("heading", { name: "Trustees", level: 1 })).toBeVisible();
  expect(await violations(officer)).toEqual([]);
  const part = officer.getByRole("region", { name: "The constitution's votes" });
  await expect(part.getByText("No trustees are named: the server holds the key of every vote on the constitution")).toBeVisible();
  // An address nobody has: the error summary links to this part's field, and the text is kept.
  await part.getByLabel("Trustees' email addresses").fill(`${two[0]}\nnobody@example.org`);
  await part.getByRole("button", { name: "Name the trustees" }).click();
  await expect(officer.getByRole("alert").getByRole("link", { name: /nobody@example.org/ })).toBeVisible();
  await officer
    .getByRole("alert")
    .getByRole("link", { name: /nobody@example.org/ })
    .click();
  await expect(officer.locator("#trustees-constitution")).toBeFocused();
  await officer.locator("#trustees-constitution").fill(two.join("\n"));
  await officer.getByRole("region", { name: "The constitution's votes" }).getByRole("button", { name: "Name the trustees" }).click();
  await expect(officer.getByText("2 trustees are named. Each now makes their key on their trustee page.")).toBeVisible();
  await expect(officer.getByText("Key for the Yes/No questions: 0 of 2 trustees have made their key.")).toBeVisible();

  const keyFiles: string[] = [];
  for (const email of two) {
    const page = await asPerson(browser, email, true);
    for (const which of ["yes/no questions", "questions that rank or choose between wordings"]) {
      await page.goto("/polls");
      await page
        .getByRole("region", { name: "Your part as a trustee" })
        .getByRole("link", { name: `The constitution's votes: key for the ${which}` })
        .click();
      await expect(page.getByText(/You are trustee \d of 2 for every vote on the constitution/)).toBeVisible();
      expect(await fitsWidth(page)).toBe(true);
      await page.getByRole("button", { name: "Make my key in this browser" }).click();
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: /Save your private key file/ }).click();
      const file = join(folder, `constitution-${keyFiles.length}-${(await download).suggestedFilename()}`);
      await (await download).saveAs(file);
      keyFiles.push(file);
      await page.getByLabel("I have saved my private key file somewhere safe").check();
      await page.getByRole("button", { name: "Give my public key" }).click();
      await expect(page.getByText("Your public key is in.")).toBeVisible({ timeout: 60_000 });
    }
    await page.context().close();
  }
  await officer.goto("/trustees");
  await expect(officer.getByText("Key for the Yes/No questions: Their key is made. A voting round can open.")).toBeVisible();
  await expect(officer.getByText("Key for the questions that rank or choose between wordings: Their key is made. A voting round can open.")).toBeVisible();
  expect(await violations(officer)).toEqual([]);

  // Named nobody: the server holds the key again, and the keys no vote used are gone.
  await officer.getByRole("region", { name: "The constitution's votes" }).getByLabel("Trustees' email addresses").fill("");
  await officer.getByRole("region", { name: "The constitution's votes" }).getByRole("button", { name: "Name the trustees" }).click();
  await expect(
    officer
      .getByText("No trustees are named: the server holds the key of every vote on the constitution (each round's questions and the adoption vote).", {
        exact: false,
      })
      .first(),
  ).toBeVisible();
});
