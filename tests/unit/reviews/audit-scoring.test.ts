import { describe, expect, it } from 'vitest';
import {
  areaTotals,
  checkScore,
  compareVisits,
  passRates,
} from '../../../src-shared/rules/audit-scoring';

const visit = [
  { area: 'Grove Hill', item: 'Litter', score: 4, maxScore: 5 },
  { area: 'Grove Hill', item: 'Lighting', score: 2, maxScore: 5 },
  { area: 'Grove Hill', item: 'Bin stores', score: null, maxScore: 5 },
  { area: 'Brambles Farm', item: 'Litter', score: 3, maxScore: 3 },
];

describe('neighbourhood audit scoring', () => {
  it('totals each area over the items scored, rounding down', () => {
    expect(areaTotals(visit)).toEqual([
      { area: 'Brambles Farm', score: 3, max: 3, percent: 100, scored: 1, unscored: 0 },
      { area: 'Grove Hill', score: 6, max: 10, percent: 60, scored: 2, unscored: 1 },
    ]);
    expect(areaTotals([{ area: 'X', item: 'a', score: 1, maxScore: 3 }])[0]!.percent).toBe(33);
    expect(areaTotals([{ area: 'X', item: 'a', score: null, maxScore: 3 }])[0]!.percent).toBeNull();
  });
  it('compares a visit with the previous one area by area', () => {
    const before = [
      { area: 'grove hill', item: 'Litter', score: 2, maxScore: 5 },
      { area: 'grove hill', item: 'Lighting', score: 2, maxScore: 5 },
    ];
    expect(compareVisits(visit, before)).toEqual([
      { area: 'Brambles Farm', percent: 100, previousPercent: null, change: null },
      { area: 'Grove Hill', percent: 60, previousPercent: 40, change: 20 },
    ]);
  });
  it('refuses scores outside 0 to the maximum', () => {
    expect(checkScore(6, 5)).toBe('The score must be a whole number from 0 to 5.');
    expect(checkScore(-1, 5)).not.toBeNull();
    expect(checkScore(2.5, 5)).not.toBeNull();
    expect(checkScore(0, 5)).toBeNull();
    expect(checkScore(null, 5)).toBeNull();
    expect(checkScore(1, 0)).not.toBeNull();
  });
});

describe('mystery shop pass rate', () => {
  it('is the share of judged contacts that met the standard, by channel too', () => {
    const r = passRates([
      { channel: 'phone', metStandard: true },
      { channel: 'phone', metStandard: false },
      { channel: 'phone', metStandard: true },
      { channel: 'email', metStandard: false },
      { channel: 'email', metStandard: null },
    ]);
    expect(r.overall).toEqual({ judged: 4, passed: 2, percent: 50 });
    expect(r.byChannel).toEqual([
      { channel: 'email', judged: 1, passed: 0, percent: 0 },
      { channel: 'phone', judged: 3, passed: 2, percent: 66 },
    ]);
    expect(passRates([]).overall.percent).toBeNull();
  });
});
