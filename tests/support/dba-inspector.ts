import postgres from "postgres";
import { pairByPlace, pairByTransaction, type AttackMethod, type Knowledge, type RecoveredPair, type SeenRow } from "./dba/pairing";
import {
  decodeRecord,
  decodeTuple,
  HEAP_PAGE_SIZE,
  insertedTuples,
  pageTuples,
  parseLsn,
  recordPieces,
  RM_HEAP,
  RM_HEAP2,
  walFileName,
  WAL_PAGE_SIZE,
  type ColumnShape,
  type RawTuple,
} from "./dba/wal-decoding";

export type { AttackMethod, Plaintext, RecoveredPair } from "./dba/pairing";

/**
 * The database administrator's attack on a poll's secrecy (issue 17). With a superuser's SQL
 * and nothing else (no app code, no file system outside what SQL reads), it tries to pair the
 * poll's voters with their choices:
 * - xmin: rows written by one transaction carry its id, the voter's mark and the ballot alike;
 * - ctid: marks and ballots lie on disk in the order they were written;
 * - disk: a deleted or updated row stays in its table's pages, with its xmin, until vacuum
 *   reclaims it (the close's rewrite deletes rows): `pageinspect` reads the raw pages;
 * - wal: the write-ahead log keeps every inserted row with its transaction id, after the tables
 *   are rewritten at close too (and in every archived segment, base backup and replica):
 *   `pg_walinspect` lists the records, `pg_read_binary_file` reads them from pg_wal, and the
 *   rows are rebuilt from their bytes (from the record, or from a full-page image, which also
 *   gives every older row on that page with its xmin).
 * PostgreSQL 15 has no function that returns a record's tuples (pg_get_wal_block_info came in 16),
 * hence the byte-level decoding in dba/wal-decoding.ts.
 * It looks at every table with a `poll_id` column (but the ballot paper, poll_options), and
 * reports any plaintext choice or ranking it can tie to a member id: see dba/pairing.ts for
 * what counts as plaintext and when a pairing holds.
 */
export async function inspectAsDba(databaseUrl: string, pollId: string, options: { walFrom?: string } = {}): Promise<Inspection> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const knowledge = await whatTheAttackerKnows(sql, pollId);
    const tables = await tablesOfPolls(sql);
    const live = await liveRows(sql, tables, pollId);
    const disk = await diskRows(sql, tables, pollId);
    const wal = await walRows(sql, tables, pollId, options.walFrom);
    const pairs = dedupe([
      ...pairByTransaction(live, knowledge, "xmin"),
      ...pairByPlace(live, knowledge),
      ...pairByTransaction(disk, knowledge, "disk"),
      ...pairByTransaction(wal.rows, knowledge, "wal"),
    ]);
    return {
      pairs,
      liveRows: live.length,
      diskRows: disk.length,
      walRecords: wal.records,
      walRows: wal.rows.length,
      walImages: wal.images,
      skipped: wal.skipped,
    };
  } finally {
    await sql.end();
  }
}

export interface Inspection {
  pairs: RecoveredPair[];
  /** Rows of the poll read from the tables as they are. */
  liveRows: number;
  /** Rows of the poll read from the tables' files, deleted ones not yet reclaimed included. */
  diskRows: number;
  /** WAL records read (inserts into, and full-page images of, the tables of polls). */
  walRecords: number;
  /** Rows of the poll rebuilt from those records. */
  walRows: number;
  /** Full-page images of those tables read from the records (each one's rows, old and new, with their xmin). */
  walImages: number;
  /** Records that could not be read (a compressed page image, a table rewritten since): how many. */
  skipped: number;
}

type Sql = postgres.Sql;

/** The members (every user id) and the poll's ballot paper, which any administrator can read. */
async function whatTheAttackerKnows(sql: Sql, pollId: string): Promise<Knowledge> {
  const members = await sql<{ id: string }[]>`select id::text as id from users`;
  const options = await sql<{ label: string }[]>`select label from poll_options where poll_id = ${pollId}::uuid`;
  return {
    memberIds: new Set(members.map((m) => m.id.toLowerCase())),
    choiceWords: new Set(["yes", "no", "abstain", ...options.map((o) => o.label.toLowerCase())]),
    optionCount: options.length,
  };
}

interface TableShape {
  name: string;
  relfilenode: number;
  columns: ColumnShape[];
}

/** Every ordinary table with a poll_id column, with what it takes to read its tuples' bytes. */
async function tablesOfPolls(sql: Sql): Promise<TableShape[]> {
  const rows = await sql<{ name: string; relfilenode: number; columns: ColumnShape[] }[]>`
    select format('%I.%I', n.nspname, c.relname) as name, c.relfilenode::int as relfilenode,
      (select json_agg(json_build_object('name', a.attname, 'type', t.typname, 'length', a.attlen, 'align', a.attalign, 'dropped', a.attisdropped) order by a.attnum)
       from pg_attribute a left join pg_type t on t.oid = a.atttypid
       where a.attrelid = c.oid and a.attnum > 0) as columns
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
      and c.relname <> 'poll_options'
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'poll_id' and not a.attisdropped)`;
  return rows.map((r) => ({ ...r, columns: typeof r.columns === "string" ? (JSON.parse(r.columns) as ColumnShape[]) : r.columns }));
}

/** The poll's rows as they are now, each with the transaction that wrote it and its place on disk. */
async function liveRows(sql: Sql, tables: readonly TableShape[], pollId: string): Promise<SeenRow[]> {
  const out: SeenRow[] = [];
  for (const table of tables) {
    const rows = await sql.unsafe<{ xid: string; place: string; json: string }[]>(
      `select xmin::text as xid, ctid::text as place, row_to_json(t)::text as json from ${table.name} t where poll_id = $1::uuid`,
      [pollId],
    );
    for (const r of rows) {
      const [block, line] = r.place.slice(1, -1).split(",").map(Number);
      out.push({ table: table.name, xid: r.xid, place: [block!, line!], values: JSON.parse(r.json) as Record<string, unknown> });
    }
  }
  return out;
}

/**
 * The poll's rows as the WAL holds them, from `from` (an LSN; by default the oldest segment
 * still in pg_wal) to its end. Records of a file no table has now (a table truncated or
 * rewritten since) are read as each table of polls with as many columns would be.
 */
async function walRows(
  sql: Sql,
  tables: readonly TableShape[],
  pollId: string,
  from?: string,
): Promise<{ rows: SeenRow[]; records: number; images: number; skipped: number }> {
  await sql`create extension if not exists pg_walinspect`;
  const [server] = await sql<{ db: number; timeline: number; segment: string; oldest: string | null }[]>`
    select (select oid::int from pg_database where datname = current_database()) as db,
      (select timeline_id from pg_control_checkpoint()) as timeline,
      (select setting from pg_settings where name = 'wal_segment_size') as segment,
      (select min(name) from pg_ls_waldir() where name ~ '^[0-9A-F]{24}$' and name <= pg_walfile_name(pg_current_wal_lsn())) as oldest`;
  if (!server) throw new Error("no server settings");
  const segmentSize = BigInt(server.segment);
  const start = from ?? lsnOfSegment(server.oldest!, segmentSize);
  const current = new Set(
    (await sql<{ node: number }[]>`select pg_relation_filenode(oid)::int as node from pg_class where pg_relation_filenode(oid) is not null`).map((r) => r.node),
  );
  const byNode = new Map(tables.map((t) => [t.relfilenode, t]));
  // This database's own files: a table of polls, or one that is no longer any table's.
  const readable = (node: number) => byNode.has(node) || !current.has(node);
  const listed = await sql<{ lsn: string; length: number; xid: string; blocks: string }[]>`
    select start_lsn::text as lsn, record_length as length, xid::text as xid, block_ref as blocks
    from pg_get_wal_records_info(${start}::pg_lsn, pg_current_wal_flush_lsn())
    where block_ref like ${`%/${server.db}/%`}
      and ((resource_manager = 'Heap' and record_type like 'INSERT%')
        or (resource_manager = 'Heap2' and record_type like 'MULTI_INSERT%')
        or fpi_length > 0)
    order by start_lsn`;
  const records = listed.filter((r) =>
    [...r.blocks.matchAll(/rel \d+\/(\d+)\/(\d+) fork main/g)].some((m) => Number(m[1]) === server.db && readable(Number(m[2]))),
  );

  const pieces = records.map((r) => recordPieces(parseLsn(r.lsn), r.length, segmentSize));
  const pages = await readWalPages(sql, [...new Set(pieces.flat().map((p) => p.page))], server.timeline, segmentSize);

  const collected = new RowCollector(tables, pollId);
  let skipped = 0;
  let images = 0;
  const keep = (node: number, tuple: RawTuple) => collected.keep(byNode.get(node) ?? null, tuple);
  records.forEach((record, i) => {
    const bytes = Buffer.concat(pieces[i]!.map((p) => pages.get(p.page)!.subarray(p.from, p.to)));
    const decoded = decodeRecord(bytes);
    if (String(decoded.xid) !== record.xid) throw new Error(`WAL record at ${record.lsn} read wrongly`);
    const ours = decoded.blocks.filter((b) => b.rel.database === server.db && b.fork === 0 && readable(b.rel.relation));
    if (ours.some((b) => b.imageCompressed)) skipped += 1;
    if (decoded.rmid === RM_HEAP || decoded.rmid === RM_HEAP2) {
      for (const { block, tuple } of insertedTuples(decoded)) if (ours.includes(block)) keep(block.rel.relation, tuple);
    }
    for (const block of ours) {
      if (!block.image) continue;
      images += 1;
      for (const tuple of pageTuples(block.image)) keep(block.rel.relation, tuple);
    }
  });
  return { rows: collected.rows, records: records.length, images, skipped };
}

/**
 * The poll's rows as rebuilt from tuples' bytes, each once (the same row may come from its
 * insert and from later images of its page). A tuple of a file no table has now is read as each
 * table of polls with as many columns would be.
 */
class RowCollector {
  readonly rows: SeenRow[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly tables: readonly TableShape[],
    private readonly pollId: string,
  ) {}

  keep(table: TableShape | null, tuple: RawTuple) {
    for (const shape of table ? [table] : this.tables.filter((t) => t.columns.length === (tuple.infomask2 & 0x07ff))) {
      let values: Record<string, unknown>;
      try {
        values = decodeTuple(tuple, shape.columns);
      } catch {
        continue; // not this table's shape
      }
      if (typeof values.poll_id !== "string" || values.poll_id.toLowerCase() !== this.pollId.toLowerCase()) continue;
      const row = { table: shape.name, xid: String(tuple.xmin), values };
      const key = JSON.stringify(row);
      if (!this.seen.has(key)) {
        this.seen.add(key);
        this.rows.push(row);
      }
      return;
    }
  }
}

/**
 * The poll's rows in the tables' pages, as the server has them now (pageinspect's get_raw_page
 * reads through the shared buffers, which the files on disk lag until a checkpoint): every
 * tuple not yet reclaimed, live or deleted, with the xmin in its header.
 */
async function diskRows(sql: Sql, tables: readonly TableShape[], pollId: string): Promise<SeenRow[]> {
  await sql`create extension if not exists pageinspect`;
  const collected = new RowCollector(tables, pollId);
  const PAGES_A_READ = 128;
  for (const table of tables) {
    const [size] = await sql<{ pages: number }[]>`select (pg_relation_size(${table.name}::regclass) / ${HEAP_PAGE_SIZE})::int as pages`;
    for (let first = 0; first < (size?.pages ?? 0); first += PAGES_A_READ) {
      const last = Math.min(first + PAGES_A_READ, size!.pages) - 1;
      const pages = await sql<{ bytes: Buffer }[]>`
        select get_raw_page(${table.name}, 'main', b::bigint) as bytes from generate_series(${first}::int, ${last}::int) as b`;
      for (const page of pages) for (const tuple of pageTuples(page.bytes)) collected.keep(table, tuple);
    }
  }
  return collected.rows;
}

/** WAL pages by their address, read from the segment files in pg_wal, a few hundred a statement. */
async function readWalPages(sql: Sql, pages: readonly bigint[], timeline: number, segmentSize: bigint): Promise<Map<bigint, Buffer>> {
  const out = new Map<bigint, Buffer>();
  for (let i = 0; i < pages.length; i += 200) {
    const wanted = pages
      .slice(i, i + 200)
      .map((page) => ({ page: page.toString(), file: `pg_wal/${walFileName(timeline, page, segmentSize)}`, offset: Number(page % segmentSize) }));
    const rows = await sql<{ page: string; bytes: Buffer }[]>`
      select w.page, pg_read_binary_file(w.file, w.offset, ${WAL_PAGE_SIZE}) as bytes
      from json_to_recordset(${JSON.stringify(wanted)}::text::json) as w(page text, file text, "offset" bigint)`;
    for (const r of rows) out.set(BigInt(r.page), r.bytes);
  }
  return out;
}

function lsnOfSegment(name: string, segmentSize: bigint): string {
  const segment = BigInt(`0x${name.slice(8, 16)}`) * (0x1_0000_0000n / segmentSize) + BigInt(`0x${name.slice(16, 24)}`);
  const lsn = segment * segmentSize;
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffff_ffffn).toString(16).toUpperCase()}`;
}

function dedupe(pairs: RecoveredPair[]): RecoveredPair[] {
  const seen = new Set<string>();
  return pairs.filter((p) => {
    const key = `${p.method} ${p.voter} ${JSON.stringify(p.plaintext)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How many of a method's pairs are right, against what the voters really cast (for tests). */
export function scorePairs(pairs: readonly RecoveredPair[], truth: ReadonlyMap<string, unknown>, method: AttackMethod) {
  const mine = pairs.filter((p) => p.method === method);
  const right = mine.filter((p) => JSON.stringify(p.plaintext) === JSON.stringify(truth.get(p.voter)));
  return { claimed: mine.length, right: right.length, voters: new Set(right.map((p) => p.voter)) };
}
