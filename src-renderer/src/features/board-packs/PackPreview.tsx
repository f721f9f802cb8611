import { useState } from 'react';
import { formatCount } from '../../components/format';
import type { PackSection, PackTable } from '../../../../src-shared/domain/board-packs';
import { formatCell } from '../../../../src-shared/rules/pack-format';
import { useQueryClient } from '@tanstack/react-query';
import { call, errorMessage } from '../../api/client';
import { TextAreaField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';

const numeric = new Set(['integer', 'decimal', 'share', 'pence']);

function FigureTable({ table }: { table: PackTable }) {
  return (
    <div className="pack-table">
      <table className="table">
        <caption>{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.header} scope="col" className={numeric.has(c.format) ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length}>None in the period.</td>
            </tr>
          ) : null}
          {table.rows.map((r, ri) => (
            <tr key={ri}>
              {table.columns.map((c, i) => (
                <td key={i} className={numeric.has(c.format) ? 'num' : undefined}>
                  {c.format === 'rag' ? (
                    <span className={`rag rag--${String(r[i]).toLowerCase().replace(/\s+/g, '-')}`}>
                      {formatCell(r[i] ?? null, c.format)}
                    </span>
                  ) : (
                    formatCell(r[i] ?? null, c.format)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.rowCount !== undefined && table.rowCount > table.rows.length ? (
        <p className="muted">
          The first {formatCount(table.rows.length)} of {formatCount(table.rowCount)}, and{' '}
          {formatCount(table.rowCount - table.rows.length)} more, in the workbook.
        </p>
      ) : null}
      {table.note ? <p className="muted">{table.note}</p> : null}
    </div>
  );
}

function Commentary({
  packId,
  section,
  final,
}: {
  packId: string;
  section: PackSection;
  final: boolean;
}) {
  const [text, setText] = useState(section.commentary);
  const [saved, setSaved] = useState(section.commentary);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const changed = text.trim() !== saved.trim();
  // A commentary saved elsewhere (another window) shows here unless this one is being edited;
  // our own save comes back unchanged, so "Saved." stays while the figures refresh.
  const [shown, setShown] = useState(section.commentary);
  if (section.commentary !== shown) {
    setShown(section.commentary);
    if (!changed) {
      setText(section.commentary);
      setSaved(section.commentary);
    }
  }
  // Saved is said as soon as the backend confirms; the figures refresh behind it.
  const save = async () => {
    setState('saving');
    setError(null);
    try {
      await call('boardPacks.saveCommentary', { id: packId, section: section.key, text });
      setSaved(text);
      setState('saved');
      void queryClient.invalidateQueries({ queryKey: ['boardPacks.figures'] });
      void queryClient.invalidateQueries({ queryKey: ['boardPacks.get'] });
    } catch (e) {
      setState('idle');
      setError(errorMessage(e));
    }
  };
  if (final)
    return section.commentary ? (
      <div className="pack-commentary">
        <h3>Commentary</h3>
        <p>{section.commentary}</p>
      </div>
    ) : null;
  return (
    <div className="pack-commentary">
      <TextAreaField
        label={`Commentary on ${section.title}`}
        hint="Printed under the section's title in the PDF and on its sheet in the workbook."
        value={text}
        rows={3}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={!changed || state === 'saving'}
          onClick={() => void save()}
        >
          Save commentary
        </button>
        {state === 'saved' && !changed ? <span role="status">Saved.</span> : null}
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </div>
  );
}

/** One section as the pack shows it: summary, headline figures, tables and commentary. */
export function SectionPreview({
  packId,
  section,
  final,
}: {
  packId: string;
  section: PackSection;
  final: boolean;
}) {
  return (
    <section className="panel pack-section" aria-labelledby={`section-${section.key}`}>
      <h2 id={`section-${section.key}`}>{section.title}</h2>
      <p>{section.summary}</p>
      {section.headlines.length ? (
        <dl className="pack-headlines">
          {section.headlines.map((h) => (
            <div key={h.label}>
              <dt>{h.label}</dt>
              <dd>{formatCell(h.value, h.format)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <Commentary packId={packId} section={section} final={final} />
      {section.tables
        .filter((t) => !t.detail)
        .map((t) => (
          <FigureTable key={t.id} table={t} />
        ))}
      {section.tables
        .filter((t) => t.detail)
        .map((t) => (
          <p key={t.id} className="muted">
            {t.title}: {(t.rowCount ?? t.rows.length).toLocaleString('en-GB')} rows, on their own
            sheet in the workbook.
          </p>
        ))}
      {section.notes.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
    </section>
  );
}
