/** 7. The readiness checklist: every check, grouped, with its result and reason. */
import { StyleSheet, Text } from "@react-pdf/renderer";
import { Fragment } from "react";
import { A4Page, Heading, Paragraph, PdfDocument } from "~/modules/documents/kit";
import { checklistMessages as t, packMessages } from "./messages";
import type { ChecklistData } from "./types";

const styles = StyleSheet.create({
  check: { marginBottom: 5 },
  status: { fontWeight: 700 },
});

export function ChecklistPages({ data }: { data: ChecklistData }) {
  const all = (data.groups ?? []).flatMap((g) => g.checks);
  const n = (status: string) => all.filter((c) => c.status === status).length;
  return (
    <A4Page header={data.partyName} headerRight={t.title} generatedAt={data.generatedAt}>
      <Heading level={1}>{t.title}</Heading>
      <Paragraph>{t.intro}</Paragraph>
      {data.groups === null ? (
        <Paragraph>{t.unavailable}</Paragraph>
      ) : (
        <>
          <Paragraph>{t.summary(n("pass"), n("warning"), n("fail"))}</Paragraph>
          {data.groups.map((group) => (
            <Fragment key={group.heading}>
              <Heading level={2}>{group.heading}</Heading>
              {/* One text per check (its result in words, then what and why), not table rows:
                  react-pdf lays out long tables of boxes several times slower. */}
              {group.checks.map((c, i) => (
                <Text key={`${group.heading}-${i}`} style={styles.check}>
                  <Text style={styles.status}>{`${t.statuses[c.status] ?? c.status}: ${c.title}.`}</Text>
                  {` ${c.reason}`}
                </Text>
              ))}
            </Fragment>
          ))}
        </>
      )}
    </A4Page>
  );
}

export function ChecklistPdf({ data }: { data: ChecklistData }) {
  return (
    <PdfDocument
      info={{
        title: `${data.partyName}: ${t.title}`,
        author: data.partyName,
        subject: t.subject(data.partyName),
        keywords: packMessages.keywords,
        generatedAt: data.generatedAt,
      }}
    >
      <ChecklistPages data={data} />
    </PdfDocument>
  );
}
