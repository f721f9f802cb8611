import type { BankHolidayListNotice } from '../../../../src-shared/rules/bank-holidays';
import { EXPECTED_HOLIDAYS_NOTE } from '../../../../src-shared/rules/working-days';
import { Notice } from '../../components/PageHeader';
import { useCan } from '../../session';

/** That the bank holiday list is running out, and how to load a newer one (or whom to ask). */
export function BankHolidayNotice({ notice }: { notice: BankHolidayListNotice }) {
  const canLoad = useCan('settings.write');
  return (
    <Notice tone={notice.level === 'ended' ? 'error' : 'warning'}>
      {notice.message}{' '}
      {canLoad
        ? notice.howToUpdate
        : 'Ask a team leader or administrator to load the newer file from gov.uk/bank-holidays.json.'}
    </Notice>
  );
}

/** Beside a date worked out with bank holidays the official list does not cover yet. */
export function ExpectedHolidaysNote({ shown }: { shown: boolean }) {
  return shown ? <span className="muted"> ({EXPECTED_HOLIDAYS_NOTE})</span> : null;
}
