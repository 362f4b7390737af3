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
// Text fields: characters, checked before anything else is done with the text. Word limits set by
// the standing orders still apply on top; these stop what a word count cannot see (one endless
// "word", a megabyte of spaces).
// ---------------------------------------------------------------------------------------------

/**
 * An e-mail address. 254 is the longest address mail can be delivered to (RFC 5321's 256-octet
 * path less its angle brackets), and the forms already refused longer ones.
 */
export const MAX_EMAIL_LENGTH = 254;
