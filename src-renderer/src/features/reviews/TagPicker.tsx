import { useState } from 'react';
import type { TagEntityType } from '../../../../src-shared/domain/reviews';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Notice } from '../../components/PageHeader';
import { useCan } from '../../session';

/**
 * The requirements a record gave assurance on: the tags show as badges, and
 * those who may tag open a list of the requirements grouped by standard.
 */
export function TagPicker({
  entityType,
  entityId,
  codes,
  label,
}: {
  entityType: TagEntityType;
  entityId: string;
  codes: string[];
  label: string;
}) {
  const canTag = useCan('assurance.tag');
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>(codes);
  const requirements = useApiQuery('assurance.requirements', {}, { enabled: open });
  const save = useApiMutation('assurance.setTags', { onSuccess: () => setOpen(false) });
  const byStandard = new Map<string, { code: string; title: string }[]>();
  for (const r of requirements.data ?? [])
    byStandard.set(r.standard, [...(byStandard.get(r.standard) ?? []), r]);
  return (
    <div className="tag-box">
      <div className="tag-list" aria-label={`Requirements ${label} gave assurance on`}>
        {codes.length ? (
          codes.map((c) => (
            <span key={c} className="badge">
              {c}
            </span>
          ))
        ) : (
          <span className="muted">No requirements tagged.</span>
        )}
        {canTag && !open ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setChosen(codes);
              setOpen(true);
            }}
            aria-label={`Tag requirements: ${label}`}
          >
            Tag requirements
          </button>
        ) : null}
      </div>
      {open ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ entityType, entityId, codes: chosen });
          }}
        >
          {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
          <div className="tag-picker">
            {[...byStandard.entries()].map(([standard, items]) => (
              <fieldset key={standard}>
                <legend>{standard}</legend>
                {items.map((r) => {
                  const id = `tag-${entityId}-${r.code}`;
                  return (
                    <div key={r.code} className="field--check">
                      <input
                        id={id}
                        type="checkbox"
                        checked={chosen.includes(r.code)}
                        onChange={(e) =>
                          setChosen((c) =>
                            e.target.checked ? [...c, r.code] : c.filter((x) => x !== r.code),
                          )
                        }
                      />
                      <label htmlFor={id}>
                        {r.code.startsWith(r.title.slice(0, 4)) ? r.title : `${r.code} ${r.title}`}
                      </label>
                    </div>
                  );
                })}
              </fieldset>
            ))}
          </div>
          <div className="button-row">
            <button className="button button--secondary" type="submit" disabled={save.isPending}>
              Save the tags
            </button>
            <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

/**
 * A record's assurance tags on a page outside the reviews area (an activity,
 * a recommendation), read on their own so those pages need not carry them.
 */
export function AssuranceTags({
  entityType,
  entityId,
  label,
}: {
  entityType: TagEntityType;
  entityId: string;
  label: string;
}) {
  const tags = useApiQuery('assurance.tagsFor', { entityType, entityIds: [entityId] });
  return (
    <section className="panel" aria-labelledby={`assurance-${entityId}`}>
      <h2 id={`assurance-${entityId}`}>Regulatory assurance</h2>
      {tags.error ? <Notice tone="error">{errorMessage(tags.error)}</Notice> : null}
      {tags.data ? (
        <TagPicker
          entityType={entityType}
          entityId={entityId}
          codes={tags.data[entityId] ?? []}
          label={label}
        />
      ) : null}
    </section>
  );
}
