import { test } from "@playwright/test";
import {
  adoptionVoteFails,
  applicationIsFilledIn,
  candidatesStandAndAreSeconded,
  constitutionIsAdopted,
  constitutionRoundIsVoted,
  decisionBallotClosesOnItsOwn,
  decisionBallotOpens,
  electionIsSetUp,
  financialSchemeIsAdopted,
  foundingMembersJoin,
  membersPledgeAndConfirm,
  membersVoteOnTheDecision,
  officerBallotsCloseAndAreDeclared,
  officersAreVotedFor,
  officersGiveTheirDetails,
  organiserIsCreated,
  organiserSetsUpTheCampaign,
  organiserSignsIn,
  returningOfficerIsAppointed,
  Road,
  standingOrdersAreAdopted,
  theDeadlineIsExtended,
  theDeadlinePasses,
  thePackIsReady,
  vacantSeatIsFilled,
} from "./founding-road";
import { startJourneyServer, type JourneyServer } from "./journey-server";

/**
 * A new movement's road from an empty database, through the pages only (issue 14, item 9): the
 * demo off, one organiser made with `npm run create-organiser`, every link read from mail the
 * server sent through SMTP, members on phones, and time passing as it would: the journey's
 * server runs on a clock the journey moves forward (docs/decisions/032-test-clock.md), and
 * ballots close on their own at their closing times.
 *
 * It needs PostgreSQL (TEST_DATABASE_URL, as in CI): the movable clock lives in the database,
 * and the command line and the server share it.
 */

const serverUrl = process.env.TEST_DATABASE_URL;

/** The road in order. Insert new steps where the road grows. */
const STEPS: [string, (road: Road) => Promise<void>][] = [
  ["the operator creates the first organiser on the command line", organiserIsCreated],
  ["the organiser signs in from the emailed link", organiserSignsIn],
  ["the organiser sets up the campaign and its demands", organiserSetsUpTheCampaign],
  ["six members pledge and confirm from their email", membersPledgeAndConfirm],
  ["two weeks pass and the deadline with them", theDeadlinePasses],
  ["the passed deadline is extended a week, with a reason, and passes again", theDeadlineIsExtended],
  ["the party's response is recorded and the decision ballot opens", decisionBallotOpens],
  ["members vote on what to do next", membersVoteOnTheDecision],
  ["a week on, the decision ballot closes on its own", decisionBallotClosesOnItsOwn],
  ["founding invitations go out by mail and members accept", foundingMembersJoin],
  ["the organiser appoints the returning officer on the Roles page", returningOfficerIsAppointed],
  ["the standing orders vote closes on its own and they are adopted", standingOrdersAreAdopted],
  ["one round of votes on the model constitution, closing on its own", constitutionRoundIsVoted],
  ["the first adoption vote is not carried, recorded on its own", adoptionVoteFails],
  ["a new adoption vote closes on its own: version 1", constitutionIsAdopted],
  ["the organiser sets up the election of the interim officers", electionIsSetUp],
  ["members stand for the offices and the committee and second one another", candidatesStandAndAreSeconded],
  ["nominations close; the returning officer opens the ballots; members vote", officersAreVotedFor],
  ["the ballots close on their own, offices first; each result is declared", officerBallotsCloseAndAreDeclared],
  ["nominations re-open for the seat RON won; it is filled and declared", vacantSeatIsFilled],
  // The application's details come before the financial scheme ballot: the scheme's generated
  // text names the party's details, so a scheme adopted first would no longer be "as adopted".
  ["the organiser fills in the application, an emblem and the registered names", applicationIsFilledIn],
  ["each declared officer gives their details and confirms their declaration", officersGiveTheirDetails],
  ["the financial scheme ballot closes on its own: adopted", financialSchemeIsAdopted],
  ["every readiness check passes and the pack downloads", thePackIsReady],
];

test.describe("founding a party from an empty database", () => {
  test.skip(!serverUrl && !process.env.CI, "This journey needs PostgreSQL: set TEST_DATABASE_URL (its movable clock lives in the database).");

  let server: JourneyServer;
  test.beforeAll(async () => {
    if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set: under CI this journey must run on PostgreSQL.");
    test.setTimeout(180_000);
    server = await startJourneyServer(serverUrl);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("from create-organiser to a ready registration pack, with the clock moving on", async ({ browser }) => {
    // Several simulated weeks; each close waits for the poll closer (every 15 s). Generous for slow
    // CI, yet well inside its 30 minutes, so that a stuck journey fails with its own message.
    test.setTimeout(1_200_000);
    const road = new Road(browser, server);
    try {
      for (const [name, step] of STEPS) {
        const started = performance.now();
        await test.step(name, () => step(road));
        // For whoever keeps the run time reasonable: how long each step took (never asserted).
        console.log(`${name}: ${Math.round((performance.now() - started) / 1000)} s`);
      }
    } finally {
      await road.close();
    }
  });
});
