import type { TestApp } from '../../support/temp-db';
import { referral } from '../cases/helpers';

/*
 * A fixed dataset for board packs, whose figures for 2025-26 Q4 (January to
 * March 2026) are worked out by hand in the tests. The clock stands at
 * 20 March 2026, noon.
 */
export const NOW = '2026-03-20T12:00:00.000Z';
export const Q4 = '2025-26 Q4';

export async function seedPackDataset(app: TestApp): Promise<{ customers: string[] }> {
  // The organisation and its groups were set up long before the period, so
  // each group's cadence counts over the whole quarter.
  app.clock.set('2024-04-01T09:00:00.000Z');
  await app.call('organisation.applyTemplate', {});
  const org = await app.call('organisation.get', {});
  const landlord = (name: string) => org.landlords.find((l) => l.name === name)!.id;
  const groups = await app.call('groups.list', {});
  const group = (name: string) => groups.find((g) => g.name === name)!.id;

  const person = async (
    name: string,
    createdAt: string,
    options: {
      disability?: 'yes' | 'no';
      landlord?: string;
      status?: 'active' | 'interested';
    } = {},
  ) => {
    app.clock.set(createdAt);
    const r = await app.call('customers.create', {
      firstName: name,
      lastName: 'Fixed',
      status: options.status ?? 'active',
      landlordId: landlord(options.landlord ?? 'Erimus Housing'),
      confirmDuplicate: true,
      ...(options.disability
        ? {
            equality: {
              ageBand: null,
              gender: null,
              ethnicity: null,
              disability: options.disability,
              sexualOrientation: null,
              religion: null,
            },
          }
        : {}),
    });
    if (!r.created) throw new Error('not created');
    return r.customer.id;
  };
  // Seven on the register before the quarter (two disabled), five who joined in it.
  const a: string[] = [];
  for (let i = 1; i <= 7; i += 1)
    a.push(
      await person(`A${i}`, '2025-06-01T10:00:00.000Z', { disability: i <= 2 ? 'yes' : 'no' }),
    );
  const b: string[] = [];
  for (let i = 1; i <= 5; i += 1)
    b.push(
      await person(`B${i}`, '2026-02-01T10:00:00.000Z', {
        disability: 'no',
        ...(i === 5 ? { landlord: 'Tees Valley Housing' } : {}),
      }),
    );
  // Not involved: interested only, and one deleted.
  await person('Interested', '2025-06-01T10:00:00.000Z', { status: 'interested' });
  const gone = await person('Gone', '2025-06-01T10:00:00.000Z');
  app.clock.set(NOW);
  await app.call('customers.delete', { id: gone, reason: 'Moved away' });

  const held = async (startsAt: string, groupId: string | null, courseId?: string) =>
    (
      await app.call('activities.save', {
        kind: courseId ? 'training_session' : 'meeting',
        title: `Held ${startsAt.slice(0, 10)}`,
        status: 'held',
        groupId,
        courseId: courseId ?? null,
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
      })
    ).id;
  const mark = async (
    activityId: string,
    customerId: string,
    status: 'present' | 'apologies' | 'absent',
  ) => (await app.call('attendance.mark', { activityId, customerId, status })).id;

  const council = group('Customer Council');
  const m1 = await held('2026-01-14T18:00:00.000Z', council);
  const a1m1 = await mark(m1, a[0]!, 'present');
  const a2m1 = await mark(m1, a[1]!, 'present');
  await mark(m1, a[2]!, 'apologies');
  const m2 = await held('2026-02-11T18:00:00.000Z', council);
  await mark(m2, a[0]!, 'present');
  await mark(m2, a[1]!, 'absent');
  await app.call('attendance.satisfaction', { attendanceId: a1m1, opportunity: 4, involvement: 5 });
  await app.call('attendance.satisfaction', { attendanceId: a2m1, opportunity: 2, involvement: 3 });

  const course = (await app.call('training.saveCourse', { name: 'Chairing skills' })).id;
  await held('2026-01-20T10:00:00.000Z', null, course);
  await held('2026-02-17T10:00:00.000Z', null, course);

  const stages = {
    stage1: {
      received: '2025-10-01',
      acknowledged: '2025-10-03',
      responded: '2025-10-15',
      extensionDays: 0,
      outcome: 'not_upheld' as const,
    },
    stage2: {
      received: '2025-11-03',
      acknowledged: '2025-11-05',
      responded: '2025-12-01',
      extensionDays: 0,
      outcome: 'not_upheld' as const,
    },
  };
  const cases: { id: string }[] = [];
  for (const referredOn of ['2026-01-15', '2026-02-10', '2026-03-02'])
    cases.push(await app.call('cases.refer', referral({ referredOn, ...stages })));
  await app.call('cases.savePeriodFigure', {
    from: '2026-01-01',
    to: '2026-03-31',
    exhaustedInternal: 5,
  });
  const rec = (text: string, dueDate: string, managementResponse: 'accepted' | 'rejected' | null) =>
    app.call('recommendations.add', {
      sourceType: 'complaint_case',
      sourceId: cases[0]!.id,
      text,
      serviceArea: 'repairs',
      dueDate,
      managementResponse,
      ...(managementResponse === 'rejected' ? { responseReason: 'Costs too much' } : {}),
    });
  await rec('Survey every damp case', '2026-02-28', null);
  await rec('Write to every tenant about damp', '2026-06-30', 'accepted');
  await rec('Replace every window', '2026-05-31', 'rejected');
  return { customers: [...a, ...b] };
}
