/** Limits on requests for sign-in links, per 15 minutes. */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_LINKS_PER_EMAIL = 3;
export const MAX_LINKS_PER_IP = 20;

export type RateDecision = { allowed: true } | { allowed: false; limitedBy: "email" | "ip" };

export function decideRate(
  recentForEmail: number,
  recentForIp: number,
  limits: { maxPerEmail: number; maxPerIp: number } = { maxPerEmail: MAX_LINKS_PER_EMAIL, maxPerIp: MAX_LINKS_PER_IP },
): RateDecision {
  if (recentForIp >= limits.maxPerIp) return { allowed: false, limitedBy: "ip" };
  if (recentForEmail >= limits.maxPerEmail) return { allowed: false, limitedBy: "email" };
  return { allowed: true };
}

/** Pledges: a stall with one wi-fi connection may sign up many people, one address few times. */
export const MAX_PLEDGES_PER_EMAIL = 3;
export const MAX_PLEDGES_PER_IP = 60;
