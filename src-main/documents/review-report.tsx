import { Document, Page, Text, View } from '@react-pdf/renderer';
import { pdfStyles as s } from './pdf-styles';

export interface ReviewReportData {
  organisation: string;
  reference: string;
  title: string;
  kindLabel: string;
  generatedOn: string;
  intro: string;
  closing: string | null;
  summary: [label: string, value: string][];
  team: string[];
  findings: { heading: string; text: string }[];
  evidence: { date: string; kind: string; title: string; detail: string }[];
  recommendations: {
    reference: string;
    text: string;
    response: string;
    owner: string;
    due: string;
    status: string;
  }[];
  requirements: string[];
  comments: { total: number; byTheme: { theme: string; count: number }[]; quotes: string[] };
}

/** Rows per page for the long tables: react-pdf slows badly on one auto-wrapping table. */
const EVIDENCE_ROWS = 28;
const RECOMMENDATION_ROWS = 12;
const small = { fontSize: 9 };

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function Footer({ left }: { left: string }) {
  return (
    <View style={s.footer} fixed>
      <Text>{left}</Text>
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}

function paragraphs(text: string) {
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p, i) => (
      <Text key={i} style={s.paragraph}>
        {p}
      </Text>
    ));
}

export function ReviewReport({ data }: { data: ReviewReportData }) {
  const footer = `${data.organisation} · ${data.kindLabel} · ${data.reference}`;
  return (
    <Document title={`${data.reference} ${data.title}`} author={data.organisation}>
      <Page size="A4" style={s.page}>
        <Text style={s.title}>{data.title}</Text>
        <Text style={s.subtitle}>
          {data.kindLabel} · {data.reference} · final report, {data.generatedOn}
        </Text>
        {paragraphs(data.intro)}
        <View style={s.table}>
          {data.summary.map(([label, value], i) => (
            <View key={i} style={s.row} wrap={false}>
              <Text style={[s.headerCell, { width: '30%' }]}>{label}</Text>
              <Text style={[s.cell, { width: '70%' }]}>{value}</Text>
            </View>
          ))}
        </View>
        <Text style={s.heading}>The team</Text>
        <Text style={s.paragraph}>
          {data.team.length ? data.team.join(', ') : 'No team recorded.'}
        </Text>
        <Text style={s.heading}>Findings</Text>
        {data.findings.length ? (
          data.findings.map((f, i) => (
            <View key={i} wrap={false}>
              <Text style={[s.paragraph, { fontFamily: 'Helvetica-Bold', marginBottom: 2 }]}>
                {i + 1}. {f.heading}
              </Text>
              {paragraphs(f.text)}
            </View>
          ))
        ) : (
          <Text style={s.paragraph}>No findings recorded.</Text>
        )}
        {data.comments.total ? (
          <>
            <Text style={s.heading}>What customers told us</Text>
            <Text style={s.paragraph}>
              {data.comments.total === 1 ? '1 comment was' : `${data.comments.total} comments were`}{' '}
              received
              {data.comments.byTheme.length
                ? `: ${data.comments.byTheme.map((t) => `${t.theme} ${t.count}`).join(', ')}.`
                : '.'}
            </Text>
            {data.comments.quotes.map((q, i) => (
              <Text
                key={i}
                style={[s.paragraph, { marginLeft: 12, fontFamily: 'Helvetica-Oblique' }]}
              >
                “{q}”
              </Text>
            ))}
          </>
        ) : null}
        {data.requirements.length ? (
          <>
            <Text style={s.heading}>Regulatory assurance</Text>
            <Text style={s.paragraph}>
              This work gave assurance on: {data.requirements.join('; ')}.
            </Text>
          </>
        ) : null}
        <Footer left={footer} />
      </Page>
      {(data.recommendations.length ? chunks(data.recommendations, RECOMMENDATION_ROWS) : [[]]).map(
        (page, p) => (
          <Page key={`r${p}`} size="A4" style={s.page}>
            <Text style={s.heading}>
              Recommendations and management responses{p > 0 ? ' (continued)' : ''}
            </Text>
            {page.length ? (
              <View style={s.table}>
                <View style={s.headerRow}>
                  <Text style={[s.headerCell, { width: '19%' }]}>Ref</Text>
                  <Text style={[s.headerCell, { width: '31%' }]}>Recommendation</Text>
                  <Text style={[s.headerCell, { width: '18%' }]}>Response</Text>
                  <Text style={[s.headerCell, { width: '12%' }]}>Owner</Text>
                  <Text style={[s.headerCell, { width: '11%' }]}>Due</Text>
                  <Text style={[s.headerCell, { width: '9%' }]}>Status</Text>
                </View>
                {page.map((r, i) => (
                  <View key={i} style={s.row} wrap={false}>
                    <Text style={[s.cell, small, { width: '19%' }]}>{r.reference}</Text>
                    <Text style={[s.cell, small, { width: '31%' }]}>{r.text}</Text>
                    <Text style={[s.cell, small, { width: '18%' }]}>{r.response}</Text>
                    <Text style={[s.cell, small, { width: '12%' }]}>{r.owner}</Text>
                    <Text style={[s.cell, small, { width: '11%' }]}>{r.due}</Text>
                    <Text style={[s.cell, small, { width: '9%' }]}>{r.status}</Text>
                  </View>
                ))}
              </View>
            ) : (
              <Text style={s.paragraph}>No recommendations were made.</Text>
            )}
            {p === Math.max(0, Math.ceil(data.recommendations.length / RECOMMENDATION_ROWS) - 1) &&
            data.closing ? (
              <View style={{ marginTop: 12 }}>{paragraphs(data.closing)}</View>
            ) : null}
            <Footer left={footer} />
          </Page>
        ),
      )}
      {chunks(data.evidence, EVIDENCE_ROWS).map((page, p) => (
        <Page key={`e${p}`} size="A4" style={s.page}>
          <Text style={s.heading}>Appendix: evidence log{p > 0 ? ' (continued)' : ''}</Text>
          <View style={s.table}>
            <View style={s.headerRow}>
              <Text style={[s.headerCell, { width: '14%' }]}>Date</Text>
              <Text style={[s.headerCell, { width: '16%' }]}>Kind</Text>
              <Text style={[s.headerCell, { width: '35%' }]}>Evidence</Text>
              <Text style={[s.headerCell, { width: '35%' }]}>Detail</Text>
            </View>
            {page.map((e, i) => (
              <View key={i} style={s.row} wrap={false}>
                <Text style={[s.cell, { width: '14%' }]}>{e.date}</Text>
                <Text style={[s.cell, { width: '16%' }]}>{e.kind}</Text>
                <Text style={[s.cell, { width: '35%' }]}>{e.title}</Text>
                <Text style={[s.cell, { width: '35%' }]}>{e.detail}</Text>
              </View>
            ))}
          </View>
          <Footer left={footer} />
        </Page>
      ))}
    </Document>
  );
}
