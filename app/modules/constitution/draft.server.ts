import path from "node:path";
import { loadModelConstitution, type Clause } from "./model";
import { numberClauses, type NumberedLine } from "./text";

/**
 * The model constitution in constitution/clauses, numbered line by line as printed: what
 * /constitution shows before organisers start a draft (drafting.server.ts) from it.
 */
export interface DraftClause {
  id: string;
  number: number;
  title: string;
  entrenched: boolean;
  firstLine: number | null;
  lastLine: number | null;
  lines: Pick<NumberedLine, "number" | "text" | "kind" | "listMarker">[];
}

let cached: Promise<Clause[]> | null = null;

/** The files do not change while the server runs; read them once. */
export function modelClauses(): Promise<Clause[]> {
  cached ??= loadModelConstitution(path.resolve(process.cwd(), "constitution/clauses")).catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

export async function loadDraft(): Promise<DraftClause[]> {
  const clauses = await modelClauses();
  const numbered = numberClauses(clauses.map((c) => ({ id: c.id, text: c.body })));
  return clauses.map((c, i) => {
    const n = numbered.clauses[i];
    return {
      id: c.id,
      number: i + 1,
      title: c.title,
      entrenched: c.entrenched,
      firstLine: n?.firstLine ?? null,
      lastLine: n?.lastLine ?? null,
      lines: (n?.lines ?? []).map((l) => ({ number: l.number, text: l.text, kind: l.kind, listMarker: l.listMarker })),
    };
  });
}
