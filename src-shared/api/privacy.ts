import { z } from 'zod';
import { method } from '../contract';
import { idSchema, isoDateSchema } from '../domain/common';
import type { JobStarted } from '../domain/jobs';
import {
  auditQueryInput,
  eraseInput,
  privacyRequestInput,
  retentionScheduleInput,
  type AuditPage,
  type ErasureResult,
  type PrivacyRequest,
  type RetentionOverview,
} from '../domain/privacy';

/** Accountability and the data subject's rights: the administrator's screens. */
export const privacyApi = {
  /** The change log and the audit log as one trail, filtered and paged. */
  'audit.trail': method(auditQueryInput, 'audit.read').returns<AuditPage>(),
  'privacy.retention': method(z.object({}), 'privacy.read').returns<RetentionOverview>(),
  'privacy.saveRetention': method(
    retentionScheduleInput,
    'privacy.manage',
  ).returns<RetentionOverview>(),
  /** Anonymises the record, keeping what the figures count; returns the compaction job. */
  'privacy.erase': method(eraseInput, 'privacy.manage').returns<ErasureResult & JobStarted>(),
  'privacy.requests': method(z.object({}), 'privacy.read').returns<PrivacyRequest[]>(),
  'privacy.recordRequest': method(privacyRequestInput, 'privacy.manage').returns<
    PrivacyRequest[]
  >(),
  'privacy.completeRequest': method(
    z.object({ id: idSchema, completedOn: isoDateSchema }),
    'privacy.manage',
  ).returns<PrivacyRequest[]>(),
  /** Open requests due within a week or overdue (Home); empty for roles that do not handle them. */
  'privacy.attention': method(z.object({}), 'customers.read').returns<PrivacyRequest[]>(),
  /** Everything held about the customer, as a PDF and a JSON file, as a job. */
  'privacy.startSubjectAccess': method(
    z.object({ customerId: idSchema }),
    'privacy.manage',
  ).returns<JobStarted>(),
} as const;
