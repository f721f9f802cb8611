import {
  decisionOutcomeLabels,
  type DecisionOutcome,
} from '../../../../src-shared/rules/case-lifecycle';
import { amberFrom, ragFor } from '../../../../src-shared/rules/kpi-rag';
import { caseFigures } from '../../cases/figures';
import type { PackSectionModule } from '../section';

export const complaintsSection: PackSectionModule = {
  key: 'complaints',
  title: 'Complaint panel',
  description:
    'Cases referred, heard and decided, outcomes, time against the panel’s standards, and how often the panel was chosen.',
  async figures(input) {
    const { ctx, period } = input;
    const f = await input.once('cases', () => caseFigures(ctx, period));
    const cases = await casesInPeriod(input);
    return {
      key: this.key,
      title: this.title,
      summary: `${f.referred} complaints were referred to the panel and ${f.decided} decided in the period${f.panelShare === null ? '' : `; the panel was chosen for ${Math.round(f.panelShare * 100)}% of complaints that exhausted the internal process`}.`,
      headlines: [
        { label: 'Referred', value: f.referred, format: 'integer' },
        { label: 'Decided', value: f.decided, format: 'integer' },
        {
          label: 'Chosen at the end of the internal process',
          value: f.panelShare,
          format: 'share',
        },
      ],
      tables: [
        {
          id: 'cases',
          title: 'Cases in the period',
          columns: [
            { header: 'Event', format: 'text' },
            { header: 'Cases', format: 'integer' },
          ],
          rows: [
            ['Referred to the panel', f.referred],
            ['Accepted', f.accepted],
            ['Declined', f.declined],
            ['Heard', f.heard],
            ['Decided', f.decided],
            ['  of which upheld', f.upheld],
            ['  of which partly upheld', f.partlyUpheld],
            ['  of which not upheld', f.notUpheld],
            ['Withdrawn', f.withdrawn],
            ['Referred to the Housing Ombudsman', f.referredToOmbudsman],
            ['Complaints that exhausted the internal process', f.exhaustedInternal],
          ],
          note: 'Each count is of events in the period: a case referred in March and heard in April counts as referred in March and heard in April.',
        },
        {
          id: 'timeliness',
          title: 'Time against the panel’s service standards (working days)',
          columns: [
            { header: 'Stage', format: 'text' },
            { header: 'Standard (days)', format: 'integer' },
            { header: 'Completed', format: 'integer', total: true },
            { header: 'Within standard', format: 'integer', total: true },
            { header: 'Average days', format: 'decimal' },
          ],
          rows: f.stageTimings.map((s) => [
            s.label,
            s.standardDays,
            s.completed,
            s.withinStandard,
            s.averageWorkingDays,
          ]),
        },
        {
          id: 'case-list',
          title: 'Complaint panel cases (the rows behind the counts)',
          detail: true,
          columns: [
            { header: 'Reference', format: 'text' },
            { header: 'Referred', format: 'date' },
            { header: 'Accepted', format: 'date' },
            { header: 'Declined', format: 'date' },
            { header: 'Heard', format: 'date' },
            { header: 'Decided', format: 'date' },
            { header: 'Outcome', format: 'text' },
            { header: 'Withdrawn', format: 'date' },
            { header: 'To the Ombudsman', format: 'date' },
          ],
          rows: cases.map((c) => [
            c.reference,
            c.referred_on,
            c.accepted_on,
            c.declined_on,
            c.heard_on,
            c.decision_on,
            c.decision_outcome
              ? decisionOutcomeLabels[c.decision_outcome as DecisionOutcome]
              : null,
            c.withdrawn_on,
            c.ombudsman_referred_on,
          ]),
        },
      ],
      charts: [
        {
          id: 'outcomes-chart',
          title: 'Decisions by outcome',
          xLabel: 'Outcome',
          yLabel: 'Cases',
          valueFormat: 'integer',
          bars: [
            { label: 'Upheld', value: f.upheld },
            { label: 'Partly upheld', value: f.partlyUpheld },
            { label: 'Not upheld', value: f.notUpheld },
          ],
        },
      ],
      notes: [
        'The panel’s review is never a third stage: residents may go to the Housing Ombudsman at any time.',
      ],
    };
  },
  async kpis(input) {
    const f = await input.once('cases', () => caseFigures(input.ctx, input.period));
    const target = input.targets.get('panel_share') ?? null;
    return [
      {
        measure: 'Complaint panel chosen at the end of the internal process',
        format: 'share',
        target,
        actual: f.panelShare,
        rag: ragFor(f.panelShare, target),
        greenFrom: target,
        amberFrom: amberFrom(target),
        ...(f.exhaustedInternal === null
          ? {
              note: 'Needs the number of complaints that exhausted the internal process (complaint panel settings).',
            }
          : {}),
      },
    ];
  },
};

/** Cases with any event in the period, the same rule as the counts. */
async function casesInPeriod(input: Parameters<PackSectionModule['figures']>[0]) {
  const { from, to } = input.period;
  const dates = [
    'referred_on',
    'accepted_on',
    'declined_on',
    'heard_on',
    'decision_on',
    'withdrawn_on',
    'ombudsman_referred_on',
  ] as const;
  return input.ctx.db
    .selectFrom('complaint_cases')
    .select(['reference', 'decision_outcome', ...dates])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or(dates.map((c) => eb.and([eb(c, '>=', from), eb(c, '<=', to)]))))
    .orderBy('reference')
    .execute();
}
