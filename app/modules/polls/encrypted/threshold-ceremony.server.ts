/**
 * Threshold trustees of a poll (issue 17, item 1; decision 046): with three or more trustees, k of
 * them are enough to decrypt. They hold shares of one key, made together by Belenios' "Pedersen"
 * ceremony (threshold.ts), in three steps each trustee takes in turn with the others:
 *   1. certificate: a signing key and an encryption key, both derived from a secret only the
 *      trustee keeps (their key file);
 *   2. polynomial: a random polynomial of degree k-1, its value at every trustee's number sent
 *      encrypted for that trustee, its coefficients committed in public;
 *   3. key share: each trustee checks and sums what the others sent them into their share, and
 *      proves it; the share itself goes back encrypted for their own key file (belenios-tool's .dkey).
 * The server only relays and checks what it can: signatures, commitments and proofs. It never sees
 * a secret, a share or a polynomial in the clear. Every step waits until all trustees have done
 * the one before, as belenios-tool's own steps do.
 */
import type { Group } from "~/modules/belenios/group";
import { BeleniosFormatError, parseTrusteePublicKey, serializeTrusteePublicKey, signedMsgOf } from "~/modules/belenios/serialize";
import {
  parseCertKeys,
  parseEncryptedMsg,
  parsePolynomial,
  parseVOutput,
  serializePolynomial,
  serializeSignedMsg,
  serializeVInput,
  thresholdStep4,
  thresholdStep6,
  ThresholdError,
  verificationKeys,
  verifyCert,
  verifySignedMsg,
  type Polynomial,
} from "~/modules/belenios/threshold";
import { isGroupElement } from "~/modules/belenios/group";
import { verifyTrusteePublicKey } from "~/modules/belenios/trustee";
import type { SignedMsg, TrusteeKind } from "~/modules/belenios/types";

export { defaultThreshold, MIN_THRESHOLD_TRUSTEES, validThreshold } from "../trustee-threshold";

/** What the ceremony holds of one trustee. */
export interface CeremonyRow {
  position: number;
  certificate: string | null;
  polynomial: string | null;
  /** The trustee's verification key, with its proof: the last step's public half. */
  publicKey: string | null;
  decryptionKey: string | null;
}

export type CeremonyStep = "certificate" | "polynomial" | "key_share" | "complete";

/** The step the ceremony is at: the first one some trustee has still to take. */
export function ceremonyStep(rows: readonly CeremonyRow[]): CeremonyStep {
  if (rows.some((r) => !r.certificate)) return "certificate";
  if (rows.some((r) => !r.polynomial)) return "polynomial";
  if (rows.some((r) => !r.publicKey || !r.decryptionKey)) return "key_share";
  return "complete";
}

/** Whether this trustee has taken this step of the ceremony. */
export function hasTakenStep(row: CeremonyRow, step: CeremonyStep): boolean {
  return step === "certificate" ? Boolean(row.certificate) : step === "polynomial" ? Boolean(row.polynomial) : Boolean(row.publicKey && row.decryptionKey);
}

/** How many trustees have taken the step the ceremony is at. */
export function takenAtStep(rows: readonly CeremonyRow[], step: CeremonyStep): number {
  return rows.filter((r) => hasTakenStep(r, step)).length;
}

/** What making a key asks of one trustee now: their own key, or the ceremony's step they have not taken. */
export type KeyTurn = "key" | `step:${Exclude<CeremonyStep, "complete">}`;

/**
 * What making the key (of a poll, or a trustee set) asks of this trustee now, if anything: with
 * no threshold, their own key until they gave it; with one, the step the ceremony is at, until
 * they have taken it (every step waits for every trustee). For their page's task list and their
 * reminders alike.
 */
export function keyTurnOf(threshold: number | null, rows: readonly CeremonyRow[], mine: CeremonyRow): KeyTurn | null {
  if (threshold === null) return mine.publicKey ? null : "key";
  const step = ceremonyStep(rows);
  return step === "complete" || hasTakenStep(mine, step) ? null : `step:${step}`;
}

const certsOf = (rows: readonly CeremonyRow[]): SignedMsg[] => rows.map((r) => signedMsgOf(JSON.parse(r.certificate!), "cert"));
const polynomialsOf = (rows: readonly CeremonyRow[]): Polynomial[] => rows.map((r) => parsePolynomial(r.polynomial!));

/** Every certificate, one per line in trustee order: belenios-tool's certs.jsons. */
export function certificatesFile(rows: readonly CeremonyRow[]): string | null {
  if (ceremonyStep(rows) === "certificate") return null;
  return `${rows.map((r) => r.certificate).join("\n")}\n`;
}

/** Step 4, done by the server for one trustee: their shares from everyone, and all commitments. */
export function vinputFile(group: Group, rows: readonly CeremonyRow[], position: number): string | null {
  const step = ceremonyStep(rows);
  if (step === "certificate" || step === "polynomial") return null;
  const vinputs = thresholdStep4(group, certsOf(rows), polynomialsOf(rows));
  const mine = vinputs[position - 1];
  return mine ? `${serializeVInput(mine)}\n` : null;
}

/**
 * A file the ceremony relays to trustee `position`, named as belenios-tool names it: everyone's
 * certificates ("certificates.jsons"), or the pieces the others sent them ("vinput.json"). Null
 * for any other name, or before the file exists. For a poll's trustees and a set's alike.
 */
export function ceremonyFile(group: Group, rows: readonly CeremonyRow[], position: number, name: string): { body: string; fileName: string } | null {
  if (name === "certificates.jsons") {
    const body = certificatesFile(rows);
    return body ? { body, fileName: "certs.jsons" } : null;
  }
  if (name === "vinput.json") {
    const body = vinputFile(group, rows, position);
    return body ? { body, fileName: `trustee-${position}.vinput` } : null;
  }
  return null;
}

/** The election's trustees once the ceremony is complete (step 6, which checks everything again); "missing" before. */
export function thresholdTrustees(group: Group, rows: readonly CeremonyRow[]): TrusteeKind[] | "missing" {
  if (ceremonyStep(rows) !== "complete") return "missing";
  const voutputs = rows.map((r) => ({ privateKey: r.decryptionKey!, publicKey: parseTrusteePublicKey(r.publicKey!) }));
  const params = thresholdStep6(group, certsOf(rows), polynomialsOf(rows), voutputs);
  // Named by number in the public record, not by person: the record is published to everyone.
  return [{ kind: "Pedersen", params: { ...params, verificationKeys: params.verificationKeys.map((k, i) => ({ ...k, name: `Trustee ${i + 1}` })) } }];
}

export type CeremonyProblem = "certificate_unreadable" | "key_invalid" | "key_reused" | "step_unreadable" | "step_invalid" | "not_your_step" | "already_given";

export type CeremonyUpdate = Partial<Pick<CeremonyRow, "certificate" | "polynomial" | "publicKey" | "decryptionKey">>;

/** Reads with Belenios' own parsers; null when the text is not that message at all. */
function readOrNull<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (error) {
    if (error instanceof BeleniosFormatError || error instanceof SyntaxError || error instanceof ThresholdError) return null;
    throw error;
  }
}

/**
 * What one trustee sent at the ceremony's current step, checked as far as the server can: the
 * update to keep, or why it is refused. A certificate may be replaced until every trustee has
 * given one; later steps are taken once (what the others did next was built on them).
 */
export function checkCeremonyMessage(
  group: Group,
  threshold: number,
  rows: readonly CeremonyRow[],
  position: number,
  text: string,
): { ok: true; update: CeremonyUpdate; step: CeremonyStep } | { ok: false; code: CeremonyProblem } {
  const step = ceremonyStep(rows);
  const mine = rows.find((r) => r.position === position);
  if (!mine || step === "complete") return { ok: false, code: "not_your_step" };
  const others = rows.filter((r) => r.position !== position);
  // A certificate once every trustee has given theirs: the others' polynomials are built on the old one.
  if (step !== "certificate" && readOrNull(() => parseCertKeys(signedMsgOf(JSON.parse(text.trim()), "cert")))) return { ok: false, code: "not_your_step" };
  switch (step) {
    case "certificate": {
      const cert = readOrNull(() => signedMsgOf(JSON.parse(text.trim()), "cert"));
      if (!cert) return { ok: false, code: "certificate_unreadable" };
      const keys = readOrNull(() => parseCertKeys(cert));
      if (!keys || !verifyCert(group, cert) || !isGroupElement(group, keys.verification) || !isGroupElement(group, keys.encryption))
        return { ok: false, code: "key_invalid" };
      const reused = others.some((r) => {
        if (!r.certificate) return false;
        const theirs = parseCertKeys(signedMsgOf(JSON.parse(r.certificate), "cert"));
        return theirs.verification === keys.verification || theirs.encryption === keys.encryption;
      });
      if (reused) return { ok: false, code: "key_reused" };
      return { ok: true, step, update: { certificate: serializeSignedMsg(cert) } };
    }
    case "polynomial": {
      if (mine.polynomial) return { ok: false, code: "already_given" };
      const polynomial = readOrNull(() => parsePolynomial(text.trim()));
      if (!polynomial) return { ok: false, code: "step_unreadable" };
      const messages = readOrNull(() => [parseEncryptedMsg(polynomial.polynomial), ...polynomial.secrets.map(parseEncryptedMsg)]);
      if (!messages || polynomial.secrets.length !== rows.length) return { ok: false, code: "step_unreadable" };
      const { verification } = parseCertKeys(signedMsgOf(JSON.parse(mine.certificate!), "cert"));
      if (!verifySignedMsg(group, verification, polynomial.coefexps)) return { ok: false, code: "step_invalid" };
      const coefexps = readOrNull(() => (JSON.parse(polynomial.coefexps.message) as { coefexps?: unknown }).coefexps);
      // The degree is the threshold: a trustee cannot quietly make the key need more, or fewer, of them.
      if (!Array.isArray(coefexps) || coefexps.length !== threshold) return { ok: false, code: "step_invalid" };
      if (!coefexps.every((c) => typeof c === "string" && /^[0-9]{1,700}$/.test(c) && isGroupElement(group, BigInt(c))))
        return { ok: false, code: "step_invalid" };
      return { ok: true, step, update: { polynomial: serializePolynomial(polynomial) } };
    }
    case "key_share": {
      if (mine.publicKey) return { ok: false, code: "already_given" };
      const voutput = readOrNull(() => parseVOutput(text.trim()));
      if (!voutput || !readOrNull(() => parseEncryptedMsg(voutput.privateKey))) return { ok: false, code: "step_unreadable" };
      if (!verifyTrusteePublicKey(group, voutput.publicKey)) return { ok: false, code: "step_invalid" };
      // The share's public half must be what everyone's commitments say this trustee's share is.
      const expected = verificationKeys(
        group,
        polynomialsOf(rows).map((p) => (JSON.parse(p.coefexps.message) as { coefexps: string[] }).coefexps.map(BigInt)),
      )[position - 1];
      if (voutput.publicKey.publicKey !== expected) return { ok: false, code: "step_invalid" };
      return {
        ok: true,
        step,
        update: {
          publicKey: serializeTrusteePublicKey({ pok: voutput.publicKey.pok, publicKey: voutput.publicKey.publicKey }),
          decryptionKey: voutput.privateKey,
        },
      };
    }
  }
}
