/**
 * How an attacker who can read rows (live, or rebuilt from the WAL) pairs voters with choices.
 * Pure: the rows come from dba-inspector.ts, which fetches them with SQL alone.
 */

export type AttackMethod = "xmin" | "ctid" | "disk" | "wal";

/** A plaintext ballot as found in a row: a choice (a word) or a ranking / vector of option numbers. */
export type Plaintext = { choice: string } | { ranking: number[] };

export interface RecoveredPair {
  method: AttackMethod;
  voter: string;
  plaintext: Plaintext;
  /** Why the attacker pairs them, in a few words (a transaction id, a place on disk). */
  evidence: string;
}

/** A row as the attacker saw it: its table, the transaction that wrote it, where it lies, its columns. */
export interface SeenRow {
  table: string;
  xid: string;
  /** Block and line number (ctid), when read live. */
  place?: [number, number];
  values: Record<string, unknown>;
}

/** What the attacker knows before looking: the members, and the poll's ballot paper. */
export interface Knowledge {
  memberIds: ReadonlySet<string>;
  /** Words a plaintext choice may be (yes, no, abstain, each option's label), in lower case. */
  choiceWords: ReadonlySet<string>;
  /** Options on the ballot paper: a ranking or vector names none beyond this. */
  optionCount: number;
}

/** Every member id anywhere in a row's values (at any depth). */
export function votersIn(values: unknown, knowledge: Knowledge): string[] {
  const found = new Set<string>();
  walk(values, (v) => {
    if (typeof v === "string" && knowledge.memberIds.has(v.toLowerCase())) found.add(v.toLowerCase());
  });
  return [...found];
}

/**
 * Plaintext ballots anywhere in a row's values: a property whose value is one of the poll's
 * choice words, or a non-empty array of whole numbers no greater than the number of options
 * (a ranking of option numbers, or a 0/1 vector). A ciphertext (big numbers written as strings)
 * is neither.
 */
export function plaintextsIn(values: unknown, knowledge: Knowledge): Plaintext[] {
  const found: Plaintext[] = [];
  const seen = new Set<string>();
  const add = (p: Plaintext) => {
    const key = JSON.stringify(p);
    if (!seen.has(key)) {
      seen.add(key);
      found.push(p);
    }
  };
  const visit = (v: unknown) => {
    if (Array.isArray(v)) {
      if (v.length > 0 && v.every((n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= knowledge.optionCount)) {
        add({ ranking: v as number[] });
        return;
      }
      v.forEach(visit);
    } else if (v && typeof v === "object") {
      for (const inner of Object.values(v)) {
        if (typeof inner === "string" && knowledge.choiceWords.has(inner.toLowerCase())) add({ choice: inner.toLowerCase() });
        else visit(inner);
      }
    }
  };
  visit(values);
  return found;
}

function walk(v: unknown, f: (v: unknown) => void) {
  f(v);
  if (Array.isArray(v)) v.forEach((x) => walk(x, f));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => walk(x, f));
}

/**
 * Pairs by transaction: rows written by one transaction carry its id (xmin on disk, the
 * record's xid in the WAL). A row that holds both a member id and a plaintext pairs them at
 * once. Otherwise, a transaction that wrote as many plaintext ballots as it marked voters, all
 * the same, tells how each of those voters voted (one voter and one ballot is the plain case;
 * a batch where all chose alike is another). A batch of different ballots pairs nobody.
 */
export function pairByTransaction(rows: readonly SeenRow[], knowledge: Knowledge, method: AttackMethod): RecoveredPair[] {
  const groups = new Map<string, { voters: Set<string>; ballots: Plaintext[] }>();
  const pairs: RecoveredPair[] = [];
  for (const row of rows) {
    const voters = votersIn(row.values, knowledge);
    const ballots = plaintextsIn(row.values, knowledge);
    if (voters.length > 0 && ballots.length > 0) {
      for (const voter of voters) for (const plaintext of ballots) pairs.push({ method, voter, plaintext, evidence: `one row of ${row.table}` });
      continue;
    }
    const group = groups.get(row.xid) ?? { voters: new Set<string>(), ballots: [] };
    groups.set(row.xid, group);
    voters.forEach((v) => group.voters.add(v));
    // One ballot per row: a row with two plaintexts is one ballot of several questions.
    if (ballots.length > 0) group.ballots.push(ballots.length === 1 ? ballots[0]! : { ranking: [] });
  }
  for (const [xid, { voters, ballots }] of groups) {
    if (voters.size === 0 || ballots.length !== voters.size) continue;
    const first = JSON.stringify(ballots[0]);
    if (!ballots.every((b) => JSON.stringify(b) === first)) continue;
    for (const voter of voters) {
      pairs.push({ method, voter, plaintext: ballots[0]!, evidence: `transaction ${xid}: ${voters.size} voter(s), ${ballots.length} ballot(s) alike` });
    }
  }
  return pairs;
}

/**
 * Pairs by physical order: marks and ballots are appended to their tables as they come, so the
 * n-th mark on disk is likely the n-th ballot's. Tried for every table of voters' rows whose
 * count equals the number of plaintext ballots (the roll, larger than the turnout, drops out),
 * and only where both were written over several transactions: rows written all at once (a
 * rewrite at close, a tally) lie in whatever order their writer chose, not the order of casting.
 * A guess, not a proof: the caller counts how many are right.
 */
export function pairByPlace(rows: readonly SeenRow[], knowledge: Knowledge): RecoveredPair[] {
  const byPlace = [...rows].filter((r) => r.place).sort((a, b) => a.place![0] - b.place![0] || a.place![1] - b.place![1]);
  const marks = new Map<string, { voter: string; place: string; xid: string }[]>();
  const ballots: { table: string; plaintext: Plaintext; place: string; xid: string }[] = [];
  for (const row of byPlace) {
    const voters = votersIn(row.values, knowledge);
    const plaintexts = plaintextsIn(row.values, knowledge);
    const place = `(${row.place!.join(",")})`;
    if (plaintexts.length === 1 && voters.length === 0) ballots.push({ table: row.table, plaintext: plaintexts[0]!, place, xid: row.xid });
    else if (voters.length === 1 && plaintexts.length === 0)
      marks.set(row.table, [...(marks.get(row.table) ?? []), { voter: voters[0]!, place, xid: row.xid }]);
  }
  const writtenOverTime = (list: readonly { xid: string }[]) => new Set(list.map((r) => r.xid)).size > 1;
  const pairs: RecoveredPair[] = [];
  for (const [table, list] of marks) {
    const others = ballots.filter((b) => b.table !== table);
    if (list.length !== others.length || list.length === 0 || !writtenOverTime(list) || !writtenOverTime(others)) continue;
    list.forEach((mark, i) => {
      const ballot = others[i]!;
      pairs.push({ method: "ctid", voter: mark.voter, plaintext: ballot.plaintext, evidence: `${table} ${mark.place} beside ${ballot.table} ${ballot.place}` });
    });
  }
  return pairs;
}
