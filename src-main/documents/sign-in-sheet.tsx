import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';

export interface SignInSheetData {
  organisation: string;
  title: string;
  groupName: string | null;
  /** Already formatted for London, e.g. "Monday 2 March 2026, 6:00pm to 8:00pm". */
  when: string;
  venue: string | null;
  /**
   * Names only: the sheet lies on a table where anyone can read it, so it
   * carries no postcode or contact detail of anyone.
   */
  people: { name: string; isMember: boolean }[];
  /** Empty rows at the end for people who arrive unannounced. */
  blankRows: number;
}

const s = StyleSheet.create({
  page: { padding: 36, fontSize: 10, fontFamily: 'Helvetica', color: '#1b1b1b' },
  org: { fontSize: 9, color: '#555' },
  title: { fontSize: 16, fontFamily: 'Helvetica-Bold', marginTop: 4 },
  meta: { marginTop: 4, fontSize: 10 },
  note: { marginTop: 8, fontSize: 9, color: '#333' },
  table: { marginTop: 12, borderTopWidth: 1, borderColor: '#999' },
  row: {
    flexDirection: 'row',
    borderBottomWidth: 1,
    borderColor: '#bbb',
    minHeight: 24,
    alignItems: 'center',
  },
  head: { fontFamily: 'Helvetica-Bold', backgroundColor: '#eee' },
  name: { width: '42%', paddingHorizontal: 4 },
  member: { width: '14%', paddingHorizontal: 4 },
  signature: { width: '44%', paddingHorizontal: 4 },
  footer: {
    position: 'absolute',
    bottom: 20,
    left: 36,
    right: 36,
    fontSize: 8,
    color: '#555',
    flexDirection: 'row',
    justifyContent: 'space-between',
  },
});

/** Rows per page, so react-pdf lays out explicit pages (much faster than auto-wrapping). */
const ROWS_PER_PAGE = 22;

export function SignInSheet({ data }: { data: SignInSheetData }) {
  const rows: (SignInSheetData['people'][number] | null)[] = [
    ...data.people,
    ...Array.from({ length: data.blankRows }, () => null),
  ];
  const pages: (typeof rows)[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_PAGE) pages.push(rows.slice(i, i + ROWS_PER_PAGE));
  if (pages.length === 0) pages.push([]);
  return (
    <Document title={`Sign-in sheet: ${data.title}`} author={data.organisation}>
      {pages.map((pageRows, p) => (
        <Page key={p} size="A4" style={s.page}>
          <Text style={s.org}>{data.organisation}</Text>
          <Text style={s.title}>Sign-in sheet: {data.title}</Text>
          {data.groupName ? <Text style={s.meta}>Group: {data.groupName}</Text> : null}
          <Text style={s.meta}>When: {data.when}</Text>
          {data.venue ? <Text style={s.meta}>Where: {data.venue}</Text> : null}
          {p === 0 ? (
            <Text style={s.note}>
              Please sign next to your name. If you are new, write your name on an empty line: an
              officer will take your details in private and ask for your consent to keep them.
            </Text>
          ) : null}
          <View style={s.table}>
            <View style={[s.row, s.head]}>
              <Text style={s.name}>Name</Text>
              <Text style={s.member}>Member</Text>
              <Text style={s.signature}>Signature</Text>
            </View>
            {pageRows.map((person, i) => (
              <View key={i} style={s.row} wrap={false}>
                <Text style={s.name}>{person?.name ?? ''}</Text>
                <Text style={s.member}>{person ? (person.isMember ? 'Yes' : 'Guest') : ''}</Text>
                <Text style={s.signature}> </Text>
              </View>
            ))}
          </View>
          <View style={s.footer} fixed>
            <Text>{data.title}</Text>
            <Text>
              Page {p + 1} of {pages.length}
            </Text>
          </View>
        </Page>
      ))}
    </Document>
  );
}
