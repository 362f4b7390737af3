import { Form, Link } from "@remix-run/react";
import { TextField } from "~/components/forms";
import type { Phase } from "../../../../../db/schema";
import { manageCampaignText } from "../../messages";
import type { FormAnswers } from "./answer";

const t = manageCampaignText.decision;

export interface DecisionShown {
  id: string;
  status: string;
  /** Open, and its closing time has passed: the closer is about to count it. */
  due: boolean;
  closesAt: string;
}

/**
 * The members' decision: opening the decision ballot after the deadline, then where it stands
 * (open, waiting for its trustees, due or closed) and recording what the members decided.
 */
export function DecisionSection(props: {
  afterDeadline: boolean;
  phase: Phase | undefined;
  decision: DecisionShown | null;
  status: string | null;
  trusteesWaiting: string;
  answers: FormAnswers;
}) {
  const { afterDeadline, phase, decision, answers } = props;
  /** A sentence with the link to the decision ballot in it. */
  const aboutBallot = ([before, after]: readonly [string, string]) => (
    <>
      {before}
      {decision ? <Link to={`/polls/${decision.id}`}>{t.ballot}</Link> : null}
      {after}
    </>
  );
  return (
    <>
      <h2>{t.heading}</h2>
      {!afterDeadline ? (
        <p>{t.beforeDeadline}</p>
      ) : phase === "campaign" ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="open-decision" />
          <p>{t.openIntro}</p>
          <TextField name="closesAt" type="datetime-local" label={t.closesAt} width="20" error={answers.errorsFor("decision").closesAt} />
          <button type="submit" className="button">
            {t.open}
          </button>
        </Form>
      ) : phase === "decision" && decision?.status === "decrypting" ? (
        <p>{aboutBallot(t.waitingForTrustees(decision.closesAt, props.trusteesWaiting))}</p>
      ) : phase === "decision" && decision ? (
        decision.status === "closed" || decision.due ? (
          <Form method="post">
            <input type="hidden" name="intent" value="settle-decision" />
            <p>{aboutBallot(decision.due ? t.due(decision.closesAt) : t.hasClosed)}</p>
            <button type="submit" className="button">
              {t.record}
            </button>
          </Form>
        ) : (
          <p>{aboutBallot(t.isOpen)}</p>
        )
      ) : (
        <p>{props.status}</p>
      )}
    </>
  );
}
