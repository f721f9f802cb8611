import { useState } from 'react';
import {
  contactChannelLabels,
  contactChannels,
  type ContactChannel,
  type ReviewDetail,
} from '../../../../src-shared/domain/reviews';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { SelectField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Notice } from '../../components/PageHeader';
import { fileToBase64 } from '../customer-import/file-bytes';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

/** A neighbourhood audit's checklist: a score per item per area, area totals and the change since the last visit. */
export function AuditSection({ review }: { review: ReviewDetail }) {
  const sheet = useApiQuery('reviews.auditSheet', { reviewId: review.id });
  const [area, setArea] = useState('');
  const [item, setItem] = useState('');
  const [score, setScore] = useState('');
  const [maxScore, setMaxScore] = useState('5');
  const [comment, setComment] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const guard = useUnsavedChanges(comment !== '' || score !== '', 'the audit item');
  const save = useApiMutation('reviews.saveAuditItem', {
    onSuccess: () => {
      setScore('');
      setComment('');
      setPhoto(null);
    },
  });
  const errors = fieldErrors(save.error);
  const s = sheet.data;
  return (
    <section className="panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Checklist scores</h2>
      {s?.totals.length ? (
        <table className="table">
          <caption>Totals by area{s.previous ? `, against ${s.previous.reference}` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col" className="num">
                %
              </th>
              {s.previous ? (
                <th scope="col" className="num">
                  Last visit
                </th>
              ) : null}
              {s.previous ? (
                <th scope="col" className="num">
                  Change
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {s.totals.map((t) => {
              const c = s.comparison.find((x) => x.area === t.area);
              return (
                <tr key={t.area}>
                  <th scope="row">{t.area}</th>
                  <td className="num">
                    {t.score} of {t.max}
                  </td>
                  <td className="num">{t.percent ?? '—'}</td>
                  {s.previous ? <td className="num">{c?.previousPercent ?? '—'}</td> : null}
                  {s.previous ? (
                    <td className="num">
                      {c?.change === null || c?.change === undefined
                        ? '—'
                        : c.change > 0
                          ? `+${c.change}`
                          : c.change}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="muted">No items scored yet.</p>
      )}
      {s?.items.length ? (
        <details>
          <summary>Every item ({s.items.length})</summary>
          <ul>
            {s.items.map((i) => (
              <li key={i.id}>
                {i.area}: {i.item}, {i.score ?? 'not scored'} of {i.maxScore}
                {i.comment ? ` (${i.comment})` : ''}
                {i.photoName ? <span className="muted"> · photo {i.photoName}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {review.canRecordEvidence ? (
        <form
          {...guard.formProps}
          className="subform"
          onSubmit={async (e) => {
            e.preventDefault();
            save.mutate({
              reviewId: review.id,
              area,
              item,
              score: score === '' ? null : Number(score),
              maxScore: Number(maxScore),
              comment,
              photo: photo
                ? {
                    fileName: photo.name,
                    mimeType: photo.type || 'image/jpeg',
                    contentBase64: await fileToBase64(photo),
                  }
                : null,
            });
          }}
        >
          <h3>Score an item</h3>
          {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
          <div className="form-grid">
            <TextField
              id="audit-area"
              label="Area"
              value={area}
              onChange={(e) => setArea(e.target.value)}
              error={errors.area}
            />
            <SelectField
              id="audit-item"
              label="Checklist item"
              value={item}
              placeholder="Choose…"
              options={(s?.checklist ?? []).map((c) => ({ value: c, label: c }))}
              onChange={(e) => setItem(e.target.value)}
              error={errors.item}
            />
            <TextField
              id="audit-score"
              label="Score"
              type="number"
              min={0}
              value={score}
              onChange={(e) => setScore(e.target.value)}
              error={errors.score}
            />
            <TextField
              id="audit-max"
              label="Out of"
              type="number"
              min={1}
              value={maxScore}
              onChange={(e) => setMaxScore(e.target.value)}
              error={errors.maxScore}
            />
          </div>
          <TextField
            id="audit-comment"
            label="Comment"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="field">
            <label className="field__label" htmlFor="audit-photo">
              Photo
            </label>
            <input
              id="audit-photo"
              type="file"
              accept="image/*"
              onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
            />
          </div>
          <button className="button button--secondary" type="submit" disabled={save.isPending}>
            Save the score
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** Mystery shop and reality check contacts, each judged against the service standard. */
export function ContactsSection({ review }: { review: ReviewDetail }) {
  const today = useToday();
  const shop = useApiQuery('reviews.mysteryShop', { reviewId: review.id });
  const [scenario, setScenario] = useState('');
  const [channel, setChannel] = useState<ContactChannel>('phone');
  const [contactedOn, setContactedOn] = useState(today);
  const [standard, setStandard] = useState('');
  const [met, setMet] = useState('');
  const contactGuard = useUnsavedChanges(scenario !== '', 'the contact');
  const add = useApiMutation('reviews.addContact', { onSuccess: () => setScenario('') });
  const errors = fieldErrors(add.error);
  const s = shop.data;
  return (
    <section className="panel" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">
        Contacts and results
        {s?.overall.percent !== null && s ? `: ${s.overall.percent}% met the standard` : ''}
      </h2>
      {s?.contacts.length ? (
        <>
          <p>
            {s.byChannel
              .map(
                (c) =>
                  `${contactChannelLabels[c.channel as ContactChannel] ?? c.channel}: ${c.passed} of ${c.judged}`,
              )
              .join(' · ')}
          </p>
          <table className="table">
            <caption className="visually-hidden">Contacts</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Scenario</th>
                <th scope="col">Channel</th>
                <th scope="col">Standard</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {s.contacts.map((c) => (
                <tr key={c.id}>
                  <td>{formatDate(c.contactedOn)}</td>
                  <td>{c.scenario}</td>
                  <td>{contactChannelLabels[c.channel]}</td>
                  <td>{c.standard}</td>
                  <td>
                    {c.metStandard === null ? (
                      'Not judged'
                    ) : c.metStandard ? (
                      <span className="badge badge--green">Met</span>
                    ) : (
                      <span className="badge badge--red">Not met</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted">No contacts recorded yet.</p>
      )}
      {review.canRecordEvidence ? (
        <form
          {...contactGuard.formProps}
          className="subform"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({
              reviewId: review.id,
              scenario,
              channel,
              contactedOn,
              standard,
              metStandard: met === '' ? null : met === 'yes',
            });
          }}
        >
          <h3>Record a contact</h3>
          {add.error ? <Notice tone="error">{errorMessage(add.error)}</Notice> : null}
          <div className="form-grid">
            <TextField
              id="contact-scenario"
              label="Scenario"
              value={scenario}
              onChange={(e) => setScenario(e.target.value)}
              error={errors.scenario}
            />
            <SelectField
              id="contact-channel"
              label="Channel"
              value={channel}
              options={contactChannels.map((c) => ({ value: c, label: contactChannelLabels[c] }))}
              onChange={(e) => setChannel(e.target.value as ContactChannel)}
            />
            <TextField
              id="contact-on"
              label="Contacted on"
              type="date"
              value={contactedOn}
              onChange={(e) => setContactedOn(e.target.value)}
              error={errors.contactedOn}
            />
            <TextField
              id="contact-standard"
              label="Service standard"
              value={standard}
              onChange={(e) => setStandard(e.target.value)}
            />
            <SelectField
              id="contact-met"
              label="Result"
              value={met}
              placeholder="Not judged yet"
              options={[
                { value: 'yes', label: 'Met the standard' },
                { value: 'no', label: 'Did not meet it' },
              ]}
              onChange={(e) => setMet(e.target.value)}
            />
          </div>
          <button className="button button--secondary" type="submit" disabled={add.isPending}>
            Add the contact
          </button>
        </form>
      ) : null}
    </section>
  );
}
