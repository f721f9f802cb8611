import { StyleSheet } from '@react-pdf/renderer';
import { FONT, PAGE } from './layout';
import { PACK_FONT } from './fonts';

export const ink = '#1b1f23';
export const teal = '#073b45';
export const muted = '#4a545c';
export const rule = '#9aa5ad';

export const s = StyleSheet.create({
  page: {
    paddingTop: PAGE.top,
    paddingBottom: PAGE.bottom,
    paddingHorizontal: PAGE.marginX,
    fontFamily: PACK_FONT,
    fontSize: FONT.body,
    color: ink,
  },
  header: {
    position: 'absolute',
    top: 24,
    left: PAGE.marginX,
    right: PAGE.marginX,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontSize: FONT.small,
    color: muted,
    borderBottomWidth: 0.75,
    borderColor: rule,
    paddingBottom: 4,
  },
  footer: {
    position: 'absolute',
    bottom: 22,
    left: PAGE.marginX,
    right: PAGE.marginX,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontSize: FONT.small,
    color: muted,
    borderTopWidth: 0.75,
    borderColor: rule,
    paddingTop: 4,
  },
  section: { fontSize: FONT.heading, fontWeight: 'bold', color: teal, marginBottom: 10 },
  summary: { fontSize: FONT.body, lineHeight: 1.3, marginBottom: 8 },
  note: { fontSize: FONT.small, lineHeight: 1.3, color: muted, marginBottom: 8 },
  commentary: { fontSize: FONT.body, lineHeight: 1.3, marginBottom: 8 },
  label: { fontSize: FONT.body, fontWeight: 'bold', color: teal, marginBottom: 4 },
  tableTitle: { fontSize: FONT.subheading, fontWeight: 'bold', color: teal, marginBottom: 6 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderColor: rule },
  headRow: {
    flexDirection: 'row',
    backgroundColor: '#e6ebee',
    borderBottomWidth: 1,
    borderColor: muted,
  },
  totalRow: { flexDirection: 'row', borderTopWidth: 1, borderColor: ink, fontWeight: 'bold' },
  cell: { paddingHorizontal: 4, paddingVertical: 3, fontSize: FONT.table, lineHeight: 1.3 },
  headCell: {
    paddingHorizontal: 4,
    paddingVertical: 3,
    fontSize: FONT.table,
    lineHeight: 1.3,
    fontWeight: 'bold',
  },
  headlines: { flexDirection: 'row', marginBottom: 12, gap: 8 },
  headline: { flexGrow: 1, flexBasis: 0, borderWidth: 0.75, borderColor: rule, padding: 6 },
  headlineValue: { fontSize: 14, fontWeight: 'bold', color: teal },
  headlineLabel: { fontSize: FONT.small, color: muted, marginTop: 2 },
});

/** RAG as words on shades that stay distinct in greyscale: light green, mid amber, dark red. */
export const ragStyle: Record<string, { backgroundColor: string; color: string }> = {
  Green: { backgroundColor: '#cfe8d4', color: ink },
  Amber: { backgroundColor: '#f2b84b', color: ink },
  Red: { backgroundColor: '#8c1d1d', color: '#ffffff' },
};

export const numeric = new Set(['integer', 'decimal', 'share', 'pence']);
