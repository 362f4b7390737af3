import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { signInRequests } from "../../../db/schema";
import { decideRate, SIGN_IN_WINDOW_MINUTES, type RateDecision, type RateLimits } from "./rate-limit";
import { keyedHash } from "./tokens";

/**
 * Counts and records a request that sends mail to an address someone typed (a sign-in link, a
 * pledge confirmation), per address and per client address, in the database so that the limits
 * hold across app servers. Both are kept as keyed hashes (HMAC with APP_SECRET), never as they
 * are. A transaction-scoped lock per address stops parallel requests from all slipping under the
 * limit for that address; the overall count (every scope, every client address) may be passed by
 * as many requests as arrive in the same instant, which is what it is for: a ceiling, not a queue.
 * Rows older than a day are pruned as we go: they are for counting.
 */
export async function checkAndRecordRequest(
  tx: DbOrTx,
  input: { scope: "sign-in" | "pledge" | "email-change"; email: string; ip: string; limits: RateLimits; secret: string },
): Promise<RateDecision> {
  const emailHash = keyedHash(input.secret, `${input.scope}:email:${input.email}`);
  const ipHash = keyedHash(input.secret, `${input.scope}:ip:${input.ip}`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${emailHash}))`);
  const since = sql`now() - make_interval(mins => ${SIGN_IN_WINDOW_MINUTES})`;
  const [byEmail] = await tx
    .select({ n: count() })
    .from(signInRequests)
    .where(and(eq(signInRequests.emailHash, emailHash), gt(signInRequests.createdAt, since)));
  const [byIp] = await tx
    .select({ n: count() })
    .from(signInRequests)
    .where(and(eq(signInRequests.ipHash, ipHash), gt(signInRequests.createdAt, since)));
  const [overall] = await tx.select({ n: count() }).from(signInRequests).where(gt(signInRequests.createdAt, since));
  const decision = decideRate({ email: byEmail?.n ?? 0, ip: byIp?.n ?? 0, overall: overall?.n ?? 0 }, input.limits);
  if (!decision.allowed) return decision;
  await tx.insert(signInRequests).values({ emailHash, ipHash });
  await tx.delete(signInRequests).where(lt(signInRequests.createdAt, sql`now() - interval '1 day'`));
  return decision;
}
