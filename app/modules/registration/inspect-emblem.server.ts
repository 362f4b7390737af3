/**
 * What an uploaded emblem looks like to the readiness checks (readiness.ts): size, format, how
 * much colour it has, and how much empty margin surrounds it. Uses sharp (libvips).
 *
 * Refuses, with an EmblemFileError, anything that is not a PNG, JPEG, WebP or SVG image, files over
 * MAX_EMBLEM_FILE_BYTES, and images over MAX_EMBLEM_PIXELS (a small file can decompress into a
 * huge image). The Commission's required file format and resolution are UNCONFIRMED; these are
 * the formats its online system is understood to take and that print cleanly.
 */
import sharp, { type OutputInfo } from "sharp";
import { MAX_EMBLEM_FILE_BYTES } from "~/utils/input-limits";
import type { EmblemInspection } from "./details";

export { MAX_EMBLEM_FILE_BYTES };
/** 40 megapixels: far more than a 2 cm emblem needs, well short of a decompression bomb. */
export const MAX_EMBLEM_PIXELS = 40_000_000;
export const emblemFormats = ["png", "jpeg", "webp", "svg"] as const;

/** Analysis runs on a copy no larger than this on its longer side: enough for colour and margins, and quick. */
const ANALYSIS_SIZE = 1000;
/** Chroma (max - min of R, G, B, as 0..1) above which a pixel has visible colour. */
export const COLOUR_NOISE_FLOOR = 0.1;
/** Pixels this close to white or black carry only compression noise: their colour is ignored. */
const NEAR_WHITE = 240;
const NEAR_BLACK = 20;
/** A row or column is empty when every pixel is at least this light (after flattening onto white). */
const EMPTY_LEVEL = 245;

export type EmblemFileErrorCode = "empty" | "too_large" | "not_image" | "unsupported_format" | "too_many_pixels";

/** The upload cannot be used as an emblem; `code` says why (wording: readiness-messages.ts emblemFileErrorMessages). */
export class EmblemFileError extends Error {
  constructor(
    readonly code: EmblemFileErrorCode,
    readonly format?: string,
  ) {
    super(`Emblem refused: ${code}${format ? ` (${format})` : ""}`);
    this.name = "EmblemFileError";
  }
}

function isPixelLimit(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

export async function inspectEmblem(bytes: Uint8Array): Promise<EmblemInspection> {
  if (bytes.byteLength === 0) throw new EmblemFileError("empty");
  if (bytes.byteLength > MAX_EMBLEM_FILE_BYTES) throw new EmblemFileError("too_large");
  const options = { limitInputPixels: MAX_EMBLEM_PIXELS, failOn: "error" as const };

  let format: string;
  let width: number;
  let height: number;
  try {
    const metadata = await sharp(bytes, options).metadata();
    format = metadata.format;
    // Orientation 5-8 turns the picture a quarter turn: report what people see.
    const turned = (metadata.orientation ?? 1) >= 5;
    width = (turned ? metadata.height : metadata.width) ?? 0;
    height = (turned ? metadata.width : metadata.height) ?? 0;
  } catch (error) {
    throw new EmblemFileError(isPixelLimit(error) ? "too_many_pixels" : "not_image");
  }
  if (!(emblemFormats as readonly string[]).includes(format)) throw new EmblemFileError("unsupported_format", format);
  if (width * height > MAX_EMBLEM_PIXELS) throw new EmblemFileError("too_many_pixels");
  if (width === 0 || height === 0) throw new EmblemFileError("not_image");

  let raw: { data: Buffer; info: OutputInfo };
  try {
    raw = await sharp(bytes, options)
      .rotate()
      .flatten({ background: "#ffffff" })
      .resize({ width: ANALYSIS_SIZE, height: ANALYSIS_SIZE, fit: "inside", withoutEnlargement: true })
      .toColourspace("srgb")
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new EmblemFileError(isPixelLimit(error) ? "too_many_pixels" : "not_image");
  }
  return { width, height, format, ...analyse(raw.data, raw.info.width, raw.info.height, raw.info.channels) };
}

/** Colour and margins of raw RGB(A) pixels on white. Exported for tests. */
export function analyse(data: Uint8Array, width: number, height: number, channels: number): Omit<EmblemInspection, "width" | "height" | "format"> {
  let maxChroma = 0;
  let coloured = 0;
  const rowHasInk = new Uint8Array(height);
  const columnHasInk = new Uint8Array(width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const r = data[i] ?? 255;
      const g = channels >= 3 ? (data[i + 1] ?? 255) : r;
      const b = channels >= 3 ? (data[i + 2] ?? 255) : r;
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      if (min < EMPTY_LEVEL) {
        rowHasInk[y] = 1;
        columnHasInk[x] = 1;
      }
      // Chroma rather than HSV saturation: a nearly black pixel like (12, 0, 0) has full HSV
      // saturation but no colour anyone can see.
      if (min >= NEAR_WHITE || max <= NEAR_BLACK) continue;
      const chroma = (max - min) / 255;
      if (chroma > maxChroma) maxChroma = chroma;
      if (chroma > COLOUR_NOISE_FLOOR) coloured++;
    }
  }
  const pixels = width * height;
  const firstInk = (flags: Uint8Array) => flags.indexOf(1);
  const lastInk = (flags: Uint8Array) => flags.lastIndexOf(1);
  const top = firstInk(rowHasInk);
  let margins: EmblemInspection["margins"];
  if (top === -1) {
    // Nothing on it at all: all margin, half from each side.
    margins = { top: 0.5, right: 0.5, bottom: 0.5, left: 0.5 };
  } else {
    margins = {
      top: top / height,
      bottom: (height - 1 - lastInk(rowHasInk)) / height,
      left: firstInk(columnHasInk) / width,
      right: (width - 1 - lastInk(columnHasInk)) / width,
    };
  }
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    maxSaturation: round(maxChroma),
    colouredShare: pixels === 0 ? 0 : round(coloured / pixels),
    margins: { top: round(margins.top), right: round(margins.right), bottom: round(margins.bottom), left: round(margins.left) },
  };
}
