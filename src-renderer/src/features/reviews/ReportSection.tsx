import { useState } from 'react';
import type { ReviewDetail } from '../../../../src-shared/domain/reviews';
import { reviewPlaceholders } from '../../../../src-shared/rules/review-report-template';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { TextAreaField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { useCan } from '../../session';
import { downloadBase64 } from '../customer-import/file-bytes';
import { useFormChanges } from '../../components/UnsavedChanges';

export function ReportSection({ review }: { review: ReviewDetail }) {
  const canWrite = useCan('reviews.write');
  const [intro, setIntro] = useState(review.reportTemplate.intro);
  const [closing, setClosing] = useState(review.reportTemplate.closing ?? '');
  const guard = useFormChanges({ intro, closing }, 'the report’s wording');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [made, setMade] = useState<string | null>(null);
  const save = useApiMutation('reviews.saveReportTemplate');
  const errors = fieldErrors(save.error);

  async function generate() {
    setBusy(true);
    setProblem(null);
    try {
      const f = await call('reviews.report', { reviewId: review.id });
      downloadBase64(f.fileName, f.contentBase64, f.mimeType);
      setMade(f.fileName);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="report-heading">
      <h2 id="report-heading">Final report</h2>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void generate()} disabled={busy}>
          {busy ? 'Preparing…' : 'Final report (PDF)'}
        </button>
      </div>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {made ? <Notice tone="success">{made} is ready.</Notice> : null}
      {canWrite ? (
        <details>
          <summary>Edit the report’s wording</summary>
          <form
            {...guard.formProps}
            className="subform"
            onSubmit={(e) => {
              e.preventDefault();
              const sent = { intro, closing };
              save.mutate(
                { reviewId: review.id, intro, closing },
                { onSuccess: () => guard.savedAs(sent) },
              );
            }}
          >
            {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
            <TextAreaField
              id="report-intro"
              label="Introduction"
              hint={`Placeholders: ${reviewPlaceholders.map((p) => `{{${p}}}`).join(', ')}`}
              rows={4}
              value={intro}
              onChange={(e) => setIntro(e.target.value)}
              error={errors.intro}
            />
            <TextAreaField
              id="report-closing"
              label="Closing"
              rows={3}
              value={closing}
              onChange={(e) => setClosing(e.target.value)}
              error={errors.closing}
            />
            <button className="button button--secondary" type="submit" disabled={save.isPending}>
              Save the wording
            </button>
            {save.isSuccess ? <span role="status"> Saved.</span> : null}
          </form>
        </details>
      ) : null}
    </section>
  );
}
