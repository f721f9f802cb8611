import { Document, Page, Text, View } from '@react-pdf/renderer';
import { pdfStyles as s } from './pdf-styles';

/** Text lines for a simple two-column table; values already formatted. */
export type Pair = [label: string, value: string];

export interface HearingPackData {
  organisation: string;
  reference: string;
  intro: string;
  summary: Pair[];
  codeFindings: string[];
  timeline: { date: string; event: string }[];
  panel: string[];
  evidence: { name: string; added: string; description: string }[];
  ombudsman: string;
  generatedOn: string;
}

export interface DecisionLetterData {
  organisation: string;
  reference: string;
  complainantName: string;
  addressLines: string[];
  date: string;
  body: string;
  signatory: { name: string; jobTitle: string; telephone: string; email: string };
  ombudsmanLines: string[];
}

const ROWS_PER_PAGE = 35;

function Footer({ left }: { left: string }) {
  return (
    <View style={s.footer} fixed>
      <Text>{left}</Text>
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}

function PairTable({ rows }: { rows: Pair[] }) {
  return (
    <View style={s.table}>
      {rows.map(([label, value], i) => (
        <View key={i} style={s.row} wrap={false}>
          <Text style={[s.headerCell, { width: '32%' }]}>{label}</Text>
          <Text style={[s.cell, { width: '68%' }]}>{value}</Text>
        </View>
      ))}
    </View>
  );
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

export function HearingPack({ data }: { data: HearingPackData }) {
  const footer = `${data.organisation} · Designated Complaints Panel · ${data.reference} · Confidential`;
  return (
    <Document title={`Hearing pack ${data.reference}`} author={data.organisation}>
      <Page size="A4" style={s.page}>
        <Text style={s.title}>Hearing pack: {data.reference}</Text>
        <Text style={s.subtitle}>Designated Complaints Panel · generated {data.generatedOn}</Text>
        <Text style={s.paragraph}>{data.intro}</Text>
        <Text style={s.heading}>Case summary</Text>
        <PairTable rows={data.summary} />
        <Text style={s.heading}>The resident’s route to the Housing Ombudsman</Text>
        <Text style={s.paragraph}>{data.ombudsman}</Text>
        <Text style={s.heading}>Internal stages against the Complaint Handling Code</Text>
        {data.codeFindings.length ? (
          data.codeFindings.map((f, i) => (
            <Text key={i} style={s.paragraph}>
              • {f}
            </Text>
          ))
        ) : (
          <Text style={s.paragraph}>No missed timescales were found in the recorded dates.</Text>
        )}
        <Text style={s.heading}>Panel members</Text>
        <Text style={s.paragraph}>
          {data.panel.length ? data.panel.join(', ') : 'None assigned yet.'}
        </Text>
        <Footer left={footer} />
      </Page>
      {chunks(data.timeline, ROWS_PER_PAGE).map((page, p) => (
        <Page key={`t${p}`} size="A4" style={s.page}>
          <Text style={s.heading}>Timeline{p > 0 ? ' (continued)' : ''}</Text>
          <View style={s.table}>
            <View style={s.headerRow}>
              <Text style={[s.headerCell, { width: '22%' }]}>Date</Text>
              <Text style={[s.headerCell, { width: '78%' }]}>Event</Text>
            </View>
            {page.map((e, i) => (
              <View key={i} style={s.row} wrap={false}>
                <Text style={[s.cell, { width: '22%' }]}>{e.date}</Text>
                <Text style={[s.cell, { width: '78%' }]}>{e.event}</Text>
              </View>
            ))}
          </View>
          <Footer left={footer} />
        </Page>
      ))}
      <Page size="A4" style={s.page}>
        <Text style={s.heading}>Evidence list</Text>
        {data.evidence.length ? (
          <View style={s.table}>
            <View style={s.headerRow}>
              <Text style={[s.headerCell, { width: '40%' }]}>Document</Text>
              <Text style={[s.headerCell, { width: '20%' }]}>Added</Text>
              <Text style={[s.headerCell, { width: '40%' }]}>Description</Text>
            </View>
            {data.evidence.map((e, i) => (
              <View key={i} style={s.row} wrap={false}>
                <Text style={[s.cell, { width: '40%' }]}>{e.name}</Text>
                <Text style={[s.cell, { width: '20%' }]}>{e.added}</Text>
                <Text style={[s.cell, { width: '40%' }]}>{e.description}</Text>
              </View>
            ))}
          </View>
        ) : (
          <Text style={s.paragraph}>No evidence has been attached.</Text>
        )}
        <Footer left={footer} />
      </Page>
    </Document>
  );
}

export function DecisionLetter({ data }: { data: DecisionLetterData }) {
  return (
    <Document title={`Decision letter ${data.reference}`} author={data.organisation}>
      <Page size="A4" style={s.page}>
        <Text style={s.title}>{data.organisation}</Text>
        <Text style={s.subtitle}>Designated Complaints Panel</Text>
        <View style={{ marginBottom: 14 }}>
          <Text>{data.complainantName}</Text>
          {data.addressLines.map((l, i) => (
            <Text key={i}>{l}</Text>
          ))}
        </View>
        <Text style={s.paragraph}>Date: {data.date}</Text>
        <Text style={s.paragraph}>Our reference: {data.reference}</Text>
        {data.body.split(/\n{2,}/).map((para, i) => (
          <Text key={i} style={s.paragraph}>
            {para}
          </Text>
        ))}
        <View style={{ marginTop: 18 }} wrap={false}>
          <Text style={{ fontFamily: 'Helvetica-Bold' }}>{data.signatory.name}</Text>
          <Text>{data.signatory.jobTitle}</Text>
          <Text>On behalf of the Designated Complaints Panel, {data.organisation}</Text>
          <Text>
            Telephone {data.signatory.telephone} · Email {data.signatory.email}
          </Text>
        </View>
        <View
          style={{ marginTop: 12, padding: 8, borderWidth: 1, borderColor: '#b7c0c7' }}
          wrap={false}
        >
          <Text style={[s.heading, { marginTop: 0 }]}>
            Your right to go to the Housing Ombudsman
          </Text>
          {data.ombudsmanLines.map((l, i) => (
            <Text key={i} style={s.paragraph}>
              {l}
            </Text>
          ))}
        </View>
        <Footer left={`${data.reference} · ${data.date}`} />
      </Page>
    </Document>
  );
}

export interface SelfAssessmentPdfData {
  organisation: string;
  title: string;
  rows: {
    provision: string;
    requirement: string;
    complies: string;
    evidence: string;
    cases: string[];
    documents: string[];
    figures: string[];
    comments: string;
  }[];
  /** When it is due, or when it was submitted. */
  status: string;
  generatedOn: string;
}

function EvidenceList({ label, items }: { label: string; items: string[] }) {
  if (!items.length) return null;
  return (
    <>
      <Text style={{ fontFamily: 'Helvetica-Bold', marginTop: 3 }}>{label}</Text>
      {items.map((item, i) => (
        <Text key={i}>• {item}</Text>
      ))}
    </>
  );
}

export function SelfAssessmentDocument({ data }: { data: SelfAssessmentPdfData }) {
  return (
    <Document title={data.title} author={data.organisation}>
      {chunks(data.rows, 12).map((page, p) => (
        <Page key={p} size="A4" orientation="landscape" style={s.page}>
          {p === 0 ? (
            <>
              <Text style={s.title}>{data.title}</Text>
              <Text style={s.subtitle}>
                {data.organisation} · {data.status} · generated {data.generatedOn}
              </Text>
            </>
          ) : null}
          <View style={s.table}>
            <View style={s.headerRow}>
              <Text style={[s.headerCell, { width: '7%' }]}>Provision</Text>
              <Text style={[s.headerCell, { width: '33%' }]}>Requirement</Text>
              <Text style={[s.headerCell, { width: '12%' }]}>Complies</Text>
              <Text style={[s.headerCell, { width: '28%' }]}>Evidence</Text>
              <Text style={[s.headerCell, { width: '20%' }]}>Tenant panel comments</Text>
            </View>
            {page.map((r) => (
              <View key={r.provision} style={s.row} wrap={false}>
                <Text style={[s.cell, { width: '7%' }]}>{r.provision}</Text>
                <Text style={[s.cell, { width: '33%' }]}>{r.requirement}</Text>
                <Text style={[s.cell, { width: '12%' }]}>{r.complies}</Text>
                <View style={[s.cell, { width: '28%' }]}>
                  {r.evidence ? <Text>{r.evidence}</Text> : null}
                  <EvidenceList label="Cases" items={r.cases} />
                  <EvidenceList label="Documents" items={r.documents} />
                  <EvidenceList label="Figures" items={r.figures} />
                </View>
                <Text style={[s.cell, { width: '20%' }]}>{r.comments}</Text>
              </View>
            ))}
          </View>
          <Footer left={data.title} />
        </Page>
      ))}
    </Document>
  );
}
