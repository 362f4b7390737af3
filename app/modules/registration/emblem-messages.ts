import { commonWords, headerText } from "~/components/messages";

/** The wording of the Emblems page (routes/registration.emblems.tsx); refusals are in messages.ts. */
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

export const emblemPageText = {
  metaTitle: "Emblems - Registration",
  registration: headerText.sections.registration,
  title: "Emblems",
  done: "Done",
  notUnderstood: commonWords.notUnderstood,
  lead: "Up to three emblems candidates may print on the ballot paper. The Commission accepts them only in black and white or greyscale, cropped close, with a picture or symbol (plain text is refused), and printed 2 cm square: any lettering must be at least 6% of the emblem's height to be readable.",
  heading: (slot: number) => `Emblem ${slot}`,
  imageAlt: (slot: number) => `Emblem ${slot} as uploaded`,
  notAnswered: "Not answered yet",
  file: {
    term: "File",
    value: (name: string, format: string, width: number, height: number) => `${name} (${format.toUpperCase()}, ${width} × ${height} pixels)`,
  },
  colour: {
    term: "Colour",
    grey: "Black and white or greyscale.",
    coloured: (share: number) => `In colour: ${percent(share)} of the pixels have visible colour. The Commission accepts only black and white or greyscale.`,
    stray: (share: number) => `A few stray coloured pixels (${percent(share)}): make it greyscale to be sure.`,
  },
  margins: {
    term: "Empty margins",
    value: (m: { top: number; right: number; bottom: number; left: number }) =>
      `Top ${percent(m.top)}, right ${percent(m.right)}, bottom ${percent(m.bottom)}, left ${percent(m.left)} of the image.`,
    crop: " Crop the empty space around the emblem: the Commission asks for it cropped close.",
    close: " Cropped close.",
  },
  picture: { term: "Picture or symbol", yes: "Yes.", no: "No: the Commission refuses an emblem of lettering alone." },
  lettering: {
    term: "Smallest lettering",
    none: "No lettering.",
    height: (px: number, share: number) => `${px} pixels high: ${percent(share)} of the emblem's height (at least 6% is needed).`,
  },
  questions: {
    picture: "Does the emblem have a picture?",
    pictureHint: "A picture or symbol, not only lettering.",
    lettering: "Does it have any lettering?",
    smallest: "If yes: the height of its smallest letters, in pixels",
    smallestHint: (height: number) => `Measure a capital letter in an image editor. The image is ${height} pixels high.`,
    save: "Save answers",
  },
  none: "No emblem uploaded.",
  upload: {
    replaceLabel: (slot: number) => `Replace emblem ${slot}`,
    uploadLabel: (slot: number) => `Upload emblem ${slot}`,
    hint: "An image file (PNG or JPEG is best), smaller than 5 MB.",
    replace: "Replace",
    upload: "Upload",
    remove: (slot: number) => `Remove emblem ${slot}`,
  },
} as const;
