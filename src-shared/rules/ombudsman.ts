import { readableDate } from './working-days';

/**
 * The resident's route to the Housing Ombudsman. The panel must never block or
 * delay it: since 1 October 2022 a resident may go to the Ombudsman directly,
 * at any time. The Ombudsman normally expects a complaint within 12 months of
 * the landlord's final response, so the case warns as that date approaches.
 * Screens and documents state the right to go at any time once, next to
 * these messages, so the messages themselves do not repeat it.
 */

export const ombudsmanRightStatement =
  'You may ask the Housing Ombudsman to look at your complaint at any time. The panel’s review does not ' +
  'replace the Ombudsman and you do not have to wait for it to finish.';

export interface OmbudsmanContact {
  name: string;
  address: string;
  telephone: string;
  email: string;
  website: string;
}

/** The details letters carry until the team changes them in the panel settings. */
export const defaultOmbudsmanContact: OmbudsmanContact = {
  name: 'Housing Ombudsman Service',
  address: 'PO Box 152, Liverpool, L33 7WQ',
  telephone: '0300 111 3000',
  email: 'info@housing-ombudsman.org.uk',
  website: 'www.housing-ombudsman.org.uk',
};

/** The lines every letter to the resident ends with. */
export function ombudsmanLetterLines(contact: OmbudsmanContact): string[] {
  return [
    ombudsmanRightStatement,
    `${contact.name}, ${contact.address}`,
    `Telephone ${contact.telephone} · Email ${contact.email} · ${contact.website}`,
  ];
}

export interface OmbudsmanThresholds {
  /** Days before the 12-month date at which the case starts warning. */
  warnDays: number;
  /** Days before the 12-month date at which the warning becomes urgent. */
  urgentDays: number;
}

export const defaultOmbudsmanThresholds: OmbudsmanThresholds = { warnDays: 90, urgentDays: 30 };

export type OmbudsmanLevel = 'open' | 'ok' | 'warning' | 'urgent' | 'passed';

export interface OmbudsmanWindow {
  finalResponse: string | null;
  /** 12 months after the final response. */
  windowEnds: string | null;
  daysLeft: number | null;
  level: OmbudsmanLevel;
  message: string;
}

const DAY_MS = 86_400_000;

/** The same day 12 months later; 29 February falls back to 28 February. */
export function twelveMonthsAfter(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function ombudsmanWindow(
  finalResponse: string | null,
  today: string,
  thresholds: OmbudsmanThresholds = defaultOmbudsmanThresholds,
): OmbudsmanWindow {
  if (!finalResponse) {
    return {
      finalResponse: null,
      windowEnds: null,
      daysLeft: null,
      level: 'open',
      message:
        'The internal process has not ended: no stage 2 final response is recorded, so the 12 months have not started.',
    };
  }
  const windowEnds = twelveMonthsAfter(finalResponse);
  const daysLeft = daysBetween(today, windowEnds);
  if (daysLeft < 0) {
    return {
      finalResponse,
      windowEnds,
      daysLeft,
      level: 'passed',
      message: `More than 12 months have passed since the final response (${readableDate(finalResponse)}). The resident may still contact the Ombudsman, who decides whether to accept a late complaint.`,
    };
  }
  const level: OmbudsmanLevel =
    daysLeft <= thresholds.urgentDays
      ? 'urgent'
      : daysLeft <= thresholds.warnDays
        ? 'warning'
        : 'ok';
  const when = daysLeft === 0 ? 'today' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
  return {
    finalResponse,
    windowEnds,
    daysLeft,
    level,
    message:
      level === 'ok'
        ? `The Ombudsman normally expects complaints within 12 months of the final response, so by ${readableDate(windowEnds)}.`
        : `The 12 months after the final response end ${when} (${readableDate(windowEnds)}). Make sure the resident knows they can go to the Housing Ombudsman now; the panel must not delay them.`,
  };
}

/**
 * The sentence a letter gives about the 12 months, with the dates written as
 * the letter writes them. It says plainly that the resident can go now.
 */
export function ombudsmanDeadlineLine(
  window: Pick<OmbudsmanWindow, 'finalResponse' | 'windowEnds' | 'daysLeft'>,
  formatDate: (iso: string) => string,
): string {
  if (!window.finalResponse || !window.windowEnds) {
    return 'The Ombudsman normally expects a complaint within 12 months of the landlord’s final response at stage 2. You do not need to wait for that response, or for us, to contact them.';
  }
  if ((window.daysLeft ?? 0) < 0) {
    return `The landlord’s final response was sent on ${formatDate(window.finalResponse)}, so the 12 months in which the Ombudsman normally expects a complaint ended on ${formatDate(window.windowEnds)}. You can still contact the Ombudsman, who decides whether to look at a complaint made later.`;
  }
  return `The landlord’s final response was sent on ${formatDate(window.finalResponse)}. The Ombudsman normally expects a complaint within 12 months of it, so you can go to the Ombudsman until ${formatDate(window.windowEnds)}, and you can go now.`;
}
