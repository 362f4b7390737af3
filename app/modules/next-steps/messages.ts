/**
 * Wording of the next-step page (home, signed in): each step of steps.ts as a title, a sentence
 * and a link. Dates as people write them ("Saturday 14 March 2026 at 18:00", UK time).
 */
import { count, plural, ukCalendarDate, ukDateTime } from "~/modules/documents/format";
import { roleLabels } from "~/modules/elections/officer-rules-messages";
import type { RegisteredRole } from "~/modules/elections/officer-rules";
import { waitingNotice } from "~/modules/roles/messages";
import type { PersonalStep, RoadStage, RoadStep } from "./steps";

/** One line of "Your next steps": a link with its title, and a sentence under it. */
export interface StepView {
  title: string;
  text: string;
  href: string;
}

export const nextStepsTitle = "Your next steps";
export const nothingToDo = "There is nothing for you to do at the moment. We email you when there is.";
export const roadTitle = "The next step of the road";

/** "A", "A and B", "A, B and C". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;
}

const roles = (held: readonly RegisteredRole[]) => list(held.map((r) => roleLabels[r]));

export function personalStepView(step: PersonalStep): StepView {
  switch (step.kind) {
    case "accept_founding":
      return {
        title: "Confirm your founding membership",
        text: "You are invited to found the new party. Read the founding statement and accept to become a founding member with a membership number.",
        href: "/founding",
      };
    case "answer_nomination":
      return {
        title: `Accept or decline your nomination for ${step.title}`,
        text: "Another member has nominated you. You are a candidate only once you accept with your statement; the nomination lapses when nominations close.",
        href: `/elections/positions/${step.positionId}`,
      };
    case "complete_candidacy": {
      const missing = [
        step.secondersShort > 0 ? `${plural(step.secondersShort, "more member", "more members")} to second you` : null,
        step.declarationMissing ? "the registered officer's declaration" : null,
        step.eligibilityMissing ? "your declaration that you may be treasurer" : null,
      ].filter((x): x is string => x !== null);
      return {
        title: `Complete your nomination for ${step.title}`,
        text: `You are not validly nominated yet: you need ${list(missing)} before nominations close on ${ukDateTime(step.closesAt)}.`,
        href: `/elections/positions/${step.positionId}`,
      };
    }
    case "vote_poll":
      return {
        title: `Vote: ${step.title}`,
        text: `Your secret ballot is waiting. Voting closes on ${ukDateTime(step.closesAt)}.`,
        href: `/polls/${step.pollId}`,
      };
    case "vote_clauses":
      return {
        title: step.started ? "Carry on voting on the constitution" : "Vote on the constitution",
        text: `${count(step.left)} of ${plural(step.total, "clause", "clauses")} left to vote on in round ${step.round}. Voting closes on ${ukDateTime(step.closesAt)}.`,
        href: `/constitution/vote/${step.nextClauseId}`,
      };
    case "officer_details": {
      const missing = [
        !step.detailsComplete ? "give your details" : null,
        step.unconfirmed.length > 0 ? `confirm your declaration as ${roles(step.unconfirmed)}` : null,
      ].filter((x): x is string => x !== null);
      return {
        title: "Give your officer details",
        text: `You were elected ${roles(step.roles)}. To register the party, ${list(missing)}.`,
        href: "/registration/officer",
      };
    }
    case "resign": {
      const day = step.leavingDay ? ukCalendarDate(step.leavingDay) : null;
      const party = step.partyName ?? "your old party";
      return {
        title: `Resign from ${party}`,
        text: day
          ? `Founding members resign together on ${day}. Send your resignation letter that day, then tell us you have resigned.`
          : `Your resignation letter is ready. Send it on the leaving day (not set yet), then tell us you have resigned.`,
        href: "/founding",
      };
    }
    case "amend_draft":
      return {
        title: "Help draft the constitution",
        text:
          step.waitingForSupport > 0
            ? `The draft is open for amendments. ${plural(step.waitingForSupport, "amendment still needs", "amendments still need")} supporters to go to the vote.`
            : "The draft is open for amendments: propose a change, support one or comment.",
        href: "/constitution",
      };
    case "nominations_open":
      return {
        title: "Stand or nominate in the officer elections",
        text: `Nominations are open until ${ukDateTime(step.closesAt)}: stand, nominate another member, or second a candidate.`,
        href: "/elections",
      };
  }
}

export const stageLabels: Record<RoadStage, string> = {
  campaign: "The campaign",
  decision: "The members' decision",
  founding: "Founding the party",
  standing_orders: "The standing orders",
  constitution: "The constitution",
  elections: "The officer elections",
  registration: "Registering the party",
};

/** Pages only organisers may open (permissions.ts: campaign.manage, constitution.manage, registration.manage). */
const organisersOnly = [/^\/campaign\/manage/, /^\/constitution\/manage/, /^\/registration\/(readiness|documents|details|emblems|names|financial-scheme)/];
/** Where anyone signed in follows a stage instead. */
const stagePage: Record<RoadStage, string> = {
  campaign: "/campaign",
  decision: "/campaign",
  founding: "/founding",
  standing_orders: "/founding",
  constitution: "/constitution",
  elections: "/elections",
  registration: "/registration",
};

/** The road's step as a title, a sentence saying what it waits for, and its link. */
export function roadStepView(step: RoadStep, viewer: { organiser: boolean; returningOfficer: boolean }): StepView & { stage: string } {
  const stage = stageLabels[step.stage];
  const forOthers = (text: string) =>
    step.doer === "organisers" && !viewer.organiser ? `Waiting for the organisers: ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
  // The returning officer reads the road too, but must not be sent to a page that refuses them.
  const href = !viewer.organiser && organisersOnly.some((page) => page.test(step.href)) ? stagePage[step.stage] : step.href;
  const v = (title: string, text: string) => ({ stage, title, text: forOthers(text), href });
  const until = step.until ? ukDateTime(step.until) : null;
  switch (step.kind) {
    case "set_up_campaign":
      return v("Set up the campaign", "Give the movement its name, the party, the deadline and the demands.");
    case "campaign_running":
      return v("Gather pledges", `The campaign runs until the deadline, ${until}. Then record the party's response to each demand.`);
    case "record_responses":
      return v(
        "Record the party's response",
        `The deadline has passed. Record the party's response to each demand: ${count(step.count ?? 0)} of ${count(step.total ?? 0)} recorded.`,
      );
    case "open_decision":
      return v(
        "Open the members' decision ballot",
        "Every response is recorded. Open the decision ballot: confirmed pledgers choose whether to stay, join another party or found a new one.",
      );
    case "decision_open":
      return v("The members are deciding", `Waiting for the members' decision ballot to close on ${until}. It is counted by itself.`);
    case "record_decision":
      return v("Record the members' decision", "The decision ballot has closed. The decision is recorded by itself within a minute or so, or record it now.");
    case "road_ended":
      return v(
        "The road has ended",
        step.outcome === "stayed"
          ? "The members decided to stay: the party met the demands. There is nothing more to do."
          : "The members decided to leave and join another party. There is nothing more to do here.",
      );
    case "invite_founders":
      return v("Invite the founding members", "The members decided to found a new party. Invite everyone who stood by their pledge.");
    case "appoint_returning_officer":
      return v("Appoint a returning officer", "The standing orders vote names the returning officer, so appoint one on the Roles page before opening it.");
    case "open_standing_orders":
      return v("Open the standing orders vote", "The founding members' first decision is the interim standing orders. Open the vote on the Founding page.");
    case "standing_orders_open":
      return v(
        "The standing orders vote is open",
        until
          ? `Waiting for the standing orders vote to close on ${until}. It is counted by itself.`
          : "The standing orders vote has reached its closing time and is being counted.",
      );
    case "standing_orders_not_adopted":
      return v(
        "The standing orders were not adopted",
        "The founding members did not adopt the standing orders, so the constitution cannot be put to the vote. See the result.",
      );
    case "start_draft":
      return v("Start the constitution's draft", "The standing orders are adopted. Start the draft from the model constitution or upload your own.");
    case "drafting":
      return v(
        "Open the vote on the clauses",
        `Members are amending the draft: ${plural(step.total ?? 0, "amendment", "amendments")}, ${count(step.count ?? 0)} with enough support to go to the vote. Open the vote when drafting is done.`,
      );
    case "round_open":
      return v(`Round ${step.count} of clause votes is open`, `Waiting for the round to close on ${until}. It is closed and counted as a whole by itself.`);
    case "round_due":
      return v(
        `Round ${step.count} has closed`,
        "The round has reached its closing time. It is counted by itself within a minute or so, or close and count it now.",
      );
    case "open_another_round":
      return v("Open another round", `${plural(step.count ?? 0, "clause is", "clauses are")} still undecided. Open another round of votes for them.`);
    case "open_adoption":
      return v("Open the adoption vote", "Every clause is decided. Open the final vote on the whole text: it needs two thirds.");
    case "adoption_open":
      return v("The adoption vote is open", `Waiting for the adoption vote to close on ${until}. It is counted and recorded by itself.`);
    case "record_adoption":
      return v("Record the adoption vote's result", "The adoption vote has closed. It is recorded by itself within a minute or so, or record it now.");
    case "set_up_election":
      return v(
        "Set up the officer elections",
        "The constitution is adopted. Set up the election of the interim officers: the nomination period and the positions.",
      );
    case "nominations_open":
      return step.waiting
        ? {
            stage,
            title: "Nominations are open",
            text: `Nominations close on ${until}. ${waitingNotice(step.waiting, { canAppoint: viewer.organiser }).text}`,
            href: step.href,
          }
        : v("Nominations are open", `Waiting for nominations to close on ${until}. Then the returning officer opens the ballots.`);
    case "ballots_open":
      return step.waiting
        ? { stage, title: "The ballots are open", text: waitingNotice(step.waiting, { canAppoint: viewer.organiser }).text, href: step.href }
        : v(
            "The ballots are open",
            until
              ? `Waiting for the ballots to close on ${until}. They are counted by themselves.`
              : "Waiting for the ballots to close. They are counted by themselves.",
          );
    case "round_preparing":
      return v(
        `Round ${step.count ?? ""} opens soon`,
        "The round's ballot papers are being prepared: each question gets a voting key for every founding member. Voting opens by itself as soon as they are ready.",
      );
    case "votes_decrypting":
      return v(
        "Waiting for the trustees",
        "Voting has closed. The result is counted by itself once enough of the vote's trustees have decrypted it. The Trustees page says who they are.",
      );
    case "ballots_decrypting":
      return v(
        "Waiting for the trustees",
        "Voting has closed. The ballots are counted by themselves once enough of the election's trustees have decrypted them, the offices first.",
      );
    case "election_waiting": {
      const notice = waitingNotice(step.waiting!, { canAppoint: viewer.organiser });
      return { stage, title: notice.title, text: notice.text, href: notice.roles ? "/roles" : step.href };
    }
    case "reopen_vacancies":
      return v(
        "Re-open nominations for the vacant seats",
        `${plural(step.count ?? 0, "seat is", "seats are")} still vacant. Re-open nominations for them on the Elections page.`,
      );
    case "prepare_registration":
      return v("Prepare the registration", `${plural(step.count ?? 0, "readiness check fails", "readiness checks fail")}. Each says what to fix and where.`);
    case "file_registration":
      return v(
        "File the registration",
        `Every readiness check passes${step.count ? ` (${plural(step.count, "warning", "warnings")} for the Commission to decide)` : ""}. Download the pack and file it with the Electoral Commission.`,
      );
  }
}
