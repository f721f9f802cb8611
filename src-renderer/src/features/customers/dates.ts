import { londonDate } from '../../../../src-shared/rules/working-days';

/** Today in Europe/London, for the form's age check (the main process checks again). */
export function londonToday(): string {
  return londonDate(new Date());
}
