import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';

export interface CertificateData {
  organisation: string;
  customerName: string;
  courseName: string;
  sessionTitle: string;
  /** Already formatted, e.g. "2 March 2026". */
  date: string;
  hours: string | null;
  provider: string | null;
  issuedOn: string;
}

const s = StyleSheet.create({
  page: { padding: 56, fontFamily: 'Helvetica', color: '#1b1b1b' },
  frame: { flex: 1, borderWidth: 3, borderColor: '#1d5a8e', padding: 40, alignItems: 'center' },
  org: { fontSize: 14, color: '#1d5a8e', fontFamily: 'Helvetica-Bold' },
  school: { fontSize: 11, marginTop: 4, color: '#444' },
  heading: { fontSize: 30, fontFamily: 'Helvetica-Bold', marginTop: 36 },
  line: { fontSize: 13, marginTop: 24 },
  name: { fontSize: 24, fontFamily: 'Helvetica-Bold', marginTop: 14 },
  course: { fontSize: 18, fontFamily: 'Helvetica-Bold', marginTop: 14, textAlign: 'center' },
  detail: { fontSize: 12, marginTop: 8, textAlign: 'center' },
  issued: { position: 'absolute', bottom: 40, fontSize: 10, color: '#444' },
});

export function CertificateOfAttendance({ data }: { data: CertificateData }) {
  return (
    <Document title={`Certificate of attendance: ${data.customerName}`} author={data.organisation}>
      <Page size="A4" orientation="landscape" style={s.page}>
        <View style={s.frame}>
          <Text style={s.org}>{data.organisation}</Text>
          <Text style={s.school}>Talent School</Text>
          <Text style={s.heading}>Certificate of Attendance</Text>
          <Text style={s.line}>This is to certify that</Text>
          <Text style={s.name}>{data.customerName}</Text>
          <Text style={s.line}>attended</Text>
          <Text style={s.course}>{data.courseName}</Text>
          {data.sessionTitle !== data.courseName ? (
            <Text style={s.detail}>{data.sessionTitle}</Text>
          ) : null}
          <Text style={s.detail}>
            on {data.date}
            {data.hours ? ` (${data.hours})` : ''}
          </Text>
          {data.provider ? <Text style={s.detail}>Delivered by {data.provider}</Text> : null}
          <Text style={s.issued}>Issued on {data.issuedOn}</Text>
        </View>
      </Page>
    </Document>
  );
}
