import {
  applicationStatusLabels,
  type ApplicationStatus,
  type EvaluationState,
  type RoundState,
} from '../../../../src-shared/domain/grants';

export const roundStateLabels: Record<RoundState, string> = {
  upcoming: 'Not open yet',
  open: 'Open for applications',
  closed: 'Closed: deciding',
  decided: 'Decided',
};

export const roundStateTone: Record<RoundState, 'green' | 'amber' | 'red'> = {
  upcoming: 'amber',
  open: 'green',
  closed: 'amber',
  decided: 'green',
};

export const statusTone: Record<ApplicationStatus, 'green' | 'amber' | 'red'> = {
  received: 'amber',
  eligible: 'amber',
  ineligible: 'red',
  awarded: 'green',
  declined: 'red',
  withdrawn: 'red',
};

export const statusOptions = Object.entries(applicationStatusLabels).map(([value, label]) => ({
  value,
  label,
}));

export const evaluationLabels: Record<EvaluationState, string> = {
  not_due: 'Evaluation not due yet',
  due_soon: 'Evaluation due soon',
  overdue: 'Evaluation overdue',
  received: 'Evaluation received',
};

export const evaluationTone: Record<EvaluationState, 'green' | 'amber' | 'red'> = {
  not_due: 'green',
  due_soon: 'amber',
  overdue: 'red',
  received: 'green',
};
