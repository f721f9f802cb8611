import type { Cell, PackTable } from '../../../../src-shared/domain/board-packs';
import {
  profileGroups,
  type ProfileCategory,
  type ProfileCounts,
} from '../../../../src-shared/domain/population-profile';
import { populationShares } from '../../../../src-shared/rules/population-profile';
import { formatDate } from '../../../../src-shared/rules/pack-format';
import {
  SUPPRESSED,
  suppressedIndexes,
  suppressTotal,
} from '../../../../src-shared/rules/small-numbers';
import { getPopulationProfile } from '../../organisation/population-profile';
import type { PackSectionModule } from '../section';
import { involvedAtEnd, type InvolvedRow } from './involved';

interface Group {
  label: string;
  count: number;
  /** This group's share of the tenant population, where the organisation holds it. */
  populationShare: number | null;
}

const NOT_RECORDED = 'Not recorded';

/**
 * One breakdown as a table, with small numbers suppressed: every count 1–4
 * and every share or difference from which one could be worked out reads
 * "fewer than 5".
 */
export function breakdownTable(id: string, title: string, groups: Group[]): PackTable {
  const total = groups.reduce((a, g) => a + g.count, 0);
  const hidden = suppressedIndexes(groups.map((g) => g.count));
  const withPopulation = groups.some((g) => g.populationShare !== null);
  const rows: Cell[][] = groups.map((g, i) => {
    const share = total > 0 ? g.count / total : null;
    const shown: Cell[] = [
      g.label,
      hidden.has(i) ? SUPPRESSED : g.count,
      hidden.has(i) ? SUPPRESSED : share,
    ];
    if (withPopulation)
      shown.push(
        g.populationShare,
        hidden.has(i) || share === null || g.populationShare === null
          ? hidden.has(i)
            ? SUPPRESSED
            : null
          : share - g.populationShare,
      );
    return shown;
  });
  const totalShown = suppressTotal(total);
  rows.push(
    withPopulation
      ? ['All involved customers', totalShown, total > 0 ? 1 : null, 1, null]
      : ['All involved customers', totalShown, total > 0 ? 1 : null],
  );
  return {
    id,
    title,
    columns: [
      { header: title.replace(/^By /, '').replace(/^\w/, (c) => c.toUpperCase()), format: 'text' },
      { header: 'Involved customers', format: 'integer' },
      { header: 'Share of involved', format: 'share' },
      ...(withPopulation
        ? [
            { header: 'Share of tenant population', format: 'share' as const },
            { header: 'Difference', format: 'share' as const },
          ]
        : []),
    ],
    rows,
  };
}

type Answer = 'equality_age_band' | 'equality_disability' | 'equality_ethnicity';

function countBy(rows: readonly InvolvedRow[], column: Answer): Map<string | null, number> {
  const counted = new Map<string | null, number>();
  for (const r of rows) counted.set(r[column], (counted.get(r[column]) ?? 0) + 1);
  return counted;
}

/**
 * One equality breakdown, set against the tenant population profile where
 * the organisation holds that category: each group's share of the
 * category's population total. "Not recorded" is ours alone, so it has no
 * population share.
 */
function coded(
  category: ProfileCategory,
  counted: Map<string | null, number>,
  profile: ProfileCounts,
): Group[] {
  const { codes, labels } = profileGroups[category];
  const share = populationShares(profile[category]);
  return [
    ...codes.map((code) => ({
      label: labels[code]!,
      count: counted.get(code) ?? 0,
      populationShare: share ? share(code) : null,
    })),
    { label: NOT_RECORDED, count: counted.get(null) ?? 0, populationShare: null },
  ];
}

export const representativenessSection: PackSectionModule = {
  key: 'representativeness',
  title: 'How representative involved customers are',
  description:
    'Involved customers by landlord, area, age band, disability and ethnicity, against the tenant population where it is held. Small numbers suppressed.',
  async figures(input) {
    const { ctx } = input;
    // The same involved customers as the section before, counted in one pass.
    const [areas, landlords, involved, profile] = await Promise.all([
      ctx.db
        .selectFrom('areas')
        .select(['id', 'name', 'landlord_id', 'population'])
        .where('deleted_at', 'is', null)
        .orderBy('name')
        .execute(),
      ctx.db
        .selectFrom('landlords')
        .select(['id', 'name'])
        .where('deleted_at', 'is', null)
        .orderBy('name')
        .execute(),
      input.once('involved', () => involvedAtEnd(ctx, input.period.to)),
      getPopulationProfile(ctx),
    ]);
    const areaCounts = new Map<string | null, number>();
    const landlordCounts = new Map<string | null, number>();
    for (const r of involved) {
      areaCounts.set(r.area_id, (areaCounts.get(r.area_id) ?? 0) + 1);
      landlordCounts.set(r.landlord_id, (landlordCounts.get(r.landlord_id) ?? 0) + 1);
    }
    const age = countBy(involved, 'equality_age_band');
    const disability = countBy(involved, 'equality_disability');
    const ethnicity = countBy(involved, 'equality_ethnicity');
    // The tenant population is held per area (homes or tenants); a landlord's is the sum of its areas.
    const populationKnown = areas.length > 0 && areas.every((a) => a.population !== null);
    const totalPopulation = areas.reduce((a, r) => a + (r.population ?? 0), 0);
    const share = (n: number) =>
      populationKnown && totalPopulation > 0 ? n / totalPopulation : null;

    const areaGroups: Group[] = areas.map((a) => ({
      label: a.name,
      count: areaCounts.get(a.id) ?? 0,
      populationShare: share(a.population ?? 0),
    }));
    areaGroups.push({
      label: NOT_RECORDED,
      count: areaCounts.get(null) ?? 0,
      populationShare: populationKnown ? 0 : null,
    });
    const landlordGroups: Group[] = landlords.map((l) => ({
      label: l.name,
      count: landlordCounts.get(l.id) ?? 0,
      populationShare: share(
        areas.filter((a) => a.landlord_id === l.id).reduce((s, a) => s + (a.population ?? 0), 0),
      ),
    }));
    landlordGroups.push({
      label: NOT_RECORDED,
      count: landlordCounts.get(null) ?? 0,
      populationShare: populationKnown ? 0 : null,
    });

    const tables = [
      breakdownTable('by-landlord', 'By landlord', landlordGroups),
      breakdownTable('by-area', 'By area', areaGroups),
      breakdownTable('by-age-band', 'By age band', coded('age_band', age, profile.counts)),
      breakdownTable(
        'by-disability',
        'By disability',
        coded('disability', disability, profile.counts),
      ),
      breakdownTable(
        'by-ethnicity',
        'By ethnic group',
        coded('ethnicity', ethnicity, profile.counts),
      ),
    ];
    const profiled = (['age_band', 'disability', 'ethnicity'] as const).filter(
      (c) => populationShares(profile.counts[c]) !== null,
    );
    const profileWords = {
      age_band: 'age band',
      disability: 'disability',
      ethnicity: 'ethnic group',
    };
    const missingWords = (['age_band', 'disability', 'ethnicity'] as const)
      .filter((c) => !profiled.includes(c))
      .map((c) => profileWords[c]);
    return {
      key: this.key,
      title: this.title,
      summary:
        'Who is involved, by landlord, area, age band, disability and ethnic group. Equality figures are aggregates only.',
      headlines: [],
      tables,
      charts: [],
      notes: [
        `Any count from 1 to 4 is shown as "${SUPPRESSED}", and so is any figure from which one could be worked out (its share, and the next smallest count when only one would be hidden).`,
        populationKnown
          ? 'The tenant population share comes from the population held for each area in the organisation settings.'
          : 'The tenant population is not held for every area yet, so no comparison is shown; add it for each area in the organisation settings.',
        profiled.length
          ? `The tenant population by ${profiled.map((c) => profileWords[c]).join(', ')} comes from the tenant population profile in the organisation settings${profile.source ? ` (imported from ${profile.source}` : ''}${profile.updatedAt ? `${profile.source ? ', ' : ' ('}updated ${formatDate(profile.updatedAt.slice(0, 10))})` : profile.source ? ')' : ''}; each group's share is of the tenants the profile counts.`
          : 'The tenant population profile (age band, disability and ethnic group) is not held yet, so those breakdowns have no comparison; an administrator can import or type it in the organisation settings.',
        ...(profiled.length && missingWords.length
          ? [
              `The profile holds no figures by ${missingWords.join(' or ')}, so that breakdown has no comparison.`,
            ]
          : []),
        'Shares of involved customers are of everyone involved, including those whose answer is not recorded.',
      ],
    };
  },
};
