import { createContext, useContext } from "react";

/**
 * This request's script nonce, given by entry.server.tsx so that the page's own scripts carry it
 * and the content security policy runs nothing else. In the browser it is empty: the scripts are
 * already running, and browsers hide a nonce from the page anyway.
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
