import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { PACK_FONT } from './board-pack/fonts';

export interface FundAgreementData {
  organisation: string;
  fund: string;
  round: string;
  reference: string;
  applicant: string;
  applicantKind: string;
  contact: string;
  project: string;
  summary: string;
  outcomes: string;
  area: string | null;
  priority: string | null;
  award: string;
  asked: string;
  decidedOn: string;
  projectDates: string | null;
  conditions: string | null;
  evaluationDue: string;
  issuedOn: string;
}

const s = StyleSheet.create({
  page: { padding: 44, fontFamily: PACK_FONT, fontSize: 10, color: '#1b1f23', lineHeight: 1.35 },
  org: { fontSize: 11, color: '#073b45', fontWeight: 'bold' },
  title: {
    fontSize: 18,
    fontWeight: 'bold',
    color: '#073b45',
    marginTop: 8,
    marginBottom: 6,
    lineHeight: 1.2,
  },
  meta: { marginTop: 3, color: '#3d4750' },
  heading: { fontSize: 12, fontWeight: 'bold', color: '#073b45', marginTop: 14, marginBottom: 4 },
  row: { flexDirection: 'row', paddingVertical: 2 },
  label: { width: 130, color: '#3d4750' },
  value: { flex: 1 },
  award: { fontSize: 14, fontWeight: 'bold', marginTop: 10 },
  item: { flexDirection: 'row', marginBottom: 3 },
  number: { width: 18 },
  signatures: { flexDirection: 'row', marginTop: 28, gap: 24 },
  signature: { flex: 1, borderTopWidth: 1, borderColor: '#505a63', paddingTop: 4 },
});

function Row({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <View style={s.row}>
      <Text style={s.label}>{label}</Text>
      <Text style={s.value}>{value}</Text>
    </View>
  );
}

/** The standing terms of every award; the panel's own conditions come first. */
function standardTerms(d: FundAgreementData): string[] {
  return [
    `The award of ${d.award} is spent only on the project described here. A change to the project is agreed with the customer involvement team before the money is spent on it.`,
    'Keep receipts or invoices for everything bought with the award, and send copies with the evaluation.',
    'Money not spent on the project is paid back, so it can go to the next round of the fund.',
    `Send the post-project evaluation by ${d.evaluationDue}: what was delivered, how many people took part or benefited, photos of the project (with the permission of anyone shown), and evidence of what was spent.`,
    `Say that the project was supported by ${d.organisation}'s ${d.fund} in anything you publish about it.`,
    'The project is open to everyone it is meant for, whatever their background, and is run safely, with any insurance, checks or permissions it needs.',
  ];
}

/** What the applicant signs: the award, its conditions and the evaluation that is due. */
export function FundAgreement({ data }: { data: FundAgreementData }) {
  const conditions = (data.conditions ?? '')
    .split(/\n+/)
    .map((c) => c.trim())
    .filter(Boolean);
  const terms = [...conditions, ...standardTerms(data)];
  return (
    <Document title={`Fund agreement ${data.reference}`} author={data.organisation}>
      <Page size="A4" style={s.page} wrap>
        <Text style={s.org}>{data.organisation}</Text>
        <Text style={s.title}>{data.fund} agreement</Text>
        <Text style={s.meta}>
          {data.round}, application {data.reference}
        </Text>
        <Text style={s.award}>Award: {data.award}</Text>
        <Text style={s.meta}>
          Decided on {data.decidedOn} (asked for {data.asked})
        </Text>

        <Text style={s.heading}>Who the award is to</Text>
        <Row label="Applicant" value={`${data.applicant} (${data.applicantKind})`} />
        <Row label="Contact" value={data.contact} />

        <Text style={s.heading}>The project</Text>
        <Row label="Project" value={data.project} />
        <Row label="What it is" value={data.summary} />
        <Row label="What it will achieve" value={data.outcomes} />
        <Row label="Area" value={data.area} />
        <Row label="Priority it meets" value={data.priority} />
        <Row label="When" value={data.projectDates} />

        <Text style={s.heading}>Conditions of the award</Text>
        {terms.map((t, i) => (
          <View key={i} style={s.item} wrap={false}>
            <Text style={s.number}>{i + 1}.</Text>
            <Text style={s.value}>{t}</Text>
          </View>
        ))}

        <Text style={s.heading}>Post-project evaluation</Text>
        <Text>Due by {data.evaluationDue}.</Text>

        <View style={s.signatures} wrap={false}>
          <Text style={s.signature}>Signed for the applicant, and date</Text>
          <Text style={s.signature}>Signed for {data.organisation}, and date</Text>
        </View>
        <Text style={[s.meta, { marginTop: 16, fontSize: 8 }]}>Issued on {data.issuedOn}.</Text>
      </Page>
    </Document>
  );
}
