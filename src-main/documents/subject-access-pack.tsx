import { Document, Page, renderToBuffer, StyleSheet, Text, View } from '@react-pdf/renderer';
import { PACK_FONT, registerPackFonts } from './board-pack/fonts';

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
  item: { marginTop: 4, paddingBottom: 3, borderBottomWidth: 1, borderColor: '#c9d1d7' },
  itemTitle: { fontWeight: 'bold', marginBottom: 2 },
  row: { flexDirection: 'row', marginTop: 1 },
  label: { width: 150, color: '#3d4750', paddingRight: 6 },
  value: { flex: 1 },
  empty: { color: '#3d4750' },
  footer: { position: 'absolute', bottom: 20, left: 40, right: 40, fontSize: 8, color: '#505a63' },
});

type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'empty'; text: string }
  | { kind: 'item'; title: string; fields: [string, string][] };

/** Lines a value takes at this size and width: enough to fill a page without overrunning it. */
function linesOf(text: string): number {
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / 62)), 0);
}

const PAGE_LINES = 58;
const FIRST_PAGE_LINES = 44;

/**
 * The pack's pages, cut by hand: react-pdf's own wrapping grows much faster
 * than the content, and a person with years of attendance has thousands of
 * lines. A long item is cut between its fields, its title said again.
 */
export function paginate(sections: SarSection[]): Block[][] {
  const pages: Block[][] = [[]];
  let room = FIRST_PAGE_LINES;
  const place = (block: Block, lines: number) => {
    if (lines > room && pages[pages.length - 1]!.length > 0) {
      pages.push([]);
      room = PAGE_LINES;
    }
    pages[pages.length - 1]!.push(block);
    room -= lines;
  };
  for (const section of sections) {
    // A heading never ends a page: it needs room for a few lines after it.
    if (room < 8) room = 0;
    place({ kind: 'heading', text: section.heading }, 3);
    if (section.items.length === 0) place({ kind: 'empty', text: section.empty }, 1);
    for (const item of section.items) {
      let fields: [string, string][] = [];
      let lines = 2;
      let title = item.title;
      for (const f of item.fields) {
        const l = linesOf(f[1]);
        if (lines + l > PAGE_LINES - 2) {
          place({ kind: 'item', title, fields }, lines);
          title = `${item.title} (continued)`;
          fields = [];
          lines = 2;
        }
        fields.push(f);
        lines += l;
      }
      place({ kind: 'item', title, fields }, lines);
    }
  }
  return pages;
}

function BlockView({ block }: { block: Block }) {
  if (block.kind === 'heading') return <Text style={s.heading}>{block.text}</Text>;
  if (block.kind === 'empty') return <Text style={s.empty}>{block.text}</Text>;
  return (
    <View style={s.item}>
      <Text style={s.itemTitle}>{block.title}</Text>
      {block.fields.map(([label, value], j) => (
        <View key={j} style={s.row}>
          <Text style={s.label}>{label}</Text>
          <Text style={s.value}>{value}</Text>
        </View>
      ))}
    </View>
  );
}

/** Everything held about one person, as the subject access pack sent to them. */
export function SubjectAccessPack({ data }: { data: SarPackData }) {
  const pages = paginate(data.sections);
  return (
    <Document title={`Subject access pack: ${data.subject}`} author={data.organisation}>
      {pages.map((blocks, i) => (
        <Page key={i} size="A4" style={s.page} wrap={false}>
          {i === 0 ? (
            <View>
              <Text style={s.org}>{data.organisation}</Text>
              <Text style={s.title}>Your information: subject access pack</Text>
              <Text style={s.meta}>For: {data.subject}</Text>
              <Text style={s.meta}>
                Produced on {data.producedOn} by {data.producedBy}
              </Text>
              <Text style={s.intro}>
                This pack holds everything the customer involvement team keeps about you: your
                record, the groups and activities you took part in, complaints, expense claims, the
                history of every change to your records and who looked at or exported them. A
                machine-readable copy (JSON) comes with it.
              </Text>
            </View>
          ) : null}
          {blocks.map((b, j) => (
            <BlockView key={j} block={b} />
          ))}
          <Text style={s.footer}>
            Subject access pack for {data.subject} · page {i + 1} of {pages.length}
          </Text>
        </Page>
      ))}
    </Document>
  );
}

/** Renders the pack in a worker thread (services/jobs/run-in-worker.ts). */
export async function renderSubjectAccessPdf(
  input: SarPackData,
  progress: (done: number, total: number) => void,
): Promise<Uint8Array> {
  registerPackFonts();
  progress(0, 1);
  const bytes = await renderToBuffer(<SubjectAccessPack data={input} />);
  progress(1, 1);
  return bytes;
}
