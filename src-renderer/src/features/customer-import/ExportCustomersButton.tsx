import type { CustomerListInput } from '../../../../src-shared/domain/customer';
import { call } from '../../api/client';
import { JobProgress, useJob } from '../../components/JobProgress';
import { useCan } from '../../session';
import { XLSX_MIME, downloadBase64 } from './file-bytes';

/** Downloads the register as the list is filtered, as an Excel workbook, built as a job. */
export function ExportCustomersButton({ filters }: { filters: CustomerListInput }) {
  const canExport = useCan('customers.export');
  const job = useJob({
    onDone: async (status) => {
      const file = await call('jobs.file', { id: status.id, name: 'workbook' });
      downloadBase64(file.fileName, file.contentBase64, XLSX_MIME);
    },
  });

  if (!canExport) return null;

  const exportNow = () => {
    const { offset: _offset, limit: _limit, ...query } = filters;
    void job.start(() => call('customerTransfer.startExport', query));
  };

  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={exportNow}
        disabled={job.running}
      >
        {job.running ? 'Preparing the workbook…' : 'Export to Excel'}
      </button>
      <JobProgress job={job} label="The export" />
    </>
  );
}
