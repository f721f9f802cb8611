import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { TaskProgress } from '../services/jobs/cpu-tasks';
import { PACK_FONT, registerPackFonts } from './board-pack/fonts';
import { renderPdf } from './pdf';

/** One address as it goes on a label. */
export interface LabelAddress {
  name: string;
  lines: string[];
}

/*
 * The common A4 sheet of 21 labels, 3 across and 7 down, each 63.5 × 38.1 mm
 * (Avery L7160 and its equivalents): 15.15 mm top and bottom, 7.25 mm at the
 * sides, 2.5 mm between columns and none between rows. Laid out in points so
 * every label lands on its die-cut shape.
 */
export const LABELS_PER_PAGE = 21;
const mm = (n: number) => n * (72 / 25.4);
const LABEL_W = mm(63.5);
const LABEL_H = mm(38.1);
const GAP = mm(2.5);

const s = StyleSheet.create({
  page: {
    paddingTop: mm(15.15),
    paddingLeft: mm(7.25),
    paddingRight: 0,
    paddingBottom: 0,
    fontFamily: PACK_FONT,
    fontSize: 10,
    color: '#000',
    flexDirection: 'row',
    flexWrap: 'wrap',
  },
  label: {
    width: LABEL_W,
    height: LABEL_H,
    paddingHorizontal: mm(5),
    paddingVertical: mm(4),
    justifyContent: 'center',
    overflow: 'hidden',
  },
  gap: { marginRight: GAP },
  name: { fontWeight: 'bold' },
  line: { marginBottom: 1.5 },
});

/** A long line is set smaller so that it fits the label's width on one line where it can. */
function fitted(text: string) {
  return { fontSize: text.length > 34 ? 7.5 : text.length > 28 ? 8.5 : 9.5 };
}

function Labels({ addresses }: { addresses: LabelAddress[] }) {
  const pages: LabelAddress[][] = [];
  for (let i = 0; i < addresses.length; i += LABELS_PER_PAGE)
    pages.push(addresses.slice(i, i + LABELS_PER_PAGE));
  if (pages.length === 0) pages.push([]);
  return (
    <Document title="Address labels" author="Involvement Desk">
      {pages.map((page, p) => (
        <Page key={p} size="A4" style={s.page}>
          {page.map((a, i) => (
            <View key={i} style={i % 3 === 2 ? s.label : [s.label, s.gap]} wrap={false}>
              <Text style={[s.line, s.name, fitted(a.name)]}>{a.name}</Text>
              {a.lines.map((line, j) => (
                <Text key={j} style={[s.line, fitted(line)]}>
                  {line}
                </Text>
              ))}
            </View>
          ))}
        </Page>
      ))}
    </Document>
  );
}

/** Address labels for everyone who wants letters, 21 to an A4 sheet. */
export async function writeAddressLabels(
  input: { addresses: LabelAddress[] },
  progress: TaskProgress,
): Promise<Uint8Array> {
  registerPackFonts();
  const total = input.addresses.length;
  progress(0, total);
  const bytes = await renderPdf(<Labels addresses={input.addresses} />);
  progress(total, total);
  return new Uint8Array(bytes);
}
