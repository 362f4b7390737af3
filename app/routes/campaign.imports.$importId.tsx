import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ImportProgress } from "~/modules/pledges/components/import-progress/progress";
import { importProgressText as t } from "~/modules/pledges/import-messages";
import { importProgressView, restartFromPage, type RestartAnswer } from "~/modules/pledges/import-page.server";
import { respond } from "~/utils/action-answer.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireUser(request, context, "pledges.manage");
  const imp = await importProgressView(context.db, params.importId ?? "");
  if (!imp) throw new Response(t.noSuchImport, { status: 404 });
  return imp;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "pledges.manage");
  const form = await request.formData();
  if (form.get("intent") !== "restart") throw new Response(t.notUnderstood, { status: 400 });
  const done = await restartFromPage(context.db, { id: user.id, label: user.email }, params.importId ?? "");
  return "goTo" in done ? redirect(done.goTo) : respond(done);
}

export default function ImportProgressPage() {
  const imp = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as RestartAnswer | undefined;
  const busy = useNavigation().state === "submitting";
  return <ImportProgress imp={imp} errors={result?.errors ?? {}} busy={busy} />;
}
