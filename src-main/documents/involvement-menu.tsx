import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { MenuOpportunity } from '../../src-shared/domain/community';
import { skillOptions } from '../../src-shared/domain/customer';
import { readableDate } from '../../src-shared/rules/working-days';
import type { TaskProgress } from '../services/jobs/cpu-tasks';
import { PACK_FONT, registerPackFonts } from './board-pack/fonts';
import { renderPdf } from './pdf';

export interface MenuPdfInput {
  organisation: string;
  asOf: string;
  opportunities: MenuOpportunity[];
}

const s = StyleSheet.create({
  page: { padding: 40, paddingBottom: 50, fontFamily: PACK_FONT, fontSize: 10, color: '#1b1f23' },
  title: { fontSize: 18, fontWeight: 'bold', color: '#073b45' },
  subtitle: { fontSize: 10, color: '#505a63', marginTop: 4, marginBottom: 12, lineHeight: 1.4 },
  family: { fontSize: 12, fontWeight: 'bold', color: '#073b45', marginTop: 10, marginBottom: 4 },
  card: { borderTopWidth: 1, borderColor: '#b7c0c7', paddingVertical: 6 },
  group: { fontSize: 11, fontWeight: 'bold', marginBottom: 2 },
  line: { lineHeight: 1.35, marginBottom: 1 },
  label: { fontWeight: 'bold' },
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

const PER_PAGE = 6;

function Line({ label, text }: { label: string; text: string | null }) {
  if (!text) return null;
  return (
    <Text style={s.line}>
      <Text style={s.label}>{label}: </Text>
      {text}
    </Text>
  );
}

/** The menu for involvement as a leaflet: what each group asks of volunteers and gives them. */
function Menu({ input }: { input: MenuPdfInput }) {
  const pages: MenuOpportunity[][] = [];
  for (let i = 0; i < input.opportunities.length; i += PER_PAGE)
    pages.push(input.opportunities.slice(i, i + PER_PAGE));
  if (pages.length === 0) pages.push([]);
  return (
    <Document title="Ways to get involved" author={input.organisation}>
      {pages.map((page, p) => (
        <Page key={p} size="A4" style={s.page}>
          {p === 0 ? (
            <>
              <Text style={s.title}>Ways to get involved</Text>
              <Text style={s.subtitle}>
                {input.organisation}: the groups you can join, the time each asks of you, the skills
                you will use and the training we offer. Give as much time as you can; no customer is
                out of pocket for volunteering. As of {readableDate(input.asOf)}.
              </Text>
            </>
          ) : null}
          {page.length === 0 ? <Text>No opportunities are listed at the moment.</Text> : null}
          {page.map((o, i) => (
            <View key={o.groupId} wrap={false}>
              {i === 0 || page[i - 1]!.family !== o.family ? (
                <Text style={s.family}>{o.family}</Text>
              ) : null}
              <View style={s.card}>
                <Text style={s.group}>{o.group}</Text>
                {o.description ? <Text style={s.line}>{o.description}</Text> : null}
                <Line label="Commitment" text={o.commitment} />
                <Line
                  label="Skills you will use"
                  text={o.skills.map((k) => skillOptions.labels[k]).join(', ') || null}
                />
                <Line label="Training offered" text={o.trainingOffered} />
                <Line
                  label="How to join"
                  text={o.howToJoin ?? 'Ask the Customer Involvement Team.'}
                />
              </View>
            </View>
          ))}
          <View style={s.footer} fixed>
            <Text>Ways to get involved</Text>
            <Text>
              Page {p + 1} of {pages.length}
            </Text>
          </View>
        </Page>
      ))}
    </Document>
  );
}

export async function writeMenuPdf(
  input: MenuPdfInput,
  progress: TaskProgress,
): Promise<Uint8Array> {
  registerPackFonts();
  const bytes = await renderPdf(<Menu input={input} />);
  progress(input.opportunities.length, input.opportunities.length);
  return new Uint8Array(bytes);
}
