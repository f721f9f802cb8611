import { mailingCsv } from '../../documents/mailing-merge';
import type { LabelAddress } from '../../documents/address-labels';
import type { CallContext } from '../context';
import type { JobControl } from '../jobs/jobs';
import { runInWorker } from '../jobs/run-in-worker';
import { decideMailingList, type MailingRow } from './mailing-build';
import { getMailingList } from './mailing-lists';

export const MAILING_EXPORT_STEPS = [
  'Building the list from the register',
  'Writing the mail-merge workbook',
  'Laying out the address labels',
] as const;

const fileSafe = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'mailing-list';

export function labelAddress(r: MailingRow): LabelAddress {
  return {
    name: r.name,
    lines: [r.addressLine1, r.addressLine2, r.town, r.postcode].filter(
      (l): l is string => !!l && l.trim() !== '',
    ),
  };
}

/**
 * The list as it stands today: the mail-merge workbook (recipients, and who
 * is left out and why) and CSV, and address labels for those it reaches by
 * post. Built again here rather than taken from the preview, so a consent
 * withdrawn in between is honoured.
 */
export async function exportMailingList(
  ctx: CallContext,
  job: JobControl,
  listId: string,
): Promise<{ recipients: number; labels: number; excluded: number }> {
  job.step(MAILING_EXPORT_STEPS[0]);
  const list = await getMailingList(ctx, listId);
  const decided = await decideMailingList(ctx, list.filters);
  const base = fileSafe(list.name);

  job.step(MAILING_EXPORT_STEPS[1], decided.recipients.length + decided.excluded.length);
  const { bytes: xlsx } = await runInWorker(job, 'community.mailing-xlsx', {
    listName: list.name,
    recipients: decided.recipients,
    excluded: decided.excluded,
  });
  await job.keepFile(
    'xlsx',
    `${base}.xlsx`,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    xlsx,
  );
  await job.keepFile(
    'csv',
    `${base}.csv`,
    'text/csv',
    new TextEncoder().encode(mailingCsv(decided.recipients)),
  );

  const post = decided.recipients.filter((r) => r.channel === 'post');
  job.step(MAILING_EXPORT_STEPS[2], post.length);
  if (post.length > 0) {
    const { bytes: pdf } = await runInWorker(job, 'community.address-labels', {
      addresses: post.map(labelAddress),
    });
    await job.keepFile('labels', `${base}-labels.pdf`, 'application/pdf', pdf);
  }
  return {
    recipients: decided.recipients.length,
    labels: post.length,
    excluded: decided.excluded.length,
  };
}
