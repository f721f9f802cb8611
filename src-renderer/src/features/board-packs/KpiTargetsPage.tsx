import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { KpiTarget } from '../../../../src-shared/domain/board-packs';
import { financialYearLabel } from '../../../../src-shared/rules/report-period';
import { call, errorMessage } from '../../api/client';
import { apiKey, useApiQuery } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { FinancialYearField, useFinancialYear } from '../../components/FinancialYearField';
import { useCan } from '../../session';
import { useQueryClient } from '@tanstack/react-query';

const unitHints: Record<KpiTarget['unit'], string> = {
  count: 'A number of customers for the year.',
  share: 'A percentage, from 0 to 100.',
  per_month: 'Courses a month, at least.',
};

/** What the user types for a target: a share is typed as a percentage. */
function typed(t: KpiTarget): string {
  return t.unit === 'share' ? String(Math.round(t.target * 1000) / 10) : String(t.target);
}

/** The target as saved, or why what was typed cannot be. */
function parsed(t: KpiTarget, text: string): { value: number } | { error: string } {
  const trimmed = text.trim().replace(/%$/, '').replace(/,/g, '');
  if (trimmed === '') return { error: 'Enter a target.' };
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return { error: 'Enter the target as a number.' };
  if (n < 0) return { error: 'A target cannot be negative.' };
  if (t.unit === 'share') {
    if (n > 100) return { error: 'Enter a percentage from 0 to 100.' };
    return { value: Math.round(n * 10) / 1000 };
  }
  if (t.unit === 'count' && !Number.isInteger(n)) return { error: 'Enter a whole number.' };
  return { value: n };
}

function TargetsForm({ year, targets }: { year: number; targets: KpiTarget[] }) {
  const canEdit = useCan('settings.write');
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(targets.map((t) => [t.kpi, typed(t)])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const { formProps, saved, savedAs } = useFormChanges(values, 'the KPI targets');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setSavedNote(null);
    const found: Record<string, string> = {};
    const changed: { kpi: string; target: number }[] = [];
    for (const t of targets) {
      const p = parsed(t, values[t.kpi] ?? '');
      if ('error' in p) found[t.kpi] = p.error;
      else if (p.value !== t.target) changed.push({ kpi: t.kpi, target: p.value });
    }
    setErrors(found);
    // Every target is checked before any is saved, so a mistake saves none of them.
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      let latest = targets;
      for (const c of changed) latest = await call('boardPacks.saveTarget', { year, ...c });
      const next = Object.fromEntries(latest.map((t) => [t.kpi, typed(t)]));
      savedAs(next);
      setValues(next);
      saved();
      setSavedNote(`Targets for ${financialYearLabel(year)} saved.`);
      queryClient.setQueryData(apiKey('boardPacks.targets', { year }), latest);
      void queryClient.invalidateQueries({ queryKey: ['boardPacks.figures'] });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form {...formProps} onSubmit={(e) => void submit(e)} noValidate>
      <div className="form-grid">
        {targets.map((t) => (
          <TextField
            key={t.kpi}
            label={t.unit === 'share' ? `${t.label} (%)` : t.label}
            inputMode="decimal"
            value={values[t.kpi] ?? ''}
            readOnly={!canEdit}
            hint={`${unitHints[t.unit]} ${t.isDefault ? 'The Strategy’s default (Appendix C).' : 'Set for this year.'}`}
            error={errors[t.kpi]}
            onChange={(e) => setValues((v) => ({ ...v, [t.kpi]: e.target.value }))}
          />
        ))}
      </div>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      {canEdit ? (
        <div className="button-row">
          <button type="submit" className="button" disabled={saving}>
            Save the targets
          </button>
          {savedNote ? <span role="status">{savedNote}</span> : null}
        </div>
      ) : (
        <p className="muted">Only a team leader or an administrator can change the targets.</p>
      )}
    </form>
  );
}

/** The KPI scorecard's own targets, per financial year, for the team leader to set. */
export function KpiTargetsPage() {
  const [year, setYear] = useFinancialYear();
  const targets = useApiQuery('boardPacks.targets', { year });
  return (
    <>
      <PageHeader
        title="KPI targets"
        subtitle="The targets the board packs’ KPI scorecard measures against, for each financial year."
        actions={
          <Link className="button button--secondary" to="/board-packs">
            Board packs
          </Link>
        }
      />
      <section className="panel" aria-labelledby="targets-heading">
        <h2 id="targets-heading">Targets for {financialYearLabel(year)}</h2>
        <div className="form-grid">
          <FinancialYearField id="targets-year" year={year} onChange={setYear} />
        </div>
        {targets.isPending ? <Loading what="Loading the targets" /> : null}
        {targets.error ? <Notice tone="error">{errorMessage(targets.error)}</Notice> : null}
        {targets.data ? <TargetsForm key={year} year={year} targets={targets.data} /> : null}
        <p className="muted">
          A group’s meetings a year are set on the group, and the scrutiny reviews a year on the{' '}
          <Link to="/reviews/figures">scrutiny figures</Link>. A target a year is pro-rated to a
          pack’s period.
        </p>
      </section>
    </>
  );
}
