import type { z } from 'zod';
import type { FileResult } from '../../../src-shared/api/meetings';
import { activityKindLabels, type icsExportInput } from '../../../src-shared/domain/meetings';
import { writeIcs, type IcsEvent } from '../../../src-shared/rules/ics';
import type { AppContext } from '../context';
import { getActivity, listActivities } from './activities';

/** One activity or a range, as an .ics file Outlook can open. */
export async function exportIcs(
  ctx: AppContext,
  input: z.output<typeof icsExportInput>,
): Promise<FileResult> {
  let events: IcsEvent[];
  let fileName: string;
  if ('activityId' in input) {
    const a = await getActivity(ctx, input.activityId);
    events = [
      {
        uid: `${a.id}@involvement-desk`,
        start: a.startsAt,
        end: a.endsAt,
        summary:
          a.groupName && !a.title.includes(a.groupName) ? `${a.groupName}: ${a.title}` : a.title,
        description: [activityKindLabels[a.kind], a.agenda ? `Agenda:\n${a.agenda}` : null]
          .filter(Boolean)
          .join('\n\n'),
        location: [a.venueName, a.venueAddress].filter(Boolean).join(', ') || null,
        cancelled: a.status === 'cancelled',
        updatedAt: a.updatedAt,
      },
    ];
    fileName = `${slug(a.title)}.ics`;
  } else {
    const list = await listActivities(ctx, input);
    events = list.map((a) => ({
      uid: `${a.id}@involvement-desk`,
      start: a.startsAt,
      end: a.endsAt,
      summary:
        a.groupName && !a.title.includes(a.groupName) ? `${a.groupName}: ${a.title}` : a.title,
      description: activityKindLabels[a.kind],
      location: a.venueName,
      cancelled: a.status === 'cancelled',
    }));
    fileName = `activities-${input.from}-to-${input.to}.ics`;
  }
  const text = writeIcs(events, ctx.clock.now(), 'Involvement activities');
  return {
    fileName,
    mimeType: 'text/calendar',
    data: Buffer.from(text, 'utf8').toString('base64'),
  };
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'activity'
  );
}
