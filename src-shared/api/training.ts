import { z } from 'zod';
import { method } from '../contract';
import { idSchema } from '../domain/common';
import {
  courseInput,
  skillsAuditInput,
  type Course,
  type SkillsAudit,
  type TrainingRecordEntry,
} from '../domain/training';
import type { ActivitySummary } from '../domain/meetings';
import type { FileResult } from './meetings';

export interface CourseDetail {
  course: Course;
  sessions: ActivitySummary[];
}

export const trainingApi = {
  'training.courses': method(z.object({}).strict(), 'training.read').returns<Course[]>(),
  'training.course': method(z.object({ id: idSchema }), 'training.read').returns<CourseDetail>(),
  'training.saveCourse': method(courseInput, 'training.write').returns<Course>(),
  'training.record': method(z.object({ customerId: idSchema }), 'training.read').returns<{
    sessions: TrainingRecordEntry[];
    audits: SkillsAudit[];
  }>(),
  'training.saveAudit': method(skillsAuditInput, 'training.write').returns<SkillsAudit>(),
  'training.certificate': method(
    z.object({ attendanceId: idSchema }),
    'training.read',
  ).returns<FileResult>(),
} as const;
