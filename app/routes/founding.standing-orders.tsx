import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PlainMarkdown } from "~/modules/markdown/plain-markdown";
import { readConstitutionFile } from "~/modules/content/constitution-files.server";
import { withoutRulesBlock } from "~/modules/content/standing-order-rules";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Interim standing orders - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const file = await readConstitutionFile("standing-orders.md");
  if (!file) throw new Response("Not found", { status: 404 });
  return { title: file.frontMatter.title ?? "Interim standing orders", body: file.body };
}

export default function StandingOrders() {
  const { title, body } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      <PlainMarkdown
        text={withoutRulesBlock(body)
          .trimStart()
          .replace(/^#\s.*\n/, "")}
      />
    </div>
  );
}
