import { Link, useParams } from 'react-router';
import { serviceAreas } from '../../../../src-shared/domain/customer';
import { commissionerLabels, type ReviewDetail } from '../../../../src-shared/domain/reviews';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { SectionIndex } from '../../components/SectionIndex';
import { HistoryPanel } from '../../components/HistoryPanel';
import { formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { CommentsSection } from './CommentsSection';
import { ConsultationSection } from './ConsultationSection';
import { EvidenceLog } from './EvidenceLog';
import { AuditSection, ContactsSection } from './FieldworkSections';
import { FindingsSection } from './FindingsSection';
import { ReportSection } from './ReportSection';
import { ReviewRecommendations } from './ReviewRecommendations';
import { StageSection } from './StageSection';
import { TagPicker } from './TagPicker';
import { TeamSection } from './TeamSection';
import '../../styles/reviews.css';

function Commission({ review }: { review: ReviewDetail }) {
  const c = review.commission;
  const by =
    c.commissionedBy === 'business_manager'
      ? `${c.commissionerName}, ${c.commissionerService}`
      : commissionerLabels[c.commissionedBy];
  const rows: [string, string][] = [
    ['Commissioned by', `${by}, on ${formatDate(c.commissionedOn)}`],
    ['Question', c.question],
    ['Service', serviceAreas.labels[review.serviceArea]],
    ['Landlords', c.landlordNames.length ? c.landlordNames.join(', ') : 'All'],
    ['Started', formatDate(review.startedOn)],
    ['Deadline asked for', formatDate(review.deadline)],
    ['Lead officer', review.leadOfficerName ?? '—'],
  ];
  return (
    <section className="panel" aria-labelledby="commission-heading">
      <h2 id="commission-heading">The commission</h2>
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h3>Regulatory assurance</h3>
      <TagPicker
        entityType="review"
        entityId={review.id}
        codes={review.tags}
        label={review.title}
      />
    </section>
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const review = useApiQuery('reviews.get', { id });
  if (review.isPending) return <Loading what="Loading the review" />;
  if (review.error && !review.data)
    return <Notice tone="error">{errorMessage(review.error)}</Notice>;
  const r = review.data;
  const consultation = r.kind === 'policy_consultation';
  const sections = [
    { id: 'commission-heading', label: 'Commission' },
    { id: 'stage-heading', label: 'Stage' },
    ...(consultation
      ? [
          { id: 'consultation-heading', label: 'Policy and comment window' },
          { id: 'outcomes-heading', label: 'Points and outcomes' },
        ]
      : []),
    { id: 'team-heading', label: 'Team' },
    { id: 'evidence-heading', label: 'Evidence' },
    ...(r.kind === 'neighbourhood_audit' ? [{ id: 'audit-heading', label: 'Checklist' }] : []),
    ...(r.kind === 'mystery_shop' || r.kind === 'reality_check'
      ? [{ id: 'contacts-heading', label: 'Contacts' }]
      : []),
    { id: 'comments-heading', label: 'Comments' },
    { id: 'findings-heading', label: 'Findings' },
    { id: 'review-recs-heading', label: 'Recommendations' },
    { id: 'report-heading', label: 'Final report' },
    { id: `history-${r.id}`, label: 'History' },
  ];
  return (
    <>
      <PageHeader
        title={`${r.reference}: ${r.title}`}
        subtitle={`${r.kindLabel} · ${r.stageLabel}`}
        actions={
          <Link className="button button--secondary" to="/reviews">
            All reviews
          </Link>
        }
      />
      <SectionIndex sections={sections} />
      <div className="reviews-grid">
        <Commission review={r} />
        <StageSection review={r} />
      </div>
      {consultation ? <ConsultationSection review={r} /> : null}
      <TeamSection review={r} />
      <EvidenceLog review={r} />
      {r.kind === 'neighbourhood_audit' ? <AuditSection review={r} /> : null}
      {r.kind === 'mystery_shop' || r.kind === 'reality_check' ? (
        <ContactsSection review={r} />
      ) : null}
      <CommentsSection review={r} />
      <FindingsSection review={r} />
      <ReviewRecommendations review={r} />
      <ReportSection key={r.updatedAt} review={r} />
      <HistoryPanel entity="reviews" id={r.id} />
    </>
  );
}
