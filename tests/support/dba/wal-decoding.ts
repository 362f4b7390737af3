/**
 * Reading PostgreSQL 15's write-ahead log and heap pages from their bytes, as an attacker with
 * only `pg_read_binary_file` would: records (src/include/access/xlogrecord.h), heap inserts
 * (access/heapam_xlog.h), full-page images, heap tuples (access/htup_details.h) and jsonb
 * values (utils/jsonb.h). Little-endian machines only, as every server this project runs on.
 * Pure functions over buffers: the SQL that fetches the bytes is in dba-inspector.ts.
 */

export const WAL_PAGE_SIZE = 8192;
export const HEAP_PAGE_SIZE = 8192;
/** SizeOfXLogShortPHD and SizeOfXLogLongPHD, MAXALIGNed: the header of every WAL page, longer on a segment's first. */
const WAL_SHORT_PAGE_HEADER = 24;
const WAL_LONG_PAGE_HEADER = 40;
const RECORD_HEADER = 24;

/**
 * The WAL pages a record of `length` bytes starting at `lsn` lies on, and how to put it back
 * together from them: a record that crosses a page goes on after the next page's header.
 */
export function recordPieces(lsn: bigint, length: number, segmentSize: bigint): { page: bigint; from: number; to: number }[] {
  const pieces: { page: bigint; from: number; to: number }[] = [];
  let pos = lsn;
  let left = length;
  while (left > 0) {
    const page = pos - (pos % BigInt(WAL_PAGE_SIZE));
    let from = Number(pos - page);
    if (from === 0) from = pos % segmentSize === 0n ? WAL_LONG_PAGE_HEADER : WAL_SHORT_PAGE_HEADER;
    const n = Math.min(WAL_PAGE_SIZE - from, left);
    pieces.push({ page, from, to: from + n });
    left -= n;
    pos = page + BigInt(from + n);
  }
  return pieces;
}

/** The name of the WAL segment file holding `lsn` (XLogFileName). */
export function walFileName(timeline: number, lsn: bigint, segmentSize: bigint): string {
  const segment = lsn / segmentSize;
  const perId = 0x1_0000_0000n / segmentSize;
  const hex = (n: bigint | number) => n.toString(16).toUpperCase().padStart(8, "0");
  return hex(timeline) + hex(segment / perId) + hex(segment % perId);
}

export function parseLsn(text: string): bigint {
  const [hi, lo] = text.split("/");
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

export interface RelFileNode {
  tablespace: number;
  database: number;
  relation: number;
}

export interface BlockReference {
  id: number;
  rel: RelFileNode;
  fork: number;
  block: number;
  /** The page as it was written to the log, its hole filled with zeros; null if none or compressed. */
  image: Buffer | null;
  imageCompressed: boolean;
  data: Buffer | null;
}

export interface WalRecord {
  xid: number;
  rmid: number;
  info: number;
  blocks: BlockReference[];
  mainData: Buffer;
}

/** A record's bytes (header included) decoded into its block references and main data (DecodeXLogRecord). */
export function decodeRecord(bytes: Buffer): WalRecord {
  const totalLength = bytes.readUInt32LE(0);
  const xid = bytes.readUInt32LE(4);
  const info = bytes.readUInt8(16);
  const rmid = bytes.readUInt8(17);
  let pos = RECORD_HEADER;
  const remaining = totalLength - RECORD_HEADER;
  let dataTotal = 0;
  let mainLength = 0;
  const headers: {
    id: number;
    rel: RelFileNode;
    fork: number;
    block: number;
    hasImage: boolean;
    hasData: boolean;
    dataLength: number;
    imageLength: number;
    holeOffset: number;
    holeLength: number;
    compressed: boolean;
  }[] = [];
  let lastRel: RelFileNode | null = null;
  while (remaining - (pos - RECORD_HEADER) > dataTotal) {
    const id = bytes.readUInt8(pos);
    pos += 1;
    if (id === 255) {
      mainLength = bytes.readUInt8(pos);
      pos += 1;
      break;
    }
    if (id === 254) {
      mainLength = bytes.readUInt32LE(pos);
      pos += 4;
      break;
    }
    if (id === 253) {
      pos += 2; // replication origin
      continue;
    }
    if (id === 252) {
      pos += 4; // top-level transaction id (logical decoding only)
      continue;
    }
    if (id > 32) throw new Error(`WAL record: unknown block id ${id}`);
    const forkFlags = bytes.readUInt8(pos);
    const dataLength = bytes.readUInt16LE(pos + 1);
    pos += 3;
    const hasImage = (forkFlags & 0x10) !== 0;
    const hasData = (forkFlags & 0x20) !== 0;
    dataTotal += dataLength;
    let imageLength = 0;
    let holeOffset = 0;
    let holeLength = 0;
    let compressed = false;
    if (hasImage) {
      imageLength = bytes.readUInt16LE(pos);
      holeOffset = bytes.readUInt16LE(pos + 2);
      const imageInfo = bytes.readUInt8(pos + 4);
      pos += 5;
      // BKPIMAGE_COMPRESS_PGLZ | _LZ4 | _ZSTD (PostgreSQL 15's flags).
      compressed = (imageInfo & 0x1c) !== 0;
      if (compressed) {
        if (imageInfo & 0x01) {
          holeLength = bytes.readUInt16LE(pos);
          pos += 2;
        }
      } else {
        holeLength = HEAP_PAGE_SIZE - imageLength;
      }
      dataTotal += imageLength;
    }
    let rel: RelFileNode;
    if (forkFlags & 0x80) {
      if (!lastRel) throw new Error("WAL record: BKPBLOCK_SAME_REL without a previous relation");
      rel = lastRel;
    } else {
      rel = { tablespace: bytes.readUInt32LE(pos), database: bytes.readUInt32LE(pos + 4), relation: bytes.readUInt32LE(pos + 8) };
      pos += 12;
    }
    lastRel = rel;
    const block = bytes.readUInt32LE(pos);
    pos += 4;
    headers.push({ id, rel, fork: forkFlags & 0x0f, block, hasImage, hasData, dataLength, imageLength, holeOffset, holeLength, compressed });
  }
  const blocks: BlockReference[] = [];
  for (const h of headers) {
    let image: Buffer | null = null;
    if (h.hasImage) {
      const raw = bytes.subarray(pos, pos + h.imageLength);
      pos += h.imageLength;
      if (!h.compressed) image = Buffer.concat([raw.subarray(0, h.holeOffset), Buffer.alloc(h.holeLength), raw.subarray(h.holeOffset)]);
    }
    let data: Buffer | null = null;
    if (h.hasData) {
      data = bytes.subarray(pos, pos + h.dataLength);
      pos += h.dataLength;
    }
    blocks.push({ id: h.id, rel: h.rel, fork: h.fork, block: h.block, image, imageCompressed: h.compressed, data });
  }
  return { xid, rmid, info, blocks, mainData: bytes.subarray(pos, pos + mainLength) };
}

export const RM_HEAP2 = 9;
export const RM_HEAP = 10;
const HEAP_OPMASK = 0x70;
const HEAP_INSERT = 0x00;
const HEAP_INIT_PAGE = 0x80;
const HEAP2_MULTI_INSERT = 0x50;
/** offsetof(HeapTupleHeaderData, t_bits): what a WAL record leaves out of a tuple's header. */
const TUPLE_HEADER_FIXED = 23;

/** A heap tuple as stored: its header fields and its bytes from the start of the header. */
export interface RawTuple {
  xmin: number;
  infomask2: number;
  infomask: number;
  hoff: number;
  bytes: Buffer;
  /** Where it came from: a record's new tuple, or a full-page image. */
  source: "insert" | "page image";
  offset: number;
}

/**
 * The new tuples a heap record carries in its own data (single and multiple inserts), with the
 * inserting transaction as their xmin. A record that logged a full-page image instead (the
 * page's first change after a checkpoint) carries them in that image: see pageTuples.
 */
export function insertedTuples(record: WalRecord): { block: BlockReference; tuple: RawTuple }[] {
  const op = record.info & HEAP_OPMASK;
  const block = record.blocks.find((b) => b.id === 0);
  if (!block?.data) {
    if (!block?.image) return [];
    const offsets = insertOffsets(record);
    return pageTuples(block.image)
      .filter((t) => offsets.includes(t.offset))
      .map((tuple) => ({ block, tuple }));
  }
  if (record.rmid === RM_HEAP && op === HEAP_INSERT) {
    const offset = record.mainData.readUInt16LE(0);
    const tuple = walTuple(record.xid, block.data, 0, block.data.length, offset);
    return tuple ? [{ block, tuple }] : [];
  }
  if (record.rmid === RM_HEAP2 && op === HEAP2_MULTI_INSERT) {
    const offsets = insertOffsets(record);
    const out: { block: BlockReference; tuple: RawTuple }[] = [];
    let pos = 0;
    for (const offset of offsets) {
      pos += pos % 2; // SHORTALIGN
      const dataLength = block.data.readUInt16LE(pos);
      const header = block.data.subarray(pos + 2, pos + 7);
      const tuple = walTuple(record.xid, Buffer.concat([header, block.data.subarray(pos + 7, pos + 7 + dataLength)]), 0, 5 + dataLength, offset);
      if (tuple) out.push({ block, tuple });
      pos += 7 + dataLength;
    }
    return out;
  }
  return [];
}

/** The line pointers a heap insert (single or multiple) filled. */
function insertOffsets(record: WalRecord): number[] {
  const op = record.info & HEAP_OPMASK;
  if (record.rmid === RM_HEAP && op === HEAP_INSERT) return [record.mainData.readUInt16LE(0)];
  if (record.rmid === RM_HEAP2 && op === HEAP2_MULTI_INSERT) {
    const count = record.mainData.readUInt16LE(2);
    // A multi-insert that initialised its page leaves out the offsets: they are 1..n.
    if (record.info & HEAP_INIT_PAGE) return Array.from({ length: count }, (_, i) => i + 1);
    return Array.from({ length: count }, (_, i) => record.mainData.readUInt16LE(4 + 2 * i));
  }
  return [];
}

/** A tuple rebuilt from xl_heap_header (5 bytes) and the bytes after the fixed header. */
function walTuple(xid: number, data: Buffer, start: number, end: number, offset: number): RawTuple | null {
  if (end - start < 5) return null;
  const infomask2 = data.readUInt16LE(start);
  const infomask = data.readUInt16LE(start + 2);
  const hoff = data.readUInt8(start + 4);
  const bytes = Buffer.concat([Buffer.alloc(TUPLE_HEADER_FIXED), data.subarray(start + 5, end)]);
  return { xmin: xid, infomask2, infomask, hoff, bytes, source: "insert", offset };
}

/** Every tuple on a heap page (deleted ones too, until pruned), with the xmin in its header. */
export function pageTuples(page: Buffer): RawTuple[] {
  const lower = page.readUInt16LE(12);
  const out: RawTuple[] = [];
  for (let p = 24, offset = 1; p + 4 <= lower; p += 4, offset += 1) {
    const item = page.readUInt32LE(p);
    const off = item & 0x7fff;
    const flags = (item >>> 15) & 0x3;
    const len = item >>> 17;
    if (flags !== 1 || len < TUPLE_HEADER_FIXED || off + len > page.length) continue; // LP_NORMAL only
    const bytes = page.subarray(off, off + len);
    out.push({
      xmin: bytes.readUInt32LE(0),
      infomask2: bytes.readUInt16LE(18),
      infomask: bytes.readUInt16LE(20),
      hoff: bytes.readUInt8(22),
      bytes,
      source: "page image",
      offset,
    });
  }
  return out;
}

/** A column as pg_attribute describes it, dropped ones included (they keep their place). */
export interface ColumnShape {
  name: string;
  type: string;
  length: number;
  align: "c" | "s" | "i" | "d";
  dropped: boolean;
}

const ALIGNMENT = { c: 1, s: 2, i: 4, d: 8 } as const;
const alignTo = (n: number, a: number) => Math.ceil(n / a) * a;

/**
 * A tuple's columns as JavaScript values (heap_deform_tuple): uuids and text as strings, json
 * and jsonb parsed, integers as numbers; others, and values moved out of line (TOAST) or
 * compressed, are left out. Columns added after the tuple was written are left out too.
 */
export function decodeTuple(tuple: RawTuple, columns: readonly ColumnShape[]): Record<string, unknown> {
  const natts = Math.min(tuple.infomask2 & 0x07ff, columns.length);
  const hasNulls = (tuple.infomask & 0x0001) !== 0;
  const isNull = (i: number) => hasNulls && (tuple.bytes.readUInt8(TUPLE_HEADER_FIXED + (i >> 3)) & (1 << (i & 7))) === 0;
  const row: Record<string, unknown> = {};
  let pos = tuple.hoff;
  const bytes = tuple.bytes;
  for (let i = 0; i < natts; i += 1) {
    const column = columns[i]!;
    if (isNull(i)) continue;
    if (pos >= bytes.length) break;
    let value: Buffer;
    if (column.length > 0) {
      pos = alignTo(pos, ALIGNMENT[column.align]);
      value = bytes.subarray(pos, pos + column.length);
      pos += column.length;
    } else if (column.length === -1) {
      // A short (1-byte) header is never padded; a 4-byte one is aligned.
      if (bytes.readUInt8(pos) === 0) pos = alignTo(pos, ALIGNMENT[column.align]);
      const first = bytes.readUInt8(pos);
      if (first === 0x01) {
        // An out-of-line pointer: its tag says how long it is (18 bytes on disk).
        const tag = bytes.readUInt8(pos + 1);
        pos += 2 + (tag === 18 ? 16 : 0);
        continue;
      }
      if (first & 0x01) {
        const length = first >> 1;
        value = bytes.subarray(pos + 1, pos + length);
        pos += length;
      } else {
        const length = bytes.readUInt32LE(pos) >>> 2;
        const compressed = (first & 0x03) === 0x02;
        value = bytes.subarray(pos + 4, pos + length);
        pos += length;
        if (compressed) continue;
      }
    } else {
      const end = bytes.indexOf(0, pos);
      value = bytes.subarray(pos, end);
      pos = end + 1;
    }
    if (column.dropped) continue;
    const decoded = decodeValue(column.type, value);
    if (decoded !== undefined) row[column.name] = decoded;
  }
  return row;
}

function decodeValue(type: string, value: Buffer): unknown {
  switch (type) {
    case "uuid": {
      const hex = value.toString("hex");
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
    case "text":
    case "varchar":
    case "bpchar":
    case "name":
      return value.toString("utf8");
    case "json":
      try {
        return JSON.parse(value.toString("utf8")) as unknown;
      } catch {
        return undefined;
      }
    case "jsonb":
      return decodeJsonb(value, 0);
    case "int2":
      return value.readInt16LE(0);
    case "int4":
      return value.readInt32LE(0);
    case "bool":
      return value.readUInt8(0) !== 0;
    default:
      return undefined;
  }
}

const JB_CMASK = 0x0fffffff;
const JB_FSCALAR = 0x10000000;
const JB_FOBJECT = 0x20000000;
const JENTRY_OFFLENMASK = 0x0fffffff;
const JENTRY_TYPEMASK = 0x70000000;
const JENTRY_HAS_OFF = 0x80000000;

/** A jsonb container as stored on disk (JsonbContainer), from `at` in `bytes`. */
export function decodeJsonb(bytes: Buffer, at: number): unknown {
  const header = bytes.readUInt32LE(at);
  const count = header & JB_CMASK;
  const isObject = (header & JB_FOBJECT) !== 0;
  const children = isObject ? count * 2 : count;
  const entry = (i: number) => bytes.readUInt32LE(at + 4 + 4 * i);
  const base = at + 4 + 4 * children;
  const offsetOf = (i: number) => {
    let offset = 0;
    for (let k = i - 1; k >= 0; k -= 1) {
      offset += entry(k) & JENTRY_OFFLENMASK;
      if (entry(k) & JENTRY_HAS_OFF) break;
    }
    return offset;
  };
  const valueOf = (i: number): unknown => {
    const e = entry(i);
    const offset = offsetOf(i);
    const length = e & JENTRY_HAS_OFF ? (e & JENTRY_OFFLENMASK) - offset : e & JENTRY_OFFLENMASK;
    const start = base + offset;
    switch ((e & JENTRY_TYPEMASK) >>> 28) {
      case 0:
        return bytes.subarray(start, start + length).toString("utf8");
      case 1:
        return decodeNumeric(bytes, base + alignTo(offset, 4));
      case 2:
        return false;
      case 3:
        return true;
      case 4:
        return null;
      default:
        return decodeJsonb(bytes, base + alignTo(offset, 4));
    }
  };
  if (header & JB_FSCALAR) return valueOf(0);
  if (!isObject) return Array.from({ length: count }, (_, i) => valueOf(i));
  const object: Record<string, unknown> = {};
  for (let i = 0; i < count; i += 1) object[valueOf(i) as string] = valueOf(count + i);
  return object;
}

/** A numeric (utils/adt/numeric.c) as a JavaScript number; precise enough for option numbers and counts. */
function decodeNumeric(bytes: Buffer, at: number): number {
  const first = bytes.readUInt8(at);
  const [length, start] = first & 0x01 ? [first >> 1, at + 1] : [bytes.readUInt32LE(at) >>> 2, at + 4];
  const end = at + length;
  const head = bytes.readUInt16LE(start);
  let negative: boolean;
  let weight: number;
  let digitsAt: number;
  if ((head & 0xc000) === 0x8000) {
    negative = (head & 0x2000) !== 0;
    weight = head & 0x0040 ? (head & 0x003f) - 64 : head & 0x003f;
    digitsAt = start + 2;
  } else if ((head & 0xc000) === 0xc000) {
    return Number.NaN; // NaN or an infinity
  } else {
    negative = (head & 0x4000) !== 0;
    weight = bytes.readInt16LE(start + 2);
    digitsAt = start + 4;
  }
  let value = 0;
  for (let p = digitsAt, k = 0; p + 2 <= end; p += 2, k += 1) value += bytes.readInt16LE(p) * 10000 ** (weight - k);
  return negative ? -value : value;
}
