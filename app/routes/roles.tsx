import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, FieldError, NotificationBanner, Radios, TextField, type FieldErrors } from "~/components/forms";
import { appointedBanner, removedBanner, roleDescriptions, roleNames, roleProblemMessages, ruleSentence } from "~/modules/roles/messages";
import { appointRole, isElectionRunning, removeRole, roleHolders } from "~/modules/roles/roles.server";
import { appointableRoles, incompatibleCapacities, removalProblem, type AppointableRole, type RemovalProblem } from "~/modules/roles/role-rules";
import { principalOf, requireUser } from "~/utils/auth.server";
import { MAX_EMAIL_LENGTH } from "~/utils/input-limits";
import { isAllowed } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "Roles - Breakaway" }];

/**
 * Who holds which role. Every signed-in person may read it (who the returning officer is, is a
 * public fact in a party); only organisers see the addresses and change anything.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "roles.read");
  const canManage = isAllowed(principalOf(context), "roles.manage");
  const holders = await roleHolders(context.db);
  const electionRunning = await isElectionRunning(context.db);
  const facts = { organisers: holders.organisers.length, electionRunning };
  const shown = (h: { id: string; name: string; email: string }, role: AppointableRole) => ({
    id: h.id,
    name: h.name,
    email: canManage ? h.email : null,
    me: h.id === user.id,
    // Why this holder cannot be removed now, if they cannot (role-rules.ts).
    kept: canManage ? removalProblem(role, facts) : null,
  });
  return {
    canManage,
    organisers: holders.organisers.map((h) => shown(h, "organiser")),
    returningOfficer: holders.returningOfficer ? shown(holders.returningOfficer, "returning_officer") : null,
    rules: incompatibleCapacities.map(({ pair: [role, other], reason }) => ruleSentence(role, other, reason)),
  };
}

type ActionResult = { errors: FieldErrors; done?: string; values?: Record<string, string> };

const isRole = (value: string): value is AppointableRole => (appointableRoles as readonly string[]).includes(value);

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "roles.manage");
  const form = await request.formData();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const intent = field("intent");
  const actor = { id: user.id, email: user.email, name: user.displayName };
  if (intent === "appoint") {
    const values = { email: field("email").slice(0, MAX_EMAIL_LENGTH + 1), role: field("role") };
    const fail = (errors: FieldErrors) => data<ActionResult>({ errors, values }, { status: 400 });
    if (!isRole(values.role)) return fail({ role: "Choose the role to appoint them to" });
    const r = await appointRole(context.db, actor, { email: values.email, role: values.role }, { appUrl: context.env.appUrl });
    if (!r.ok) return fail({ email: r.message });
    return data<ActionResult>({ errors: {}, done: appointedBanner(r.name, values.role, r.replaced) });
  }
  if (intent === "remove") {
    const role = field("role");
    const userId = field("userId");
    if (!isRole(role)) return data<ActionResult>({ errors: { page: roleProblemMessages.not_holder } }, { status: 400 });
    const r = await removeRole(context.db, actor, { userId, role }, { appUrl: context.env.appUrl });
    if (!r.ok) return data<ActionResult>({ errors: { [`remove-${role}-${userId}`]: r.message } }, { status: 409 });
    return data<ActionResult>({ errors: {}, done: removedBanner(r.name, role) });
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function RolesPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const errors: FieldErrors = result?.errors ?? {};
  const v = result?.values ?? {};
  const ro = d.returningOfficer;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} fieldIds={{ role: "role-organiser", page: "holders-title" }} />
      {result?.done ? (
        <NotificationBanner title={result.done} kind="success">
          Recorded in the audit log, and they and the other organisers are emailed.
        </NotificationBanner>
      ) : null}
      <h1>Roles</h1>
      <p className="lead">Who runs what in the movement. Everyone else is a member.</p>

      <section aria-labelledby="ro-title">
        <h2 id="ro-title">Returning officer</h2>
        <p>{roleDescriptions.returning_officer}</p>
        {ro ? (
          <Holder holder={ro} office="returning_officer" canManage={d.canManage} errors={errors} busy={busy} />
        ) : (
          <p className="inset-text">
            There is no returning officer. Nobody can open, count or declare an election, or close a poll early, until{" "}
            {d.canManage ? "you appoint one below" : "an organiser appoints one"}.
          </p>
        )}
      </section>

      <section aria-labelledby="holders-title">
        <h2 id="holders-title">Organisers</h2>
        <p>{roleDescriptions.organiser}</p>
        <ul className="list">
          {d.organisers.map((o) => (
            <li key={o.id}>
              <Holder holder={o} office="organiser" canManage={d.canManage} errors={errors} busy={busy} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="rules-title">
        <h2 id="rules-title">Who may hold which roles</h2>
        <ul className="list">
          {d.rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
          <li>The movement always has at least one organiser: nobody can remove the last one, themselves included.</li>
          <li>
            Appointing a returning officer replaces the one there was. While an election is running, the returning officer can only be replaced, not removed.
          </li>
        </ul>
      </section>

      {d.canManage ? (
        <section aria-labelledby="appoint-title" className="panel">
          <h2 id="appoint-title">Appoint someone</h2>
          <p>They need an account: founding members and pledgers invited to vote have one. They are emailed, and the change takes effect on their next page.</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="appoint" />
            <Radios
              name="role"
              legend="Which role?"
              choices={[
                ["organiser", "Organiser"],
                ["returning_officer", ro ? `Returning officer (in place of ${ro.name})` : "Returning officer"],
              ]}
              checked={v.role}
              error={errors.role}
            />
            <TextField
              name="email"
              label="Their email address"
              hint="The address they sign in with."
              type="email"
              autoComplete="off"
              spellCheck={false}
              defaultValue={v.email}
              error={errors.email}
            />
            <button type="submit" className="button" disabled={busy}>
              Appoint
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

function Holder({
  holder: h,
  office: role,
  canManage,
  errors,
  busy,
}: {
  holder: { id: string; name: string; email: string | null; me: boolean; kept: RemovalProblem | null };
  office: AppointableRole;
  canManage: boolean;
  errors: FieldErrors;
  busy: boolean;
}) {
  const id = `remove-${role}-${h.id}`;
  const error = errors[id];
  return (
    <div className="role-holder">
      <p>
        <strong>{h.name}</strong>
        {h.me ? " (you)" : ""}
        {h.email ? `, ${h.email}` : ""}
      </p>
      {canManage ? (
        h.kept ? (
          <p className="hint">{roleProblemMessages[h.kept]}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="role" value={role} />
            <input type="hidden" name="userId" value={h.id} />
            <FieldError id={id} message={error} />
            <button type="submit" id={id} className="button button--secondary" disabled={busy} aria-describedby={error ? `${id}-error` : undefined}>
              Remove {h.me ? "yourself" : h.name} as {roleNames[role]}
            </button>
          </Form>
        )
      ) : null}
    </div>
  );
}
