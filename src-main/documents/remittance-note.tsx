import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { PACK_FONT } from './board-pack/fonts';

export interface RemittanceLine {
  date: string;
  what: string;
  activity: string | null;
  explanation: string;
  amount: string;
}

export interface RemittanceData {
  organisation: string;
  customerName: string;
  batchReference: string;
  paidOn: string;
  method: string;
  total: string;
  claims: { reference: string; total: string; lines: RemittanceLine[] }[];
  issuedOn: string;
}

const s = StyleSheet.create({
  page: { padding: 40, fontFamily: PACK_FONT, fontSize: 10, color: '#1b1f23' },
  org: { fontSize: 11, color: '#073b45', fontWeight: 'bold' },
  title: { fontSize: 18, fontWeight: 'bold', color: '#073b45', marginTop: 10 },
  meta: { marginTop: 4, color: '#3d4750' },
  total: { fontSize: 13, fontWeight: 'bold', marginTop: 12 },
  claim: { fontSize: 11, fontWeight: 'bold', marginTop: 14, marginBottom: 4, color: '#073b45' },
  row: { flexDirection: 'row', borderBottomWidth: 1, borderColor: '#c9d1d7', paddingVertical: 4 },
  head: {
    flexDirection: 'row',
    borderBottomWidth: 1,
    borderColor: '#505a63',
    paddingVertical: 3,
    fontWeight: 'bold',
  },
  date: { width: 70 },
  what: { flex: 1, paddingRight: 6 },
  how: { flex: 1.4, paddingRight: 6 },
  amount: { width: 60, textAlign: 'right' },
  note: { marginTop: 18, fontSize: 9, color: '#3d4750', lineHeight: 1.4 },
});

/** What was paid to one customer in one batch, and how each line was worked out. */
export function RemittanceNote({ data }: { data: RemittanceData }) {
  return (
    <Document title={`Remittance note: ${data.customerName}`} author={data.organisation}>
      <Page size="A4" style={s.page} wrap>
        <Text style={s.org}>{data.organisation}</Text>
        <Text style={s.title}>Remittance note</Text>
        <Text style={s.meta}>To: {data.customerName}</Text>
        <Text style={s.meta}>
          Paid on {data.paidOn} by {data.method.toLowerCase()}, payment batch {data.batchReference}
        </Text>
        <Text style={s.total}>Total paid: {data.total}</Text>
        {data.claims.map((claim) => (
          <View key={claim.reference} wrap={claim.lines.length > 15}>
            <Text style={s.claim}>
              Claim {claim.reference}: {claim.total}
            </Text>
            <View style={s.head}>
              <Text style={s.date}>Date</Text>
              <Text style={s.what}>What for</Text>
              <Text style={s.how}>How it was worked out</Text>
              <Text style={s.amount}>Paid</Text>
            </View>
            {claim.lines.map((l, i) => (
              <View key={i} style={s.row}>
                <Text style={s.date}>{l.date}</Text>
                <Text style={s.what}>
                  {l.what}
                  {l.activity ? `\n${l.activity}` : ''}
                </Text>
                <Text style={s.how}>{l.explanation}</Text>
                <Text style={s.amount}>{l.amount}</Text>
              </View>
            ))}
          </View>
        ))}
        <Text style={s.note}>
          These payments pay back costs you actually paid out while volunteering with us. They are
          not earnings. If you have a question about this note, contact the customer involvement
          team. Issued on {data.issuedOn}.
        </Text>
      </Page>
    </Document>
  );
}
