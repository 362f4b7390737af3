import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmCheckbox, ErrorSummary, type FieldErrors } from "~/components/forms";
import { getFoundingMembership, leaveFoundingRoll } from "~/modules/founding/founding.server";
import { foundingMessages, leavingRollMessages as t } from "~/modules/founding/wording";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.title} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "founding.take_part");
  const membership = await getFoundingMembership(context.db, user.id);
  if (membership?.leftAt) return { state: "left" as const, leftAt: membership.leftAt.toISOString() };
  if (membership?.acceptedAt) return { state: "member" as const, membershipNumber: membership.membershipNumber };
  return { state: "not-member" as const };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "founding.take_part");
  const form = await request.formData();
  if (form.get("confirmLeave") !== "yes") return data<{ errors: FieldErrors }>({ errors: { confirmLeave: t.confirmMissing } }, { status: 400 });
  const result = await leaveFoundingRoll(context.db, user);
  if (!result.ok && result.code !== "already_left")
    return data<{ errors: FieldErrors }>({ errors: { confirmLeave: foundingMessages[result.code] } }, { status: 409 });
  return redirect("/founding/leave");
}

export default function LeaveFoundingRoll() {
  const d = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors ?? {};
  if (d.state !== "member") {
    const lines = d.state === "left" ? [t.done(new Date(d.leftAt)), t.stillSignedIn] : [t.notMember];
    return (
      <div className="page page--narrow">
        <h1>{d.state === "left" ? t.doneTitle : t.title}</h1>
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p>
          <Link to="/founding">{t.back}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} />
      <h1>{t.title}</h1>
      <p className="lead">{t.areYouSure(d.membershipNumber)}</p>
      <p>{t.warning}</p>
      <p>{t.stillSignedIn}</p>
      <Form method="post" noValidate>
        <ConfirmCheckbox name="confirmLeave" label={t.confirmLabel} error={errors.confirmLeave} />
        <div className="button-group">
          <button type="submit" className="button button--warning">
            {t.confirm}
          </button>
          <Link to="/founding" className="button button--secondary">
            {t.cancel}
          </Link>
        </div>
      </Form>
    </div>
  );
}
