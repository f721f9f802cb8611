import type { Selectable } from 'kysely';
import type {
  CaseDetail,
  CaseSummary,
  StageDetails,
  StageOutcome,
} from '../../../src-shared/domain/cases';
import type { ServiceArea } from '../../../src-shared/domain/customer';
import type { BankHolidayCalendar } from '../../../src-shared/rules/bank-holidays';
import type { CaseStatus, DecisionOutcome } from '../../../src-shared/rules/case-lifecycle';
import { checkInternalStages, type InternalStages } from '../../../src-shared/rules/complaint-code';
import {
  nextDeadline,
  panelDeadlines,
  type CaseDates,
  type PanelStandards,
} from '../../../src-shared/rules/panel-standards';
import { usesExpectedHolidays } from '../../../src-shared/rules/working-days';
import type { ComplaintCasesTable } from '../../db/schema/cases';

export type CaseRow = Selectable<ComplaintCasesTable>;

export function internalStagesOf(row: CaseRow): InternalStages {
  return {
    stage1: {
      received: row.stage1_received,
      acknowledged: row.stage1_acknowledged,
      responded: row.stage1_responded,
      extensionDays: row.stage1_extension_days,
    },
    stage2: {
      received: row.stage2_received,
      acknowledged: row.stage2_acknowledged,
      responded: row.stage2_responded,
      extensionDays: row.stage2_extension_days,
    },
    stage2DifferentHandler:
      row.stage2_different_handler === null ? null : row.stage2_different_handler === 1,
  };
}

export function caseDatesOf(
  row: Pick<
    CaseRow,
    'referred_on' | 'accepted_on' | 'declined_on' | 'hearing_date' | 'heard_on' | 'decision_on'
  >,
): CaseDates {
  return {
    referredOn: row.referred_on,
    acceptedOn: row.accepted_on,
    declinedOn: row.declined_on,
    hearingOn: row.hearing_date,
    heardOn: row.heard_on,
    decisionOn: row.decision_on,
  };
}

/** The deadline stored on the row for the dashboard; it does not depend on today. */
export function nextDueOf(
  row: Parameters<typeof caseDatesOf>[0] & { status: string },
  standards: PanelStandards,
  calendar: BankHolidayCalendar,
): { next_due: string | null; next_due_label: string | null } {
  const deadlines = panelDeadlines(
    caseDatesOf(row),
    row.status as CaseStatus,
    standards,
    row.referred_on,
    calendar,
  );
  const next = nextDeadline(deadlines);
  return { next_due: next?.due ?? null, next_due_label: next?.label ?? null };
}

export function codeCheckOf(row: CaseRow, today: string, calendar: BankHolidayCalendar) {
  return checkInternalStages(internalStagesOf(row), today, calendar);
}

function stage(row: CaseRow, n: 1 | 2): StageDetails {
  return n === 1
    ? {
        received: row.stage1_received,
        acknowledged: row.stage1_acknowledged,
        responded: row.stage1_responded,
        extensionDays: row.stage1_extension_days,
        outcome: row.stage1_outcome as StageOutcome | null,
      }
    : {
        received: row.stage2_received,
        acknowledged: row.stage2_acknowledged,
        responded: row.stage2_responded,
        extensionDays: row.stage2_extension_days,
        outcome: row.stage2_outcome as StageOutcome | null,
      };
}

type DetailCore = Omit<
  CaseDetail,
  | 'codeCheck'
  | 'ombudsman'
  | 'deadlines'
  | 'moves'
  | 'today'
  | 'quorum'
  | 'panel'
  | 'transitions'
  | 'notes'
  | 'attachments'
  | 'ombudsmanContact'
>;

export function detailCoreOf(
  row: CaseRow,
  landlordName: string | null,
  areaName: string | null,
): DetailCore {
  return {
    id: row.id,
    reference: row.reference,
    updatedAt: row.updated_at,
    status: row.status as CaseStatus,
    referredOn: row.referred_on,
    referredBy: row.referred_by as DetailCore['referredBy'],
    referrerName: row.referrer_name,
    complainantCustomerId: row.complainant_customer_id,
    complainantName: row.complainant_name,
    complainantAddressLine1: row.complainant_address_line1,
    complainantAddressLine2: row.complainant_address_line2,
    complainantTown: row.complainant_town,
    complainantPostcode: row.complainant_postcode,
    complainantContact: row.complainant_contact,
    landlordId: row.landlord_id,
    landlordName,
    areaId: row.area_id,
    areaName,
    serviceArea: row.service_area as ServiceArea,
    subject: row.subject,
    outcomeSought: row.outcome_sought,
    stage1: stage(row, 1),
    stage2: stage(row, 2),
    stage2DifferentHandler:
      row.stage2_different_handler === null ? null : row.stage2_different_handler === 1,
    eligible: row.eligible === null ? null : row.eligible === 1,
    acceptedOn: row.accepted_on,
    declinedOn: row.declined_on,
    hearingDate: row.hearing_date,
    heardOn: row.heard_on,
    decisionOn: row.decision_on,
    decisionOutcome: row.decision_outcome as DecisionOutcome | null,
    findings: row.findings,
    ombudsmanReferredOn: row.ombudsman_referred_on,
    ombudsmanResult: row.ombudsman_result,
    withdrawnOn: row.withdrawn_on,
    closedOn: row.closed_on,
  };
}

export interface SummarySource {
  id: string;
  reference: string;
  status: string;
  referred_on: string;
  complainant_name: string;
  service_area: string;
  landlord_name: string | null;
  next_due: string | null;
  next_due_label: string | null;
}

/** Officers see that a case exists and where it is, never who complained or about what. */
export function summaryOf(
  row: SummarySource,
  today: string,
  full: boolean,
  calendar: BankHolidayCalendar,
): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as CaseStatus,
    referredOn: row.referred_on,
    complainantName: full ? row.complainant_name : null,
    serviceArea: full ? (row.service_area as ServiceArea) : null,
    landlordName: full ? row.landlord_name : null,
    nextDue: row.next_due,
    nextDueLabel: row.next_due_label,
    nextDueExpectedHolidays:
      row.next_due !== null && usesExpectedHolidays(row.referred_on, row.next_due, calendar),
    overdue: row.next_due !== null && row.next_due < today,
  };
}
