import { SMALL_NUMBER_LIMIT, SUPPRESSED } from '../../../../src-shared/rules/small-numbers';
import { attendanceFigures } from '../../groups/figures';
import type { PackSectionModule } from '../section';

/** An average of fewer than five answers could point to one person's score. */
function average(value: number | null, responses: number) {
  if (value === null) return null;
  if (responses < SMALL_NUMBER_LIMIT) return SUPPRESSED;
  return Math.round(value * 100) / 100;
}

export const satisfactionSection: PackSectionModule = {
  key: 'satisfaction',
  title: 'Satisfaction of involved customers',
  description:
    'The Framework’s two measures: satisfaction with the opportunities to be involved, and with the way they are involved.',
  async figures(input) {
    const { satisfaction: s } = await input.once('attendance', () =>
      attendanceFigures(input.ctx, input.period),
    );
    const opportunity = average(s.opportunity, s.opportunityResponses);
    const involvement = average(s.involvement, s.involvementResponses);
    return {
      key: this.key,
      title: this.title,
      summary:
        'Scores are from 1 (very dissatisfied) to 5 (very satisfied), given at held activities in the period.',
      headlines: [
        { label: 'With the opportunities (average of 5)', value: opportunity, format: 'decimal' },
        {
          label: 'With the way they are involved (average of 5)',
          value: involvement,
          format: 'decimal',
        },
      ],
      tables: [
        {
          id: 'satisfaction',
          title: 'Satisfaction scores',
          columns: [
            { header: 'Measure', format: 'text' },
            { header: 'Average (1–5)', format: 'decimal' },
            { header: 'Responses', format: 'integer' },
          ],
          rows: [
            [
              'Satisfaction with the opportunities to be involved',
              opportunity,
              s.opportunityResponses,
            ],
            ['Satisfaction with the way they are involved', involvement, s.involvementResponses],
          ],
        },
      ],
      charts: [],
      notes: [
        `An average of fewer than ${SMALL_NUMBER_LIMIT} responses is shown as "${SUPPRESSED}".`,
      ],
    };
  },
};
