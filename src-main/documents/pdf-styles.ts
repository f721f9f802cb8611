import { StyleSheet } from '@react-pdf/renderer';

/** The house style of every generated PDF: A4, Helvetica, the app's teal for headings. */
export const pdfStyles = StyleSheet.create({
  page: {
    paddingTop: 36,
    paddingBottom: 48,
    paddingHorizontal: 40,
    fontSize: 10,
    fontFamily: 'Helvetica',
    color: '#1b1f23',
  },
  title: { fontSize: 18, fontFamily: 'Helvetica-Bold', color: '#073b45', marginBottom: 4 },
  subtitle: { fontSize: 11, color: '#505a63', marginBottom: 14 },
  heading: {
    fontSize: 12,
    fontFamily: 'Helvetica-Bold',
    color: '#073b45',
    marginTop: 12,
    marginBottom: 6,
  },
  // react-pdf multiplies a unitless line height by the text's own font size,
  // not the inherited one: without it, paragraphs came out double spaced.
  paragraph: { fontSize: 10, marginBottom: 6, lineHeight: 1.4 },
  table: { borderTopWidth: 1, borderColor: '#b7c0c7' },
  row: {
    flexDirection: 'row',
    borderBottomWidth: 1,
    borderColor: '#b7c0c7',
    minHeight: 20,
    alignItems: 'center',
  },
  headerRow: {
    flexDirection: 'row',
    borderBottomWidth: 1,
    borderColor: '#505a63',
    backgroundColor: '#eef1f4',
    minHeight: 20,
    alignItems: 'center',
  },
  cell: { paddingHorizontal: 4, paddingVertical: 3 },
  headerCell: { paddingHorizontal: 4, paddingVertical: 3, fontFamily: 'Helvetica-Bold' },
  footer: {
    position: 'absolute',
    bottom: 20,
    left: 40,
    right: 40,
    fontSize: 8,
    color: '#505a63',
    flexDirection: 'row',
    justifyContent: 'space-between',
  },
});
