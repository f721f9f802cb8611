import { Document, Page, Text, View } from '@react-pdf/renderer';
import { pdfStyles as s } from './pdf-styles';

export interface ConsultationFeedbackData {
  organisation: string;
  reference: string;
  policyName: string;
  generatedOn: string;
  /** "from 3 to 14 November 2026", or null when no window was set. */
  window: string | null;
  boardDate: string | null;
  participants: string[];
  commentCount: number;
  points: { said: string; outcome: string; explanation: string }[];
}

/**
 * The feedback every participant gets once the policy is revised: what they
 * said, what became of each point and why, in plain words. The Framework asks
 * that people hear what did not change as clearly as what did.
 */
export function ConsultationFeedback({ data }: { data: ConsultationFeedbackData }) {
  const changed = data.points.filter((p) => p.outcome !== 'Not changed');
  const unchanged = data.points.filter((p) => p.outcome === 'Not changed');
  const section = (title: string, points: ConsultationFeedbackData['points'], none: string) => (
    <>
      <Text style={s.heading}>{title}</Text>
      {points.length ? (
        points.map((p, i) => (
          <View key={i} wrap={false} style={{ marginBottom: 8 }}>
            <Text style={[s.paragraph, { fontFamily: 'Helvetica-Bold', marginBottom: 2 }]}>
              You said: {p.said}
            </Text>
            <Text style={s.paragraph}>
              {p.outcome === 'Partly changed' ? 'Partly changed. ' : ''}
              {p.explanation}
            </Text>
          </View>
        ))
      ) : (
        <Text style={s.paragraph}>{none}</Text>
      )}
    </>
  );
  return (
    <Document title={`${data.reference} feedback to participants`} author={data.organisation}>
      <Page size="A4" style={s.page}>
        <Text style={s.title}>{data.policyName}: what you told us and what we did</Text>
        <Text style={s.subtitle}>
          Policy consultation {data.reference} · feedback to participants, {data.generatedOn}
        </Text>
        <Text style={s.paragraph}>
          Thank you for taking part. {data.window ? `Comments were open ${data.window}. ` : ''}
          {data.commentCount === 1
            ? 'One comment was received. '
            : data.commentCount > 1
              ? `${data.commentCount} comments were received. `
              : ''}
          This sets out each point made, whether the policy changed because of it, and why.
          {data.boardDate ? ` The revised policy goes to the Board on ${data.boardDate}.` : ''}
        </Text>
        {section('What changed', changed, 'No point led to a change. The reasons are given below.')}
        {section('What did not change, and why', unchanged, 'Every point led to a change.')}
        {data.participants.length ? (
          <>
            <Text style={s.heading}>Who took part</Text>
            <Text style={s.paragraph}>{data.participants.join(', ')}</Text>
          </>
        ) : null}
        <View style={s.footer} fixed>
          <Text>
            {data.organisation} · {data.reference}
          </Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}
