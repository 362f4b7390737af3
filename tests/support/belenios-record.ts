import { ArchiveWriter } from "~/modules/belenios/archive";
import type { TalliedBallots } from "~/modules/belenios/record";
import type { Election } from "~/modules/belenios/types";

/** A record up to its encrypted tally (Setup, Ballot..., EndBallots, EncryptedTally): where trustees shuffle and decrypt. */
export function recordUpToTally(p: {
  election: Election;
  trusteesRaw: string;
  credentialsRaw: string;
  ballots: readonly string[];
  tallied: TalliedBallots;
}): ArchiveWriter {
  const w = new ArchiveWriter(1_800_000_000n);
  w.setup(p.election.raw, p.trusteesRaw, p.credentialsRaw);
  p.ballots.forEach((b) => w.ballot(b));
  w.endBallots();
  w.encryptedTally(p.tallied.tallyRaw, p.tallied.sizedRaw);
  return w;
}
