import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BarChart, formatNumber } from "~/components/bar-chart";
import { ErrorSummary, FieldError, NotificationBanner, TextArea, TextField, type FieldErrors } from "~/components/forms";
import { PlainMarkdown } from "~/modules/markdown/plain-markdown";
import { getMovement } from "~/modules/campaign/campaign.server";
import { readConstitutionFile, sectionContaining } from "~/modules/content/constitution-files.server";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import {
  acceptInvitation,
  confirmResigned,
  FOUNDING_CONSENT_VERSION,
  foundingFigures,
  getFoundingMembership,
  withdrawInvitation,
  openStandingOrdersVote,
  resendInvitations,
  sendInvitations,
  setLeavingDay,
} from "~/modules/founding/founding.server";
import { resignationMessages } from "~/modules/founding/pdf/messages";
import { leavingDayProblem } from "~/modules/founding/leaving-day";
import { standingOrdersVoteStatus } from "~/modules/founding/status";
import { foundingMessages } from "~/modules/founding/wording";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { loadRules, PAGE_READ } from "~/modules/polls/polls.server";
import { relationShortLabels } from "~/modules/pledges/messages";
import { principalOf, requireUser } from "~/utils/auth.server";
import { fromLondonLocal } from "~/utils/london-time";
import { isAllowed } from "~/utils/permissions";
import { MAX_CORRECTION_REASON_LENGTH } from "~/utils/input-limits";
import { formatCalendarDay } from "~/utils/dates";
import { plural } from "~/utils/plural";

export const meta: MetaFunction = () => [{ title: "Founding the party - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "founding.take_part");
  const [m, membership, figures, statement, consent] = await Promise.all([
    getMovement(context.db),
    getFoundingMembership(context.db, user.id),
    foundingFigures(context.db),
    readConstitutionFile("founding-statement.md"),
    readConstitutionFile("consent.md"),
  ]);
  const canManage = isAllowed(principalOf(context), "founding.manage");
  const vote = m?.standingOrdersPollId ? await loadRules(context.db, m.standingOrdersPollId, PAGE_READ) : null;
  const result = vote?.poll.result as PollResult | null | undefined;
  return {
    phase: m?.phase ?? null,
    // Where the standing orders vote stands, from its poll (decision 039).
    standingOrdersVote: vote
      ? standingOrdersVoteStatus(
          { status: vote.poll.status, closesAt: vote.poll.closesAt, passed: result?.kind === "yes-no" ? result.result.passed : null },
          new Date(),
        )
      : null,
    leavingDay: m?.leavingDay ?? null,
    standingOrdersPollId: m?.standingOrdersPollId ?? null,
    membership: membership
      ? {
          accepted: Boolean(membership.acceptedAt),
          membershipNumber: membership.membershipNumber,
          mustResign: membership.mustResign,
          resigned: Boolean(membership.resignedAt),
          left: Boolean(membership.leftAt),
        }
      : null,
    figures,
    statement: statement?.body ?? null,
    consent: consent ? sectionContaining(consent.body, FOUNDING_CONSENT_VERSION) : null,
    canManage,
  };
}

type ActionData = { message?: string; errors?: FieldErrors; values?: Record<string, string> };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "accept" || intent === "resigned") {
    const { user } = requireUser(request, context, "founding.take_part");
    if (intent === "accept") {
      const result = await acceptInvitation(context.db, user, {
        acceptStatement: form.get("acceptStatement") === "yes",
        consent: form.get("consent") === "yes",
      });
      return result.ok
        ? data<ActionData>({ message: `Welcome, founding member number ${result.membershipNumber}.` })
        : data<ActionData>({ errors: { acceptStatement: foundingMessages[result.code] } }, { status: 400 });
    }
    const result = await confirmResigned(context.db, user);
    return result.ok
      ? data<ActionData>({ message: "Thank you: your resignation is recorded." })
      : data<ActionData>({ errors: { resigned: foundingMessages[result.code] } }, { status: 409 });
  }
  const { user } = requireUser(request, context, "founding.manage");
  const actor = { id: user.id, label: user.email };
  switch (intent) {
    case "invite": {
      const r = await sendInvitations(context.db, actor, context.env.appUrl);
      return r.ok
        ? data<ActionData>({ message: `${r.sent} invitations sent.` })
        : data<ActionData>({ errors: { invite: foundingMessages[r.code] } }, { status: 409 });
    }
    case "resend": {
      const r = await resendInvitations(context.db, actor, context.env.appUrl);
      return r.ok
        ? data<ActionData>({ message: `${r.sent} reminders sent.` })
        : data<ActionData>({ errors: { invite: foundingMessages[r.code] } }, { status: 409 });
    }
    case "withdraw": {
      const email = String(form.get("withdrawEmail") ?? "");
      const reason = String(form.get("withdrawReason") ?? "");
      const r = await withdrawInvitation(context.db, actor, { email, reason });
      if (r.ok) return data<ActionData>({ message: "The invitation is withdrawn. It is recorded, with the reason, in the founding record." });
      const field = r.code === "reason_missing" || r.code === "reason_too_long" ? "withdrawReason" : "withdrawEmail";
      return data<ActionData>(
        { errors: { [field]: foundingMessages[r.code] }, values: { withdrawEmail: email, withdrawReason: reason } },
        { status: field === "withdrawReason" ? 400 : 409 },
      );
    }
    case "leaving-day": {
      const value = String(form.get("leavingDay") ?? "");
      const problem = leavingDayProblem(value, new Date());
      if (problem) return data<ActionData>({ errors: { leavingDay: problem } }, { status: 400 });
      const r = await setLeavingDay(context.db, actor, value);
      return r.ok
        ? data<ActionData>({ message: "The leaving day is set." })
        : data<ActionData>({ errors: { leavingDay: foundingMessages[r.code] } }, { status: 409 });
    }
    case "standing-orders": {
      const closesAt = fromLondonLocal(String(form.get("closesAt") ?? ""));
      if (!closesAt) return data<ActionData>({ errors: { closesAt: "Enter when the vote closes, as a date and time" } }, { status: 400 });
      const rules = await standingOrderRules();
      const r = await openStandingOrdersVote(context.db, actor, {
        closesAt,
        quorumPercent: rules.quorumPercent,
        majority: rules.standingOrdersAdoptionMajority,
      });
      return r.ok
        ? data<ActionData>({ message: `The standing orders vote is open to ${plural(r.rollSize, "founding member")}.` })
        : data<ActionData>({ errors: { closesAt: foundingMessages[r.code] } }, { status: 409 });
    }
    default:
      return data<ActionData>({ errors: { invite: "Unknown request" } }, { status: 400 });
  }
}

export default function Founding() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const f = d.figures;
  return (
    <div className="page">
      <ErrorSummary
        errors={errors}
        fieldIds={{
          acceptStatement: "acceptStatement",
          leavingDay: "leavingDay",
          closesAt: "closesAt",
          resigned: "resigned",
          invite: "invite",
          withdrawEmail: "withdrawEmail",
          withdrawReason: "withdrawReason",
        }}
      />
      <h1>Founding the new party</h1>
      {result?.message ? (
        <NotificationBanner title="Done" kind="success">
          <p>{result.message}</p>
        </NotificationBanner>
      ) : null}
      {d.phase !== "founding" ? <p className="lead">{foundingMessages.not_founding_phase}</p> : null}

      {d.phase === "founding" && d.membership && !d.membership.accepted ? (
        <section aria-labelledby="accept-title">
          <h2 id="accept-title">You are invited to be a founding member</h2>
          {d.statement ? <PlainMarkdown text={d.statement} headingLevel={3} /> : null}
          <h3>How we use your information</h3>
          {d.consent ? <PlainMarkdown text={d.consent} headingLevel={3} /> : null}
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="accept" />
            <div className={`form-group${errors.acceptStatement ? " form-group--error" : ""}`}>
              <FieldError id="acceptStatement" message={errors.acceptStatement} />
              <div className="radios__item">
                <input
                  type="checkbox"
                  id="acceptStatement"
                  name="acceptStatement"
                  value="yes"
                  aria-describedby={errors.acceptStatement ? "acceptStatement-error" : undefined}
                />
                <label htmlFor="acceptStatement">I accept the founding statement</label>
              </div>
              <div className="radios__item">
                <input type="checkbox" id="consent" name="consent" value="yes" />
                <label htmlFor="consent">I agree to my information being used as described above</label>
              </div>
            </div>
            <button type="submit" className="button">
              Become a founding member
            </button>
          </Form>
        </section>
      ) : null}

      {d.membership?.left ? (
        <section aria-labelledby="left-title">
          <h2 id="left-title">You have left the founding roll</h2>
          <p>
            You are not on the roll for any later vote or election. <Link to="/founding/leave">When you left</Link>
          </p>
        </section>
      ) : null}

      {d.membership?.accepted && !d.membership.left ? (
        <section aria-labelledby="member-title">
          <h2 id="member-title">You are founding member number {d.membership.membershipNumber}</h2>
          {d.membership.mustResign ? (
            d.membership.resigned ? (
              <p>You have confirmed that you resigned from the old party. Thank you.</p>
            ) : (
              <>
                <p>
                  As a member of the old party, resign on the leaving day
                  {d.leavingDay ? `: ${formatCalendarDay(d.leavingDay, { weekday: true }) ?? d.leavingDay}` : " (the organisers will set it)"}. We have written
                  your resignation letter for you:
                </p>
                <ul className="list">
                  <li>
                    <a href="/founding/resignation-letter.pdf">Your resignation letter (PDF)</a>
                  </li>
                  <li>
                    <a href="/founding/resignation-letter.txt">Your resignation letter (text, to paste into an email)</a>
                  </li>
                </ul>
                <ul className="list">
                  {resignationMessages.adviceForMember.map((advice) => (
                    <li key={advice}>{advice}</li>
                  ))}
                </ul>
                <Form method="post">
                  <input type="hidden" name="intent" value="resigned" />
                  <button type="submit" id="resigned" className="button">
                    I have resigned from the old party
                  </button>
                </Form>
              </>
            )
          ) : null}
          {d.standingOrdersPollId && d.standingOrdersVote ? (
            <p>
              <Link to={`/polls/${d.standingOrdersPollId}`} className={d.standingOrdersVote.stage === "open" ? "button" : undefined}>
                {d.standingOrdersVote.link}
              </Link>
            </p>
          ) : null}
          <p>
            <Link to="/founding/leave">Leave the founding roll</Link>
          </p>
        </section>
      ) : null}

      {d.phase === "founding" && !d.membership && !d.canManage ? <p>{foundingMessages.not_invited}</p> : null}

      <h2>The founding roll</h2>
      <dl className="figures">
        <div className="figure">
          <dt>Invited</dt>
          <dd>{formatNumber(f.invited)}</dd>
        </div>
        <div className="figure">
          <dt>Founding members</dt>
          <dd>{formatNumber(f.accepted)}</dd>
        </div>
        <div className="figure">
          <dt>Left the roll</dt>
          <dd>{formatNumber(f.left)}</dd>
        </div>
        <div className="figure">
          <dt>Resigned from the old party</dt>
          <dd>
            {formatNumber(f.resigned)} of {formatNumber(f.mustResign)}
          </dd>
        </div>
      </dl>
      {f.accepted > 0 ? (
        <>
          <BarChart
            title="Founding members by relation to the old party"
            bars={(["member", "former_member", "supporter"] as const).map((r) => ({ label: relationShortLabels[r], value: f.byRelation[r] }))}
          />
          <BarChart title="Founding members by region" bars={f.byRegion.map((r) => ({ label: r.region, value: r.accepted }))} />
        </>
      ) : null}

      {d.canManage && d.phase === "founding" ? (
        <section aria-labelledby="manage-title" className="panel">
          <h2 id="manage-title">Run the founding</h2>
          <Form method="post" className="button-group">
            <button type="submit" name="intent" value="invite" id="invite" className="button">
              Invite everyone who has not been invited
            </button>
            <button type="submit" name="intent" value="resend" className="button button--secondary">
              Remind those who have not accepted
            </button>
          </Form>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="withdraw" />
            <h3>Withdraw an invitation sent in error</h3>
            <p>
              An invitation not yet accepted can be withdrawn: the person can no longer accept it, and is not invited again. The withdrawal and its reason go in
              the founding record.
            </p>
            <TextField
              name="withdrawEmail"
              type="email"
              autoComplete="off"
              spellCheck={false}
              label="Email address the invitation went to"
              defaultValue={result?.values?.withdrawEmail}
              error={errors.withdrawEmail}
            />
            <TextArea
              name="withdrawReason"
              label="Reason for withdrawing"
              hint={`At most ${MAX_CORRECTION_REASON_LENGTH} characters.`}
              rows={2}
              defaultValue={result?.values?.withdrawReason}
              error={errors.withdrawReason}
            />
            <button type="submit" className="button button--secondary">
              Withdraw the invitation
            </button>
          </Form>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="leaving-day" />
            <TextField name="leavingDay" type="date" label="The leaving day" width="20" defaultValue={d.leavingDay ?? ""} error={errors.leavingDay} />
            <button type="submit" className="button button--secondary">
              Set the leaving day
            </button>
          </Form>
          {d.standingOrdersPollId && d.standingOrdersVote ? (
            <p>
              {d.standingOrdersVote.text} <Link to={`/polls/${d.standingOrdersPollId}`}>{d.standingOrdersVote.link}</Link>
            </p>
          ) : (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="standing-orders" />
              <p>
                The founding members&apos; first vote is on the <a href="/founding/standing-orders">interim standing orders</a>. Its quorum and majority come
                from the standing orders themselves.
              </p>
              <TextField name="closesAt" type="datetime-local" label="The vote closes at (UK time)" width="20" error={errors.closesAt} />
              <button type="submit" className="button">
                Open the standing orders vote
              </button>
            </Form>
          )}
        </section>
      ) : null}
    </div>
  );
}
