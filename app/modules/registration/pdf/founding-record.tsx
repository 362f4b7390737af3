/**
 * 6. The founding record: the Commission's "evidence of adoption" at hand. The campaign's
 * figures, the members' decision, the founding roll, the standing orders vote, the constitution's
 * votes (each clause and the adoption vote) and the officer elections, each ballot with the head
 * of the hash chain that seals its published ballots.
 */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { count, pounds } from "~/modules/documents/format";
import { A4Page, FieldLine, Heading, Paragraph, PdfDocument, Table } from "~/modules/documents/kit";
import { foundingRecordMessages as t, packMessages } from "./messages";
import type { FoundingRecordData, PollRecord } from "./types";

const styles = StyleSheet.create({
  hash: { fontSize: 7.5, lineHeight: 1.3, color: "#555555", marginBottom: 8 },
  block: { marginBottom: 8 },
  line: { fontSize: 9, lineHeight: 1.35, marginBottom: 2 },
  hashRun: { fontSize: 7.5, color: "#555555" },
});

/** The lines a poll prints: what was asked, when, who could vote, what they decided. */
export function pollLines(poll: PollRecord): [string, string][] {
  const p = t.poll;
  const lines: [string, string][] = [
    [p.title, poll.title],
    [p.method, p.methods[poll.method] ?? poll.method],
    [p.status, p.statuses[poll.status] ?? poll.status],
  ];
  if (poll.openedAt) lines.push([p.opened, t.dateTime(poll.openedAt)]);
  if (poll.closedAt) lines.push([p.closed, t.dateTime(poll.closedAt)]);
  lines.push([p.roll, count(poll.rollSize)], [p.ballots, p.turnout(poll.ballots, poll.rollSize)]);
  if (poll.yesNo) {
    lines.push([p.yes, count(poll.yesNo.yes)], [p.no, count(poll.yesNo.no)], [p.abstain, count(poll.yesNo.abstain)]);
    if (poll.status === "closed") lines.push([p.result, poll.yesNo.passed ? p.passed : p.failed]);
  }
  if (poll.elected) lines.push([p.elected, poll.elected.length > 0 ? poll.elected.join(", ") : p.notCounted]);
  return lines;
}

function Poll({ poll }: { poll: PollRecord | null }) {
  if (!poll) return <Paragraph>{t.notHeld}</Paragraph>;
  return (
    <View style={styles.block}>
      {pollLines(poll).map(([label, value]) => (
        <FieldLine key={label} label={label} value={value} />
      ))}
      <Text style={styles.hash}>{`${t.poll.chainHead}: ${poll.chainHead}`}</Text>
    </View>
  );
}

export function FoundingRecordPages({ data }: { data: FoundingRecordData }) {
  const c = data.constitution;
  return (
    <A4Page header={data.partyName} headerRight={t.title} generatedAt={data.generatedAt}>
      <Heading level={1}>{t.title}</Heading>
      <Paragraph>{t.intro}</Paragraph>

      <Heading level={2}>{t.campaignHeading}</Heading>
      <FieldLine label={t.pledgesMade} value={count(data.campaign.pledgesMade)} />
      <FieldLine label={t.pledgesConfirmed} value={count(data.campaign.confirmed)} />
      <FieldLine label={t.pledgesWithdrawn} value={count(data.campaign.withdrawn)} />
      <FieldLine label={t.moneyAtStake} value={pounds(data.campaign.subscriptionsPence)} />

      <Heading level={2}>{t.decisionHeading}</Heading>
      <Poll poll={data.decision} />

      <Heading level={2}>{t.foundingHeading}</Heading>
      <FieldLine label={t.invited} value={count(data.founding.invited)} />
      <FieldLine label={t.accepted} value={count(data.founding.accepted)} />
      <FieldLine label={t.left} value={count(data.founding.left)} />

      <Heading level={2}>{t.standingOrdersHeading}</Heading>
      <Poll poll={data.standingOrders} />

      <Heading level={2}>{t.constitutionHeading}</Heading>
      {c ? (
        <>
          <Paragraph>{t.constitutionSummary(c.version, c.adoptedAt)}</Paragraph>
          {/* One text line per clause and per question, not table rows: react-pdf lays out a
              60-row table of boxes several times slower, and these run to 60 rows and more. */}
          <Heading level={3}>{t.clauseVotesCaption}</Heading>
          {c.clauses.map((x, i) => (
            <Text key={i} style={styles.line}>
              {t.clauseVote(x.title, t.decisions[x.decision] ?? x.decision, count(x.yes), count(x.no), count(x.abstain))}
            </Text>
          ))}
          <Heading level={3}>{t.adoptionVoteHeading}</Heading>
          <Poll poll={c.adoptionVote} />
          {c.failedAdoptionVotes.map((vote, i) => (
            <View key={i}>
              <Heading level={3}>{t.failedAdoptionVoteHeading(i + 1)}</Heading>
              <Poll poll={vote} />
            </View>
          ))}
          {c.questions.length > 0 ? (
            <>
              <Heading level={3}>{t.clauseHashesCaption}</Heading>
              {c.questions.map((q, i) => (
                <Text key={i} style={styles.line}>
                  {t.question(q.title, count(q.ballots))}
                  <Text style={styles.hashRun}>{` ${q.chainHead}`}</Text>
                </Text>
              ))}
            </>
          ) : null}
        </>
      ) : (
        <Paragraph>{t.notHeld}</Paragraph>
      )}

      <Heading level={2}>{t.electionsHeading}</Heading>
      {data.elections.length > 0 ? (
        <>
          <Table
            columns={[
              { header: t.electionColumns.position, weight: 2 },
              { header: t.electionColumns.elected, weight: 3 },
              { header: t.electionColumns.ballots, weight: 1, align: "right" },
              { header: t.electionColumns.roll, weight: 1, align: "right" },
            ]}
            rows={data.elections.map((e) => [
              e.position,
              e.elected.length > 0 ? e.elected.join(", ") : t.poll.notCounted,
              count(e.poll?.ballots ?? 0),
              count(e.poll?.rollSize ?? 0),
            ])}
          />
          {data.elections.map((e, i) => (
            <View key={`${i}-${e.position}`} wrap={false}>
              <Heading level={3}>{e.position}</Heading>
              {e.declaredAt ? <FieldLine label={t.poll.declared} value={t.dateTime(e.declaredAt)} /> : null}
              <Poll poll={e.poll} />
              {(e.recounts ?? []).map((r) => (
                <Text key={r.at.toISOString()} style={styles.line}>
                  {`${t.recount(r.at, r.reason)} ${r.outcome === "confirmed" ? t.recountConfirmed : t.recountCorrected(r.previous.join(", ") || t.poll.notCounted, r.previousDeclaredAt, r.elected.join(", ") || t.poll.notCounted)}`}
                </Text>
              ))}
            </View>
          ))}
        </>
      ) : (
        <Paragraph>{t.notHeld}</Paragraph>
      )}

      <Heading level={2}>{t.financialSchemeHeading}</Heading>
      {data.financialScheme ? <Poll poll={data.financialScheme} /> : <Paragraph>{t.financialSchemeNotAdopted}</Paragraph>}
      <Heading level={2}>{t.recordedStepsHeading}</Heading>
      <Paragraph>{t.recordedStepsIntro}</Paragraph>
      {data.recordedSteps.length > 0 ? (
        data.recordedSteps.map((step, i) => (
          <Text key={i} style={styles.line}>
            {t.recordedStep(step)}
          </Text>
        ))
      ) : (
        <Paragraph>{t.noRecordedSteps}</Paragraph>
      )}
    </A4Page>
  );
}

export function FoundingRecordPdf({ data }: { data: FoundingRecordData }) {
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
      <FoundingRecordPages data={data} />
    </PdfDocument>
  );
}
