import { useState } from 'react';
import type { CustomerListInput } from '../../../../src-shared/domain/customer';
import { call, errorMessage } from '../../api/client';
import { useCan } from '../../session';
import { XLSX_MIME, downloadBase64 } from './file-bytes';

/** Downloads the register as the list is filtered, as an Excel workbook. */
export function ExportCustomersButton({ filters }: { filters: CustomerListInput }) {
  const canExport = useCan('customers.export');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canExport) return null;

  const exportNow = async () => {
    setBusy(true);
    setError(null);
    try {
      const { offset: _offset, limit: _limit, ...query } = filters;
      const file = await call('customerTransfer.exportXlsx', query);
      downloadBase64(file.fileName, file.contentBase64, XLSX_MIME);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={exportNow}
        disabled={busy}
        aria-describedby={error ? 'customer-export-error' : undefined}
      >
        {busy ? 'Preparing the workbook…' : 'Export to Excel'}
      </button>
      {error ? (
        <p id="customer-export-error" className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
