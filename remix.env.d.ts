/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
import type { AppContext } from "./app/utils/context.server";

// AppLoadContext is declared in server-runtime and re-exported by @remix-run/node.
declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppContext {}
  interface Future {
    v3_singleFetch: true;
  }
}

// Without this export the declarations above would hide every export of @remix-run/node.
export {};
