import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import '../../styles/privacy.css';
import { RequestsSection } from './RequestsSection';
import { RetentionSection } from './RetentionSection';

/**
 * The administrator's duties to the people on the register: their
 * requests (subject access and erasure) with the deadline, and the
 * retention schedule with what it says is due.
 */
export function PrivacyPage() {
  const overview = useApiQuery('privacy.retention', {});
  return (
    <>
      <PageHeader
        title="Retention and requests"
        subtitle="Subject access and erasure requests, the retention schedule and what is due."
        actions={
          <Link className="button button--secondary" to="/settings/audit">
            Audit trail
          </Link>
        }
      />
      <RequestsSection />
      {overview.isPending ? <Loading what="Loading the retention schedule" /> : null}
      {overview.error ? <Notice tone="error">{overview.error.message}</Notice> : null}
      {overview.data ? <RetentionSection overview={overview.data} /> : null}
    </>
  );
}
