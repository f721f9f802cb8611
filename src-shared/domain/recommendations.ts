import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, requiredText, type Id } from './common';
import { serviceAreas, type ServiceArea } from './customer';
import {
  managementResponses,
  recommendationSources,
  recommendationStatuses,
  type ManagementResponse,
  type RecommendationSource,
  type RecommendationStatus,
} from '../rules/recommendations';

/*
 * The recommendations tracker, shared by complaint cases and scrutiny
 * reviews: a recommendation belongs to a source, named by type and id.
 */

const optionalDate = isoDateSchema
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const recommendationInput = z.object({
  sourceType: z.enum(recommendationSources),
  sourceId: idSchema,
  text: requiredText('The recommendation', 4000),
  serviceArea: z.enum(serviceAreas.codes, { error: 'Choose the service area.' }),
  managementResponse: z
    .enum(managementResponses)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  responseReason: optionalText(2000),
  owner: optionalText(200),
  dueDate: optionalDate,
  systemic: z.boolean().default(false),
});
export type RecommendationInput = z.input<typeof recommendationInput>;

export const recommendationUpdateInput = recommendationInput
  .omit({ sourceType: true, sourceId: true })
  .extend({
    id: idSchema,
    expectedUpdatedAt: z.string(),
    status: z.enum(recommendationStatuses),
    evidence: optionalText(4000),
  });

export const stepInput = z.object({
  recommendationId: idSchema,
  text: requiredText('The step', 1000),
  dueDate: optionalDate,
});
export const stepDoneInput = z.object({ id: idSchema, doneOn: optionalDate });
export const progressInput = z.object({
  recommendationId: idSchema,
  onDate: isoDateSchema,
  note: requiredText('The update', 4000),
});

export const trackerSortKeys = ['reference', 'response', 'owner', 'due', 'status'] as const;
export type TrackerSortKey = (typeof trackerSortKeys)[number];

export const trackerFilterInput = z.object({
  sourceType: z.enum(recommendationSources).nullable().optional(),
  sourceId: idSchema.nullable().optional(),
  status: z
    .enum([...recommendationStatuses, 'overdue'] as const)
    .nullable()
    .optional(),
  owner: z.string().trim().max(200).nullable().optional(),
  overdueOnly: z.boolean().optional(),
  systemicOnly: z.boolean().optional(),
  /** The column the tracker is ordered by; due date (soonest first) when not given. */
  sort: z.enum(trackerSortKeys).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type TrackerFilter = z.input<typeof trackerFilterInput>;

export interface ActionStep {
  id: Id;
  text: string;
  dueDate: string | null;
  doneOn: string | null;
}

export interface ProgressUpdate {
  id: Id;
  onDate: string;
  note: string;
  byName: string | null;
}

export interface Recommendation {
  id: Id;
  updatedAt: string;
  reference: string;
  sourceType: RecommendationSource;
  sourceId: Id;
  /** The case or review's own reference, e.g. DCP-2025-0003. */
  sourceLabel: string;
  text: string;
  serviceArea: ServiceArea;
  managementResponse: ManagementResponse | null;
  responseReason: string | null;
  owner: string | null;
  dueDate: string | null;
  status: RecommendationStatus;
  overdue: boolean;
  systemic: boolean;
  evidence: string | null;
  completedOn: string | null;
}

export interface RecommendationDetail extends Recommendation {
  steps: ActionStep[];
  updates: ProgressUpdate[];
}

export interface TrackerPage {
  rows: Recommendation[];
  total: number;
  owners: string[];
}
