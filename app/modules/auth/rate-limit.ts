import {
  MAX_LINKS_PER_EMAIL,
  MAX_LINKS_PER_IP,
  MAX_MAIL_REQUESTS_OVERALL,
  MAX_PLEDGES_PER_EMAIL,
  MAX_PLEDGES_PER_IP,
  SIGN_IN_WINDOW_MINUTES,
} from "~/utils/input-limits";

/** The figures live with every other limit, in app/utils/input-limits.ts (decision 031). */
export { MAX_LINKS_PER_EMAIL, MAX_LINKS_PER_IP, MAX_MAIL_REQUESTS_OVERALL, MAX_PLEDGES_PER_EMAIL, MAX_PLEDGES_PER_IP, SIGN_IN_WINDOW_MINUTES };

export type LimitedBy = "email" | "ip" | "overall";
export type RateDecision = { allowed: true } | { allowed: false; limitedBy: LimitedBy };

export type RateLimits = { maxPerEmail: number; maxPerIp: number; maxOverall: number };

/** Recent requests, counted over the window: for this e-mail address, this client address, and everyone. */
export type RecentRequests = { email: number; ip: number; overall: number };

export function decideRate(
  recent: RecentRequests,
  limits: RateLimits = { maxPerEmail: MAX_LINKS_PER_EMAIL, maxPerIp: MAX_LINKS_PER_IP, maxOverall: MAX_MAIL_REQUESTS_OVERALL },
): RateDecision {
  if (recent.overall >= limits.maxOverall) return { allowed: false, limitedBy: "overall" };
  if (recent.ip >= limits.maxPerIp) return { allowed: false, limitedBy: "ip" };
  if (recent.email >= limits.maxPerEmail) return { allowed: false, limitedBy: "email" };
  return { allowed: true };
}
