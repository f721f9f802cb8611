import type { z } from 'zod';
import {
  mailingFiltersInput,
  mailingPurposeLabels,
  type CommunicationKind,
  type CommunicationSummary,
  type CustomerCommunication,
  type MailingList,
  type MailingListInput,
  type MailingPurpose,
  type mailingListInput,
  type recordSentInput,
} from '../../../src-shared/domain/community';
import { ApiError } from '../../../src-shared/errors';
import {
  mailingChannels,
  type MailingChannel,
} from '../../../src-shared/rules/mailing-eligibility';
import type { MailingListRow } from '../../db/schema/community';
import { writing, type CallContext } from '../context';
import { decideMailingList } from './mailing-build';

function toList(row: MailingListRow, lastSentOn: string | null): MailingList {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose as MailingPurpose,
    // Parsed through the schema, so a list saved before a new filter existed reads with its default.
    filters: mailingFiltersInput.parse(JSON.parse(row.filters)),
    notes: row.notes,
    updatedAt: row.updated_at,
    lastSentOn,
  };
}

async function listRow(ctx: CallContext, id: string): Promise<MailingListRow> {
  const row = await ctx.db
    .selectFrom('mailing_lists')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The mailing list');
  return row;
}

async function lastSent(ctx: CallContext): Promise<Map<string, string>> {
  const rows = await ctx.db
    .selectFrom('communications')
    .select(['mailing_list_id', (eb) => eb.fn.max('sent_on').as('last')])
    .where('deleted_at', 'is', null)
    .where('mailing_list_id', 'is not', null)
    .groupBy('mailing_list_id')
    .execute();
  return new Map(rows.map((r) => [r.mailing_list_id!, r.last]));
}

export async function listMailingLists(ctx: CallContext): Promise<MailingList[]> {
  const rows = await ctx.db
    .selectFrom('mailing_lists')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .execute();
  const sent = await lastSent(ctx);
  return rows.map((r) => toList(r, sent.get(r.id) ?? null));
}

export async function getMailingList(ctx: CallContext, id: string): Promise<MailingList> {
  const row = await listRow(ctx, id);
  return toList(row, (await lastSent(ctx)).get(id) ?? null);
}

export async function saveMailingList(
  ctx: CallContext,
  input: z.output<typeof mailingListInput>,
): Promise<MailingList> {
  const values = {
    name: input.name,
    purpose: input.purpose,
    filters: JSON.stringify(input.filters),
    notes: input.notes,
  };
  const id = await writing(ctx, async (w) => {
    if (!input.id) return w.create('mailing_lists', values);
    await w.update('mailing_lists', input.id, values, {
      expectedUpdatedAt: input.expectedUpdatedAt,
    });
    return input.id;
  });
  return getMailingList(ctx, id);
}

export async function deleteMailingList(ctx: CallContext, id: string): Promise<void> {
  await listRow(ctx, id);
  await writing(ctx, (w) => w.remove('mailing_lists', id));
}

export type { MailingListInput };

/**
 * Logs what was sent against every customer the list reaches today, each by
 * the channel the list chose for them: the customer's record and a subject
 * access pack read it back. Optionally it also counts as the rhythm's
 * delivery (the quarter's newsletter).
 */
export async function recordSent(
  ctx: CallContext,
  input: z.output<typeof recordSentInput>,
): Promise<CommunicationSummary> {
  const list = await getMailingList(ctx, input.listId);
  const { recipients } = await decideMailingList(ctx, list.filters);
  if (recipients.length === 0)
    throw ApiError.invalid('Nobody on this list can be reached today, so nothing was logged.');
  const kind: CommunicationKind = list.purpose;
  const id = await writing(ctx, async (w) => {
    const communicationId = await w.create('communications', {
      title: input.title,
      kind,
      sent_on: input.sentOn,
      mailing_list_id: list.id,
      list_name: list.name,
      recipient_count: recipients.length,
    });
    for (const r of recipients)
      await w.create('communication_recipients', {
        communication_id: communicationId,
        customer_id: r.customerId,
        channel: r.channel,
      });
    if (input.rhythmKey)
      await w.create('rhythm_deliveries', {
        rhythm_key: input.rhythmKey,
        delivered_on: input.sentOn,
        note: input.title,
        communication_id: communicationId,
      });
    return communicationId;
  });
  return (await listCommunications(ctx, id))[0]!;
}

export async function listCommunications(
  ctx: CallContext,
  onlyId?: string,
): Promise<CommunicationSummary[]> {
  let q = ctx.db
    .selectFrom('communications')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('sent_on', 'desc')
    .orderBy('created_at', 'desc');
  if (onlyId) q = q.where('id', '=', onlyId);
  const rows = await q.limit(200).execute();
  if (rows.length === 0) return [];
  const counts = await ctx.db
    .selectFrom('communication_recipients')
    .select(['communication_id', 'channel', (eb) => eb.fn.countAll<number>().as('n')])
    .where(
      'communication_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('deleted_at', 'is', null)
    .groupBy(['communication_id', 'channel'])
    .execute();
  return rows.map((r) => {
    const byChannel = Object.fromEntries(mailingChannels.map((c) => [c, 0])) as Record<
      MailingChannel,
      number
    >;
    for (const c of counts)
      if (c.communication_id === r.id) byChannel[c.channel as MailingChannel] = Number(c.n);
    return {
      id: r.id,
      title: r.title,
      kind: r.kind as CommunicationKind,
      sentOn: r.sent_on,
      listName: r.list_name,
      recipients: r.recipient_count,
      byChannel,
    };
  });
}

/**
 * Every communication logged against one customer, newest first: what, when,
 * how and who sent it. The customer's record shows it, and a subject access
 * pack includes it.
 */
export async function customerCommunications(
  ctx: CallContext,
  customerId: string,
): Promise<CustomerCommunication[]> {
  const rows = await ctx.db
    .selectFrom('communication_recipients as r')
    .innerJoin('communications as c', 'c.id', 'r.communication_id')
    .leftJoin('staff as s', 's.id', 'c.updated_by')
    .select(['c.id', 'c.title', 'c.kind', 'c.sent_on', 'c.list_name', 'r.channel', 's.name'])
    .where('r.customer_id', '=', customerId)
    .where('r.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.sent_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind as CommunicationKind,
    sentOn: r.sent_on,
    channel: r.channel as MailingChannel,
    listName: r.list_name,
    sentBy: r.name,
  }));
}

export const purposeWords = mailingPurposeLabels;
