import type { SubmissionReminder } from '../../../../src-shared/rules/code-provisions';
import { Notice } from '../../components/PageHeader';

/** The Code self-assessment reminder, in the tone its urgency calls for. */
export function SubmissionNotice({ reminder }: { reminder: SubmissionReminder }) {
  const tone =
    reminder.level === 'overdue'
      ? 'error'
      : reminder.level === 'upcoming' || reminder.level === 'urgent'
        ? 'warning'
        : reminder.level === 'submitted'
          ? 'success'
          : 'info';
  return <Notice tone={tone}>{reminder.message}</Notice>;
}
