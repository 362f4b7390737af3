/**
 * Every limit on what people send, in one place (docs/decisions/026-limits-and-logging.md). The
 * operator guide lists the same figures; a test keeps the two in step.
 *
 * The figures are chosen for real use with room to spare, so that nobody doing honest work meets
 * one, and low enough that no request can make the server slow for anyone else.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

// ---------------------------------------------------------------------------------------------
// Request bodies: counted on the bytes actually read, before anything parses them.
// ---------------------------------------------------------------------------------------------

/** Any form, when its page has no larger limit below. */
export const DEFAULT_BODY_BYTES = 1 * MiB;

/**
 * Pages that take a file, and so a larger body: the file's own limit plus room for the form
 * around it. Keyed by the page's path (a `.data` request is the same page's data).
 */
export const UPLOAD_BODY_BYTES: Readonly<Record<string, number>> = {
  "/campaign/import": 31 * MiB,
  "/constitution/manage": 2 * MiB,
  "/registration/names": 5 * MiB + 64 * KiB,
  "/registration/emblems": 5 * MiB + 64 * KiB,
};

/** Parts in one multipart body: a form with a file has a handful. */
export const MAX_FORM_PARTS = 1000;

// ---------------------------------------------------------------------------------------------
// Pledges
// ---------------------------------------------------------------------------------------------

/**
 * Days a pledge made with an already known address waits for its owner to follow the mailed
 * link, after which its details are dropped unused: long enough for someone away for a week,
 * short enough that a stranger's typing is not kept for long.
 */
export const PENDING_PLEDGE_DAYS = 7;
