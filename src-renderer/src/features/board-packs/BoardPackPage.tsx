import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { audienceTitles, type BoardPack } from '../../../../src-shared/domain/board-packs';
import { formatCell, formatDate } from '../../../../src-shared/rules/pack-format';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { JobProgress, useJob } from '../../components/JobProgress';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { SectionPreview } from './PackPreview';
import '../../styles/board-packs.css';

function SectionList({ pack }: { pack: BoardPack }) {
  const update = useApiMutation('boardPacks.update');
  const [adding, setAdding] = useState('');
  const final = pack.finalisedAt !== null;
  const title = (key: string) => pack.available.find((s) => s.key === key)?.title ?? key;
  const save = (sections: string[]) =>
    update.mutate({ id: pack.id, sections, expectedUpdatedAt: pack.updatedAt });
  const move = (i: number, by: -1 | 1) => {
    const next = [...pack.sections];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    save(next);
  };
  const missing = pack.available.filter((s) => !pack.sections.includes(s.key));
  return (
    <section className="panel" aria-labelledby="sections-heading">
      <h2 id="sections-heading">Sections, in order</h2>
      <ol className="pack-sections">
        {pack.sections.map((key, i) => (
          <li key={key}>
            <span>{title(key)}</span>
            {final ? null : (
              <span className="button-row">
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={i === 0 || update.isPending}
                  onClick={() => move(i, -1)}
                  aria-label={`Move ${title(key)} up`}
                >
                  Up
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={i === pack.sections.length - 1 || update.isPending}
                  onClick={() => move(i, 1)}
                  aria-label={`Move ${title(key)} down`}
                >
                  Down
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={pack.sections.length === 1 || update.isPending}
                  onClick={() => save(pack.sections.filter((k) => k !== key))}
                  aria-label={`Drop ${title(key)}`}
                >
                  Drop
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {!final && missing.length ? (
        <div className="pack-add">
          <label htmlFor="add-section">Add a section</label>
          <select
            id="add-section"
            className="input"
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
          >
            <option value="">Choose a section</option>
            {missing.map((s) => (
              <option key={s.key} value={s.key}>
                {s.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--secondary"
            disabled={!adding}
            onClick={() => {
              save([...pack.sections, adding]);
              setAdding('');
            }}
          >
            Add
          </button>
        </div>
      ) : null}
      <p className="muted">
        Still to come, once their areas are in the app:{' '}
        {pack.waiting.map((w) => w.title).join(', ')}.
      </p>
      {update.error ? <Notice tone="error">{update.error.message}</Notice> : null}
    </section>
  );
}

function Changes({ id }: { id: string }) {
  const changes = useApiQuery('boardPacks.changes', { id });
  if (!changes.data) return <Loading what="Comparing with today’s figures" />;
  const list = changes.data.changes;
  return (
    <section className="panel" aria-labelledby="changes-heading">
      <h2 id="changes-heading">What has changed since it was finalised</h2>
      {list.length === 0 ? (
        <p>No figure has moved since the pack was finalised.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col">Figure</th>
              <th scope="col" className="num">
                Reported
              </th>
              <th scope="col" className="num">
                Now
              </th>
              <th scope="col" className="num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((c, i) => (
              <tr key={i}>
                <td>{c.section}</td>
                <td>{`${c.table}: ${c.row}, ${c.column}`}</td>
                <td className="num">{formatCell(c.then, 'decimal')}</td>
                <td className="num">{formatCell(c.now, 'decimal')}</td>
                <td className="num">
                  {c.change === null
                    ? '–'
                    : `${c.change > 0 ? '+' : ''}${formatCell(c.change, 'decimal')}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One pack: its sections and commentary, a preview of every figure, the export as a job, and finalising. */
export function BoardPackPage() {
  const { id = '' } = useParams();
  const pack = useApiQuery('boardPacks.get', { id });
  const figures = useApiQuery('boardPacks.figures', { id });
  const canWrite = useCan('boardPacks.write');
  const job = useJob();
  const finalise = useApiMutation('boardPacks.finalise');
  const [confirming, setConfirming] = useState(false);

  if (pack.error && !pack.data) return <Notice tone="error">{pack.error.message}</Notice>;
  if (!pack.data) return <Loading what="Loading the pack" />;
  const p = pack.data;
  const final = p.finalisedAt !== null;
  const done = job.status?.state === 'done';

  return (
    <>
      <PageHeader
        title={p.title}
        subtitle={`For ${audienceTitles[p.audience]} · ${p.periodLabel} · ${final ? `Final, ${formatDate(p.finalisedAt!.slice(0, 10))}${p.finalisedBy ? ` by ${p.finalisedBy}` : ''}` : 'Draft'}`}
        actions={
          <Link className="button button--secondary" to="/board-packs">
            All packs
          </Link>
        }
      />
      <section className="panel" aria-labelledby="export-heading">
        <h2 id="export-heading">PDF and Excel</h2>
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={job.running}
            onClick={() =>
              void job.start(() => call('boardPacks.startExport', { id, formats: ['pdf', 'xlsx'] }))
            }
          >
            Build the PDF and workbook
          </button>
          {done ? (
            <>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void job.download('pdf')}
              >
                Download the PDF
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void job.download('xlsx')}
              >
                Download the workbook
              </button>
            </>
          ) : null}
        </div>
        <JobProgress job={job} label="Building the pack" />
        {done ? <p role="status">The PDF and workbook are ready.</p> : null}
        {canWrite && !final ? (
          <div className="pack-finalise">
            {confirming ? (
              <>
                <p>
                  Finalising freezes the figures and commentary as they are now: the pack will
                  always show what was reported.
                </p>
                <div className="button-row">
                  <button
                    type="button"
                    className="button"
                    disabled={finalise.isPending}
                    onClick={() =>
                      finalise.mutate({ id }, { onSuccess: () => setConfirming(false) })
                    }
                  >
                    Finalise the pack
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setConfirming(false)}
                  >
                    Not yet
                  </button>
                </div>
              </>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setConfirming(true)}
              >
                Finalise…
              </button>
            )}
            {finalise.error ? <Notice tone="error">{finalise.error.message}</Notice> : null}
          </div>
        ) : null}
      </section>
      {final ? <Changes id={id} /> : null}
      <SectionList pack={p} />
      {figures.isPending ? <Loading what="Working out the figures" /> : null}
      {figures.error ? <Notice tone="error">{figures.error.message}</Notice> : null}
      {figures.data?.sections.map((s) => (
        <SectionPreview key={s.key} packId={id} section={s} final={final} />
      ))}
    </>
  );
}
