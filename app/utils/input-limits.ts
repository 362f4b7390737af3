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

/**
 * The longest single "word" (a run without spaces) in prose that is counted in words: a word
 * limit cannot see one endless word. The longest English words are under 50 characters; 200
 * leaves room for a web address to a document or news story (most are 60 to 150).
 */
export const MAX_WORD_LENGTH = 200;

/** A clause's title: as the Markdown upload has always allowed; a title is a few words. */
export const MAX_CLAUSE_TITLE_LENGTH = 120;

/**
 * A clause's text, as an amendment proposes it (the whole new text, a replacement for some
 * lines, or a new clause) or as the committee's compromise. The longest model clause is about
 * 3,200 characters; 20,000 is six times that, some 3,000 words.
 */
export const MAX_CLAUSE_TEXT_LENGTH = 20_000;

/** The reason for an amendment: the standing orders allow 150 words, about 1,000 characters. */
export const MAX_AMENDMENT_REASON_LENGTH = 2_000;

/** A comment on a clause or an amendment: a few paragraphs. */
export const MAX_COMMENT_LENGTH = 2_000;

/** A candidate's statement: the standing orders allow 500 words, about 3,500 characters. */
export const MAX_CANDIDATE_STATEMENT_LENGTH = 5_000;

/** A hustings question (an answer may be twice as long): a question is a paragraph. */
export const MAX_HUSTINGS_QUESTION_LENGTH = 1_000;

/** The drafting committee's reasons for a recommendation: 150 words by the standing orders. */
export const MAX_RECOMMENDATION_REASONS_LENGTH = 2_000;

// ---------------------------------------------------------------------------------------------
// Work on stored text: text stored before the limits above existed (or by a future bug) must
// not make a page slow for everyone. Pages show stored text cut to its field's limit above, with
// a sentence saying so (constitution/shown-text.ts); the database keeps it whole. Above the
// figures below, the page shows the old and new text whole rather than word by word.
// ---------------------------------------------------------------------------------------------

/**
 * The old and new text of a change together, in characters, above which they are not compared
 * word by word. Two clauses at their limit (below) fit with room to spare; a word diff of this
 * much text takes milliseconds.
 */
export const WORD_DIFF_MAX_CHARACTERS = 100_000;

/**
 * The most words and spaces a word-by-word comparison may find changed before it gives up and
 * shows the change as old text removed and new text added. The diff's work grows with the text
 * times this figure, so it caps the work even for two unrelated texts just under the size above.
 */
export const WORD_DIFF_MAX_EDITS = 2_000;

// ---------------------------------------------------------------------------------------------
// Pledges
// ---------------------------------------------------------------------------------------------

/**
 * Days a pledge made with an already known address waits for its owner to follow the mailed
 * link, after which its details are dropped unused: long enough for someone away for a week,
 * short enough that a stranger's typing is not kept for long.
 */
export const PENDING_PLEDGE_DAYS = 7;

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

/** A constitution uploaded as Markdown: the model constitution is about 60 KB. */
export const MAX_CONSTITUTION_FILE_BYTES = 500_000;

/** An emblem image: the Commission's own guidance is a few hundred KB; photographs can be 5 MB. */
export const MAX_EMBLEM_FILE_BYTES = 5 * MiB;

// ---------------------------------------------------------------------------------------------
// Request bodies of the pages that take a file: the file's own limit plus room for the form
// around it (field names, the multipart envelope, a few short fields).
// ---------------------------------------------------------------------------------------------

const FORM_AROUND_FILE_BYTES = 1 * MiB;

/** Keyed by the page's path (a `.data` request is the same page's data). */
export const UPLOAD_BODY_BYTES: Readonly<Record<string, number>> = {
  "/campaign/import": MAX_IMPORT_FILE_BYTES + FORM_AROUND_FILE_BYTES,
  "/constitution/manage": MAX_CONSTITUTION_FILE_BYTES + FORM_AROUND_FILE_BYTES,
  "/registration/names": MAX_NAMES_FILE_BYTES + FORM_AROUND_FILE_BYTES,
  "/registration/emblems": MAX_EMBLEM_FILE_BYTES + FORM_AROUND_FILE_BYTES,
};
