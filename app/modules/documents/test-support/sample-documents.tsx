/** Documents that exercise the kit, for its tests (JSX here, as vitest only collects *.test.ts). */
import { A4Page, FieldLine, Heading, List, Markdown, NumberedItem, Paragraph, PdfDocument, SignatureBlock, Table } from "../kit";

const generatedAt = new Date("2026-11-23T12:00:00Z");

export const longTableRows = Array.from({ length: 90 }, (_, i) => [`Row ${i + 1}`, String(i + 1)]);

/** One part with a table long enough to run over several pages. */
export function LongTableDocument() {
  return (
    <PdfDocument info={{ title: "Officer sheet", author: "New Party", subject: "Officers", keywords: ["officers"], generatedAt }}>
      <A4Page header="New Party" headerRight="Officer sheet" generatedAt={generatedAt}>
        <Heading level={1}>Officer sheet</Heading>
        <Table
          caption="Rows"
          columns={[
            { header: "Name", weight: 3 },
            { header: "Number", align: "right" },
          ]}
          rows={longTableRows}
          total={["Total", "90"]}
        />
      </A4Page>
    </PdfDocument>
  );
}

export const namesInManyScripts = "Gwenllian Ŵyn, Łukasz Żółć, Siobhán Ó Dónaill, Ελένη, Ярослава";

/** A pack of two parts, the second without header or generated date, using every component. */
export function PackDocument() {
  return (
    <PdfDocument info={{ title: "Pack", author: "New Party", generatedAt, language: "cy" }}>
      <A4Page header="New Party" generatedAt={generatedAt}>
        <Heading level={1}>Part one</Heading>
        <Paragraph>{namesInManyScripts}</Paragraph>
      </A4Page>
      <A4Page header={null} generatedAt={null}>
        <Heading level={1}>Part two</Heading>
        <Markdown text={"## Aims\n\nWe are **many**.\n\n- one\n- two"} />
        <List items={["first", "second"]} ordered />
        <NumberedItem number={3} title="Third">
          Body of three
        </NumberedItem>
        <FieldLine label="Date" value={null} caption="Write the date" />
        <FieldLine label="Number" value="A1" />
        <SignatureBlock closing="Signed," name="Treasurer Name" lines={["Treasurer"]} />
      </A4Page>
    </PdfDocument>
  );
}
