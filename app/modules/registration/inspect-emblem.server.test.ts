import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { EMBLEM_COLOURED_SHARE, EMBLEM_GREY_SATURATION, EMBLEM_MARGIN } from "./readiness";
import { EmblemFileError, MAX_EMBLEM_FILE_BYTES, analyse, inspectEmblem } from "./inspect-emblem.server";

type Rgba = { r: number; g: number; b: number; alpha?: number };

/** A canvas of `background` with a filled square of `ink` at (left, top). */
async function image(options: {
  width: number;
  height: number;
  background: Rgba;
  ink?: Rgba;
  square?: { left: number; top: number; size: number };
  format?: "png" | "jpeg" | "webp" | "gif" | "tiff";
  channels?: 3 | 4;
}): Promise<Uint8Array> {
  const { width, height, background, format = "png", channels = 3 } = options;
  let pipeline = sharp({ create: { width, height, channels, background } });
  if (options.ink && options.square) {
    const { size, left, top } = options.square;
    const square = await sharp({ create: { width: size, height: size, channels: 4, background: { alpha: 1, ...options.ink } } })
      .png()
      .toBuffer();
    pipeline = sharp(await pipeline.png().toBuffer()).composite([{ input: square, left, top }]);
  }
  const out = await pipeline.toFormat(format).toBuffer();
  return new Uint8Array(out);
}

const white = { r: 255, g: 255, b: 255 };
const black = { r: 0, g: 0, b: 0 };

async function refusal(bytes: Uint8Array): Promise<EmblemFileError> {
  try {
    await inspectEmblem(bytes);
  } catch (error) {
    if (error instanceof EmblemFileError) return error;
    throw error;
  }
  throw new Error("expected the emblem to be refused");
}

describe("inspectEmblem: colour", () => {
  it("finds a greyscale image grey", async () => {
    const bytes = await image({
      width: 300,
      height: 300,
      background: { r: 200, g: 200, b: 200 },
      ink: { r: 60, g: 60, b: 60 },
      square: { left: 0, top: 0, size: 300 },
    });
    const result = await inspectEmblem(bytes);
    expect(result).toMatchObject({ width: 300, height: 300, format: "png", maxSaturation: 0, colouredShare: 0 });
  });

  it("finds a red picture in colour, above the checks' tolerance", async () => {
    const bytes = await image({ width: 300, height: 300, background: white, ink: { r: 220, g: 30, b: 30 }, square: { left: 0, top: 0, size: 150 } });
    const result = await inspectEmblem(bytes);
    expect(result.maxSaturation).toBeGreaterThan(0.7);
    expect(result.maxSaturation).toBeGreaterThan(EMBLEM_GREY_SATURATION);
    expect(result.colouredShare).toBeCloseTo(0.25, 2);
    expect(result.colouredShare).toBeGreaterThan(EMBLEM_COLOURED_SHARE);
  });

  it("ignores the colour noise of near-black and near-white pixels", () => {
    // Two pixels: a nearly black red (12, 0, 0) and a nearly white tint (255, 250, 242).
    const data = new Uint8Array([12, 0, 0, 255, 250, 242]);
    const result = analyse(data, 2, 1, 3);
    expect(result.maxSaturation).toBe(0);
    expect(result.colouredShare).toBe(0);
  });

  it("reads a greyscale JPEG as grey (compression adds no colour)", async () => {
    const bytes = await image({ width: 250, height: 250, background: white, ink: black, square: { left: 10, top: 10, size: 230 }, format: "jpeg" });
    const result = await inspectEmblem(bytes);
    expect(result.format).toBe("jpeg");
    expect(result.maxSaturation).toBeLessThanOrEqual(EMBLEM_GREY_SATURATION);
    expect(result.colouredShare).toBeLessThanOrEqual(EMBLEM_COLOURED_SHARE);
  });
});

describe("inspectEmblem: margins", () => {
  it("measures wide white margins on each side", async () => {
    // 400 x 200, ink from x 100..199 and y 20..119.
    const bytes = await image({ width: 400, height: 200, background: white, ink: black, square: { left: 100, top: 20, size: 100 } });
    const { margins } = await inspectEmblem(bytes);
    expect(margins.left).toBeCloseTo(100 / 400, 3);
    expect(margins.right).toBeCloseTo(200 / 400, 3);
    expect(margins.top).toBeCloseTo(20 / 200, 3);
    expect(margins.bottom).toBeCloseTo(80 / 200, 3);
  });

  it("finds no margin on a cropped image", async () => {
    const bytes = await image({ width: 300, height: 300, background: black });
    const { margins } = await inspectEmblem(bytes);
    expect(Math.max(margins.top, margins.right, margins.bottom, margins.left)).toBeLessThanOrEqual(EMBLEM_MARGIN);
    expect(margins).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });

  it("flattens transparency onto white, so a transparent surround is margin and not ink", async () => {
    const bytes = await image({
      width: 300,
      height: 300,
      background: { r: 0, g: 0, b: 0, alpha: 0 },
      channels: 4,
      ink: black,
      square: { left: 150, top: 150, size: 150 },
    });
    const result = await inspectEmblem(bytes);
    expect(result.margins.top).toBeCloseTo(0.5, 2);
    expect(result.margins.left).toBeCloseTo(0.5, 2);
    expect(result.margins.bottom).toBe(0);
    expect(result.maxSaturation).toBe(0);
  });

  it("treats a blank image as all margin", async () => {
    const bytes = await image({ width: 200, height: 200, background: white });
    const { margins } = await inspectEmblem(bytes);
    expect(margins).toEqual({ top: 0.5, right: 0.5, bottom: 0.5, left: 0.5 });
  });
});

describe("inspectEmblem: formats and refusals", () => {
  it("accepts WebP and SVG", async () => {
    const webp = await image({ width: 220, height: 220, background: black, format: "webp" });
    expect((await inspectEmblem(webp)).format).toBe("webp");
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect x="20" y="20" width="200" height="200" fill="#000"/></svg>',
    );
    const result = await inspectEmblem(svg);
    expect(result).toMatchObject({ format: "svg", width: 240, height: 240, maxSaturation: 0 });
    expect(result.margins.left).toBeCloseTo(20 / 240, 2);
  });

  it("refuses something that is not an image", async () => {
    const error = await refusal(new TextEncoder().encode("%PDF-1.7 this is not an image at all"));
    expect(error.code).toBe("not_image");
  });

  it("refuses an empty file", async () => {
    expect((await refusal(new Uint8Array())).code).toBe("empty");
  });

  it("refuses image formats other than PNG, JPEG, WebP and SVG", async () => {
    const gif = await image({ width: 50, height: 50, background: black, format: "gif" });
    const error = await refusal(gif);
    expect(error.code).toBe("unsupported_format");
    expect(error.format).toBe("gif");
    const tiff = await image({ width: 50, height: 50, background: black, format: "tiff" });
    expect((await refusal(tiff)).code).toBe("unsupported_format");
  });

  it("refuses files over the size cap before decoding them", async () => {
    const error = await refusal(new Uint8Array(MAX_EMBLEM_FILE_BYTES + 1));
    expect(error.code).toBe("too_large");
  });

  it("refuses a small file that would decompress into a huge image", async () => {
    // A few hundred bytes of SVG asking for 20,000 x 20,000 pixels.
    const bomb = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"><rect width="10" height="10"/></svg>');
    expect((await refusal(bomb)).code).toBe("too_many_pixels");
  });
});
