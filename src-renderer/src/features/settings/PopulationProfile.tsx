import { useRef, useState, type FormEvent } from 'react';
import {
  profileCategories,
  profileCategoryLabels,
  profileGroups,
  type PopulationProfile,
  type ProfileCounts,
  type ProfilePreview,
} from '../../../../src-shared/domain/population-profile';
import { call, errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatCount } from '../../components/format';
import { Loading, Notice } from '../../components/PageHeader';
import { isChanged, useUnsavedChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import { fileToBase64 } from '../customer-import/file-bytes';
import '../../styles/population-profile.css';

type Typed = Record<string, Record<string, string>>;

function typedFrom(counts: ProfileCounts): Typed {
  return Object.fromEntries(
    profileCategories.map((c) => [
      c,
      Object.fromEntries(
        profileGroups[c].codes.map((code) => [code, counts[c][code]?.toString() ?? '']),
      ),
    ]),
  );
}

/**
 * The tenant population by age band, disability and ethnic group, which the
 * board pack sets involved customers against: imported from a spreadsheet
 * (previewed before it is saved) or typed.
 */
export function PopulationProfilePanel() {
  const profile = useApiQuery('organisation.populationProfile', {});
  if (profile.isPending) return <Loading />;
  if (profile.error && !profile.data) return <Notice tone="error">{profile.error.message}</Notice>;
  return <ProfileForm key={profile.data.updatedAt ?? 'none'} profile={profile.data} />;
}

function ProfileForm({ profile }: { profile: PopulationProfile }) {
  const canEdit = useCan('organisation.write');
  const initial = typedFrom(profile.counts);
  const [typed, setTyped] = useState<Typed>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<ProfilePreview | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const guard = useUnsavedChanges(
    isChanged(initial, typed) || preview !== null,
    'the tenant population profile',
  );
  const save = useApiMutation('organisation.savePopulationProfile', {
    onSuccess: () => {
      setPreview(null);
      if (fileRef.current) fileRef.current.value = '';
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const counts = { age_band: {}, disability: {}, ethnicity: {} } as ProfileCounts;
    for (const c of profileCategories)
      for (const [code, text] of Object.entries(typed[c]!)) {
        const t = text.trim().replace(/,/g, '');
        if (t === '') continue;
        if (!/^\d+$/.test(t)) {
          setProblem(
            `${profileCategoryLabels[c]} ${profileGroups[c].labels[code]}: enter a whole number, or leave it empty.`,
          );
          return;
        }
        counts[c][code] = Number(t);
      }
    save.mutate({ counts, source: profile.source });
  }

  return (
    <section className="panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Tenant population profile</h2>
      <p className="muted">
        How many tenants fall in each age band, disability answer and ethnic group. The board pack’s
        representativeness section sets involved customers against these shares.
        {profile.source ? ` Last imported from ${profile.source}.` : ''}
      </p>
      {save.error ? <Notice tone="error">{save.error.message}</Notice> : null}
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {canEdit ? (
        <div className="field">
          <label className="field__label" htmlFor="profile-file">
            Import from a spreadsheet (CSV or Excel)
          </label>
          <div className="field__hint" id="profile-file-hint">
            Columns headed category, group and count: one row for each group, such as “Age band,
            25–34, 1200”. You see what was read before anything is saved.
          </div>
          <input
            id="profile-file"
            type="file"
            accept=".csv,.xlsx"
            ref={fileRef}
            aria-describedby="profile-file-hint"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              setProblem(null);
              try {
                setPreview(
                  await call('organisation.previewPopulationProfile', {
                    fileName: f.name,
                    contentBase64: await fileToBase64(f),
                  }),
                );
              } catch (err) {
                setPreview(null);
                setProblem(errorMessage(err));
              }
            }}
          />
        </div>
      ) : null}
      {preview ? (
        <div className="subform" aria-labelledby="profile-preview-heading">
          <h3 id="profile-preview-heading">Read from {preview.fileName}</h3>
          <p role="status">
            {formatCount(preview.rows.length)} rows read
            {preview.errors.length
              ? `, ${formatCount(preview.errors.length)} with a problem (left out)`
              : ''}
            .{' '}
            {preview.replaces.length
              ? `Saving replaces ${preview.replaces.map((c) => profileCategoryLabels[c].toLowerCase()).join(' and ')}; the rest stays as it is.`
              : 'Nothing to save.'}
          </p>
          {preview.errors.length ? (
            <ul className="error-list">
              {preview.errors.map((e) => (
                <li key={`${e.line}-${e.message}`}>{e.message}</li>
              ))}
            </ul>
          ) : null}
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={!preview.replaces.length || save.isPending}
              onClick={() => save.mutate({ counts: preview.counts, source: preview.fileName })}
            >
              Save the imported profile
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setPreview(null);
                if (fileRef.current) fileRef.current.value = '';
              }}
            >
              Cancel the import
            </button>
          </div>
        </div>
      ) : null}
      <form
        {...guard.formProps}
        onSubmit={submit}
        noValidate
        aria-label="Tenant population profile"
      >
        <div className="profile-grid">
          {profileCategories.map((c) => {
            const shown = preview ? typedFrom(preview.counts)[c]! : typed[c]!;
            return (
              <fieldset key={c} className="field">
                <legend className="field__label">{profileCategoryLabels[c]}</legend>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Group</th>
                      <th scope="col" className="num">
                        Tenants
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {profileGroups[c].codes.map((code) => (
                      <tr key={code}>
                        <td>
                          <label htmlFor={`profile-${c}-${code}`}>
                            {profileGroups[c].labels[code]}
                          </label>
                        </td>
                        <td className="num">
                          <input
                            id={`profile-${c}-${code}`}
                            className="input input--narrow"
                            inputMode="numeric"
                            value={shown[code] ?? ''}
                            disabled={!canEdit || preview !== null}
                            onChange={(e) =>
                              setTyped({ ...typed, [c]: { ...typed[c], [code]: e.target.value } })
                            }
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </fieldset>
            );
          })}
        </div>
        {canEdit && !preview ? (
          <div className="button-row">
            <button type="submit" className="button" disabled={save.isPending}>
              Save profile
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}
