/** The next steps as a page shows them (the home page): the person's own, then the road's for those who run it. */
import type { SessionUser } from "~/utils/context.server";
import type { DbOrTx } from "~/utils/db.server";
import { personalStepView, roadStepView } from "./messages";
import { nextStepsFor } from "./next-steps.server";

export async function nextStepsView(db: DbOrTx, user: SessionUser) {
  const steps = await nextStepsFor(db, user);
  return {
    personal: steps.personal.map(personalStepView),
    road: steps.road ? roadStepView(steps.road, { organiser: user.role === "organiser", returningOfficer: user.role === "returning_officer" }) : null,
  };
}
