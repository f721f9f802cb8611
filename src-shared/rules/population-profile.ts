import {
  emptyCounts,
  profileCategories,
  profileCategoryLabels,
  profileGroups,
  type ProfileCategory,
  type ProfileCounts,
  type ProfileLineError,
  type ProfilePreview,
} from '../domain/population-profile';

/** Letters and digits only, lower case, with "–" and "-" the same: how a typed name is matched. */
function key(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‐-―]/g, '-')
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9+-]+/g, '');
}

const categoryNames: Record<string, ProfileCategory> = {
  ageband: 'age_band',
  age: 'age_band',
  agegroup: 'age_band',
  disability: 'disability',
  disabled: 'disability',
  ethnicity: 'ethnicity',
  ethnicgroup: 'ethnicity',
  ethnic: 'ethnicity',
};

export function categoryOf(text: string): ProfileCategory | null {
  return categoryNames[key(text)] ?? null;
}

/** A group by its code or label, as the register shows it. */
export function groupOf(category: ProfileCategory, text: string): string | null {
  const wanted = key(text);
  if (!wanted) return null;
  const { codes, labels } = profileGroups[category];
  return codes.find((c) => key(c) === wanted || key(labels[c]!) === wanted) ?? null;
}

function countOf(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n <= 10_000_000 ? n : null;
}

interface Sheet {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

/**
 * Reads a profile spreadsheet with the columns category, group and count
 * (in any order, headed on the first row). Every row that cannot be read is
 * named with its line; the rows that can be read are kept for the preview.
 */
export function readProfileSheet(
  fileName: string,
  sheet: Sheet,
  held: ProfileCounts,
): ProfilePreview {
  const errors: ProfileLineError[] = [];
  const rows: ProfilePreview['rows'] = [];
  const headers = sheet.headers.map((h) => key(h));
  const col = (...names: string[]) => headers.findIndex((h) => names.includes(h));
  const at = {
    category: col('category'),
    group: col('group', 'groupname', 'value'),
    count: col('count', 'number', 'tenants', 'population'),
  };
  const missing = (Object.keys(at) as (keyof typeof at)[]).filter((k) => at[k] === -1);
  if (missing.length) {
    errors.push({
      line: 1,
      message: `The first row must head the columns category, group and count; ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing.`,
    });
    return { fileName, rows, errors, counts: held, replaces: [] };
  }
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const cell = (i: number) => (cells[i] ?? '').trim();
    const categoryText = cell(at.category);
    const groupText = cell(at.group);
    const countText = cell(at.count);
    if (!categoryText && !groupText && !countText) continue;
    const category = categoryOf(categoryText);
    if (!category) {
      errors.push({
        line: row,
        message: categoryText
          ? `Line ${row}: "${categoryText}" is not a category; use age band, disability or ethnicity.`
          : `Line ${row}: the category is missing.`,
      });
      continue;
    }
    const group = groupOf(category, groupText);
    if (!group) {
      const labels = profileGroups[category].codes.map((c) => profileGroups[category].labels[c]);
      errors.push({
        line: row,
        message: groupText
          ? `Line ${row}: "${groupText}" is not a group of ${profileCategoryLabels[category].toLowerCase()}; use one of ${labels.join('; ')}.`
          : `Line ${row}: the group is missing.`,
      });
      continue;
    }
    const count = countOf(countText);
    if (count === null) {
      errors.push({
        line: row,
        message: countText
          ? `Line ${row}: the count "${countText}" is not a whole number from 0 to 10,000,000.`
          : `Line ${row}: the count is missing.`,
      });
      continue;
    }
    const where = `${category}:${group}`;
    const earlier = seen.get(where);
    if (earlier !== undefined) {
      errors.push({
        line: row,
        message: `Line ${row}: ${profileCategoryLabels[category]} "${profileGroups[category].labels[group]}" is already given on line ${earlier}.`,
      });
      continue;
    }
    seen.set(where, row);
    rows.push({ line: row, category, group, count });
  }
  if (!rows.length && !errors.length)
    errors.push({ line: 1, message: 'The file has no rows below its header.' });
  const replaces = profileCategories.filter((c) => rows.some((r) => r.category === c));
  const counts = emptyCounts();
  for (const c of profileCategories) counts[c] = replaces.includes(c) ? {} : { ...held[c] };
  for (const r of rows) counts[r.category][r.group] = r.count;
  return { fileName, rows, errors, counts, replaces };
}

/** Each group's share of its category's total, or null where the category is not held. */
export function populationShares(
  counts: Record<string, number>,
): ((code: string) => number) | null {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  return (code) => (counts[code] ?? 0) / total;
}
