import type { privacyApi } from '../../../src-shared/api/privacy';
import type { HandlersFor } from '../context';
import { auditTrail } from './audit-trail';
import { eraseRecord } from './erasure';
import {
  completeRequest,
  privacyRequests,
  recordRequest,
  requestsNeedingAttention,
} from './requests';
import { retentionOverview, saveRetentionSchedule } from './retention';
import { startSubjectAccessPack } from './subject-access';

export const privacyHandlers: HandlersFor<typeof privacyApi> = {
  'audit.trail': (ctx, input) => auditTrail(ctx, input),
  'privacy.retention': (ctx) => retentionOverview(ctx),
  'privacy.saveRetention': (ctx, input) => saveRetentionSchedule(ctx, input),
  'privacy.erase': (ctx, input) => eraseRecord(ctx, input),
  'privacy.requests': (ctx) => privacyRequests(ctx),
  'privacy.recordRequest': (ctx, input) => recordRequest(ctx, input),
  'privacy.completeRequest': (ctx, input) => completeRequest(ctx, input),
  'privacy.attention': (ctx) => requestsNeedingAttention(ctx),
  'privacy.startSubjectAccess': async (ctx, input) => startSubjectAccessPack(ctx, input),
};
