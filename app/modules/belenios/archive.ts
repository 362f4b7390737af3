import { createHash } from "node:crypto";

/**
 * The public record of an election as Belenios 2.0 stores it (specification "Public data";
 * src/lib/core/archive.ml, src/tool/tool_events.ml): an old-style tar file, no end-of-archive
 * blocks, every member dated with the header's timestamp; a BELENIOS header, then data files and
 * hash-chained events, each named by the hex SHA256 of its content. belenios-tool regenerates the
 * whole file from the last event and requires it byte for byte, so this writer follows it exactly.
 */

export type EventType = "Setup" | "Ballot" | "EndBallots" | "EncryptedTally" | "Shuffle" | "EndShuffles" | "PartialDecryption" | "Result";

export interface ArchiveEvent {
  parent?: string;
  height: number;
  type: EventType;
  payload?: string;
}

export interface ArchiveRecord {
  kind: "data" | "event";
  hash: string;
  content: string;
}

const BLOCK = 512;
const sha256HexOf = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export const serializeEvent = (e: ArchiveEvent) =>
  JSON.stringify(
    e.parent === undefined
      ? { height: e.height, type: e.type, ...(e.payload === undefined ? {} : { payload: e.payload }) }
      : { parent: e.parent, height: e.height, type: e.type, ...(e.payload === undefined ? {} : { payload: e.payload }) },
  );

function tarHeader(name: string, length: number, timestamp: bigint): Buffer {
  const block = Buffer.alloc(BLOCK, 0);
  block.write(name, 0, "latin1");
  block.write("0000644", 100, "latin1");
  block.write("0000000", 108, "latin1");
  block.write("0000000", 116, "latin1");
  block.write(length.toString(8).padStart(11, "0"), 124, "latin1");
  block.write(timestamp.toString(8).padStart(11, "0"), 136, "latin1");
  block.write("        ", 148, "latin1");
  block.write("0", 156, "latin1");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "latin1");
  return block;
}

function tarMember(name: string, body: Buffer, timestamp: bigint): Buffer[] {
  const padded = Buffer.alloc(Math.ceil(body.length / BLOCK) * BLOCK, 0);
  body.copy(padded);
  return [tarHeader(name, body.length, timestamp), padded];
}

/** Appends data and events in the order belenios-tool's archiver writes them. */
export class ArchiveWriter {
  private readonly parts: Buffer[] = [];
  private lastEvent: { hash: string; height: number } | null = null;
  readonly records: ArchiveRecord[] = [];

  constructor(readonly timestamp: bigint) {
    const header = JSON.stringify({ version: 1, timestamp: timestamp.toString(10) });
    this.parts.push(...tarMember("BELENIOS", Buffer.from(header, "utf8"), timestamp));
  }

  /** Writes a data file; returns its hash (how events and other data refer to it). */
  data(content: string): string {
    const hash = sha256HexOf(content);
    this.parts.push(...tarMember(`${hash}.data.json`, Buffer.from(content, "utf8"), this.timestamp));
    this.records.push({ kind: "data", hash, content });
    return hash;
  }

  event(type: EventType, payload?: string): string {
    const event: ArchiveEvent = {
      ...(this.lastEvent ? { parent: this.lastEvent.hash } : {}),
      height: this.lastEvent ? this.lastEvent.height + 1 : 0,
      type,
      ...(payload === undefined ? {} : { payload }),
    };
    const content = serializeEvent(event);
    const hash = sha256HexOf(content);
    this.parts.push(...tarMember(`${hash}.event.json`, Buffer.from(content, "utf8"), this.timestamp));
    this.records.push({ kind: "event", hash, content });
    this.lastEvent = { hash, height: event.height };
    return hash;
  }

  setup(election: string, trustees: string, credentials: string): string {
    const setup = JSON.stringify({ election: this.data(election), trustees: this.data(trustees), credentials: this.data(credentials) });
    return this.event("Setup", this.data(setup));
  }

  ballot(raw: string): string {
    return this.event("Ballot", this.data(raw));
  }

  endBallots(): string {
    return this.event("EndBallots");
  }

  /** sized is the sized_encrypted_tally JSON, whose encrypted_tally is the hex hash of tally. */
  encryptedTally(tally: string, sized: string): string {
    this.data(tally);
    return this.event("EncryptedTally", this.data(sized));
  }

  shuffle(owner: number, shuffle: string): string {
    const payload = this.data(shuffle);
    return this.event("Shuffle", this.data(JSON.stringify({ owner, payload })));
  }

  endShuffles(): string {
    return this.event("EndShuffles");
  }

  partialDecryption(owner: number, pd: string): string {
    const payload = this.data(pd);
    return this.event("PartialDecryption", this.data(JSON.stringify({ owner, payload })));
  }

  result(raw: string): string {
    return this.event("Result", this.data(raw));
  }

  get lastEventHash(): string | null {
    return this.lastEvent?.hash ?? null;
  }

  toBytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

export class ArchiveError extends Error {}

export interface ParsedArchive {
  timestamp: bigint;
  records: ArchiveRecord[];
}

/** Reads the tar members; checks the header and that every name is the hash of its content. */
export function readArchive(bytes: Uint8Array): ParsedArchive {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const member = () => {
    if (offset + BLOCK > buf.length) throw new ArchiveError("truncated archive");
    const header = buf.subarray(offset, offset + BLOCK);
    const nul = header.indexOf(0);
    const name = header.subarray(0, nul < 0 || nul > 100 ? 100 : nul).toString("latin1");
    const length = Number.parseInt(header.subarray(124, 135).toString("latin1"), 8);
    if (!Number.isSafeInteger(length) || length < 0) throw new ArchiveError(`bad size for ${name}`);
    const start = offset + BLOCK;
    if (start + length > buf.length) throw new ArchiveError(`truncated member ${name}`);
    offset = start + Math.ceil(length / BLOCK) * BLOCK;
    return { name, body: buf.subarray(start, start + length).toString("utf8") };
  };
  const first = member();
  if (first.name !== "BELENIOS") throw new ArchiveError("ill-formed archive header");
  const header = JSON.parse(first.body) as { version?: unknown; timestamp?: unknown };
  if (header.version !== 1 || typeof header.timestamp !== "string" || !/^\d+$/.test(header.timestamp)) throw new ArchiveError("unsupported archive header");
  const records: ArchiveRecord[] = [];
  while (offset < buf.length) {
    const { name, body } = member();
    const match = /^([0-9a-f]{64})\.(data|event)\.json$/.exec(name);
    if (!match) throw new ArchiveError(`unexpected member ${name}`);
    const hash = match[1]!;
    if (sha256HexOf(body) !== hash) throw new ArchiveError(`${name}: content does not match its hash`);
    records.push({ kind: match[2] as "data" | "event", hash, content: body });
  }
  return { timestamp: BigInt(header.timestamp), records };
}

export interface ElectionEvents {
  setup: { election: string; trustees: string; credentials: string };
  ballots: string[];
  endBallots: boolean;
  encryptedTally?: { tally: string; sized: string };
  shuffles: { owner: number; shuffle: string }[];
  endShuffles: boolean;
  partialDecryptions: { owner: number; pd: string }[];
  result?: string;
}

/**
 * Follows the event chain (parents, heights, payloads) and rebuilds the archive from it as
 * belenios-tool's fsck does; any byte that differs, any extra member, is an error.
 */
export function readElectionEvents(bytes: Uint8Array): ElectionEvents {
  const parsed = readArchive(bytes);
  const byHash = new Map(parsed.records.map((r) => [r.hash, r.content]));
  const get = (hash: unknown, what: string) => {
    const content = typeof hash === "string" ? byHash.get(hash) : undefined;
    if (content === undefined) throw new ArchiveError(`${what} not found`);
    return content;
  };
  const events = parsed.records.filter((r) => r.kind === "event").map((r) => ({ hash: r.hash, event: JSON.parse(r.content) as ArchiveEvent }));
  if (events.length === 0) throw new ArchiveError("no events");
  const out: ElectionEvents = {
    setup: { election: "", trustees: "", credentials: "" },
    ballots: [],
    endBallots: false,
    shuffles: [],
    endShuffles: false,
    partialDecryptions: [],
  };
  const rebuilt = new ArchiveWriter(parsed.timestamp);
  let parent: string | undefined;
  events.forEach(({ hash, event }, height) => {
    if (event.parent !== parent || event.height !== height) throw new ArchiveError(`inconsistency at height ${height}`);
    const payload = () => get(event.payload, `payload of ${event.type} at height ${height}`);
    switch (event.type) {
      case "Setup": {
        if (height !== 0) throw new ArchiveError("Setup must be the first event");
        const setup = JSON.parse(payload()) as Record<string, unknown>;
        out.setup = {
          election: get(setup.election, "election"),
          trustees: get(setup.trustees, "trustees"),
          credentials: get(setup.credentials, "credentials"),
        };
        rebuilt.setup(out.setup.election, out.setup.trustees, out.setup.credentials);
        break;
      }
      case "Ballot":
        if (out.endBallots) throw new ArchiveError(`ballot after EndBallots at height ${height}`);
        out.ballots.push(payload());
        rebuilt.ballot(out.ballots.at(-1)!);
        break;
      case "EndBallots":
        if (event.payload !== undefined) throw new ArchiveError(`extra payload found at height ${height}`);
        out.endBallots = true;
        rebuilt.endBallots();
        break;
      case "EncryptedTally": {
        const sized = payload();
        const tally = get((JSON.parse(sized) as Record<string, unknown>).encrypted_tally, "encrypted tally");
        out.encryptedTally = { tally, sized };
        rebuilt.encryptedTally(tally, sized);
        break;
      }
      case "PartialDecryption": {
        const owned = JSON.parse(payload()) as { owner?: unknown; payload?: unknown };
        if (typeof owned.owner !== "number") throw new ArchiveError("partial decryption without owner");
        const pd = get(owned.payload, "partial decryption");
        out.partialDecryptions.push({ owner: owned.owner, pd });
        rebuilt.partialDecryption(owned.owner, pd);
        break;
      }
      case "Shuffle": {
        if (out.endShuffles || !out.encryptedTally) throw new ArchiveError(`shuffle out of place at height ${height}`);
        const owned = JSON.parse(payload()) as { owner?: unknown; payload?: unknown };
        if (typeof owned.owner !== "number") throw new ArchiveError("shuffle without owner");
        const shuffle = get(owned.payload, "shuffle");
        out.shuffles.push({ owner: owned.owner, shuffle });
        rebuilt.shuffle(owned.owner, shuffle);
        break;
      }
      case "EndShuffles":
        if (event.payload !== undefined) throw new ArchiveError(`extra payload found at height ${height}`);
        out.endShuffles = true;
        rebuilt.endShuffles();
        break;
      case "Result":
        out.result = payload();
        rebuilt.result(out.result);
        break;
      default:
        throw new ArchiveError(`unknown event ${String(event.type)}`);
    }
    if (rebuilt.lastEventHash !== hash) throw new ArchiveError(`event at height ${height} is not in canonical form`);
    parent = hash;
  });
  if (!rebuilt.toBytes().equals(Buffer.from(bytes))) throw new ArchiveError("archive differs from the one its events describe");
  return out;
}
