/** Limits on requests for sign-in links, per 15 minutes. */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_LINKS_PER_EMAIL = 3;
export const MAX_LINKS_PER_IP = 20;

export type RateDecision = { allowed: true } | { allowed: false; limitedBy: "email" | "ip" };

export function decideRate(recentForEmail: number, recentForIp: number): RateDecision {
  if (recentForIp >= MAX_LINKS_PER_IP) return { allowed: false, limitedBy: "ip" };
  if (recentForEmail >= MAX_LINKS_PER_EMAIL) return { allowed: false, limitedBy: "email" };
  return { allowed: true };
}
