import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { TagPicker } from './TagPicker';
import '../../styles/reviews.css';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

/** Changes made because of involvement, each linked to the review or consultation it came from. */
export function YouSaidWeDidPage() {
  const today = useToday();
  const list = useApiQuery('youSaidWeDid.list', {});
  const reviews = useApiQuery('reviews.list', { state: 'all' });
  const canWrite = useCan('reviews.write');
  const [sourceId, setSourceId] = useState('');
  const [youSaid, setYouSaid] = useState('');
  const [weDid, setWeDid] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(today);
  const [howTold, setHowTold] = useState('');
  const guard = useUnsavedChanges(youSaid !== '' || weDid !== '' || howTold !== '', 'the change');
  const add = useApiMutation('youSaidWeDid.add', {
    onSuccess: () => {
      setYouSaid('');
      setWeDid('');
      setHowTold('');
    },
  });
  const errors = fieldErrors(add.error);
  return (
    <>
      <PageHeader
        title="You said, we did"
        subtitle="Changes made because customers were involved, and how customers were told."
      />
      <section className="panel" aria-labelledby="ysw-heading">
        <h2 id="ysw-heading">Changes ({list.data?.length ?? 0})</h2>
        {list.data?.length ? (
          <table className="table">
            <caption className="visually-hidden">You said, we did</caption>
            <thead>
              <tr>
                <th scope="col">Took effect</th>
                <th scope="col">You said</th>
                <th scope="col">We did</th>
                <th scope="col">How customers were told</th>
                <th scope="col">From</th>
                <th scope="col">Requirements</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((y) => (
                <tr key={y.id}>
                  <td>{formatDate(y.effectiveOn)}</td>
                  <td>{y.youSaid}</td>
                  <th scope="row">{y.weDid}</th>
                  <td>{y.howTold}</td>
                  <td>
                    {y.sourceType === 'review' ? (
                      <Link to={`/reviews/${y.sourceId}`}>{y.sourceLabel}</Link>
                    ) : (
                      y.sourceLabel
                    )}
                  </td>
                  <td>
                    <TagPicker
                      entityType="you_said_we_did"
                      entityId={y.id}
                      codes={y.tags}
                      label={y.weDid.slice(0, 40)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">Nothing recorded yet.</p>
        )}
      </section>
      {canWrite ? (
        <form
          {...guard.formProps}
          className="panel"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ sourceType: 'review', sourceId, youSaid, weDid, effectiveOn, howTold });
          }}
        >
          <h2>Record a change</h2>
          {add.error ? <Notice tone="error">{errorMessage(add.error)}</Notice> : null}
          <div className="form-grid">
            <SelectField
              id="ysw-sourceId"
              label="Review or consultation it came from"
              value={sourceId}
              placeholder="Choose…"
              options={(reviews.data ?? []).map((r) => ({
                value: r.id,
                label: `${r.reference} ${r.title}`,
              }))}
              onChange={(e) => setSourceId(e.target.value)}
              error={errors.sourceId}
            />
            <TextField
              id="ysw-effectiveOn"
              label="Took effect on"
              type="date"
              value={effectiveOn}
              onChange={(e) => setEffectiveOn(e.target.value)}
              error={errors.effectiveOn}
            />
          </div>
          <TextAreaField
            id="ysw-youSaid"
            label="You said"
            rows={2}
            value={youSaid}
            onChange={(e) => setYouSaid(e.target.value)}
            error={errors.youSaid}
          />
          <TextAreaField
            id="ysw-weDid"
            label="We did"
            rows={2}
            value={weDid}
            onChange={(e) => setWeDid(e.target.value)}
            error={errors.weDid}
          />
          <TextField
            id="ysw-howTold"
            label="How customers were told"
            value={howTold}
            onChange={(e) => setHowTold(e.target.value)}
            error={errors.howTold}
          />
          <button
            className="button button--secondary"
            type="submit"
            disabled={!sourceId || add.isPending}
          >
            Record the change
          </button>
        </form>
      ) : null}
    </>
  );
}
