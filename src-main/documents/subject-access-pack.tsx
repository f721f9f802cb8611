import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { PACK_FONT } from './board-pack/fonts';

/** One section of the pack: a heading and its items, each a title and its fields. */
export interface SarSection {
  heading: string;
  /** Said when the section has no items, so the reader knows it was looked for. */
  empty: string;
  items: { title: string; fields: [label: string, value: string][] }[];
}

export interface SarPackData {
  organisation: string;
  subject: string;
  producedOn: string;
  producedBy: string;
  sections: SarSection[];
}

const s = StyleSheet.create({
  page: { padding: 40, fontFamily: PACK_FONT, fontSize: 9, color: '#1b1f23' },
  org: { fontSize: 11, color: '#073b45', fontWeight: 'bold' },
  title: { fontSize: 18, fontWeight: 'bold', color: '#073b45', marginTop: 10 },
  meta: { marginTop: 4, color: '#3d4750' },
  intro: { marginTop: 10, lineHeight: 1.25 },
  heading: { fontSize: 13, fontWeight: 'bold', color: '#073b45', marginTop: 16, marginBottom: 4 },
  item: { marginTop: 6, paddingBottom: 4, borderBottomWidth: 1, borderColor: '#c9d1d7' },
  itemTitle: { fontWeight: 'bold', marginBottom: 2 },
  row: { flexDirection: 'row', marginTop: 1 },
  label: { width: 150, color: '#3d4750', paddingRight: 6 },
  value: { flex: 1 },
  empty: { color: '#3d4750', fontStyle: 'normal' },
  footer: { position: 'absolute', bottom: 20, left: 40, right: 40, fontSize: 8, color: '#505a63' },
});

/** Everything held about one person, as the subject access pack sent to them. */
export function SubjectAccessPack({ data }: { data: SarPackData }) {
  return (
    <Document title={`Subject access pack: ${data.subject}`} author={data.organisation}>
      <Page size="A4" style={s.page} wrap>
        <Text style={s.org}>{data.organisation}</Text>
        <Text style={s.title}>Your information: subject access pack</Text>
        <Text style={s.meta}>For: {data.subject}</Text>
        <Text style={s.meta}>
          Produced on {data.producedOn} by {data.producedBy}
        </Text>
        <Text style={s.intro}>
          This pack holds everything the customer involvement team keeps about you: your record, the
          groups and activities you took part in, complaints, expense claims, the history of every
          change to your records and who looked at or exported them. A machine-readable copy (JSON)
          comes with it.
        </Text>
        {data.sections.map((section) => (
          <View key={section.heading}>
            <Text style={s.heading} minPresenceAhead={40}>
              {section.heading}
            </Text>
            {section.items.length === 0 ? <Text style={s.empty}>{section.empty}</Text> : null}
            {section.items.map((item, i) => (
              <View key={i} style={s.item} wrap={item.fields.length > 20}>
                <Text style={s.itemTitle}>{item.title}</Text>
                {item.fields.map(([label, value], j) => (
                  <View key={j} style={s.row}>
                    <Text style={s.label}>{label}</Text>
                    <Text style={s.value}>{value}</Text>
                  </View>
                ))}
              </View>
            ))}
          </View>
        ))}
        <Text
          style={s.footer}
          fixed
          render={({ pageNumber, totalPages }) =>
            `Subject access pack for ${data.subject} · page ${pageNumber} of ${totalPages}`
          }
        />
      </Page>
    </Document>
  );
}
