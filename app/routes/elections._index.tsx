import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, NotificationBanner, TextArea, TextField, type FieldErrors } from "~/components/forms";
import {
  addPosition,
  ballotTimes,
  candidateCounts,
  countElection,
  createElection,
  currentElection,
  declaredOfficers,
  listCandidates,
  listPositions,
  openBallots,
  pendingNominations,
  winners,
} from "~/modules/elections/elections.server";
import { electionProblemMessages, periodTooShortMessage, phaseLabels, vacancyWhy } from "~/modules/elections/messages";
import { nominationDays, reopenNominations, vacancies } from "~/modules/elections/recovery.server";
import { ukDateTime } from "~/modules/documents/format";
import { checkOfficers, type Holding, type RegisteredRole } from "~/modules/elections/officer-rules";
import { officerProblemMessages } from "~/modules/elections/officer-rules-messages";
import { principalOf, requirePermission, requireUser } from "~/utils/auth.server";
import { fromLondonLocal } from "~/utils/london-time";
import { formatDateTime } from "~/utils/dates";
import { isAllowed } from "~/utils/permissions";
import { WaitingNotice } from "~/modules/roles/components/waiting-notice";
import { ElectionTrusteesPanel } from "~/modules/elections/components/election-trustees";
import { electionTrusteesSummary, nameElectionTrustees } from "~/modules/elections/election-trustees.server";
import { electionTrusteeText } from "~/modules/elections/trustee-messages";
import { thresholdOf, trusteeEmails, trusteeFieldProblems, trusteeIds } from "~/modules/polls/trustee-form.server";
import { pollTrusteeText } from "~/modules/polls/trustee-messages";
import { waitingNoticeFor } from "~/modules/roles/roles.server";
import { electionWaiting } from "~/modules/roles/waiting-for";
import { periodHint, periodRefusal } from "~/modules/constitution/periods.server";
import { TableScroll } from "~/components/table-scroll";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { plural } from "~/utils/plural";
import { countSheetWords } from "~/modules/ballots/messages";

export const meta: MetaFunction = () => [{ title: "Elections - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const principal = principalOf(context);
  const election = await currentElection(context.db);
  const can = { manage: isAllowed(principal, "elections.manage"), run: isAllowed(principal, "elections.run") };
  if (!election) return { election: null, positions: [], can, registrable: null, nominationsForMe: [], waiting: null, seats: null, trustees: null };
  const now = Date.now();
  const nominationsOpen = election.phase === "nominations" && election.nominationsOpenAt.getTime() <= now && now < election.nominationsCloseAt.getTime();
  // Only the nominee's own nominations: the page is public, the roll is not.
  const nominationsForMe = auth && nominationsOpen ? await pendingNominations(context.db, { electionId: election.id, nomineeId: auth.user.id }) : [];
  const list = await listPositions(context.db, election.id);
  const counts = await candidateCounts(context.db, election.id);
  const positions = await Promise.all(
    list.map(async (p) => {
      const candidates = await listCandidates(context.db, p);
      const valid = candidates.filter((c) => c.valid).length;
      const elected = election.phase === "counted" ? await winners(context.db, p) : [];
      return {
        id: p.id,
        title: p.title,
        seats: p.seats,
        method: countSheetWords.methodNames[p.method] ?? p.method,
        standing: counts.get(p.id) ?? 0,
        valid,
        tooFew: valid < p.seats,
        pollId: p.pollId,
        declared: p.declaredAt !== null,
        elected: elected.map((e) => e.name),
        registeredRole: p.registeredRole,
        electedIds: elected.map((e) => e.userId),
      };
    }),
  );
  // Whether the officers elected could be registered (registration-uk section 2).
  let registrable: string[] | null = null;
  if (election.phase === "counted") {
    const holdings = new Map<string, Holding>();
    const names = new Map<string, string>();
    for (const p of positions) {
      if (!p.registeredRole) continue;
      p.electedIds.forEach((id, i) => {
        if (!id) return;
        names.set(id, p.elected[i] ?? id);
        const h = holdings.get(id) ?? { person: id, roles: [] };
        h.roles.push(p.registeredRole as RegisteredRole);
        holdings.set(id, h);
      });
    }
    // With the offices filled in earlier rounds of nominations.
    for (const o of await declaredOfficers(context.db)) {
      const h = holdings.get(o.userId) ?? { person: o.userId, roles: [] };
      if (h.roles.includes(o.role as RegisteredRole)) continue;
      names.set(o.userId, o.name);
      h.roles.push(o.role as RegisteredRole);
      holdings.set(o.userId, h);
    }
    registrable = checkOfficers([...holdings.values()], { partyKind: "major", onePerPerson: (await standingOrderRules()).onePerPerson }).map((problem) =>
      officerProblemMessages[problem.code](problem, (id) => names.get(id) ?? id),
    );
  }
  const declared = await declaredOfficers(context.db);
  // While the ballots are open: when they close, and whether that time has come (they are then
  // counted together, offices first, by the poll closer or the returning officer).
  const ballots = election.phase === "ballot" ? await ballotTimes(context.db, election.id, now) : { lastClose: null, due: false, decrypting: 0 };
  const lastClose = ballots.lastClose;
  const facts = {
    phase: election.phase,
    nominationsDue: election.nominationsCloseAt.getTime() <= now,
    ballotsDue: ballots.due,
    undeclared: positions.filter((p) => p.pollId && !p.declared).length,
  };
  // The seats of the first election across every round of re-opened nominations.
  const seats = await vacancies(context.db);
  const rounds = election.followsElectionId !== null;
  return {
    waiting: await waitingNoticeFor(context.db, principal, (roles) => electionWaiting(facts, roles)),
    election: {
      title: election.title,
      phase: election.phase,
      phaseLabel: phaseLabels[election.phase],
      opensAt: formatDateTime(election.nominationsOpenAt),
      closesAt: formatDateTime(election.nominationsCloseAt),
      nominationsDue: election.nominationsCloseAt.getTime() <= now,
      ballotHint: election.phase === "nominations" && can.run ? await periodHint(context.db, "ballot") : undefined,
      declaredCount: declared.length,
      ballotsClose: lastClose ? ukDateTime(lastClose) : null,
      ballotsDue: (lastClose !== null && lastClose.getTime() <= now) || ballots.decrypting > 0,
      ballotsDecrypting: ballots.decrypting,
    },
    positions: positions.map(({ electedIds: _ids, ...rest }) => rest),
    // Who holds the ballots' key (decision 047): named trustees, or the server.
    // Their names for those signed in only: the public record numbers them, and naming them to
    // anyone would make them easier to pressure.
    trustees: await electionTrusteesSummary(context.db, election.trusteeSetId, auth?.user.id ?? null, { names: Boolean(auth) }),
    can,
    registrable,
    nominationsForMe: nominationsForMe.map((n) => ({ positionId: n.positionId, positionTitle: n.positionTitle, nominatorName: n.nominatorName })),
    seats: {
      rounds,
      // Listed once the count is in: before that, no seat is known to be vacant.
      vacant:
        election.phase === "counted"
          ? seats.positions.map((p) => ({ id: p.positionId, title: p.title, vacant: p.seats.length, of: p.total, why: vacancyWhy[p.why] }))
          : [],
      settled: seats.settled,
      filled: seats.all.map((p) => ({ id: p.positionId, title: p.title, filled: p.filled, vacant: p.seats.length })),
      minimumDays: await nominationDays(),
    },
  };
}

type ActionResult = { intent: string; errors: FieldErrors; done?: string; values?: Record<string, string> };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ intent, errors, values }, { status });
  if (intent === "create" || intent === "add-position") {
    const { user } = requireUser(request, context, "elections.manage");
    const actor = { id: user.id, label: user.email };
    if (intent === "create") {
      const opensAt = fromLondonLocal(values.opensAt ?? "");
      const closesAt = fromLondonLocal(values.closesAt ?? "");
      const errors: FieldErrors = {};
      if (!(values.title ?? "").trim()) errors.title = "Enter a title for the election";
      if (!opensAt) errors.opensAt = "Enter when nominations open";
      if (!closesAt) errors.closesAt = "Enter when nominations close";
      const seats = Number((values.committeeSeats ?? "").trim() || "0");
      if (!Number.isInteger(seats) || seats < 0 || seats > 50) errors.committeeSeats = "Enter a whole number from 0 to 50";
      if (Object.keys(errors).length > 0 || !opensAt || !closesAt) return fail(errors);
      const r = await createElection(context.db, actor, {
        title: values.title ?? "",
        nominationsOpenAt: opensAt,
        nominationsCloseAt: closesAt,
        campaignsOfficer: values.campaignsOfficer === "yes",
        committeeSeats: seats,
      });
      if (!r.ok) {
        const message =
          r.code === "period_too_short" ? await periodRefusal("nominations", r.detail, electionProblemMessages[r.code]) : electionProblemMessages[r.code];
        return fail({ [r.code === "period_invalid" || r.code === "period_too_short" ? "closesAt" : "title"]: message });
      }
      return data<ActionResult>({ intent, errors: {}, done: "The election is set up and nominations are scheduled." });
    }
    const seats = Number(values.seats);
    const needed = Number(values.secondersRequired);
    const errors: FieldErrors = {};
    if (!(values.positionTitle ?? "").trim()) errors.positionTitle = "Enter the position's title";
    if (!Number.isInteger(seats) || seats < 1 || seats > 50) errors.seats = "Enter a whole number of seats from 1 to 50";
    if (!Number.isInteger(needed) || needed < 0 || needed > 50) errors.secondersRequired = "Enter a whole number of seconders from 0 to 50";
    if (Object.keys(errors).length > 0) return fail(errors);
    const r = await addPosition(context.db, actor, {
      title: values.positionTitle ?? "",
      seats,
      secondersRequired: needed,
      eligibility: values.eligibility ?? "",
    });
    if (!r.ok) return fail({ [r.code.startsWith("eligibility:") ? "eligibility" : "positionTitle"]: electionProblemMessages[r.code] });
    return data<ActionResult>({ intent, errors: {}, done: "The position is added." });
  }
  if (intent === "reopen") {
    const { user } = requireUser(request, context, "elections.manage");
    const opensAt = fromLondonLocal(values.opensAt ?? "");
    const closesAt = fromLondonLocal(values.closesAt ?? "");
    const errors: FieldErrors = {};
    if (!opensAt) errors.opensAt = "Enter when nominations open";
    if (!closesAt) errors.closesAt = "Enter when nominations close";
    if (!opensAt || !closesAt) return fail(errors);
    const r = await reopenNominations(context.db, { id: user.id, label: user.email }, { nominationsOpenAt: opensAt, nominationsCloseAt: closesAt });
    if (!r.ok) {
      const message = r.code === "period_too_short" ? periodTooShortMessage(Number(r.detail)) : electionProblemMessages[r.code];
      return fail({ [r.code === "period_invalid" || r.code === "period_too_short" ? "closesAt" : "opensAt"]: message });
    }
    return data<ActionResult>({
      intent,
      errors: {},
      done: `Nominations are re-opened for ${r.positions.map((p) => p.title).join(", ")}. Founding members can stand and nominate until ${ukDateTime(closesAt)} (UK time).`,
    });
  }
  if (intent === "trustees") {
    const { user } = requireUser(request, context, "elections.run");
    const problems = trusteeFieldProblems(values.trustees, values.trusteeThreshold);
    if (Object.keys(problems).length > 0) return fail(problems);
    const named = await trusteeIds(context.db, trusteeEmails(values.trustees));
    if (!named.ok) return fail({ trustees: pollTrusteeText.unknown(named.unknown) });
    const threshold = thresholdOf(values.trusteeThreshold);
    const r = await nameElectionTrustees(
      context.db,
      { id: user.id, label: user.email },
      { userIds: named.ids, ...(threshold !== undefined ? { threshold } : {}) },
    );
    if (!r.ok) return fail({ trustees: electionProblemMessages[r.code === "trustees_invalid" ? "wrong_phase" : r.code] });
    return data<ActionResult>({ intent, errors: {}, done: r.trustees > 0 ? electionTrusteeText.named(r.trustees) : electionTrusteeText.removed });
  }
  if (intent === "open-ballots" || intent === "count") {
    const { user } = requireUser(request, context, "elections.run");
    const actor = { id: user.id, label: user.email };
    const reason = (values.reason ?? "").trim();
    if (intent === "open-ballots") {
      const closesAt = fromLondonLocal(values.ballotClosesAt ?? "");
      if (!closesAt) return fail({ ballotClosesAt: "Enter when the ballot closes" });
      const r = await openBallots(context.db, actor, { closesAt, ...(reason ? { reason } : {}) });
      if (!r.ok) {
        const message =
          r.code === "period_too_short" ? await periodRefusal("ballot", r.detail, electionProblemMessages[r.code]) : electionProblemMessages[r.code];
        return fail({ [r.code === "reason_missing" ? "reason" : "ballotClosesAt"]: message });
      }
      return data<ActionResult>({
        intent,
        errors: {},
        done: `Ballots are open for ${r.opened.join(", ") || "no position"}, with ${plural(r.rollSize, "founding member")} on the roll.${r.reopened.length ? ` Nobody was validly nominated for ${r.reopened.join(", ")}: nominations for it re-open.` : ""}`,
      });
    }
    const r = await countElection(context.db, actor, reason ? { reason } : {});
    // Waiting for the trustees is not a mistake in the form: the page says where they are.
    if (!r.ok && r.code === "decrypting") return data<ActionResult>({ intent, errors: {}, done: electionProblemMessages.decrypting });
    if (!r.ok) return fail({ reason: electionProblemMessages[r.code] });
    return data<ActionResult>({ intent, errors: {}, done: "Every ballot is closed and counted. Declare each result from its position's page." });
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function ElectionsPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const errors: FieldErrors = result?.errors ?? {};
  const v = result?.values ?? {};
  const e = d.election;
  return (
    <div className="page">
      <ErrorSummary errors={errors} fieldIds={result?.intent === "reopen" ? { opensAt: "reopen-opensAt", closesAt: "reopen-closesAt" } : undefined} />
      {result?.done ? (
        <NotificationBanner title={result.done} kind="success">
          Recorded in the audit log.
        </NotificationBanner>
      ) : null}
      <h1>Elections</h1>
      {!e ? (
        <p className="lead">
          Founding members nominate and elect the interim officers here, by ranked secret ballot, with a round-by-round count anyone can re-check. No election
          has been set up yet.
        </p>
      ) : (
        <>
          <p className="lead">
            {e.title}. {e.phaseLabel}: nominations {e.phase === "nominations" ? `open on ${e.opensAt} and close on ${e.closesAt}` : `closed`} (UK time).
          </p>
          {e.ballotsClose ? (
            <p className="panel" role="status">
              {e.ballotsDue
                ? `The ballots closed on ${e.ballotsClose}. They are being counted, the offices first and then the committee; the results appear here when the count is done.`
                : `Voting is open until ${e.ballotsClose}.`}
            </p>
          ) : e.ballotsDecrypting > 0 ? (
            <p className="panel" role="status">
              {electionTrusteeText.waiting(e.ballotsDecrypting)}
            </p>
          ) : null}
          <WaitingNotice notice={d.waiting} />
          {d.nominationsForMe.length > 0 ? (
            <div className="panel" role="note" aria-labelledby="nominated-title">
              <h2 id="nominated-title">You have been nominated</h2>
              <p>You are not a candidate unless you accept. A nomination not accepted when nominations close lapses.</p>
              <ul className="list">
                {d.nominationsForMe.map((n) => (
                  <li key={n.positionId}>
                    {n.positionTitle}, nominated by {n.nominatorName}:{" "}
                    <Link to={`/elections/positions/${n.positionId}#nomination`}>
                      accept or decline<span className="visually-hidden"> the nomination for {n.positionTitle}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {d.registrable && d.registrable.length > 0 ? (
            <div className="panel" role="note">
              <h2>These officers could not be registered</h2>
              <ul className="list">
                {d.registrable.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          ) : d.registrable ? (
            <p className="outcome outcome--passed">The officers elected meet the Electoral Commission&rsquo;s rules on registered officers.</p>
          ) : null}
          <TableScroll label="Positions" wide>
            <table className="table">
              <caption>Positions</caption>
              <thead>
                <tr>
                  <th scope="col">Position</th>
                  <th scope="col">Seats and count</th>
                  <th scope="col" className="numeric">
                    Validly nominated
                  </th>
                  <th scope="col">{e.phase === "counted" ? "Elected" : "Ballot"}</th>
                </tr>
              </thead>
              <tbody>
                {d.positions.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/elections/positions/${p.id}`}>{p.title}</Link>
                    </td>
                    <td>
                      {p.seats} {p.seats === 1 ? "seat" : "seats"}, {p.method}
                    </td>
                    <td className="numeric">
                      {p.valid} of {p.standing} standing
                      {p.tooFew ? " (too few: re-open nominations is on the ballot, so members can vote for none of them)" : ""}
                    </td>
                    <td>
                      {e.phase === "counted" ? (
                        <>
                          {p.elected.join(", ") || "Nobody"}
                          {p.declared ? " (declared)" : ""}
                        </>
                      ) : p.pollId ? (
                        <Link to={`/polls/${p.pollId}`}>
                          Vote<span className="visually-hidden"> for {p.title}</span>
                        </Link>
                      ) : e.phase === "nominations" && e.nominationsDue ? (
                        "Not open yet: waiting for the returning officer"
                      ) : (
                        "Not open"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}

      {d.seats && d.seats.rounds ? (
        <TableScroll label="Seats filled so far">
          <table className="table">
            <caption>Seats filled so far, over every round of nominations</caption>
            <thead>
              <tr>
                <th scope="col">Position</th>
                <th scope="col">Elected</th>
              </tr>
            </thead>
            <tbody>
              {d.seats.filled.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.title}</th>
                  <td>
                    {p.filled.join(", ") || "Nobody yet"}
                    {p.vacant > 0 && p.filled.length > 0 ? `; ${p.vacant} ${p.vacant === 1 ? "seat" : "seats"} vacant` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}

      {d.seats && d.seats.vacant.length > 0 ? (
        <section className="panel" aria-labelledby="vacant-title">
          <h2 id="vacant-title">Vacant seats</h2>
          <p>These seats are empty. Nominations re-open for exactly these seats; what the new round elects adds to the seats already filled.</p>
          <TableScroll label="Vacant seats">
            <table className="table">
              <caption className="visually-hidden">Vacant seats</caption>
              <thead>
                <tr>
                  <th scope="col">Position</th>
                  <th scope="col">Vacant</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {d.seats.vacant.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.title}</th>
                    <td>
                      {p.vacant} of {p.of} seats vacant
                    </td>
                    <td>{p.why}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {!d.seats.settled ? <p>{electionProblemMessages.not_all_declared}</p> : null}
          {d.can.manage ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="reopen" />
              <h3>Re-open nominations for the vacant seats</h3>
              <TextField
                name="opensAt"
                id="reopen-opensAt"
                label="Nominations open (UK time)"
                type="datetime-local"
                defaultValue={v.opensAt}
                error={errors.opensAt}
              />
              <TextField
                name="closesAt"
                id="reopen-closesAt"
                label="Nominations close (UK time)"
                hint={`The standing orders ask for at least ${d.seats.minimumDays} days.`}
                type="datetime-local"
                defaultValue={v.closesAt}
                error={errors.closesAt}
              />
              <button type="submit" className="button" disabled={busy}>
                Re-open nominations
              </button>
            </Form>
          ) : (
            <p>The organisers re-open nominations for these seats.</p>
          )}
        </section>
      ) : null}

      {d.can.manage && (!e || e.phase === "counted") ? (
        <section className="panel" aria-labelledby="create-title">
          <h2 id="create-title">Set up the election of the interim officers</h2>
          <p>
            It comes with the offices the Electoral Commission registers (leader, nominating officer, treasurer) and an interim committee counted after them
            (standing orders 11).
          </p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="create" />
            <TextField name="title" label="Title" defaultValue={v.title ?? "Election of the interim officers"} error={errors.title} />
            <TextField name="opensAt" label="Nominations open (UK time)" type="datetime-local" defaultValue={v.opensAt} error={errors.opensAt} />
            <TextField
              name="closesAt"
              label="Nominations close (UK time)"
              hint="The standing orders ask for at least 14 days."
              type="datetime-local"
              defaultValue={v.closesAt}
              error={errors.closesAt}
            />
            <TextField
              name="committeeSeats"
              label="Seats on the interim committee (0 for none)"
              inputMode="numeric"
              width="10"
              defaultValue={v.committeeSeats ?? "7"}
              error={errors.committeeSeats}
            />
            <div className="radios__item">
              <input type="checkbox" id="campaignsOfficer" name="campaignsOfficer" value="yes" defaultChecked={v.campaignsOfficer === "yes"} />
              <label htmlFor="campaignsOfficer">Also elect a campaigns officer (optional registered officer)</label>
            </div>
            <button type="submit" className="button" disabled={busy}>
              Set up the election
            </button>
          </Form>
        </section>
      ) : null}

      {d.can.manage && e?.phase === "nominations" ? (
        <section className="panel" aria-labelledby="add-title">
          <h2 id="add-title">Add a position</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="add-position" />
            <TextField name="positionTitle" label="Title (for example Chair, or Secretary)" defaultValue={v.positionTitle} error={errors.positionTitle} />
            <TextField name="seats" label="Seats" inputMode="numeric" width="10" defaultValue={v.seats ?? "1"} error={errors.seats} />
            <TextField
              name="secondersRequired"
              label="Seconders needed besides the nominator"
              inputMode="numeric"
              width="10"
              defaultValue={v.secondersRequired ?? "2"}
              error={errors.secondersRequired}
            />
            <TextArea name="eligibility" label="Who may stand (optional)" rows={2} defaultValue={v.eligibility} error={errors.eligibility} />
            <button type="submit" className="button button--secondary" disabled={busy}>
              Add the position
            </button>
          </Form>
        </section>
      ) : null}

      {e ? <ElectionTrusteesPanel trustees={d.trustees} canName={d.can.run && e.phase === "nominations"} values={v} errors={errors} busy={busy} /> : null}

      {d.can.run && e?.phase === "nominations" ? (
        <section className="panel" aria-labelledby="open-title">
          <h2 id="open-title">Open the ballot</h2>
          <p>
            Each position gets a ranked secret ballot of its validly nominated candidates and &ldquo;Re-open nominations&rdquo;, on the roll of founding
            members. A position with nobody validly nominated gets no ballot: its nominations re-open.
          </p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="open-ballots" />
            <TextField
              name="ballotClosesAt"
              label="The ballot closes at (UK time)"
              hint={e.ballotHint}
              type="datetime-local"
              defaultValue={v.ballotClosesAt}
              error={errors.ballotClosesAt}
            />
            {!e.nominationsDue ? (
              <TextArea name="reason" label="Reason for closing nominations before their closing time" rows={2} defaultValue={v.reason} error={errors.reason} />
            ) : null}
            <button type="submit" className="button" disabled={busy}>
              Close nominations and open the ballot
            </button>
          </Form>
        </section>
      ) : null}

      {d.can.run && e?.phase === "ballot" ? (
        <section className="panel" aria-labelledby="count-title">
          <h2 id="count-title">Close and count</h2>
          <p>The offices are counted first; anyone elected to one is left out of the committee count (standing orders 11.8).</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="count" />
            {e.ballotsDecrypting > 0 ? (
              <p>{electionTrusteeText.waiting(e.ballotsDecrypting)}</p>
            ) : e.ballotsDue ? (
              <p>The closing time has passed: the ballots are counted automatically within a minute or so, or you can count them now.</p>
            ) : (
              <TextArea name="reason" label="Reason, if closing before the closing time" rows={2} defaultValue={v.reason} error={errors.reason} />
            )}
            <button type="submit" className="button" disabled={busy}>
              {e.ballotsDue ? "Count every ballot now" : "Close every ballot and count"}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
