/**
 * Closing times the standing orders allow (ballot_min_open_days 7, nomination_days 14), with an
 * hour to spare: tests that need a poll closed close it early with a reason, as the returning
 * officer would, or move its closing time into the past in the database.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A ballot's closing time the standing orders accept: 7 days and an hour from now. */
export const ballotCloses = () => new Date(Date.now() + 7 * DAY + HOUR);

/** Nominations' closing time the standing orders accept, for nominations opening at `opensAt`. */
export const nominationsClose = (opensAt: Date) => new Date(opensAt.getTime() + 14 * DAY + HOUR);
