import { useEffect, useRef, useState } from 'react';
import type { CustomerListInput } from '../../../../src-shared/domain/customer';
import { call } from '../../api/client';
import { CheckboxField } from '../../components/Field';
import { JobProgress, useJob } from '../../components/JobProgress';
import { useCan } from '../../session';
import { XLSX_MIME, downloadBase64 } from './file-bytes';

/**
 * Downloads the register as the list is filtered, as an Excel workbook built
 * as a job, with each customer's consent. Equality data is special category
 * data: a role that may see it is asked first, warned, and it is left out
 * unless chosen.
 */
export function ExportCustomersButton({ filters }: { filters: CustomerListInput }) {
  const canExport = useCan('customers.export');
  const canSeeEquality = useCan('customers.equality.export');
  const [asking, setAsking] = useState(false);
  const job = useJob({
    onDone: async (status) => {
      const file = await call('jobs.file', { id: status.id, name: 'workbook' });
      downloadBase64(file.fileName, file.contentBase64, XLSX_MIME);
    },
  });
  if (!canExport) return null;
  const busy = job.running;

  const exportNow = (includeEquality: boolean) => {
    const { offset: _offset, limit: _limit, ...query } = filters;
    setAsking(false);
    void job.start(() =>
      call('customerTransfer.startExport', {
        ...query,
        ...(includeEquality ? { includeEquality: true } : {}),
      }),
    );
  };

  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => (canSeeEquality ? setAsking(true) : exportNow(false))}
        disabled={busy}
      >
        {busy ? 'Preparing the workbook…' : canSeeEquality ? 'Export to Excel…' : 'Export to Excel'}
      </button>
      <JobProgress job={job} label="The export" />
      {asking ? (
        <ExportDialog
          busy={busy}
          error={null}
          onExport={(includeEquality) => exportNow(includeEquality)}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </>
  );
}

function ExportDialog({
  busy,
  error,
  onExport,
  onClose,
}: {
  busy: boolean;
  error: string | null;
  onExport: (includeEquality: boolean) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [withEquality, setWithEquality] = useState(false);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => opener?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="customer-export-heading"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onExport(withEquality);
        }}
      >
        <h2 id="customer-export-heading">Export the register to Excel</h2>
        <p>
          The workbook holds the customers the register shows now, with their contact details and
          what each has consented to. Keep it somewhere safe and delete it when you are done.
        </p>
        <CheckboxField
          id="customer-export-equality"
          label="Include equality information (age band, gender, ethnic group, disability, sexual orientation, religion)"
          hint="This is special category data under UK GDPR. Include it only when the work needs it, and never send it outside the team."
          checked={withEquality}
          onChange={(e) => setWithEquality(e.target.checked)}
        />
        {withEquality ? (
          <p className="notice notice--warning" role="alert">
            The file will hold special category data about each customer.
          </p>
        ) : null}
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Preparing the workbook…' : 'Export'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
