import { randomBytes } from "node:crypto";
import { setBallotSecret } from "../app/modules/polls/encrypted/ballot-keys.server";

/**
 * One secret per run, for the benchmark's process and every server it starts: a poll opened here
 * (its ballot keys derived from the secret, decision 044) is cast in and closed by the servers.
 */
export const benchSecret = process.env.APP_SECRET || randomBytes(32).toString("hex");
setBallotSecret(benchSecret);
