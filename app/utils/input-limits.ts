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
// Files: checked while the file is read, so a hostile file is refused before it costs anything.
// ---------------------------------------------------------------------------------------------

/** A pledge CSV file: about 200,000 rows of a sign-up form's export. */
export const MAX_IMPORT_FILE_BYTES = 30 * MiB;
/**
 * Rows in a pledge CSV. 30 MB of real exports is about 200,000 rows; more rows than that in 30 MB
 * are nearly empty and not a sign-up export.
 */
export const MAX_IMPORT_ROWS = 250_000;
/**
 * Columns in any CSV file we read. The widest real export (NationBuilder's full export) has a
 * few hundred columns; every column becomes a choice on the preview form, so this also bounds it.
 */
export const MAX_CSV_COLUMNS = 500;
/**
 * Characters in one record (one row, which quotes may spread over several lines): 500 columns of
 * 128 characters each. A longer row is not a sign-up or a register entry.
 */
export const MAX_CSV_RECORD_CHARS = 64 * KiB;

/** The Commission's registers hold a few hundred parties; a file of more rows is not that list. */
export const MAX_NAME_ROWS = 5000;
/** A registered name is at most six words: a longer cell is not a name, and its row is skipped. */
export const MAX_NAME_LENGTH = 200;
/** The register column is a short label ("Great Britain"); anything longer is cut to this. */
export const MAX_REGISTER_LENGTH = 100;
/** The list of registered names as a CSV file. */
export const MAX_NAMES_FILE_BYTES = 5 * MiB;

/** Rows of a pledge file shown on its preview page (the rest are only counted). */
export const PREVIEW_ROWS = 10;
/** Rows with problems listed on the preview page (all of them are in the errors download). */
export const PREVIEW_LISTED_ERRORS = 20;
/** Characters of one cell or column name shown on the preview page; longer ones end in "…". */
export const PREVIEW_CELL_CHARS = 200;

/** Characters of an uploaded file's name that are kept (it is shown back, never used as a path). */
export const MAX_FILE_NAME_CHARS = 200;
