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
// "word", a megabyte of spaces). Every field is checked by text-limits.ts: its length, then the
// characters it may hold (no control characters or direction overrides anywhere; in names,
// titles and labels no line ends or invisible spaces either), then its longest word.
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

/**
 * The reason for an amendment, in characters. The standing orders limit it in words
 * (`amendment_statement_max_words`, 150 in the model); this is room for that many long words.
 */
export const MAX_AMENDMENT_REASON_LENGTH = 2_000;

/** A comment on a clause or an amendment: a few paragraphs. */
export const MAX_COMMENT_LENGTH = 2_000;

/**
 * A candidate's statement, in characters. The standing orders limit it in words
 * (`candidate_statement_max_words`, 500 in the model); this is room for that many words.
 */
export const MAX_CANDIDATE_STATEMENT_LENGTH = 5_000;

/** The version of the privacy notice a pledge was given under, in an imported file. */
export const MAX_CONSENT_VERSION_LENGTH = 120;

/** The most supporters organisers may ask an amendment to need. */
export const MAX_SUPPORTERS_NEEDED = 1_000;

/** A hustings question (an answer may be twice as long): a question is a paragraph. */
export const MAX_HUSTINGS_QUESTION_LENGTH = 1_000;

/** The drafting committee's reasons for a recommendation, in characters (`recommendation_max_words` limits the words). */
export const MAX_RECOMMENDATION_REASONS_LENGTH = 2_000;

/**
 * Every other free-text field, by kind. Names, titles and labels are one line ("name" in
 * text-limits.ts: no control, line-end or invisible characters); the rest are prose.
 */

/** A person's name as others see it (a pledge): the longest British names are under 60 characters. */
export const MAX_PERSON_NAME_LENGTH = 120;

/**
 * A registered officer's full legal name, as the Electoral Commission's form asks for it (every
 * given name spelt out), so longer than the name people go by.
 */
export const MAX_FULL_NAME_LENGTH = 200;

/** The movement's and the party's names on the campaign pages: a name is a few words. */
export const MAX_PARTY_NAME_LENGTH = 120;

/**
 * Registration: the party's name and its Welsh or Irish form, each description and its form,
 * an office's title, an accounting unit's name, an address line. The Commission allows a name of
 * six words and a description of six; 200 leaves room for long Welsh words.
 */
export const MAX_REGISTRATION_LINE_LENGTH = 200;

/** A town in an address: the longest British place name is 58 characters. */
export const MAX_TOWN_LENGTH = 100;

/** A UK postcode is at most 8 characters with its space; 20 forgives extra spaces. */
export const MAX_POSTCODE_LENGTH = 20;

/** A telephone number, with spaces, brackets and an international prefix. */
export const MAX_PHONE_LENGTH = 40;

/** A membership number of the party people are leaving: numbers and letters, a few dozen at most. */
export const MAX_MEMBERSHIP_NUMBER_LENGTH = 40;

/** Where the party has no single leader, the purpose for which its leader leads: a sentence or two. */
export const MAX_LEADER_PURPOSE_LENGTH = 300;

/** What "other assets" or "other liabilities" are, in the treasurer's short record: a few lines. */
export const MAX_ASSETS_DETAIL_LENGTH = 500;

/** An officer's home address, several lines: the longest real addresses are under 300 characters. */
export const MAX_HOME_ADDRESS_LENGTH = 1_000;

/**
 * The financial scheme organisers may edit and save. The model scheme is under 10,000
 * characters; ten times that is far beyond any real scheme and still a small page.
 */
export const MAX_FINANCIAL_SCHEME_LENGTH = 100_000;

/** A poll's or an election's title: as long as a ballot heading can be read. */
export const MAX_POLL_TITLE_LENGTH = 200;

/** A poll's description: a few paragraphs above the ballot. */
export const MAX_POLL_DESCRIPTION_LENGTH = 2_000;

/**
 * A ballot option or candidate's label, stored as typed and written into the ballot, the BLT
 * file and the PDF: a name or a short phrase.
 */
export const MAX_OPTION_LABEL_LENGTH = 200;

/** Options on one ballot: nobody can rank more than a hundred; a ballot that long is unreadable. */
export const MAX_POLL_OPTIONS = 100;

/** An election position's title ("Treasurer", "Interim committee"): as an option label. */
export const MAX_POSITION_TITLE_LENGTH = 200;

/** Who may stand for a position, as its page says: a short paragraph. */
export const MAX_ELIGIBILITY_LENGTH = 1_000;

/** A candidate's answer to a hustings question: twice the question. */
export const MAX_HUSTINGS_ANSWER_LENGTH = 2 * MAX_HUSTINGS_QUESTION_LENGTH;

/**
 * The reason an officer gives for closing a ballot early or opening ballots before nominations
 * close, kept in the audit log: a sentence or two.
 */
export const MAX_OFFICIAL_REASON_LENGTH = 500;

/**
 * The reason given for a correction on the record (decision 028): extending the campaign's
 * deadline or a poll's closing time, cancelling a poll, withdrawing an invitation. Kept in the
 * audit log, shown on the page and in the founding record: a sentence or two.
 */
export const MAX_CORRECTION_REASON_LENGTH = 500;

/** The campaign's statement on its front page: a few paragraphs. */
export const MAX_CAMPAIGN_STATEMENT_LENGTH = 2_000;

/** A demand's title: a line. */
export const MAX_DEMAND_TITLE_LENGTH = 200;

/** What a demand asks for, and the note on the party's response to it: a few paragraphs each. */
export const MAX_DEMAND_TEXT_LENGTH = 2_000;

/**
 * A web address given as evidence: browsers and servers commonly stop at about 2,000
 * characters, so a longer one would not open anyway.
 */
export const MAX_WEB_ADDRESS_LENGTH = 2_000;

/**
 * Text typed only to look something up, never stored: a search for a founding member to nominate
 * and a ballot receipt to check. Longer than any name or receipt, so a longer search is cut to
 * this and a longer receipt matches nothing, without asking the database.
 */
export const MAX_LOOKUP_LENGTH = 100;

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
// Requests that send mail to an address someone typed (sign-in links, pledge confirmations),
// counted over the last SIGN_IN_WINDOW_MINUTES (decision 031). A founding meeting of a few hundred
// people on one venue's wi-fi shares one client address, so the limit per client address is set
// for a meeting, not for one household; the limit per e-mail address and the overall limit are
// what stop one address being flooded and the mail sender being used as a weapon.
// ---------------------------------------------------------------------------------------------

/** The window the request limits below count over, in minutes (as long as a sign-in link lasts). */
export const SIGN_IN_WINDOW_MINUTES = 15;

/** Sign-in links for one e-mail address: a person who lost two links can still ask for a third. */
export const MAX_LINKS_PER_EMAIL = 3;

/**
 * Sign-in links from one client address: a meeting of 200 on one wi-fi, each asking twice, with
 * room to spare. (It was 20, which locked out a founding meeting.)
 */
export const MAX_LINKS_PER_IP = 500;

/** Pledges with one e-mail address. */
export const MAX_PLEDGES_PER_EMAIL = 3;

/** Pledges from one client address: a stall with one wi-fi connection signing people up. */
export const MAX_PLEDGES_PER_IP = 60;

/**
 * Every mail-sending request (sign-in links and pledges together) from all client addresses: ten
 * meetings at once, and what a small mail account can send in a quarter of an hour.
 */
export const MAX_MAIL_REQUESTS_OVERALL = 5_000;

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
// Request bodies of the pages that take a file, for someone allowed to use the page (anyone else
// gets the default above, so nobody else can make the server hold more than 1 MB): twice the file's
// own limit, so that a file somewhat too large still reaches the page, which says on the form
// how large a file may be, and only a body far past it gets the bare refusal.
// ---------------------------------------------------------------------------------------------

/** A poll's named trustees (decision 045): every one must decrypt, and each ranked shuffle waits for the one before. */
export const MAX_TRUSTEES = 7;

/**
 * A trustee's shuffle or share of the decryption (decision 045), sent whole: about 5 KB per ranked
 * ballot in a shuffle, so some 6,000 rankings at most; a Yes/No share is a few KB.
 */
export const MAX_TRUSTEE_SHARE_BYTES = 32 * MiB;

/** Keyed by the page's path (a `.data` request is the same page's data); a poll's id is `:pollId`. */
export const UPLOAD_BODY_BYTES: Readonly<Record<string, number>> = {
  "/polls/:pollId/trustee": MAX_TRUSTEE_SHARE_BYTES,
  "/campaign/import": 2 * MAX_IMPORT_FILE_BYTES,
  "/constitution/manage": 2 * MiB,
  "/registration/names": 2 * MAX_NAMES_FILE_BYTES,
  "/registration/emblems": 2 * MAX_EMBLEM_FILE_BYTES,
};
