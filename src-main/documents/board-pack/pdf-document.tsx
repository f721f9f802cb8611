import { Document, G, Line, Page, Rect, Svg, Text, View } from '@react-pdf/renderer';
import type { PackChart, PackFigures } from '../../../src-shared/domain/board-packs';
import { audienceTitles } from '../../../src-shared/domain/board-packs';
import { formatCell, formatDate, formatShare } from '../../../src-shared/rules/pack-format';
import { CONTENT_WIDTH, FONT, type Block, type Layout } from './layout';
import type { Measure } from './measure';
import { ink, muted, rule, s, teal } from './pdf-styles';
import { TablePart } from './pdf-table';
import { PACK_FONT } from './fonts';

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

function chartValue(value: number, format: PackChart['valueFormat']): string {
  if (format === 'share') return formatShare(value);
  return formatCell(value, format === 'integer' ? 'integer' : 'decimal');
}

/** A horizontal bar chart as vectors: value bars solid, targets outlined, a labelled axis with ticks. */
function BarChart({ chart, height }: { chart: PackChart; height: number }) {
  const withTargets = chart.bars.some((b) => b.target !== undefined && b.target !== null);
  const labelWidth = 150;
  const plotLeft = labelWidth + 6;
  const plotWidth = CONTENT_WIDTH - plotLeft - 40;
  const top = 22;
  const perBar = withTargets ? 22 : 16;
  const largest = Math.max(0, ...chart.bars.flatMap((b) => [b.value ?? 0, b.target ?? 0]));
  // A share is read against the whole: the axis runs to 100% unless a bar goes beyond it.
  const max = chart.valueFormat === 'share' && largest <= 1 ? 1 : niceMax(largest);
  const x = (v: number) => plotLeft + (v / max) * plotWidth;
  const plotBottom = top + chart.bars.length * perBar;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * max);
  return (
    <View style={{ marginBottom: 10 }} wrap={false}>
      <Text style={s.tableTitle}>{chart.title}</Text>
      <Svg width={CONTENT_WIDTH} height={height}>
        {/* Legend */}
        <Rect x={plotLeft} y={2} width={10} height={8} fill={teal} />
        <Text x={plotLeft + 14} y={9} style={{ fontSize: 7.5, fontFamily: PACK_FONT }} fill={ink}>
          {chart.yLabel}
        </Text>
        {withTargets ? (
          <>
            <Rect
              x={plotLeft + 120}
              y={2}
              width={10}
              height={8}
              fill="#ffffff"
              stroke={ink}
              strokeWidth={0.75}
            />
            <Text
              x={plotLeft + 134}
              y={9}
              style={{ fontSize: 7.5, fontFamily: PACK_FONT }}
              fill={ink}
            >
              Target
            </Text>
          </>
        ) : null}
        {ticks.map((t, i) => (
          <Line
            key={`g${i}`}
            x1={x(t)}
            y1={top - 2}
            x2={x(t)}
            y2={plotBottom}
            stroke="#d5dbdf"
            strokeWidth={0.5}
          />
        ))}
        {chart.bars.map((b, i) => {
          const y = top + i * perBar;
          const value = b.value ?? 0;
          return (
            <G key={i}>
              <Text
                x={labelWidth}
                y={y + 9}
                textAnchor="end"
                style={{ fontSize: 7.5, fontFamily: PACK_FONT }}
                fill={ink}
              >
                {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
              </Text>
              <Rect
                x={plotLeft}
                y={y + 2}
                width={Math.max(0.5, x(value) - plotLeft)}
                height={9}
                fill={teal}
              />
              <Text
                x={x(value) + 3}
                y={y + 9.5}
                style={{ fontSize: 7.5, fontFamily: PACK_FONT }}
                fill={ink}
              >
                {b.value === null ? 'not recorded' : chartValue(value, chart.valueFormat)}
              </Text>
              {b.target !== undefined && b.target !== null ? (
                <>
                  <Rect
                    x={plotLeft}
                    y={y + 12}
                    width={Math.max(0.5, x(b.target) - plotLeft)}
                    height={6}
                    fill="#ffffff"
                    stroke={ink}
                    strokeWidth={0.6}
                  />
                  <Text
                    x={x(b.target) + 3}
                    y={y + 18}
                    style={{ fontSize: 6.5, fontFamily: PACK_FONT }}
                    fill={muted}
                  >
                    {chartValue(b.target, chart.valueFormat)}
                  </Text>
                </>
              ) : null}
            </G>
          );
        })}
        <Line
          x1={plotLeft}
          y1={plotBottom}
          x2={plotLeft + plotWidth}
          y2={plotBottom}
          stroke={ink}
          strokeWidth={0.75}
        />
        <Line
          x1={plotLeft}
          y1={top - 2}
          x2={plotLeft}
          y2={plotBottom}
          stroke={ink}
          strokeWidth={0.75}
        />
        {ticks.map((t, i) => (
          <Text
            key={`t${i}`}
            x={x(t)}
            y={plotBottom + 10}
            textAnchor="middle"
            style={{ fontSize: 7, fontFamily: PACK_FONT }}
            fill={ink}
          >
            {chartValue(t, chart.valueFormat === 'share' ? 'share' : 'decimal')}
          </Text>
        ))}
        <Text
          x={plotLeft + plotWidth / 2}
          y={plotBottom + 22}
          textAnchor="middle"
          style={{ fontSize: 7.5, fontFamily: PACK_FONT }}
          fill={ink}
        >
          {chart.yLabel}
        </Text>
        <Text
          x={labelWidth}
          y={top - 8}
          textAnchor="end"
          style={{ fontSize: 7.5, fontFamily: PACK_FONT }}
          fill={muted}
        >
          {chart.xLabel}
        </Text>
      </Svg>
    </View>
  );
}

function BlockView({ block, measure }: { block: Block; measure: Measure }) {
  switch (block.type) {
    case 'section':
      return <Text style={s.section}>{block.title}</Text>;
    case 'paragraph':
      return <Text style={s[block.tone]}>{block.text}</Text>;
    case 'headlines':
      return (
        <View style={s.headlines}>
          {block.items.map((h, i) => (
            <View key={i} style={s.headline}>
              <Text style={s.headlineValue}>{formatCell(h.value, h.format)}</Text>
              <Text style={s.headlineLabel}>{h.label}</Text>
            </View>
          ))}
        </View>
      );
    case 'chart':
      return <BarChart chart={block.chart} height={block.height} />;
    case 'table':
      return <TablePart block={block} measure={measure} />;
  }
}

export interface PackPdfProps {
  figures: PackFigures;
  layout: Layout;
  final: boolean;
  /** The widths the layout wrapped the tables with, to align their figures right. */
  measure: Measure;
}

/** The board pack: cover, contents with page numbers, then each section, as laid out in layout.ts. */
export function PackPdf({ figures, layout, final, measure }: PackPdfProps) {
  const worked = formatDate(figures.workedOutAt.slice(0, 10));
  const status = final ? `Final: figures as at ${worked}` : `Draft: figures worked out ${worked}`;
  return (
    <Document
      title={figures.title}
      author={`${figures.author}, ${figures.organisation}`}
      subject={`Customer involvement: ${figures.period.label}`}
      creator="Involvement Desk"
      producer="Involvement Desk"
      language="en-GB"
    >
      {layout.pages.map((page, index) => (
        <Page key={index} size="A4" style={s.page}>
          {page.kind !== 'cover' ? (
            <View style={s.header} fixed>
              <Text>{figures.organisation}</Text>
              <Text>{`${audienceTitles[figures.audience]}: ${figures.period.label}`}</Text>
            </View>
          ) : null}
          {page.kind === 'cover' ? <Cover figures={figures} status={status} /> : null}
          {page.kind === 'contents' ? <Contents layout={layout} page={index} /> : null}
          {page.blocks.map((b, i) => (
            <BlockView key={i} block={b} measure={measure} />
          ))}
          <View style={s.footer} fixed>
            <Text>{status}</Text>
            {/* Counted by react-pdf itself, so it stays right even if a page ever overflowed. */}
            <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
          </View>
        </Page>
      ))}
    </Document>
  );
}

function Cover({ figures, status }: { figures: PackFigures; status: string }) {
  return (
    <View style={{ marginTop: 120 }}>
      <Text style={{ fontSize: 13, color: muted, marginBottom: 18 }}>{figures.organisation}</Text>
      <Text
        style={{
          fontSize: 24,
          fontWeight: 'bold',
          color: teal,
          lineHeight: 1.25,
          marginBottom: 18,
        }}
      >
        {figures.title}
      </Text>
      <Text
        style={{ fontSize: 12, marginBottom: 6 }}
      >{`For ${audienceTitles[figures.audience]}`}</Text>
      <Text style={{ fontSize: 12, marginBottom: 6 }}>{`Period: ${figures.period.label}`}</Text>
      <Text
        style={{ fontSize: 12, marginBottom: 6 }}
      >{`${formatDate(figures.period.from)} to ${formatDate(figures.period.to)}`}</Text>
      <Text style={{ fontSize: 12, marginBottom: 6 }}>{`Prepared by ${figures.author}`}</Text>
      <Text style={{ fontSize: 12, marginTop: 18, fontWeight: 'bold' }}>{status}</Text>
      <Text style={{ fontSize: FONT.small, color: muted, marginTop: 40, lineHeight: 1.4 }}>
        Equality figures are aggregates only; any count from 1 to 4, and any figure from which one
        could be worked out, is shown as “fewer than 5”. The Excel workbook with this pack has the
        same figures and the rows behind them.
      </Text>
    </View>
  );
}

const CONTENTS_PER_PAGE = 34;

function Contents({ layout, page }: { layout: Layout; page: number }) {
  const first = (page - 1) * CONTENTS_PER_PAGE;
  const entries = layout.contents.slice(first, first + CONTENTS_PER_PAGE);
  return (
    <View>
      <Text style={s.section}>Contents</Text>
      {entries.map((e, i) => (
        <View
          key={i}
          style={{
            flexDirection: 'row',
            justifyContent: 'space-between',
            borderBottomWidth: 0.5,
            borderColor: rule,
            paddingVertical: 5,
          }}
        >
          <Text style={{ fontSize: 11 }}>{e.title}</Text>
          <Text style={{ fontSize: 11 }}>{`Page ${e.page}`}</Text>
        </View>
      ))}
    </View>
  );
}
