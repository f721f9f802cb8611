import type { AgeBand } from '../domain/customer';

/** Youngest and oldest ages the register accepts (Young Voices starts at 10). */
export const minimumAge = 10;
export const maximumAge = 110;

/** Whole years between a `YYYY-MM-DD` birth date and `today` (also `YYYY-MM-DD`). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  // Someone born on 29 February has their birthday on 1 March in other years.
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}

/** What is wrong with a date of birth, in words, or null if it is plausible. */
export function dateOfBirthProblem(dateOfBirth: string, today: string): string | null {
  if (dateOfBirth > today) return 'Date of birth cannot be in the future.';
  const age = ageOn(dateOfBirth, today);
  if (age < minimumAge)
    return `That makes them ${age}: involved customers are ${minimumAge} or older.`;
  if (age > maximumAge) return `That makes them ${age}: check the year.`;
  return null;
}

/** The reporting band for an age, as the equality monitoring uses. */
export function ageBandFor(age: number): Exclude<AgeBand, 'prefer_not'> {
  if (age < 16) return '10_15';
  if (age < 25) return '16_24';
  if (age < 35) return '25_34';
  if (age < 45) return '35_44';
  if (age < 55) return '45_54';
  if (age < 65) return '55_64';
  if (age < 75) return '65_74';
  return '75_plus';
}

/** Young Voices is for ages 10 to 24 (membership rule 4). */
export function isYoungVoicesAge(age: number): boolean {
  return age >= 10 && age <= 24;
}
