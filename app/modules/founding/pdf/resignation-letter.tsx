/**
 * A founding member's letter resigning from the old party, to send on the agreed leaving day:
 * as a PDF to print and sign, and as plain text to paste into an email. Both come from one
 * content builder, so the two versions always say the same thing.
 *
 * The letter is from the member, not from the movement: no movement header, no "generated"
 * footer, and the only date is the leaving day (or a line to write it on).
 */
import { ukCalendarDate, upperFirst } from "~/modules/documents/format";
import { A4Page, AddressBlock, FieldLine, Heading, Line, Paragraph, PdfDocument, SignatureBlock, Spacer } from "~/modules/documents/kit";
import { kitMessages } from "~/modules/documents/messages";
import { resignationMessages as t } from "./messages";

export interface ResignationLetterData {
  /** The member's name as the old party knows it. */
  memberName: string;
  /** Their membership number in the old party, if they gave it when pledging. */
  oldMembershipNumber: string | null;
  postcode: string | null;
  partyName: string;
  movementName: string;
  /** The agreed leaving day as YYYY-MM-DD, or null while it is not set. */
  leavingDay: string | null;
  /** Set to say why (the demands were not met by this deadline); null for a letter without reasons. */
  reasonDeadline: Date | null;
  generatedAt: Date;
}

export interface LetterField {
  label: string;
  /** Null: a blank line to fill in by hand. */
  value: string | null;
  /** What to write on the blank line. */
  hint: string;
}

export interface ResignationLetterContent {
  senderName: string;
  senderFields: LetterField[];
  date: LetterField;
  recipient: string[];
  salutation: string;
  heading: string;
  paragraphs: string[];
  closing: string;
}

export function resignationLetterContent(data: ResignationLetterData): ResignationLetterContent {
  const senderFields: LetterField[] = [{ label: t.membershipNumber, value: data.oldMembershipNumber?.trim() || null, hint: t.membershipNumberHint }];
  if (data.postcode?.trim()) senderFields.push({ label: t.postcode, value: data.postcode.trim(), hint: "" });
  const paragraphs = [t.resign(data.partyName, data.leavingDay)];
  if (data.reasonDeadline) paragraphs.push(t.reason(data.partyName, data.movementName, data.reasonDeadline));
  paragraphs.push(t.requests.join(" "));
  return {
    senderName: data.memberName.trim(),
    senderFields,
    date: { label: t.dateLabel, value: data.leavingDay ? ukCalendarDate(data.leavingDay) : null, hint: t.leavingDayHint },
    recipient: t.recipient(data.partyName),
    salutation: t.salutation,
    heading: t.heading,
    paragraphs,
    closing: t.closing,
  };
}

function textField(field: LetterField): string {
  if (field.value !== null) return `${field.label}: ${field.value}`;
  return `${field.label}: ${kitMessages.blankLine}${field.hint ? ` (${field.hint})` : ""}`;
}

/** The letter as plain text, to paste into an email or a word processor. */
export function resignationLetterText(data: ResignationLetterData): string {
  const c = resignationLetterContent(data);
  const sections = [
    [c.senderName, ...c.senderFields.map(textField)].join("\n"),
    textField(c.date),
    c.recipient.join("\n"),
    c.salutation,
    c.heading,
    ...c.paragraphs,
    [c.closing, "", c.senderName].join("\n"),
  ];
  return `${sections.join("\n\n")}\n`;
}

export function ResignationLetterDocument({ data }: { data: ResignationLetterData }) {
  const c = resignationLetterContent(data);
  return (
    <PdfDocument
      info={{
        title: `${t.documentTitle}: ${c.senderName}`,
        author: c.senderName,
        subject: t.subject(data.partyName),
        keywords: t.keywords,
        generatedAt: data.generatedAt,
      }}
    >
      <A4Page header={null} generatedAt={null}>
        <Line bold>{c.senderName}</Line>
        {c.senderFields.map((f, i) => (
          <FieldLine key={i} label={f.label} value={f.value} caption={upperFirst(f.hint)} />
        ))}
        <Spacer height={14} />
        <FieldLine label={c.date.label} value={c.date.value} caption={upperFirst(c.date.hint)} />
        <Spacer height={14} />
        <AddressBlock lines={c.recipient} />
        <Paragraph>{c.salutation}</Paragraph>
        <Heading level={2} bookmark={false}>
          {c.heading}
        </Heading>
        {c.paragraphs.map((p, i) => (
          <Paragraph key={i}>{p}</Paragraph>
        ))}
        <SignatureBlock closing={c.closing} name={c.senderName} />
      </A4Page>
    </PdfDocument>
  );
}
