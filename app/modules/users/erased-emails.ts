import { hashToken, normaliseEmail } from "~/modules/auth/tokens";

/** What is kept of a removed person's address: enough to recognise it, not to read it. */
export function erasedEmailHash(email: string): string {
  return hashToken(`erased:${normaliseEmail(email)}`);
}
