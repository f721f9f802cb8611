import { useToday } from '../../clock';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Customer, DuplicateMatch } from '../../../../src-shared/domain/customer';
import { duplicateReasonLabels } from '../../../../src-shared/rules/customer-duplicates';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { isChanged, useUnsavedChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import { CustomerFormFields } from './CustomerFormFields';
import {
  changedFields,
  emptyForm,
  fieldId,
  formFromCustomer,
  toInput,
  validate,
  type CustomerForm,
} from './form-model';
import '../../styles/customers.css';

/** `patch.email` from the update call is `email` on the form. */
function serverErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(error)))
    out[path.replace(/^patch\./, '')] = message;
  return out;
}

function Editor({ original }: { original: Customer | null }) {
  const navigate = useNavigate();
  const organisation = useApiQuery('organisation.get', {});
  const withEquality =
    useCan('customers.equality.write') && (original === null || original.equalityVisible);
  const [initial] = useState<CustomerForm>(() =>
    original ? formFromCustomer(original) : emptyForm(),
  );
  const [form, setForm] = useState<CustomerForm>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<Record<string, string>>({});
  const [duplicates, setDuplicates] = useState<DuplicateMatch[]>([]);
  // Save is at the foot of a long form and the notice at its head: each time the
  // notice comes, it takes the focus and is scrolled into view, or it would be missed.
  const [duplicateNotice, setDuplicateNotice] = useState(0);
  const duplicatesRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (duplicateNotice === 0) return;
    duplicatesRef.current?.scrollIntoView({ block: 'start' });
    duplicatesRef.current?.focus({ preventScroll: true });
  }, [duplicateNotice]);
  // The summary lists what stopped the last save and takes focus once per attempt: were it
  // live, each key that fixes a field would move the focus to it and lose the next keys.
  const [attempt, setAttempt] = useState(0);
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const create = useApiMutation('customers.create');
  const update = useApiMutation('customers.update');
  const saving = create.isPending || update.isPending;

  const today = useToday();
  const checked = validate(form, withEquality, today, original === null);
  const shown: Record<string, string> = {};
  for (const [path, message] of Object.entries(checked))
    if (submitted || touched.has(path)) shown[path] = message;
  for (const [path, message] of Object.entries(server)) if (!(path in shown)) shown[path] = message;

  const change = (next: CustomerForm) => {
    setForm(next);
    // A server message is about the value that was sent; once edited it no longer applies.
    const stale = Object.keys(server).filter(
      (k) => JSON.stringify(readPath(next, k)) !== JSON.stringify(readPath(form, k)),
    );
    if (stale.length)
      setServer(Object.fromEntries(Object.entries(server).filter(([k]) => !stale.includes(k))));
  };

  async function save(confirmDuplicate: boolean) {
    setSubmitted(true);
    setAttempt((n) => n + 1);
    setSummary(summaryOf(checked));
    if (Object.keys(checked).length > 0) return;
    setServer({});
    try {
      if (original) {
        const patch = changedFields(formFromCustomer(original), form, withEquality);
        const saved = await update.mutateAsync({
          id: original.id,
          expectedUpdatedAt: original.updatedAt,
          patch,
        });
        guard.saved();
        navigate(`/customers/${saved.id}`);
      } else {
        const result = await create.mutateAsync({
          ...toInput(form, withEquality, today),
          confirmDuplicate,
        });
        if (result.created) {
          guard.saved();
          navigate(`/customers/${result.customer.id}`);
        } else {
          setDuplicates(result.duplicates);
          setDuplicateNotice((n) => n + 1);
        }
      }
    } catch (error) {
      const errors = serverErrors(error);
      setServer(errors);
      setAttempt((n) => n + 1);
      setSummary(summaryOf(errors));
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  const mutationError = create.error ?? update.error;
  const title = original ? `Edit ${original.firstName} ${original.lastName}` : 'New customer';
  const guard = useUnsavedChanges(
    isChanged(initial, form),
    original ? `${original.firstName} ${original.lastName}` : 'the new customer',
  );

  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          original
            ? 'Only the fields you change are saved.'
            : 'Add someone to the Customer Voice register.'
        }
      />
      {mutationError && Object.keys(server).length === 0 ? (
        <Notice tone="error">{errorMessage(mutationError)}</Notice>
      ) : null}
      <ErrorSummary key={attempt} items={summary} />
      {duplicates.length > 0 ? (
        <section
          ref={duplicatesRef}
          tabIndex={-1}
          className="notice notice--warning duplicates"
          aria-labelledby="duplicates-title"
        >
          <h2 id="duplicates-title">This may be someone already on the register</h2>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/customers/${d.id}`}>
                  {d.firstName} {d.lastName}
                </Link>
                {d.postcode ? `, ${d.postcode}` : ''} (
                {d.reasons.map((r) => duplicateReasonLabels[r]).join(', ')})
              </li>
            ))}
          </ul>
          <p>Open their record to check, or save this as a different person.</p>
          <button
            type="button"
            className="button button--secondary"
            disabled={saving}
            onClick={() => void save(true)}
          >
            Save as a new customer anyway
          </button>
        </section>
      ) : null}
      <form
        {...guard.formProps}
        noValidate
        onSubmit={onSubmit}
        className="customer-form"
        aria-label={title}
      >
        <CustomerFormFields
          form={form}
          errors={shown}
          organisation={organisation.data}
          withEquality={withEquality}
          isNew={original === null}
          onChange={change}
          onBlur={(path) => setTouched((t) => (t.has(path) ? t : new Set(t).add(path)))}
        />
        <div className="button-row form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? 'Saving…' : original ? 'Save changes' : 'Save customer'}
          </button>
          <Link
            className="button button--quiet"
            to={original ? `/customers/${original.id}` : '/customers'}
          >
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

function summaryOf(errors: Record<string, string>): SummaryItem[] {
  return Object.entries(errors).map(([path, message]) => ({ message, fieldId: fieldId(path) }));
}

function readPath(form: CustomerForm, path: string): unknown {
  let value: unknown = form;
  for (const part of path.split('.'))
    value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}

export function NewCustomer() {
  return <Editor original={null} />;
}

export function EditCustomer() {
  const { id = '' } = useParams();
  const customer = useApiQuery('customers.get', { id }, { staleTime: Infinity });
  if (customer.isPending) return <Loading what="Loading the customer" />;
  if (customer.error && !customer.data)
    return <Notice tone="error">{customer.error.message}</Notice>;
  return <Editor key={customer.data.id} original={customer.data} />;
}
