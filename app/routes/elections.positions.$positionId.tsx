import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Checkbox, ErrorSummary, type FieldErrors, NotificationBanner, Radios, TextArea, TextField, WarningText } from "~/components/forms";
import { PlainMarkdown } from "~/modules/markdown/plain-markdown";
import { PollResults } from "~/modules/polls/components/poll-results";
import {
  acceptNomination,
  answerQuestion,
  askQuestion,
  declare,
  declineNomination,
  findNominees,
  nominate,
  NOMINEE_SEARCH_LIMIT,
  pendingNominations,
  RON_LABEL,
  hustingsFor,
  isFoundingMember,
  listCandidates,
  registeredCandidacies,
  secondedBy,
  positionById,
  setSeconding,
  stand,
  winners,
  withdrawCandidacy,
} from "~/modules/elections/elections.server";
import { electionTrusteeText } from "~/modules/elections/trustee-messages";
import { candidateProblemLabels, electionProblemMessages, statementLabel, statementTooLong } from "~/modules/elections/messages";
import { recount, recountsOf } from "~/modules/elections/recovery.server";
import { ukDateTime } from "~/modules/documents/format";
import { standingProblems, type Holding, type RegisteredRole } from "~/modules/elections/officer-rules";
import { officerProblemMessages, roleLabels } from "~/modules/elections/officer-rules-messages";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { verificationFailedAdvice, verificationProblemMessages } from "~/modules/polls/messages";
import { loadRules, verifyPoll, PAGE_READ } from "~/modules/polls/polls.server";
import { principalOf, requirePermission, requireUser } from "~/utils/auth.server";
import { isAllowed } from "~/utils/permissions";
import { MAX_CANDIDATE_STATEMENT_LENGTH, MAX_LOOKUP_LENGTH } from "~/utils/input-limits";
import { WaitingNotice } from "~/modules/roles/components/waiting-notice";
import { takingPartRefusal } from "~/modules/roles/messages";
import { conflictsFor } from "~/modules/roles/role-rules";
import { waitingNoticeFor } from "~/modules/roles/roles.server";
import { electionWaiting } from "~/modules/roles/waiting-for";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { plural } from "~/utils/plural";
import { countSheetWords } from "~/modules/ballots/messages";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.position.title ?? "Position"} - Elections - Breakaway` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = requirePermission(request, context, "site.view");
  const found = await positionById(context.db, params.positionId ?? "");
  if (!found) throw new Response("There is no such position.", { status: 404 });
  const { position, election } = found;
  const principal = principalOf(context);
  const userId = auth?.user.id ?? null;
  // The returning officer takes no part in the election they run (role-rules.ts): no forms for them.
  const office = auth && auth.user.role !== "member" ? [auth.user.role] : [];
  const excluded = conflictsFor("candidate", office)[0] ?? null;
  const foundingMember = userId ? await isFoundingMember(context.db, userId) : false;
  const mayNominate = foundingMember && !excluded;
  const candidates = await listCandidates(context.db, position);
  const questions = await hustingsFor(
    context.db,
    candidates.map((c) => c.id),
  );
  const mine = candidates.find((c) => c.userId === userId) ?? null;
  const now = Date.now();
  const nominationsOpen = election.phase === "nominations" && election.nominationsOpenAt.getTime() <= now && now < election.nominationsCloseAt.getTime();
  // Nominations awaiting an answer: who was nominated and by whom is for founding members' eyes
  // (the nominee's among them), like the rest of the roll; once nominations close they lapse.
  const pending = foundingMember && nominationsOpen ? await pendingNominations(context.db, { positionId: position.id }) : [];
  const nominationForMe = pending.find((n) => n.nomineeId === userId) ?? null;
  const find = (new URL(request.url).searchParams.get("find") ?? "").slice(0, MAX_LOOKUP_LENGTH);
  const matches = mayNominate && nominationsOpen && userId && find.trim() ? await findNominees(context.db, userId, find) : null;

  // Warn a would-be candidate if standing here would make an unregistrable set (officer-rules.ts).
  let warnings: string[] = [];
  if (userId && position.registeredRole && !mine) {
    const standing = await registeredCandidacies(context.db, election.id);
    const holdings = new Map<string, Holding>();
    for (const s of standing) {
      const h = holdings.get(s.userId) ?? { person: s.userId, roles: [] };
      h.roles.push(s.role as RegisteredRole);
      holdings.set(s.userId, h);
    }
    warnings = standingProblems(userId, position.registeredRole as RegisteredRole, [...holdings.values()], {
      partyKind: "major",
      onePerPerson: (await standingOrderRules()).onePerPerson,
    }).map((p) => officerProblemMessages[p.code](p, (id) => (id === userId ? "you" : id)));
  }

  const loaded = position.pollId ? await loadRules(context.db, position.pollId, PAGE_READ) : null;
  const closed = loaded?.poll.status === "closed";
  const verification = closed && position.pollId ? await verifyPoll(context.db, position.pollId) : null;
  const elected = closed ? await winners(context.db, position) : [];
  const facts = {
    phase: election.phase,
    nominationsDue: election.nominationsCloseAt.getTime() <= now,
    // A ballot waiting for its trustees (decision 047) waits for them, not for a count.
    ballotsDue: Boolean(loaded && loaded.poll.status !== "decrypting" && (closed || loaded.poll.closesAt.getTime() <= now)),
    undeclared: position.pollId && position.declaredAt === null ? 1 : 0,
  };
  const recounted = await recountsOf(context.db, [position.id]);
  return {
    waiting: await waitingNoticeFor(context.db, principal, (roles) => electionWaiting(facts, roles)),
    excluded: excluded ? takingPartRefusal(excluded.reason) : null,
    position: {
      id: position.id,
      title: position.title,
      seats: position.seats,
      method: countSheetWords.methodInSentence[position.method] ?? position.method,
      role: position.registeredRole ? roleLabels[position.registeredRole as RegisteredRole] : null,
      isTreasurer: position.registeredRole === "treasurer",
      secondersRequired: position.secondersRequired,
      statementMaxWords: (await standingOrderRules()).candidateStatementMaxWords,
      eligibility: position.eligibility,
      pollId: position.pollId,
      declared: position.declaredAt !== null,
    },
    phase: election.phase,
    // Voting on this position's ballot: open, not only in the election's ballot phase.
    ballotOpen: loaded?.poll.status === "open" && loaded.poll.closesAt.getTime() > now,
    ballotDecrypting: loaded?.poll.status === "decrypting",
    nominationsOpen,
    viewer: {
      signedIn: Boolean(auth),
      foundingMember,
      mayNominate,
      userId,
      canRun: isAllowed(principal, "elections.run"),
    },
    mine: mine ? { id: mine.id, status: mine.status } : null,
    nominationForMe: nominationForMe ? { nominatorName: nominationForMe.nominatorName } : null,
    pending: pending.map((n) => ({ id: n.candidacyId, nomineeName: n.nomineeName, nominatorName: n.nominatorName })),
    search: { find, results: matches ? matches.slice(0, NOMINEE_SEARCH_LIMIT) : null, tooMany: (matches?.length ?? 0) > NOMINEE_SEARCH_LIMIT },
    warnings,
    // Whose nomination it was stays on the server: the page only needs to know if it was the viewer's.
    candidates: candidates.map(({ nominatedBy, ...c }) => ({
      ...c,
      nominatedByMe: userId !== null && nominatedBy === userId && c.userId !== userId,
      questions: questions
        .filter((q) => q.q.candidacyId === c.id)
        .map((q) => ({ id: q.q.id, asker: q.asker ?? "A former member", question: q.q.question, answer: q.q.answer })),
    })),
    mySeconds: userId
      ? await secondedBy(
          context.db,
          userId,
          candidates.map((c) => c.id),
        )
      : [],
    result: closed ? (loaded?.poll.result as PollResult) : null,
    verification: verification
      ? verification.ok
        ? { ok: true as const, text: `Verified: ${plural(verification.ballots, "ballot")} on an unbroken chain, and a fresh count gives the same result.` }
        : { ok: false as const, text: `This result failed its check. ${verificationProblemMessages[verification.problem]}` }
      : null,
    // Seats "Re-open nominations" won stay empty (11.14): only people are elected.
    elected: elected.filter((e) => !isRonSeat(e)).map((e) => e.name),
    unfilledByRon: elected.filter(isRonSeat).length,
    // Nobody validly nominated: no ballot, and the seats wait for nominations to re-open.
    noBallot: election.phase !== "nominations" && !position.pollId,
    recounts: recounted.map((r) => ({
      id: r.id,
      at: ukDateTime(r.recountedAt),
      reason: r.reason,
      corrected: r.outcome === "corrected",
      superseded: r.previousElected.filter((e) => !isRonSeat(e)).map((e) => e.name),
      beforeDeclaration: r.previousDeclaredAt === null,
    })),
  };
}

function isRonSeat(e: { userId: string | null; name: string }): boolean {
  return e.userId === null && e.name === RON_LABEL;
}

type ActionResult = { intent: string; errors: FieldErrors; done?: string; values?: Record<string, string>; target?: string };

/**
 * Where a refusal is shown. Problems with what was typed or ticked go beside that field; the rest
 * (nominations closed, nothing to answer, not on the roll) are about the page, whose forms may be
 * gone once it reloads, so they are shown in the error summary alone, with no link.
 */
const PAGE = "page";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const target = values.candidacyId ?? values.questionId ?? "";
  const fail = (field: string, code: keyof typeof electionProblemMessages) =>
    data<ActionResult>({ intent, errors: { [field]: electionProblemMessages[code] }, values, target }, { status: code === "not_founding_member" ? 403 : 400 });
  const ok = (done: string) => data<ActionResult>({ intent, errors: {}, done });
  if (intent === "recount") {
    const { user } = requireUser(request, context, "elections.run");
    const r = await recount(context.db, { id: user.id, label: user.email }, params.positionId ?? "", values.recountReason ?? "");
    if (!r.ok) return fail(r.code === "reason_missing" || r.code.startsWith("reason:") ? "recountReason" : PAGE, r.code);
    const people = r.elected.filter((e) => !isRonSeat(e)).map((e) => e.name);
    return ok(
      r.outcome === "confirmed"
        ? "The recount confirmed the result. The declaration stands."
        : `The recount differs from the declared result: the declaration is corrected. Elected: ${people.join(", ") || "nobody"}.`,
    );
  }
  if (intent === "declare") {
    const { user } = requireUser(request, context, "elections.run");
    const r = await declare(context.db, { id: user.id, label: user.email }, params.positionId ?? "");
    if (!r.ok) return fail(PAGE, r.code);
    const people = r.elected.filter((e) => !isRonSeat(e)).map((e) => e.name);
    const ron = r.elected.length - people.length;
    return ok(
      `The result is declared: ${people.join(", ") || "nobody"} elected.${ron > 0 ? ` Re-open nominations won ${ron === 1 ? "a seat, which stays" : `${ron} seats, which stay`} empty until nominations re-open.` : ""}`,
    );
  }
  const { user } = requireUser(request, context, "elections.take_part");
  const me = { id: user.id, email: user.email };
  if (intent === "stand" || intent === "accept") {
    const input = {
      statement: values.statement ?? "",
      consent: values.consent === "yes",
      registeredOfficer: values.registeredOfficer === "yes",
      treasurerEligible: values.treasurerEligible === "yes",
    };
    const r =
      intent === "stand" ? await stand(context.db, me, params.positionId ?? "", input) : await acceptNomination(context.db, me, params.positionId ?? "", input);
    if (!r.ok) {
      const field =
        r.code === "consent_missing"
          ? "consent"
          : r.code === "declaration_missing"
            ? "registeredOfficer"
            : r.code === "eligibility_missing"
              ? "treasurerEligible"
              : r.code === "statement_too_long" ||
                  r.code.startsWith("statement:") ||
                  r.code === "already_standing_for_office" ||
                  r.code === "already_holds_office"
                ? "statement"
                : PAGE;
      if (r.code === "statement_too_long" && r.detail) {
        return data<ActionResult>({ intent, errors: { statement: statementTooLong(Number(r.detail)) }, values, target }, { status: 400 });
      }
      return fail(field, r.code);
    }
    return ok(
      intent === "stand"
        ? "You are standing. You need seconders: share this page with founding members who support you."
        : "You have accepted the nomination and are standing. You need seconders besides your nominator: share this page with founding members who support you.",
    );
  }
  if (intent === "decline") {
    const r = await declineNomination(context.db, me, params.positionId ?? "");
    return r.ok ? ok("You have declined the nomination.") : fail("decline", r.code);
  }
  if (intent === "nominate") {
    const r = await nominate(context.db, me, params.positionId ?? "", values.nomineeId ?? "", { appUrl: context.env.appUrl });
    if (!r.ok)
      return fail(
        r.code === "nominations_closed" || r.code === "not_found" || r.code === "not_founding_member" || r.code === "returning_officer_takes_no_part"
          ? PAGE
          : "nomineeId",
        r.code,
      );
    return ok(`You have nominated ${r.nomineeName}. They are emailed and asked to accept; until they do, they are not a candidate.`);
  }
  if (intent === "second" || intent === "unsecond") {
    const r = await setSeconding(context.db, me, values.candidacyId ?? "", intent === "second");
    return r.ok ? ok(intent === "second" ? "Your seconding is recorded." : "Your seconding is withdrawn.") : fail("candidates", r.code);
  }
  if (intent === "withdraw") {
    const r = await withdrawCandidacy(context.db, me, values.candidacyId ?? "");
    return r.ok ? ok("You have withdrawn.") : fail("candidates", r.code);
  }
  if (intent === "ask") {
    const r = await askQuestion(context.db, me, values.candidacyId ?? "", values.question ?? "");
    return r.ok ? ok("Your question is posted.") : fail(`question-${target}`, r.code);
  }
  if (intent === "answer") {
    const r = await answerQuestion(context.db, me, values.questionId ?? "", values.answer ?? "");
    return r.ok ? ok("Your answer is posted.") : fail(`answer-${target}`, r.code);
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function PositionPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const errors: FieldErrors = result?.errors ?? {};
  const v = result?.values ?? {};
  const p = d.position;
  const canStand = d.nominationsOpen && d.viewer.mayNominate && !d.nominationForMe && (!d.mine || d.mine.status === "withdrawn");
  const firstMatch = d.search.results?.[0]?.userId;
  // A refusal beside a form the page no longer shows (the nomination answered meanwhile,
  // nominations closed) goes to the summary alone.
  const formShown: Record<string, boolean> = {
    decline: Boolean(d.nominationForMe),
    nomineeId: d.nominationsOpen && d.viewer.mayNominate,
    ...Object.fromEntries(["statement", "consent", "registeredOfficer", "treasurerEligible"].map((f) => [f, Boolean(d.nominationForMe) || canStand])),
    recountReason: d.viewer.canRun && (p.declared || Boolean(d.verification && !d.verification.ok)),
  };
  const pageError = Object.entries(errors).find(([field, message]) => message && (field === PAGE || formShown[field] === false))?.[1];
  const fieldErrors = pageError ? {} : errors;
  // The nomination posts to the search's own address, so the choices stay on screen after an error.
  return (
    <div className="page">
      {pageError ? (
        <PageErrorSummary message={pageError} />
      ) : (
        <ErrorSummary
          errors={fieldErrors}
          fieldIds={{
            consent: "consent",
            registeredOfficer: "registeredOfficer",
            treasurerEligible: "treasurerEligible",
            nomineeId: firstMatch ? `nomineeId-${firstMatch}` : "find",
          }}
        />
      )}
      {result?.done ? (
        <NotificationBanner title={result.done} kind="success">
          Recorded in the audit log.
        </NotificationBanner>
      ) : null}
      <p>
        <Link to="/elections">All positions</Link>
      </p>
      <h1>{p.title}</h1>
      <WaitingNotice notice={d.waiting} />
      {d.excluded && d.nominationsOpen ? <p className="inset-text">{d.excluded}</p> : null}
      <p className="lead">
        {p.seats} {p.seats === 1 ? "seat" : "seats"}, counted by {p.method}.{" "}
        {p.role ? `A registered officer: the ${p.role}'s name goes on the Electoral Commission's public register.` : ""} Each candidate needs{" "}
        {plural(p.secondersRequired, "seconder")} besides their nominator. {p.eligibility}
      </p>

      {d.result ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title">Result</h2>
          <p className="outcome outcome--passed">
            Elected: {d.elected.join(", ") || "nobody"}. {d.position.declared ? "Declared by the returning officer." : "Not yet declared."}
          </p>
          {d.unfilledByRon > 0 ? (
            <p className="outcome">
              Re-open nominations won {d.unfilledByRon === 1 ? "a seat: it stays empty" : `${d.unfilledByRon} seats: they stay empty`}. Once every result is
              declared, the organisers re-open nominations for {d.unfilledByRon === 1 ? "it" : "them"} from the <Link to="/elections">Elections page</Link>{" "}
              (standing orders 11.14).
            </p>
          ) : null}
          {d.verification?.ok ? <p>{d.verification.text}</p> : null}
          {d.verification && !d.verification.ok ? (
            <WarningText>
              {d.verification.text} {verificationFailedAdvice}
            </WarningText>
          ) : null}
          <p>
            <Link to={`/polls/${p.pollId}`}>Check your receipt</Link> · <Link to={`/polls/${p.pollId}/ballots`}>Published ballots</Link> ·{" "}
            <a href={`/polls/${p.pollId}/ballots.blt`}>Ballot file (BLT)</a>
            {d.position.declared ? (
              <>
                {" "}
                · <a href={`/elections/positions/${p.id}/declaration.pdf`}>Declaration of result (PDF)</a>
              </>
            ) : null}
          </p>
          {d.recounts.length > 0 ? (
            <ul className="list">
              {d.recounts.map((r) => (
                <li key={r.id}>
                  {r.corrected && r.beforeDeclaration
                    ? `Recount on ${r.at}: the stored count failed its check and elected ${r.superseded.join(", ") || "nobody"}; the recount corrected it before the declaration. Reason: ${r.reason}`
                    : r.corrected
                      ? `Corrected by recount on ${r.at}: the superseded declaration elected ${r.superseded.join(", ") || "nobody"}, and is kept on record. Reason: ${r.reason}`
                      : `Recount on ${r.at}: the recount confirmed the result. Reason: ${r.reason}`}
                </li>
              ))}
            </ul>
          ) : null}
          {d.viewer.canRun && (d.position.declared || (d.verification && !d.verification.ok)) ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="recount" />
              <h3>Ask for a recount</h3>
              <p>
                {d.position.declared
                  ? "The count runs again from the stored ballots, on the same rules. If it differs, it corrects the declaration; the earlier one stays on record."
                  : "The stored count failed its check, so it cannot be declared. A recount counts the stored ballots again, on the same rules, and records the correction; you can then declare the corrected result."}
              </p>
              <TextArea name="recountReason" label="Reason for the recount" rows={2} defaultValue={v.recountReason} error={fieldErrors.recountReason} />
              <button type="submit" className="button button--secondary" disabled={busy}>
                Recount
              </button>
            </Form>
          ) : null}
          {d.viewer.canRun && !d.position.declared && d.verification?.ok ? (
            <Form method="post">
              <input type="hidden" name="intent" value="declare" />
              <button type="submit" className="button" disabled={busy}>
                Declare the result
              </button>
            </Form>
          ) : null}
          <PollResults result={d.result} {...(p.pollId ? { sheetHref: `/polls/${p.pollId}/count-sheet.pdf` } : {})} />
        </section>
      ) : d.noBallot ? (
        <p className="outcome">
          Nobody was validly nominated, so there was no ballot: {p.seats === 1 ? "the seat is vacant" : "the seats are vacant"}. Once every result is declared,
          the organisers re-open nominations for {p.seats === 1 ? "it" : "them"} from the <Link to="/elections">Elections page</Link>.
        </p>
      ) : d.ballotDecrypting ? (
        <p className="outcome">{electionTrusteeText.ballotWaiting}</p>
      ) : d.ballotOpen && p.pollId ? (
        <p>
          <Link to={`/polls/${p.pollId}`} className="button">
            Vote for {p.title}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="candidates-title" id="candidates">
        <h2 id="candidates-title">Candidates</h2>
        {d.candidates.length === 0 ? <p>Nobody is standing yet.</p> : null}
        {d.candidates.map((c) => (
          <article key={c.id} className="amendment" aria-labelledby={`c-${c.id}`}>
            <h3 id={`c-${c.id}`}>
              {c.name} {c.status === "withdrawn" ? <span className="tag">Withdrawn</span> : c.valid ? <span className="tag">Validly nominated</span> : null}
            </h3>
            <p>
              Seconded by {c.seconders.length > 0 ? c.seconders.join(", ") : "nobody yet"} ({c.seconders.length} of {c.secondersRequired} needed).
              {!c.valid && c.status !== "withdrawn" ? ` Not yet valid: ${c.problems.map((x) => candidateProblemLabels[x]).join("; ")}.` : ""}
            </p>
            {c.statement ? <PlainMarkdown text={c.statement} headingLevel={3} /> : <p>No statement.</p>}
            {d.nominationsOpen && d.viewer.mayNominate && c.userId !== d.viewer.userId && !c.nominatedByMe && c.status === "standing" ? (
              <Form method="post">
                <input type="hidden" name="candidacyId" value={c.id} />
                {d.mySeconds.includes(c.id) ? (
                  <button type="submit" name="intent" value="unsecond" className="button button--secondary" disabled={busy}>
                    Withdraw my seconding of {c.name}
                  </button>
                ) : (
                  <button type="submit" name="intent" value="second" className="button button--secondary" disabled={busy}>
                    Second {c.name}
                  </button>
                )}
              </Form>
            ) : null}
            {c.userId === d.viewer.userId && c.status === "standing" && d.phase !== "counted" && (d.phase === "nominations" || d.ballotOpen) ? (
              <Form method="post">
                <input type="hidden" name="candidacyId" value={c.id} />
                <button type="submit" name="intent" value="withdraw" className="button button--warning" disabled={busy}>
                  Withdraw my candidacy
                </button>
                {d.ballotOpen ? <p className="hint">The ballot is open: your name stays on the paper, and the count skips you.</p> : null}
              </Form>
            ) : null}
            <h4>Questions from members</h4>
            {c.questions.length === 0 ? <p>No questions yet.</p> : null}
            <ul className="comments">
              {c.questions.map((q) => (
                <li key={q.id} className="comment">
                  <div className="comment__meta">
                    <strong>{q.asker}</strong> asked
                  </div>
                  <p className="comment__body">{q.question}</p>
                  {q.answer ? (
                    <p className="comment__body">
                      <strong>{c.name} answered:</strong> {q.answer}
                    </p>
                  ) : c.userId === d.viewer.userId ? (
                    <Form method="post" noValidate>
                      <input type="hidden" name="intent" value="answer" />
                      <input type="hidden" name="questionId" value={q.id} />
                      <TextArea
                        name="answer"
                        id={`answer-${q.id}`}
                        label="Your answer"
                        rows={3}
                        error={errors[`answer-${q.id}`]}
                        defaultValue={result?.target === q.id ? v.answer : undefined}
                      />
                      <button type="submit" className="button button--secondary" disabled={busy}>
                        Post my answer
                      </button>
                    </Form>
                  ) : (
                    <p className="hint">Not answered yet.</p>
                  )}
                </li>
              ))}
            </ul>
            {d.viewer.foundingMember && d.phase !== "counted" && c.userId !== d.viewer.userId ? (
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="ask" />
                <input type="hidden" name="candidacyId" value={c.id} />
                <TextArea
                  name="question"
                  id={`question-${c.id}`}
                  label={`Ask ${c.name} a question`}
                  rows={2}
                  error={errors[`question-${c.id}`]}
                  defaultValue={result?.target === c.id ? v.question : undefined}
                />
                <button type="submit" className="button button--secondary" disabled={busy}>
                  Ask
                </button>
              </Form>
            ) : null}
          </article>
        ))}
      </section>

      {d.pending.length > 0 ? (
        <section aria-labelledby="pending-title">
          <h2 id="pending-title">Nominations waiting for an answer</h2>
          <p>A nominee is not a candidate until they accept. A nomination not accepted when nominations close lapses.</p>
          <ul className="list">
            {d.pending.map((n) => (
              <li key={n.id}>
                {n.nomineeName}, nominated by {n.nominatorName}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.nominationForMe ? (
        <section aria-labelledby="nomination-title" className="amend-form" id="nomination">
          <h2 id="nomination-title">Nominated by {d.nominationForMe.nominatorName}: accept or decline</h2>
          <p>
            You are not a candidate for {p.title} unless you accept. To accept, write your statement and agree to stand. If you do neither before nominations
            close, the nomination lapses.
          </p>
          <Warnings warnings={d.warnings} lead="Before you accept:" />
          <CandidacyForm intent="accept" submitLabel="Accept the nomination" position={p} errors={errors} values={v} busy={busy} />
          <Form method="post">
            <input type="hidden" name="intent" value="decline" />
            {errors.decline ? (
              <p className="error-message" id="decline-error">
                <span className="visually-hidden">Error:</span> {errors.decline}
              </p>
            ) : null}
            <button
              type="submit"
              id="decline"
              className="button button--secondary"
              disabled={busy}
              aria-describedby={errors.decline ? "decline-error" : undefined}
            >
              Decline the nomination
            </button>
          </Form>
        </section>
      ) : null}

      {d.nominationsOpen && d.viewer.mayNominate ? (
        <section aria-labelledby="nominate-title" className="amend-form" id="nominate">
          <h2 id="nominate-title">Nominate another founding member for {p.title}</h2>
          <p>
            They are emailed and asked to accept; until they do, they are not a candidate. You do not count as one of their seconders. To put yourself forward,
            stand instead.
          </p>
          <Form method="get" action={`/elections/positions/${p.id}#nominate`}>
            <TextField name="find" label="Find a founding member by name or membership number" defaultValue={d.search.find} width="20" />
            <button type="submit" className="button button--secondary">
              Find
            </button>
          </Form>
          {d.search.results && d.search.results.length === 0 ? <p>No other founding member matches &ldquo;{d.search.find}&rdquo;.</p> : null}
          {d.search.results && d.search.results.length > 0 ? (
            <Form method="post" action={`/elections/positions/${p.id}?find=${encodeURIComponent(d.search.find)}`} noValidate>
              <input type="hidden" name="intent" value="nominate" />
              <Radios
                name="nomineeId"
                legend={`Who are you nominating for ${p.title}?`}
                choices={d.search.results.map((r) => [r.userId, r.membershipNumber ? `${r.name} (founding member ${r.membershipNumber})` : r.name] as const)}
                checked={v.nomineeId}
                error={errors.nomineeId}
              />
              {d.search.tooMany ? (
                <p className="hint">Only the first {d.search.results.length} matches are shown: search for a fuller name to narrow them down.</p>
              ) : null}
              <button type="submit" className="button" disabled={busy}>
                Nominate
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {canStand ? (
        <section aria-labelledby="stand-title" className="amend-form">
          <h2 id="stand-title">Stand for {p.title}</h2>
          <Warnings warnings={d.warnings} lead="Before you stand:" />
          <CandidacyForm intent="stand" submitLabel={`Stand for ${p.title}`} position={p} errors={errors} values={v} busy={busy} />
        </section>
      ) : d.nominationsOpen && !d.viewer.foundingMember && !d.excluded ? (
        <p>
          Founding members can stand, nominate, second candidates and ask them questions here.{" "}
          {d.viewer.signedIn ? null : <Link to={`/login?redirectTo=/elections/positions/${p.id}`}>Sign in</Link>}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The error summary for a refusal no field on the page answers for: the message alone, focused
 * like the summary, with nothing to link to (a link to a form the page no longer shows would go
 * nowhere).
 */
function PageErrorSummary({ message }: { message: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [message]);
  return (
    <div className="error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={box}>
      <h2 className="error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <p>{message}</p>
    </div>
  );
}

function Warnings({ warnings, lead }: { warnings: string[]; lead: string }) {
  if (warnings.length === 0) return null;
  return (
    <div className="recommendation" role="note">
      <p>
        <strong>{lead}</strong>
      </p>
      <ul className="list">
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}

/** Standing and accepting a nomination take the same statement, consent and declarations (11.6-11.10). */
function CandidacyForm({
  intent,
  submitLabel,
  position: p,
  errors,
  values: v,
  busy,
}: {
  intent: "stand" | "accept";
  submitLabel: string;
  position: { role: string | null; isTreasurer: boolean; statementMaxWords: number };
  errors: FieldErrors;
  values: Record<string, string>;
  busy: boolean;
}) {
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <TextArea
        name="statement"
        label={statementLabel(p.statementMaxWords)}
        hint={`Shown with the ballot. You may use **bold**, paragraphs and lists starting with a dash. At most ${MAX_CANDIDATE_STATEMENT_LENGTH.toLocaleString("en-GB")} characters.`}
        rows={8}
        defaultValue={v.statement}
        error={errors.statement}
      />
      <Checkbox
        name="consent"
        label="I agree to stand for this position, and to serve if elected."
        error={errors.consent}
        defaultChecked={v.consent === "yes"}
      />
      {p.role ? (
        <Checkbox
          name="registeredOfficer"
          label="If elected, I will give the Electoral Commission my full name, home address and email (the address is not published), have my name published on the register, and sign or authorise the party's application (standing orders 11.9)."
          error={errors.registeredOfficer}
          defaultChecked={v.registeredOfficer === "yes"}
        />
      ) : null}
      {p.isTreasurer ? (
        <Checkbox
          name="treasurerEligible"
          label="I declare that in the last 5 years I have not been convicted of an offence under the Political Parties, Elections and Referendums Act 2000, or of an election offence (standing orders 11.10)."
          error={errors.treasurerEligible}
          defaultChecked={v.treasurerEligible === "yes"}
        />
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
