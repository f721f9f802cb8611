import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, requiredText, type Id } from './common';

export interface Course {
  id: Id;
  name: string;
  description: string | null;
  provider: string | null;
  sessions: number;
  updatedAt: string;
}

export const skillLevels = ['none', 'some', 'confident', 'could_teach'] as const;
export type SkillLevel = (typeof skillLevels)[number];
export const skillLevelLabels: Record<SkillLevel, string> = {
  none: 'Not yet',
  some: 'Some',
  confident: 'Confident',
  could_teach: 'Could teach others',
};

export interface SkillsAudit {
  id: Id;
  customerId: Id;
  auditedOn: string;
  skills: { skill: string; level: SkillLevel }[];
  notes: string | null;
}

export interface TrainingRecordEntry {
  attendanceId: Id;
  activityId: Id;
  courseId: Id;
  courseName: string;
  sessionTitle: string;
  on: string;
  minutes: number | null;
}

export const courseInput = z.object({
  id: idSchema.optional(),
  name: requiredText('Course name', 200),
  description: optionalText(4000),
  provider: optionalText(200),
});

export const skillsAuditInput = z.object({
  customerId: idSchema,
  auditedOn: isoDateSchema,
  skills: z
    .array(
      z.object({
        skill: requiredText('Skill', 120),
        level: z.enum(skillLevels, { error: 'Choose a level.' }),
      }),
    )
    .min(1, { error: 'Record at least one skill.' }),
  notes: optionalText(4000),
});
