import type { z } from 'zod';
import type { CourseDetail } from '../../../src-shared/api/training';
import type {
  Course,
  SkillsAudit,
  SkillLevel,
  TrainingRecordEntry,
  courseInput,
  skillsAuditInput,
} from '../../../src-shared/domain/training';
import { ApiError } from '../../../src-shared/errors';
import { writing, type AppContext, type CallContext } from '../context';
import { listActivitiesForCourse } from './activities';
import { londonDate } from './mapping';

export async function listCourses(ctx: AppContext): Promise<Course[]> {
  const rows = await ctx.db
    .selectFrom('training_courses as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('activities as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.course_id', '=', 'c.id')
        .where('a.deleted_at', 'is', null)
        .as('sessions'),
    )
    .where('c.deleted_at', 'is', null)
    .orderBy('c.name')
    .execute();
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    provider: c.provider,
    sessions: Number(c.sessions ?? 0),
    updatedAt: c.updated_at,
  }));
}

export async function getCourse(ctx: AppContext, id: string): Promise<CourseDetail> {
  const course = (await listCourses(ctx)).find((c) => c.id === id);
  if (!course) throw ApiError.notFound('The course');
  return { course, sessions: await listActivitiesForCourse(ctx, id) };
}

export async function saveCourse(
  ctx: CallContext,
  input: z.output<typeof courseInput>,
): Promise<Course> {
  const values = { name: input.name, description: input.description, provider: input.provider };
  const id = await writing(ctx, async (w) => {
    if (input.id) {
      await w.update('training_courses', input.id, values);
      return input.id;
    }
    return w.create('training_courses', values);
  });
  return (await getCourse(ctx, id)).course;
}

export async function trainingRecord(
  ctx: AppContext,
  customerId: string,
): Promise<{ sessions: TrainingRecordEntry[]; audits: SkillsAudit[] }> {
  const [sessions, audits] = await Promise.all([
    ctx.db
      .selectFrom('attendance as t')
      .innerJoin('activities as a', 'a.id', 't.activity_id')
      .innerJoin('training_courses as c', 'c.id', 'a.course_id')
      .select([
        't.id as attendance_id',
        'a.id as activity_id',
        'c.id as course_id',
        'c.name as course_name',
        'a.title',
        'a.starts_at',
        't.minutes_given',
      ])
      .where('t.customer_id', '=', customerId)
      .where('t.status', '=', 'present')
      .where('t.deleted_at', 'is', null)
      .where('a.deleted_at', 'is', null)
      .where('a.status', '!=', 'cancelled')
      .orderBy('a.starts_at', 'desc')
      .execute(),
    ctx.db
      .selectFrom('skills_audits')
      .selectAll()
      .where('customer_id', '=', customerId)
      .where('deleted_at', 'is', null)
      .orderBy('audited_on', 'desc')
      .execute(),
  ]);
  return {
    sessions: sessions.map((s) => ({
      attendanceId: s.attendance_id,
      activityId: s.activity_id,
      courseId: s.course_id,
      courseName: s.course_name,
      sessionTitle: s.title,
      on: londonDate(new Date(s.starts_at)),
      minutes: s.minutes_given,
    })),
    audits: audits.map(toAudit),
  };
}

function toAudit(a: {
  id: string;
  customer_id: string;
  audited_on: string;
  skills: string;
  notes: string | null;
}): SkillsAudit {
  return {
    id: a.id,
    customerId: a.customer_id,
    auditedOn: a.audited_on,
    skills: JSON.parse(a.skills) as { skill: string; level: SkillLevel }[],
    notes: a.notes,
  };
}

export async function saveAudit(
  ctx: CallContext,
  input: z.output<typeof skillsAuditInput>,
): Promise<SkillsAudit> {
  const c = await ctx.db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', input.customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!c) throw ApiError.notFound('The customer');
  const id = await writing(ctx, (w) =>
    w.create('skills_audits', {
      customer_id: input.customerId,
      audited_on: input.auditedOn,
      skills: JSON.stringify(input.skills),
      notes: input.notes,
    }),
  );
  const row = await ctx.db
    .selectFrom('skills_audits')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return toAudit(row);
}
