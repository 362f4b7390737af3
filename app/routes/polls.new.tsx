import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useNavigation } from "@remix-run/react";
import { NewPollForm } from "~/modules/polls/components/new-poll/new-poll-form";
import { newPollAction, type NewPollAnswer } from "~/modules/polls/new-poll-actions.server";
import { newPollText as t } from "~/modules/polls/new-poll-messages";
import { respond } from "~/utils/action-answer.server";
import { requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: `${t.title} - Breakaway` }];

export function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "poll.manage");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "poll.manage");
  const done = await newPollAction(context.db, { id: user.id, label: user.email }, formValues(await request.formData()));
  return "created" in done ? redirect(`/polls/${done.created}`) : respond(done);
}

export default function NewPoll() {
  const result = useActionData<typeof action>() as NewPollAnswer | undefined;
  const busy = useNavigation().state === "submitting";
  return <NewPollForm errors={result?.errors ?? {}} values={result?.values ?? {}} sent={result !== undefined} busy={busy} />;
}
