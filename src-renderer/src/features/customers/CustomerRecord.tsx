import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ageBands,
  availabilityOptions,
  consentMethods,
  consentPurposes,
  contactMethods,
  digitalAccessLevels,
  disabilityAnswers,
  displayName,
  ethnicities,
  genders,
  recruitmentSources,
  religions,
  serviceAreas,
  sexualOrientations,
  skillOptions,
  supportNeeds,
  tenures,
  type Customer,
} from '../../../../src-shared/domain/customer';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate, formatDateTime } from '../../components/format';
import { HistoryPanel } from '../../components/HistoryPanel';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { CustomerExpenses } from '../expenses/CustomerExpenses';
import { StatusBadge } from './StatusBadge';
import { CustomerInvolvementSection } from '../groups/CustomerInvolvementSection';
import { CommunicationsSection } from '../community/CommunicationsSection';
import { DeleteWithReasonDialog } from '../meetings/DeleteWithReasonDialog';
import '../../styles/customers.css';

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>
            {value === null || value === undefined || value === '' ? (
              <span className="muted">Not recorded</span>
            ) : (
              value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function labelsOf<T extends string>(codes: readonly T[], labels: Record<T, string>): string {
  return codes.length ? codes.map((c) => labels[c]).join(', ') : '';
}

/** Deleting asks first, in a dialog that says what it does, and keeps the reason in the history. */
function DeleteCustomer({ customer }: { customer: Customer }) {
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const remove = useApiMutation('customers.delete', { onSuccess: () => navigate('/customers') });
  return (
    <>
      <button type="button" className="button button--quiet" onClick={() => setAsking(true)}>
        Delete…
      </button>
      {asking ? (
        <DeleteWithReasonDialog
          id="delete-customer"
          title={`Delete ${customer.firstName} ${customer.lastName} from the register?`}
          confirmLabel="Delete customer"
          onConfirm={(reason) =>
            remove.mutateAsync({ id: customer.id, reason: reason.trim() || undefined })
          }
          onClose={() => setAsking(false)}
        >
          <p>
            They leave the register, its searches and its exports, and a later import of the same
            person leaves them out. Their history is kept, and an administrator can restore them.
          </p>
        </DeleteWithReasonDialog>
      ) : null}
    </>
  );
}

export function CustomerRecord() {
  const { id = '' } = useParams();
  const customer = useApiQuery('customers.get', { id });
  const organisation = useApiQuery('organisation.get', {});
  const canWrite = useCan('customers.write');
  const canDelete = useCan('customers.delete');
  const canSeeExpenses = useCan('expenses.read');
  if (customer.isPending) return <Loading what="Loading the customer" />;
  if (customer.error && !customer.data)
    return <Notice tone="error">{customer.error.message}</Notice>;
  const c = customer.data;
  const org = organisation.data;
  const landlord = org?.landlords.find((l) => l.id === c.landlordId)?.name;
  const area = org?.areas.find((a) => a.id === c.areaId)?.name;
  const hood = org?.neighbourhoods.find((n) => n.id === c.neighbourhoodId)?.name;
  const address = [c.addressLine1, c.addressLine2, c.town, c.postcode].filter(Boolean).join(', ');

  return (
    <>
      <PageHeader
        title={displayName(c)}
        subtitle={
          <>
            <StatusBadge status={c.status} />{' '}
            {c.isBoardMember ? <span className="badge">Board member</span> : null} Last changed{' '}
            {formatDateTime(c.updatedAt)}
          </>
        }
        actions={
          <>
            <Link className="button button--quiet" to="/customers">
              Back to the register
            </Link>
            {canWrite ? (
              <Link className="button" to={`/customers/${c.id}/edit`}>
                Edit
              </Link>
            ) : null}
            {canDelete ? <DeleteCustomer customer={c} /> : null}
          </>
        }
      />
      <div className="record-grid">
        <section className="panel" aria-labelledby="contact-title">
          <h2 id="contact-title">Contact</h2>
          <Facts
            rows={[
              ['Email', c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null],
              ['Mobile', c.mobile],
              ['Other phone', c.phone],
              ['Prefers', labelsOf(c.contactMethods, contactMethods.labels)],
              [
                'Digital access',
                c.digitalAccess ? digitalAccessLevels.labels[c.digitalAccess] : null,
              ],
            ]}
          />
        </section>
        <section className="panel" aria-labelledby="home-title">
          <h2 id="home-title">Home and tenancy</h2>
          <Facts
            rows={[
              ['Address', address],
              ['Landlord', landlord],
              ['Area', [area, hood].filter(Boolean).join(' – ')],
              ['Tenure', c.tenure ? tenures.labels[c.tenure] : null],
              ['Reference', c.externalRef],
            ]}
          />
        </section>
        <section className="panel" aria-labelledby="involvement-title">
          <h2 id="involvement-title">Involvement</h2>
          <Facts
            rows={[
              ['Date of birth', c.dateOfBirth ? `${formatDate(c.dateOfBirth)} (${c.age})` : null],
              ['Available', labelsOf(c.availability, availabilityOptions.labels)],
              ['Interests', labelsOf(c.interests, serviceAreas.labels)],
              ['Skills', labelsOf(c.skills, skillOptions.labels)],
              [
                'Recruited through',
                c.recruitmentSource ? recruitmentSources.labels[c.recruitmentSource] : null,
              ],
              [
                'Code of Conduct signed',
                c.codeOfConductSignedOn ? formatDate(c.codeOfConductSignedOn) : null,
              ],
              ['Last activity', c.lastActivityAt ? formatDate(c.lastActivityAt) : 'None recorded'],
            ]}
          />
        </section>
        <section className="panel" aria-labelledby="support-title">
          <h2 id="support-title">Accessibility and support</h2>
          <Facts
            rows={[
              ['Needs', labelsOf(c.supportNeeds, supportNeeds.labels)],
              ['Notes', c.supportNotes],
            ]}
          />
        </section>
      </div>

      <section className="panel" aria-labelledby="consent-title">
        <h2 id="consent-title">Consent</h2>
        {c.consents.length === 0 ? (
          <Notice tone="warning">
            No consent is recorded. Record it before contacting them about involvement.
          </Notice>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Consent given</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Given</th>
                <th scope="col">How</th>
                <th scope="col">Withdrawn</th>
              </tr>
            </thead>
            <tbody>
              {c.consents.map((r, i) => (
                <tr key={i}>
                  <td>{consentPurposes.labels[r.purpose]}</td>
                  <td>{formatDate(r.givenOn)}</td>
                  <td>{consentMethods.labels[r.method]}</td>
                  <td>{r.withdrawnOn ? formatDate(r.withdrawnOn) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {c.equalityVisible && c.equality ? (
        <section className="panel" aria-labelledby="equality-title">
          <h2 id="equality-title">Equality monitoring</h2>
          <Facts
            rows={[
              ['Age band', c.equality.ageBand ? ageBands.labels[c.equality.ageBand] : null],
              ['Gender', c.equality.gender ? genders.labels[c.equality.gender] : null],
              [
                'Ethnic group',
                c.equality.ethnicity ? ethnicities.labels[c.equality.ethnicity] : null,
              ],
              [
                'Disabled',
                c.equality.disability ? disabilityAnswers.labels[c.equality.disability] : null,
              ],
              [
                'Sexual orientation',
                c.equality.sexualOrientation
                  ? sexualOrientations.labels[c.equality.sexualOrientation]
                  : null,
              ],
              [
                'Religion or belief',
                c.equality.religion ? religions.labels[c.equality.religion] : null,
              ],
            ]}
          />
        </section>
      ) : null}

      {c.notes ? (
        <section className="panel" aria-labelledby="notes-title">
          <h2 id="notes-title">Notes</h2>
          <p className="record-notes">{c.notes}</p>
        </section>
      ) : null}

      <CustomerInvolvementSection customerId={c.id} />

      {canSeeExpenses ? <CustomerExpenses customerId={c.id} name={displayName(c)} /> : null}

      <CommunicationsSection customerId={c.id} />
      <HistoryPanel entity="customers" id={c.id} />
    </>
  );
}
