import { useState } from 'react';
import type { MenuOpportunity } from '../../../../src-shared/domain/community';
import { skillOptions, type Skill } from '../../../../src-shared/domain/customer';
import { call, errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { CheckboxField, TextAreaField } from '../../components/Field';
import { JobProgress, useJob } from '../../components/JobProgress';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import '../../styles/community.css';

/** The menu for involvement: every current group's commitment, skills, training and how to join. */
export function InvolvementMenuPage() {
  const menu = useApiQuery('menu.opportunities', {});
  const [editing, setEditing] = useState<string | null>(null);
  const canWrite = useCan('community.write');
  const job = useJob();
  const files = job.status?.state === 'done' ? job.status.files : [];
  const chosen = menu.data?.find((o) => o.groupId === editing);
  return (
    <>
      <PageHeader
        title="Involvement menu"
        subtitle="Ways to get involved, from the groups: the time each asks, the skills used, the training offered and how to join."
        actions={
          <button
            type="button"
            className="button"
            disabled={job.running}
            onClick={() => void job.start(() => call('menu.startExport', {}))}
          >
            Print and export the menu
          </button>
        }
      />
      <JobProgress job={job} label="The menu" />
      {files.length ? (
        <ul className="button-row" aria-label="Files ready">
          {files.map((f) => (
            <li key={f.name}>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void job.download(f.name)}
              >
                Download {f.fileName}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {!menu.data ? <Loading what="Loading the menu" /> : null}
      {menu.data ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Commitment</th>
              <th scope="col">Skills used</th>
              <th scope="col">Training offered</th>
              <th scope="col">How to join</th>
              {canWrite ? <th scope="col">Change</th> : null}
            </tr>
          </thead>
          <tbody>
            {menu.data.map((o) => (
              <tr key={o.groupId} className={o.listed ? undefined : 'muted'}>
                <th scope="row">
                  {o.group}
                  <div className="muted">
                    {o.family}
                    {o.listed ? '' : ' · not on the menu'}
                  </div>
                </th>
                <td>{o.commitment ?? '—'}</td>
                <td>{o.skills.map((k) => skillOptions.labels[k]).join(', ') || '—'}</td>
                <td>{o.trainingOffered ?? '—'}</td>
                <td>{o.howToJoin ?? '—'}</td>
                {canWrite ? (
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Change ${o.group} on the menu`}
                      onClick={() => setEditing(o.groupId)}
                    >
                      Change
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {chosen ? (
        <MenuEntryForm key={chosen.groupId} entry={chosen} onDone={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function MenuEntryForm({ entry, onDone }: { entry: MenuOpportunity; onDone: () => void }) {
  const [form, setForm] = useState({
    listed: entry.listed,
    skills: entry.skills,
    trainingOffered: entry.trainingOffered ?? '',
    howToJoin: entry.howToJoin ?? '',
  });
  const guard = useFormChanges(form, `${entry.group} on the menu`);
  const save = useApiMutation('menu.saveEntry', {
    onSuccess: () => {
      guard.saved();
      onDone();
    },
  });
  const toggle = (k: Skill) =>
    setForm((f) => ({
      ...f,
      skills: f.skills.includes(k) ? f.skills.filter((s) => s !== k) : [...f.skills, k],
    }));
  return (
    <form
      className="panel"
      aria-labelledby="menu-entry-title"
      noValidate
      {...guard.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ groupId: entry.groupId, ...form });
      }}
    >
      <h2 id="menu-entry-title">{entry.group} on the menu</h2>
      <p className="muted">
        The commitment and description come from the group itself; change them on the group’s page.
      </p>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      <CheckboxField
        label="Show this group on the menu"
        checked={form.listed}
        onChange={(e) => setForm({ ...form, listed: e.target.checked })}
      />
      <fieldset className="field">
        <legend className="field__label">Skills used</legend>
        <div className="form-grid">
          {skillOptions.codes
            .map((code) => ({ value: code, label: skillOptions.labels[code] }))
            .map((o) => (
              <CheckboxField
                key={o.value}
                label={o.label}
                checked={form.skills.includes(o.value)}
                onChange={() => toggle(o.value)}
              />
            ))}
        </div>
      </fieldset>
      <TextAreaField
        label="Training offered"
        rows={2}
        value={form.trainingOffered}
        onChange={(e) => setForm({ ...form, trainingOffered: e.target.value })}
      />
      <TextAreaField
        label="How to join"
        rows={2}
        value={form.howToJoin}
        onChange={(e) => setForm({ ...form, howToJoin: e.target.value })}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          Save
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Close
        </button>
      </div>
    </form>
  );
}
