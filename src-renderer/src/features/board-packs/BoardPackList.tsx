import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  audienceTitles,
  audiences,
  type Audience,
} from '../../../../src-shared/domain/board-packs';
import { financialYearLabel, financialYearOf } from '../../../../src-shared/rules/report-period';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { formatDate } from '../../../../src-shared/rules/pack-format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useToday } from '../../clock';
import { useCan } from '../../session';

/** The packs prepared so far, and a new one: who it is for and which period. */
export function BoardPackList() {
  const today = useToday();
  const packs = useApiQuery('boardPacks.list', {});
  const canWrite = useCan('boardPacks.write');
  const navigate = useNavigate();
  const [audience, setAudience] = useState<Audience>('board');
  const [period, setPeriod] = useState(() => financialYearLabel(financialYearOf(today) - 1));
  const create = useApiMutation('boardPacks.create', {
    onSuccess: (pack) => navigate(`/board-packs/${pack.id}`),
  });
  const errors = fieldErrors(create.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ audience, period });
  };

  return (
    <>
      <PageHeader
        title="Board packs"
        subtitle="Reports to the Board, the Group Audit and Risk Committee, the Customer Council and tenants, as PDF and Excel."
        actions={
          <Link className="button button--secondary" to="/settings/kpi-targets">
            KPI targets
          </Link>
        }
      />
      {canWrite ? (
        <section className="panel" aria-labelledby="new-pack-heading">
          <h2 id="new-pack-heading">New pack</h2>
          <form onSubmit={submit} className="form-grid" noValidate>
            <SelectField
              label="For"
              value={audience}
              onChange={(e) => setAudience(e.target.value as Audience)}
              options={audiences.map((a) => ({ value: a, label: audienceTitles[a] }))}
            />
            <TextField
              label="Period"
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
              hint="A financial year (2025-26), a half (2025-26 H1), a quarter (2025-26 Q3) or dates (2025-04-01..2025-09-30)."
              error={errors.period}
            />
            <div className="button-row">
              <button type="submit" className="button" disabled={create.isPending}>
                Build the pack
              </button>
            </div>
          </form>
          {create.error && !errors.period ? (
            <Notice tone="error">{create.error.message}</Notice>
          ) : null}
        </section>
      ) : null}
      <section className="panel" aria-labelledby="packs-heading">
        <h2 id="packs-heading">Packs</h2>
        {packs.isPending ? <Loading what="Loading the packs" /> : null}
        {packs.data && packs.data.length === 0 ? <p>No packs yet.</p> : null}
        {packs.data && packs.data.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Pack</th>
                <th scope="col">For</th>
                <th scope="col">Period</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {packs.data.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/board-packs/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>{audienceTitles[p.audience]}</td>
                  <td>{p.periodLabel}</td>
                  <td>
                    {p.finalisedAt ? `Final, ${formatDate(p.finalisedAt.slice(0, 10))}` : 'Draft'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}
