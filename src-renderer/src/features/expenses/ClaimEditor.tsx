import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Input } from '../../../../src-shared/api';
import type {
  Claim,
  DeclarationMethod,
  EntryMode,
  ExpenseCategory,
  Vehicle,
} from '../../../../src-shared/domain/expenses';
import { NO_FLAT_RATE_REASON } from '../../../../src-shared/rules/expense-policy';
import { parsePounds } from '../../../../src-shared/rules/expense-money';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { SearchAndChoose } from '../../components/SearchAndChoose';
import { useFormChanges } from '../../components/UnsavedChanges';
import { fileToBase64 } from '../customer-import/file-bytes';
import { categoryOptions, declarationOptions, entryModeOptions, vehicleOptions } from './labels';
import '../../styles/expenses.css';

interface LineDraft {
  key: number;
  id?: string;
  on: string;
  category: ExpenseCategory;
  description: string;
  activityId: string;
  miles: string;
  vehicle: Vehicle;
  passengers: string;
  amount: string;
  priorApproval: boolean;
}

let nextKey = 1;

function blankLine(on: string, activityId: string, description: string): LineDraft {
  return {
    key: nextKey++,
    on,
    category: 'mileage',
    description,
    activityId,
    miles: '',
    vehicle: 'car',
    passengers: '0',
    amount: '',
    priorApproval: false,
  };
}

function fromClaim(claim: Claim): LineDraft[] {
  return claim.lines.map((l) => ({
    key: nextKey++,
    id: l.id,
    on: l.on,
    category: l.category,
    description: l.description,
    activityId: l.activityId ?? '',
    miles: l.miles === null ? '' : String(l.miles),
    vehicle: l.vehicle ?? 'car',
    passengers: String(l.passengers),
    amount: l.amountPence === null ? '' : (l.amountPence / 100).toFixed(2),
    priorApproval: l.priorApproval,
  }));
}

/** New claim (from the register, or from a meeting's sign-in screen) or a draft being changed. */
export function ClaimEditor() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const presetCustomer = id ? null : params.get('customer');
  const existing = useApiQuery('expenses.claim', { id: id ?? '' }, { enabled: !!id });
  const preset = useApiQuery(
    'customers.get',
    { id: presetCustomer ?? '' },
    { enabled: !!presetCustomer },
  );
  if (id && existing.error) return <Notice tone="error">{errorMessage(existing.error)}</Notice>;
  if (id && !existing.data) return <Loading what="Loading the claim" />;
  if (presetCustomer && preset.error)
    return <Notice tone="error">{errorMessage(preset.error)}</Notice>;
  if (presetCustomer && !preset.data) return <Loading what="Loading the customer" />;
  return (
    <ClaimForm
      claim={existing.data ?? null}
      key={existing.data?.id ?? 'new'}
      initialCustomer={
        preset.data
          ? { id: preset.data.id, name: `${preset.data.firstName} ${preset.data.lastName}` }
          : null
      }
    />
  );
}

function ClaimForm({
  claim,
  initialCustomer,
}: {
  claim: Claim | null;
  initialCustomer: { id: string; name: string } | null;
}) {
  const today = useToday();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromActivity = params.get('activity') ?? '';
  const fromDate = params.get('on') ?? today;
  const back = params.get('back');
  const [customer, setCustomer] = useState<{ id: string; name: string } | null>(
    claim ? { id: claim.customerId, name: claim.customerName } : initialCustomer,
  );
  const activities = useApiQuery(
    'expenses.customerActivities',
    { customerId: customer?.id ?? '' },
    { enabled: !!customer },
  );
  const [search, setSearch] = useState('');
  const found = useApiQuery(
    'customers.list',
    { search, limit: 8 },
    { enabled: search.trim().length >= 2 && !customer },
  );
  const [entryMode, setEntryMode] = useState<EntryMode>(claim?.entryMode ?? 'by_officer');
  const [declaredOn, setDeclaredOn] = useState(claim?.declaration?.declaredOn ?? today);
  const [method, setMethod] = useState<DeclarationMethod | ''>(
    claim?.declaration?.method ?? (fromActivity ? 'in_person' : ''),
  );
  const [otherMiles, setOtherMiles] = useState(String(claim?.otherMiles ?? 0));
  const [notes, setNotes] = useState(claim?.notes ?? '');
  const [costCode, setCostCode] = useState(claim?.costCode ?? '');
  const [lines, setLines] = useState<LineDraft[]>(
    claim ? fromClaim(claim) : [blankLine(fromDate, fromActivity, '')],
  );
  const [files, setFiles] = useState<Record<number, File | null>>({});
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> }>();
  const [busy, setBusy] = useState(false);
  const values = { customer, entryMode, declaredOn, method, otherMiles, notes, costCode, lines };
  const guard = useFormChanges(values, claim ? `the claim ${claim.reference}` : 'the new claim');

  const activityOptions = useMemo(
    () =>
      (activities.data ?? []).map((a) => ({
        value: a.id,
        label: `${formatDate(a.on)}: ${a.title}`,
      })),
    [activities.data],
  );

  const update = (key: number, patch: Partial<LineDraft>) =>
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  // A line left without words, for an activity, says where the journey was to.
  const describeFor = (activityId: string, category: ExpenseCategory) => {
    const title = activities.data?.find((a) => a.id === activityId)?.title;
    if (!title) return '';
    if (category === 'mileage' || category === 'public_transport' || category === 'taxi')
      return `Travel to ${title}`;
    return `${categoryOptions.find((o) => o.value === category)?.label ?? 'Cost'} for ${title}`;
  };

  function input(): Input<'expenses.saveClaim'> | null {
    if (!customer) return null;
    const activity = activities.data?.find((a) => a.id === lines[0]?.activityId);
    return {
      ...(claim ? { id: claim.id, expectedUpdatedAt: claim.updatedAt } : {}),
      customerId: customer.id,
      entryMode,
      groupId: claim?.groupId ?? activity?.groupId ?? null,
      costCode: costCode || null,
      otherMiles: Number(otherMiles) || 0,
      notes,
      declaration: method ? { declaredOn, method } : null,
      lines: lines.map((l) => {
        const mileage = l.category === 'mileage';
        const pence = parsePounds(l.amount);
        return {
          ...(l.id ? { id: l.id } : {}),
          on: l.on,
          category: l.category,
          description: l.description || describeFor(l.activityId, l.category),
          activityId: l.activityId || null,
          miles: mileage && l.miles !== '' ? Number(l.miles) : null,
          vehicle: mileage ? l.vehicle : null,
          passengers: mileage ? Number(l.passengers) || 0 : 0,
          amountPence: mileage ? null : (pence ?? (l.amount === '' ? null : -1)),
          priorApproval: l.priorApproval,
        };
      }),
    };
  }

  async function save(submit: boolean) {
    const body = input();
    if (!body) {
      setProblem({ message: 'Choose the customer the claim is for.', fields: {} });
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      let saved = await call('expenses.saveClaim', body);
      // Receipts need the line to exist first: each chosen file goes to its line by position.
      for (const [i, line] of lines.entries()) {
        const file = files[line.key];
        const target = saved.lines[i];
        if (!file || !target) continue;
        saved = await call('expenses.attachReceipt', {
          lineId: target.id,
          fileName: file.name,
          mimeType: file.type || 'application/octet-stream',
          contentBase64: await fileToBase64(file),
        });
      }
      if (submit) {
        try {
          saved = await call('expenses.move', {
            action: saved.status === 'queried' ? 'resubmit' : 'submit',
            id: saved.id,
            ...(saved.status === 'queried' ? { note: notes || 'Changed as asked.' } : {}),
          } as Input<'expenses.move'>);
        } catch (e) {
          guard.saved();
          navigate(`/expenses/claims/${saved.id}?problem=${encodeURIComponent(errorMessage(e))}`);
          return;
        }
      }
      guard.saved();
      navigate(back ?? `/expenses/claims/${saved.id}`);
    } catch (e) {
      setProblem({ message: errorMessage(e), fields: fieldErrors(e) });
    } finally {
      setBusy(false);
    }
  }

  const err = (path: string) => problem?.fields[path];

  return (
    <>
      <PageHeader
        title={claim ? `Change claim ${claim.reference}` : 'New expenses claim'}
        subtitle={customer ? `For ${customer.name}` : 'Actual costs only'}
      />
      <form
        className="claim-form"
        noValidate
        {...guard.formProps}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save(true);
        }}
      >
        {problem ? <Notice tone="error">{problem.message}</Notice> : null}
        {!customer ? (
          <SearchAndChoose
            id="claim-customer"
            label="Customer"
            hint="Type at least two letters of their name, or their postcode."
            autoFocus
            query={search}
            onQueryChange={setSearch}
            results={search.trim().length >= 2 ? found.data?.rows : undefined}
            resultKey={(c) => c.id}
            choiceLabel={(c) => `Choose ${c.firstName} ${c.lastName}`}
            choiceDetails={(c) => [c.postcode, c.landlordName].filter(Boolean).join(' · ')}
            resultsLabel="Matching customers"
            noResults={`Nobody on the register matches “${search.trim()}”.`}
            afterChoose="caller"
            onChoose={(c) => {
              setCustomer({ id: c.id, name: `${c.firstName} ${c.lastName}` });
              setTimeout(
                () => document.querySelector<HTMLElement>('.claim-line select')?.focus(),
                0,
              );
            }}
          />
        ) : null}
        <fieldset className="claim-form__lines">
          <legend>What the customer spent</legend>
          {lines.map((l, i) => (
            <div className="claim-line" key={l.key} role="group" aria-label={`Line ${i + 1}`}>
              <div className="form-grid">
                <SelectField
                  label={`Line ${i + 1}: cost`}
                  value={l.category}
                  options={categoryOptions}
                  onChange={(e) => update(l.key, { category: e.target.value as ExpenseCategory })}
                  autoFocus={i === 0 && !!customer && !claim}
                  id={`claim-line-${l.key}-category`}
                  error={err(`lines.${i}.category`)}
                />
                <TextField
                  label="Date"
                  type="date"
                  value={l.on}
                  onChange={(e) => update(l.key, { on: e.target.value })}
                  error={err(`lines.${i}.on`)}
                />
                <TextField
                  label="Description"
                  placeholder={describeFor(l.activityId, l.category) || undefined}
                  value={l.description}
                  onChange={(e) => update(l.key, { description: e.target.value })}
                  error={err(`lines.${i}.description`)}
                />
                <SelectField
                  label="Activity it was for"
                  value={l.activityId}
                  placeholder="None"
                  options={activityOptions}
                  onChange={(e) => update(l.key, { activityId: e.target.value })}
                  error={err(`lines.${i}.activityId`)}
                />
                {l.category === 'mileage' ? (
                  <>
                    <TextField
                      label="Miles"
                      inputMode="decimal"
                      value={l.miles}
                      onChange={(e) => update(l.key, { miles: e.target.value })}
                      error={err(`lines.${i}.miles`)}
                    />
                    <SelectField
                      label="Vehicle"
                      value={l.vehicle}
                      options={vehicleOptions}
                      onChange={(e) => update(l.key, { vehicle: e.target.value as Vehicle })}
                    />
                    <TextField
                      label="Passengers"
                      type="number"
                      min={0}
                      max={8}
                      value={l.passengers}
                      onChange={(e) => update(l.key, { passengers: e.target.value })}
                      error={err(`lines.${i}.passengers`)}
                    />
                  </>
                ) : (
                  <TextField
                    label="Amount paid (£)"
                    inputMode="decimal"
                    value={l.amount}
                    onChange={(e) => update(l.key, { amount: e.target.value })}
                    error={err(`lines.${i}.amountPence`)}
                  />
                )}
                <div className="field">
                  <label className="field__label" htmlFor={`receipt-${l.key}`}>
                    Receipt (photo or PDF)
                  </label>
                  <input
                    id={`receipt-${l.key}`}
                    className="input"
                    type="file"
                    accept="image/jpeg,image/png,image/heic,image/webp,application/pdf"
                    onChange={(e) =>
                      setFiles((f) => ({ ...f, [l.key]: e.target.files?.[0] ?? null }))
                    }
                  />
                </div>
                <CheckboxField
                  label="Agreed beforehand"
                  checked={l.priorApproval}
                  onChange={(e) => update(l.key, { priorApproval: e.target.checked })}
                />
              </div>
              {lines.length > 1 ? (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
                >
                  Remove line {i + 1}
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              setLines((ls) => [
                ...ls,
                blankLine(
                  ls[ls.length - 1]?.on ?? fromDate,
                  ls[ls.length - 1]?.activityId ?? '',
                  '',
                ),
              ])
            }
          >
            Add a line
          </button>
          <p className="muted claim-form__why">{NO_FLAT_RATE_REASON}</p>
        </fieldset>
        <fieldset>
          <legend>Declaration and entry</legend>
          <div className="form-grid">
            <SelectField
              label="The customer declared the costs were actually incurred"
              value={method}
              placeholder="Not yet"
              options={declarationOptions}
              onChange={(e) => setMethod(e.target.value as DeclarationMethod | '')}
              error={err('declaration')}
            />
            <TextField
              label="Declared on"
              type="date"
              value={declaredOn}
              onChange={(e) => setDeclaredOn(e.target.value)}
            />
            <SelectField
              label="Entered by"
              value={entryMode}
              options={entryModeOptions}
              onChange={(e) => setEntryMode(e.target.value as EntryMode)}
            />
            <TextField
              label="Miles claimed from other organisations this tax year"
              hint="Counted towards the 10,000 miles at the higher rate."
              inputMode="decimal"
              value={otherMiles}
              onChange={(e) => setOtherMiles(e.target.value)}
              error={err('otherMiles')}
            />
            <TextField
              label="Cost code"
              hint="The ledger code finance charges the claim to, where there is one."
              value={costCode}
              onChange={(e) => setCostCode(e.target.value)}
              error={err('costCode')}
            />
            <TextField
              label={claim?.status === 'queried' ? 'Your answer to the question' : 'Notes'}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {claim?.status === 'queried' ? 'Save and resubmit' : 'Save and submit'}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void save(false)}
          >
            Save as draft
          </button>
          {busy ? <span role="status">Saving…</span> : null}
        </div>
      </form>
    </>
  );
}
