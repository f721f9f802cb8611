import type { DocumentProps } from '@react-pdf/renderer';
import { createElement, type ReactElement } from 'react';
import type { FileResult } from '../../../src-shared/api/meetings';
import { ApiError } from '../../../src-shared/errors';
import { CertificateOfAttendance } from '../../documents/certificate-of-attendance';
import { SignInSheet } from '../../documents/sign-in-sheet';
import { renderPdf } from '../../documents/pdf';
import type { AppContext } from '../context';
import { readSetting } from '../settings';
import { getActivity } from './activities';
import { roster } from './attendance';

const london = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', ...options });
const weekday = london({ weekday: 'long' });
const plainDate = london({ day: 'numeric', month: 'long', year: 'numeric' });
const time = london({ hour: 'numeric', minute: '2-digit', hour12: true });

function when(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const t = (d: Date) => time.format(d).replace(' ', '').toLowerCase();
  return `${weekday.format(start)} ${plainDate.format(start)}, ${t(start)} to ${t(end)}`;
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'document'
  );
}

async function organisationName(ctx: AppContext): Promise<string> {
  return (
    (await readSetting<string | null>(ctx, 'organisation.name', null)) ?? 'Customer involvement'
  );
}

/** A printable sign-in sheet: the roster, then blank lines for new people. */
export async function signInSheet(ctx: AppContext, activityId: string): Promise<FileResult> {
  const [activity, list, organisation] = await Promise.all([
    getActivity(ctx, activityId),
    roster(ctx, activityId),
    organisationName(ctx),
  ]);
  const bytes = await renderPdf(
    createElement(SignInSheet, {
      data: {
        organisation,
        title: activity.title,
        groupName: activity.groupName,
        when: when(activity.startsAt, activity.endsAt),
        venue: [activity.venueName, activity.venueAddress].filter(Boolean).join(', ') || null,
        people: list.people.map((p) => ({ name: p.name, isMember: p.isMember })),
        blankRows: 10,
      },
    }) as ReactElement<DocumentProps>,
  );
  return {
    fileName: `sign-in-${slug(activity.title)}.pdf`,
    mimeType: 'application/pdf',
    data: bytes.toString('base64'),
  };
}

/** A Talent School certificate for one customer's attendance at a training session. */
export async function certificateOfAttendance(
  ctx: AppContext,
  attendanceId: string,
): Promise<FileResult> {
  const row = await ctx.db
    .selectFrom('attendance as t')
    .innerJoin('activities as a', 'a.id', 't.activity_id')
    .innerJoin('training_courses as c', 'c.id', 'a.course_id')
    .innerJoin('customers as p', 'p.id', 't.customer_id')
    .select([
      't.status',
      't.minutes_given',
      'a.title',
      'a.starts_at',
      'a.status as activity_status',
      'c.name as course_name',
      'c.provider',
      'p.first_name',
      'p.last_name',
    ])
    .where('t.id', '=', attendanceId)
    .where('t.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('That training attendance');
  if (row.status !== 'present' || row.activity_status === 'cancelled') {
    throw ApiError.invalid('A certificate can only be issued for a session the customer attended.');
  }
  const minutes = row.minutes_given;
  const hours = minutes
    ? `${Number((minutes / 60).toFixed(1))} ${minutes === 60 ? 'hour' : 'hours'}`
    : null;
  const customerName = `${row.first_name} ${row.last_name}`;
  const bytes = await renderPdf(
    createElement(CertificateOfAttendance, {
      data: {
        organisation: await organisationName(ctx),
        customerName,
        courseName: row.course_name,
        sessionTitle: row.title,
        date: plainDate.format(new Date(row.starts_at)),
        hours,
        provider: row.provider,
        issuedOn: plainDate.format(ctx.clock.now()),
      },
    }) as ReactElement<DocumentProps>,
  );
  return {
    fileName: `certificate-${slug(customerName)}-${slug(row.course_name)}.pdf`,
    mimeType: 'application/pdf',
    data: bytes.toString('base64'),
  };
}
