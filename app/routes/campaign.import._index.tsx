import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Preview } from "~/modules/pledges/components/import-page/preview";
import { UploadPledges } from "~/modules/pledges/components/import-page/upload";
import { importPageText as t } from "~/modules/pledges/import-messages";
import { importPageView, mappingAction, unreadableUpload, uploadPledgeFile, type ImportAnswer } from "~/modules/pledges/import-page.server";
import { respond } from "~/utils/action-answer.server";
import { requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";
import { MAX_IMPORT_FILE_BYTES } from "~/utils/input-limits";
import { readUploadForm } from "~/utils/upload-form.server";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "pledges.manage");
  const view = await importPageView(context.db, new URL(request.url).searchParams.get("import"));
  if (view.missing) throw new Response(t.noSuchImport, { status: 404 });
  if (view.goTo) throw redirect(view.goTo);
  return view;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "pledges.manage");
  const actor = { id: user.id, label: user.email };
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const read = await readUploadForm(request, context, MAX_IMPORT_FILE_BYTES);
    if (!read.ok) return respond(unreadableUpload(read.problem, read.status));
    const done = await uploadPledgeFile(context.db, actor, read.form.get("file"));
    return "goTo" in done ? redirect(done.goTo) : respond(done);
  }
  const done = await mappingAction(context.db, actor, formValues(await request.formData()));
  if (!done) throw new Response(t.notUnderstood, { status: 400 });
  if (done === "missing") throw new Response(t.noSuchImport, { status: 404 });
  return "goTo" in done ? redirect(done.goTo) : respond(done);
}

export default function ImportPledges() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ImportAnswer | undefined;
  const busy = useNavigation().state === "submitting";
  const preview = result?.stage === "preview" ? result.preview : loaded.stage === "preview" ? loaded.preview : null;
  if (preview)
    return (
      <Preview
        preview={preview}
        errors={result?.stage === "preview" ? result.errors : {}}
        attempted={result?.stage === "preview" && result.attempted}
        busy={busy}
      />
    );
  return (
    <UploadPledges
      errors={result?.stage === "upload" ? result.errors : {}}
      imports={loaded.stage === "upload" ? loaded.imports : []}
      exportRows={loaded.stage === "upload" ? loaded.exportRows : 0}
      busy={busy}
    />
  );
}
