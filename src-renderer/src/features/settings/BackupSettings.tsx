import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { BackupEntry, BackupOverview } from '../../../../src-shared/api/backups';
import type { BackupKind } from '../../../../src-shared/rules/backup-rotation';
import { call, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDateTime } from '../../components/format';
import { TextField } from '../../components/Field';
import { JobProgress, useJob } from '../../components/JobProgress';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';

const kindLabels: Record<BackupKind, string> = {
  scheduled: 'Automatic',
  start: 'At start',
  manual: 'Taken by hand',
  'before-migration': 'Before an update',
  'before-restore': 'In use before a restore',
  encryption: 'Before encryption',
};

const verifiedLabels: Record<BackupEntry['verified'], { text: string; tone: string }> = {
  verified: { text: 'Checked', tone: 'green' },
  unchecked: { text: 'Not checked', tone: 'amber' },
  failed: { text: 'Failed its check', tone: 'red' },
};

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Administrators: where backups go, how often, the list, and restoring one. */
export function BackupSettings() {
  const overview = useApiQuery('backups.overview', {});
  return (
    <>
      <PageHeader title="Backups" />
      {overview.isPending ? <Loading /> : null}
      {overview.error ? <Notice tone="error">{overview.error.message}</Notice> : null}
      {overview.data ? <Protection overview={overview.data} /> : null}
      {overview.data ? <BackupList backups={overview.data.backups} /> : null}
      {overview.data ? <BackupPlace overview={overview.data} /> : null}
    </>
  );
}

function Protection({ overview }: { overview: BackupOverview }) {
  const client = useQueryClient();
  const job = useJob({ onDone: () => void client.invalidateQueries() });
  const last = overview.lastAutomatic;
  return (
    <section className="panel" aria-labelledby="protection-heading">
      <h2 id="protection-heading">How the data is kept safe</h2>
      <p>
        The database and every backup are encrypted.{' '}
        {`How the key is kept: ${overview.keyProtection ?? 'this computer’s keyring'}.`} A backup
        opens only with this installation’s key.
      </p>
      <p>
        Backups are taken when the app starts and every{' '}
        {overview.everyHours === 1 ? 'hour' : `${overview.everyHours} hours`} while it is open, and
        each is checked before it is kept. The app keeps the newest three of today, one a day for a
        week and one a week for five weeks.
      </p>
      {last ? (
        <Notice tone={last.ok ? 'success' : 'error'}>
          {last.ok ? 'Last automatic backup: ' : 'The last automatic backup failed: '}
          {formatDateTime(last.at)}. {last.message}
        </Notice>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={job.running}
          onClick={() => void job.start(() => call('backups.start', {}))}
        >
          Back up now
        </button>
      </div>
      <JobProgress job={job} label="The backup" />
      {job.status?.state === 'done' ? <Notice tone="success">Backed up and checked.</Notice> : null}
    </section>
  );
}

function BackupList({ backups }: { backups: BackupEntry[] }) {
  const [confirming, setConfirming] = useState<BackupEntry | null>(null);
  const verify = useApiMutation('backups.verify');
  const restore = useApiMutation('backups.restore');
  return (
    <section className="panel" aria-labelledby="backup-list-heading">
      <h2 id="backup-list-heading">Backups</h2>
      {verify.error ? <Notice tone="error">{verify.error.message}</Notice> : null}
      {restore.error ? <Notice tone="error">{restore.error.message}</Notice> : null}
      {confirming ? (
        <RestoreConfirm
          backup={confirming}
          pending={restore.isPending}
          onCancel={() => setConfirming(null)}
          onRestore={() => restore.mutate({ id: confirming.id })}
        />
      ) : null}
      <p id="backup-list-order" className="muted">
        Newest first. Each was checked with the key when it was taken; Check opens it again.
      </p>
      {backups.length === 0 ? (
        <p>No backups yet. The first is taken a little after the app starts.</p>
      ) : (
        <table className="table" aria-describedby="backup-list-order">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Kind</th>
              <th scope="col">Size</th>
              <th scope="col">Check</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.id}>
                <td>{formatDateTime(b.at)}</td>
                <td>{kindLabels[b.kind]}</td>
                <td>{formatSize(b.sizeBytes)}</td>
                <td>
                  <span className={`badge badge--${verifiedLabels[b.verified].tone}`}>
                    {verifiedLabels[b.verified].text}
                  </span>
                  {b.verifiedAt ? (
                    <span className="muted"> {formatDateTime(b.verifiedAt)}</span>
                  ) : null}
                </td>
                <td>
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={`Check the backup of ${formatDateTime(b.at)} again`}
                      disabled={verify.isPending}
                      onClick={() => verify.mutate({ id: b.id })}
                    >
                      Check
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={`Restore the backup of ${formatDateTime(b.at)}`}
                      onClick={() => setConfirming(b)}
                    >
                      Restore…
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RestoreConfirm({
  backup,
  pending,
  onCancel,
  onRestore,
}: {
  backup: BackupEntry;
  pending: boolean;
  onCancel(): void;
  onRestore(): void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [backup.id]);
  return (
    <div className="panel panel--warning" role="alertdialog" aria-labelledby="restore-heading">
      <h3 id="restore-heading" tabIndex={-1} ref={heading}>
        Restore the backup of {formatDateTime(backup.at)}?
      </h3>
      <p>
        The database in use now is kept aside, unchanged, first (it appears in this list as “In use
        before a restore”), so this can be undone. Anything saved after this backup was taken will
        not be in the restored database. Everyone signs in again afterwards.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          disabled={pending}
          onClick={onRestore}
        >
          {pending ? 'Restoring…' : 'Restore this backup'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Keep the current database
        </button>
      </div>
    </div>
  );
}

function BackupPlace({ overview }: { overview: BackupOverview }) {
  const initial = {
    folder: overview.folder === overview.defaultFolder ? '' : overview.folder,
    everyHours: String(overview.everyHours),
  };
  const [values, setValues] = useState(initial);
  const changes = useFormChanges(values, 'the backup settings');
  const save = useApiMutation('backups.saveSettings', {
    onSuccess: () => changes.savedAs(values),
  });
  const errors = fieldErrors(save.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      folder: values.folder.trim() === '' ? null : values.folder.trim(),
      everyHours: Number(values.everyHours),
    });
  }
  return (
    <section className="panel" aria-labelledby="backup-place-heading">
      <h2 id="backup-place-heading">Where and how often</h2>
      {save.error && !Object.keys(errors).length ? (
        <Notice tone="error">{save.error.message}</Notice>
      ) : null}
      {save.isSuccess ? <Notice tone="success">Saved.</Notice> : null}
      <form {...changes.formProps} onSubmit={submit} noValidate className="form-grid">
        <TextField
          label="Backup folder"
          hint={`The folder’s full path; a network drive is fine. Leave empty for the default, ${overview.defaultFolder}.`}
          value={values.folder}
          error={errors.folder}
          onChange={(e) => setValues({ ...values, folder: e.target.value })}
        />
        <TextField
          label="Hours between automatic backups"
          hint="From 1 to 24."
          type="number"
          inputMode="numeric"
          min={1}
          max={24}
          value={values.everyHours}
          error={errors.everyHours}
          onChange={(e) => setValues({ ...values, everyHours: e.target.value })}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            Save
          </button>
        </div>
      </form>
    </section>
  );
}
