import { useState } from 'react';
import { financialYearLabel } from '../../../../src-shared/rules/report-period';
import { Link } from 'react-router';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { TextAreaField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { FinancialYearField, useFinancialYear } from '../../components/FinancialYearField';
import { useCan } from '../../session';
import '../../styles/reviews.css';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

function CheckinForm({ planId, today }: { planId: string; today: string }) {
  const [metOn, setMetOn] = useState(today);
  const add = useApiMutation('commissioningPlan.addCheckin');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ planId, metOn });
      }}
    >
      <label className="visually-hidden" htmlFor={`checkin-${planId}`}>
        Check-in date
      </label>
      <input
        id={`checkin-${planId}`}
        className="input"
        type="date"
        value={metOn}
        onChange={(e) => setMetOn(e.target.value)}
      />
      <button className="button button--quiet" type="submit" disabled={add.isPending}>
        Record a check-in
      </button>
      {add.error ? <span className="field__error">{errorMessage(add.error)}</span> : null}
    </form>
  );
}

export function CommissioningPlanPage() {
  const today = useToday();
  const [year, setYear] = useFinancialYear();
  const plan = useApiQuery('commissioningPlan.get', { year });
  const canWrite = useCan('reviews.write');
  const [managerName, setManagerName] = useState('');
  const [service, setService] = useState('');
  const [plannedNeeds, setNeeds] = useState('');
  const guard = useUnsavedChanges(managerName !== '' || plannedNeeds !== '', 'the plan entry');
  const add = useApiMutation('commissioningPlan.add', {
    onSuccess: () => {
      setManagerName('');
      setService('');
      setNeeds('');
    },
  });
  const errors = fieldErrors(add.error);
  return (
    <>
      <PageHeader
        title="Commissioning plan"
        subtitle="Each business manager’s planned engagement needs for the year, the work that came from them, and the check-ins held (at least two a year)."
      />
      <div className="panel form-grid">
        <FinancialYearField id="plan-year" year={year} onChange={setYear} />
      </div>
      {plan.isPending ? <Loading what="Loading the plan" /> : null}
      {plan.data ? (
        <section className="panel" aria-labelledby="plan-heading">
          <h2 id="plan-heading">
            {financialYearLabel(plan.data.year)}: {plan.data.entries.length} business managers
            {plan.data.entries.some((e) => e.fewerThanRequired)
              ? `, ${plan.data.entries.filter((e) => e.fewerThanRequired).length} with fewer than ${plan.data.requiredCheckins} check-ins`
              : ''}
          </h2>
          {plan.data.entries.length ? (
            <table className="table">
              <caption className="visually-hidden">Commissioning plan</caption>
              <thead>
                <tr>
                  <th scope="col">Business manager</th>
                  <th scope="col">Planned engagement</th>
                  <th scope="col">Work commissioned</th>
                  <th scope="col">Check-ins</th>
                </tr>
              </thead>
              <tbody>
                {plan.data.entries.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      {e.managerName}
                      <div className="muted">{e.service}</div>
                    </th>
                    <td>{e.plannedNeeds}</td>
                    <td>
                      {e.reviews.length
                        ? e.reviews.map((v) => (
                            <div key={v.id}>
                              <Link to={`/reviews/${v.id}`}>{v.reference}</Link> {v.title}
                            </div>
                          ))
                        : 'None yet'}
                    </td>
                    <td>
                      {e.checkins.map((c) => formatDate(c.metOn)).join(', ') || 'None'}{' '}
                      {e.fewerThanRequired ? (
                        <span className="badge badge--amber">
                          Fewer than {plan.data.requiredCheckins}
                        </span>
                      ) : null}
                      {canWrite ? <CheckinForm planId={e.id} today={today} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">No plan entries for {financialYearLabel(plan.data.year)}.</p>
          )}
        </section>
      ) : null}
      {canWrite ? (
        <form
          {...guard.formProps}
          className="panel"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ year, managerName, service, plannedNeeds });
          }}
        >
          <h2>Add a business manager to the {financialYearLabel(year)} plan</h2>
          {add.error ? <Notice tone="error">{errorMessage(add.error)}</Notice> : null}
          <div className="form-grid">
            <TextField
              id="plan-managerName"
              label="Business manager"
              value={managerName}
              onChange={(e) => setManagerName(e.target.value)}
              error={errors.managerName}
            />
            <TextField
              id="plan-service"
              label="Service"
              value={service}
              onChange={(e) => setService(e.target.value)}
              error={errors.service}
            />
          </div>
          <TextAreaField
            id="plan-needs"
            label="Planned engagement needs"
            rows={3}
            value={plannedNeeds}
            onChange={(e) => setNeeds(e.target.value)}
            error={errors.plannedNeeds}
          />
          <button className="button button--secondary" type="submit" disabled={add.isPending}>
            Add to the plan
          </button>
        </form>
      ) : null}
    </>
  );
}
