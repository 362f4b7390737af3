import type { LoaderFunctionArgs } from "@remix-run/node";
import { emblemImage } from "~/modules/registration/registration.server";
import { emblemImageMissing } from "~/modules/registration/messages";
import { requirePermission } from "~/utils/auth.server";

/** An uploaded emblem's image, for organisers' previews. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(request, context, "registration.manage");
  const image = await emblemImage(context.db, Number(params.slot));
  if (!image) throw new Response(emblemImageMissing, { status: 404 });
  // A copy: the driver's buffer type is wider than a Response body accepts.
  return new Response(new Uint8Array(image.data), {
    headers: {
      "Content-Type": image.mimeType,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      // An uploaded SVG must not run script in the app's origin if opened on its own.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
