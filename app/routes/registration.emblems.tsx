import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, NotificationBanner } from "~/components/forms";
import { MAX_EMBLEMS } from "~/modules/registration/details";
import { emblemAction, type EmblemAnswer } from "~/modules/registration/emblem-actions.server";
import { emblemsPageView } from "~/modules/registration/emblem-view.server";
import { emblemDoneMessages, emblemProblemMessages } from "~/modules/registration/messages";
import { isSlot, MAX_EMBLEM_BYTES } from "~/modules/registration/registration.server";
import { respond } from "~/utils/action-answer.server";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { readUploadForm } from "~/utils/upload-form.server";
import { formValues } from "~/utils/form-values";
import { EmblemSlot } from "~/modules/registration/components/emblems/emblem-slot";
import { emblemPageText as t } from "~/modules/registration/emblem-messages";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "registration.manage");
  return emblemsPageView(context.db);
}

/** The emblem an action is about, from the form's address (known before the body is read): 1 to 3, else null. */
function slotOf(request: Request): number | null {
  const raw = new URL(request.url).searchParams.get("slot") ?? "";
  return /^\d$/.test(raw) && isSlot(Number(raw)) ? Number(raw) : null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "registration.manage");
  const slot = slotOf(request);
  if (slot === null) throw new Response(emblemProblemMessages.slot_invalid, { status: 400 });
  const sent = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")
    ? { upload: await readUploadForm(request, context, MAX_EMBLEM_BYTES) }
    : { values: formValues(await request.formData()) };
  const done = await emblemAction(context.db, { id: user.id, label: user.email }, slot, sent);
  if (!done) throw new Response(t.notUnderstood, { status: 400 });
  return "goTo" in done ? redirect(done.goTo) : respond(done);
}

export default function Emblems() {
  const { emblems } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as EmblemAnswer | undefined;
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const done = emblemDoneMessages[params.get("done") ?? ""];
  const slots = Array.from({ length: MAX_EMBLEMS }, (_, i) => i + 1);
  const firstChoice = Object.fromEntries(
    slots.flatMap((s) => [
      [`hasPicture-${s}`, `hasPicture-${s}-yes`],
      [`hasText-${s}`, `hasText-${s}-yes`],
    ]),
  );
  return (
    <div className="page">
      <p>
        <Link to="/registration">{t.registration}</Link>
      </p>
      <h1>{t.title}</h1>
      {result ? <ErrorSummary errors={result.errors} fieldIds={firstChoice} /> : null}
      {done && !result ? (
        <NotificationBanner title={t.done} kind="success">
          <p>{done}</p>
        </NotificationBanner>
      ) : null}
      <p className="lead">{t.lead}</p>
      {slots.map((slot) => (
        <EmblemSlot
          key={`${slot}:${emblems.find((x) => x.slot === slot)?.uploadedAt ?? ""}:${JSON.stringify(result?.slot === slot ? (result.values ?? {}) : {})}`}
          slot={slot}
          emblem={emblems.find((x) => x.slot === slot)}
          errors={result?.slot === slot ? result.errors : {}}
          values={result?.slot === slot ? result.values : undefined}
          busy={busy}
        />
      ))}
    </div>
  );
}
