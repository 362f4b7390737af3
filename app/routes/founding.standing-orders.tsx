import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PlainMarkdown } from "~/modules/markdown/plain-markdown";
import { readConstitutionFile } from "~/modules/content/constitution-files.server";
import { withoutRulesBlock } from "~/modules/content/standing-order-rules";
import { standingOrdersPageText as t } from "~/modules/founding/page-messages";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.title} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const file = await readConstitutionFile("standing-orders.md");
  if (!file) throw new Response(t.notFound, { status: 404 });
  return { title: file.frontMatter.title ?? t.title, body: file.body };
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
