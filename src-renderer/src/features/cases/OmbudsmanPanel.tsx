import type { CaseDetail } from '../../../../src-shared/domain/cases';
import { formatDate } from '../../components/format';

/** Always on the case page: the panel must never block or delay the resident's route to the Ombudsman. */
export function OmbudsmanPanel({ detail }: { detail: CaseDetail }) {
  const w = detail.ombudsman;
  const contact = detail.ombudsmanContact;
  const tone =
    w.level === 'urgent' || w.level === 'passed'
      ? 'ombudsman--urgent'
      : w.level === 'warning'
        ? 'ombudsman--warning'
        : '';
  return (
    <aside className={`panel ombudsman ${tone}`} aria-labelledby="ombudsman-heading">
      <h2 id="ombudsman-heading">The resident’s route to the Housing Ombudsman</h2>
      <p>
        <strong>The resident may go to the Housing Ombudsman at any time.</strong> The panel’s
        review is not a third stage of the complaints process and must not delay them.
      </p>
      <dl className="facts facts--columns">
        <div>
          <dt>Internal process ended</dt>
          <dd>
            {w.finalResponse
              ? formatDate(w.finalResponse)
              : 'Not yet (no stage 2 final response recorded)'}
          </dd>
        </div>
        <div>
          <dt>12 months after the final response</dt>
          <dd>{w.windowEnds ? formatDate(w.windowEnds) : '—'}</dd>
        </div>
        {detail.ombudsmanReferredOn ? (
          <div>
            <dt>Referred to the Ombudsman</dt>
            <dd>
              {formatDate(detail.ombudsmanReferredOn)}
              {detail.ombudsmanResult ? `: ${detail.ombudsmanResult}` : ''}
            </dd>
          </div>
        ) : null}
      </dl>
      <p
        role={
          w.level === 'urgent' || w.level === 'warning' || w.level === 'passed'
            ? 'alert'
            : undefined
        }
      >
        {w.message}
      </p>
      <p className="muted">
        {contact.name}: {contact.telephone}, {contact.email}, {contact.website}
      </p>
    </aside>
  );
}
