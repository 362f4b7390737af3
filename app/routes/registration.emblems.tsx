import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, type FieldErrors, NotificationBanner } from "~/components/forms";
import { MAX_EMBLEMS } from "~/modules/registration/details";
import { emblemFileErrorMessages } from "~/modules/registration/readiness-messages";
import { emblemDoneMessages, emblemProblemMessages, uploadRefusedMessages } from "~/modules/registration/messages";
import { isSlot, listEmblems, MAX_EMBLEM_BYTES, removeEmblem, setEmblemAnswers, uploadEmblem } from "~/modules/registration/registration.server";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { readUploadForm } from "~/utils/upload-form.server";
import { formValues } from "~/utils/form-values";
import { EmblemSlot } from "~/modules/registration/components/emblems/emblem-slot";
import { emblemPageText as t } from "~/modules/registration/emblem-messages";
import { readEmblemAnswers } from "~/modules/registration/emblem-answers";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "registration.manage");
  const emblems = await listEmblems(context.db);
  return { emblems: emblems.map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() })) };
}

type ActionResult = { slot: number; errors: FieldErrors; values?: Record<string, string> };

const fail = (slot: number, errors: FieldErrors, values?: Record<string, string>, status = 400) => data<ActionResult>({ slot, errors, values }, { status });

/** The emblem an action is about, from the form's address (known before the body is read): 1 to 3, else null. */
function slotOf(request: Request): number | null {
  const raw = new URL(request.url).searchParams.get("slot") ?? "";
  return /^\d$/.test(raw) && isSlot(Number(raw)) ? Number(raw) : null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "registration.manage");
  const actor = { id: user.id, label: user.email };
  const slot = slotOf(request);
  if (slot === null) throw new Response(emblemProblemMessages.slot_invalid, { status: 400 });
  const field = `file-${slot}`;
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const read = await readUploadForm(request, context, MAX_EMBLEM_BYTES);
    if (!read.ok) {
      const message = read.problem === "too_big" ? emblemProblemMessages.file_too_big : uploadRefusedMessages[read.problem];
      return fail(slot, { [field]: message }, undefined, read.status);
    }
    const file = read.form.get("file");
    if (!file || typeof file === "string" || file.size === 0) return fail(slot, { [field]: emblemProblemMessages.file_missing });
    const r = await uploadEmblem(context.db, actor, { slot, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!r.ok) return fail(slot, { [field]: r.code === "not_image" && r.file ? emblemFileErrorMessages[r.file] : emblemProblemMessages[r.code] });
    return redirect(`/registration/emblems?done=${r.replaced ? "replaced" : "uploaded"}#emblem-${slot}`);
  }
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "remove") {
    const r = await removeEmblem(context.db, actor, slot);
    if (!r.ok) return fail(slot, { [field]: emblemProblemMessages[r.code] });
    return redirect("/registration/emblems?done=removed");
  }
  if (intent === "describe") {
    const read = readEmblemAnswers(formValues(form), slot);
    if (!read.ok) return fail(slot, read.errors, read.values);
    const { values, answers } = read;
    const r = await setEmblemAnswers(context.db, actor, slot, answers);
    if (!r.ok) return fail(slot, { [r.code === "text_size_invalid" ? `smallestTextPx-${slot}` : field]: emblemProblemMessages[r.code] }, values);
    return redirect(`/registration/emblems?done=described#emblem-${slot}`);
  }
  throw new Response(t.notUnderstood, { status: 400 });
}

export default function Emblems() {
  const { emblems } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
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
