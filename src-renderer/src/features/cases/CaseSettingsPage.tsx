import { useState } from 'react';
import type { CaseSettings } from '../../../../src-shared/api/cases';
import { templatePlaceholders } from '../../../../src-shared/domain/case-settings';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { TextAreaField, TextField } from '../../components/Field';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import { BankHolidayNotice } from './BankHolidayNotice';
import { LetterSignatorySettings } from './LetterSignatorySettings';
import { OmbudsmanContactSettings } from './OmbudsmanContactSettings';
import '../../styles/cases.css';

function Standards({ settings, canEdit }: { settings: CaseSettings; canEdit: boolean }) {
  const [form, setForm] = useState(
    () =>
      Object.fromEntries(
        Object.entries(settings.standards).map(([k, v]) => [k, String(v)]),
      ) as Record<keyof CaseSettings['standards'], string>,
  );
  const guard = useFormChanges(form, 'the service standards');
  const save = useApiMutation('cases.saveStandards');
  const errors = fieldErrors(save.error);
  const field = (k: keyof CaseSettings['standards'], label: string, hint?: string) => (
    <TextField
      id={k}
      label={label}
      hint={hint}
      type="number"
      min={0}
      value={form[k]}
      disabled={!canEdit}
      onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))}
      error={errors[k]}
    />
  );
  return (
    <form
      {...guard.formProps}
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        const sent = form;
        save.mutate(
          Object.fromEntries(
            Object.entries(form).map(([k, v]) => [k, Number(v)]),
          ) as CaseSettings['standards'],
          { onSuccess: () => guard.savedAs(sent) },
        );
      }}
    >
      <h2>Service standards and quorum</h2>
      {!canEdit ? <Notice>Only the team leader can change the service standards.</Notice> : null}
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? (
        <Notice tone="success">Saved. Open cases’ deadlines have been recalculated.</Notice>
      ) : null}
      <div className="form-grid">
        {field('eligibilityDays', 'Accept or decline within (working days of referral)')}
        {field('hearingDays', 'Hearing within (working days of acceptance)')}
        {field('decisionDays', 'Decision letter within (working days of the hearing)')}
        {field('quorum', 'Quorum (members needed to convene and hear)')}
        {field('ombudsmanWarnDays', 'Warn this many days before the Ombudsman’s 12 months end')}
        {field('ombudsmanUrgentDays', 'Urgent warning this many days before')}
      </div>
      {canEdit ? (
        <button className="button" type="submit" disabled={save.isPending}>
          Save the standards
        </button>
      ) : null}
    </form>
  );
}

function Templates({ settings }: { settings: CaseSettings }) {
  const [form, setForm] = useState(settings.templates);
  const guard = useFormChanges(form, 'the document templates');
  const save = useApiMutation('cases.saveTemplates');
  const errors = fieldErrors(save.error);
  return (
    <form
      {...guard.formProps}
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        const sent = form;
        save.mutate(form, { onSuccess: () => guard.savedAs(sent) });
      }}
    >
      <h2>Document templates</h2>
      <p className="muted">
        Placeholders: {templatePlaceholders.map((p) => `{{${p}}}`).join(', ')}. The decision letter
        always ends with the Housing Ombudsman’s contact details.
      </p>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? <Notice tone="success">Templates saved.</Notice> : null}
      <TextAreaField
        id="hearingPackIntro"
        label="Hearing pack introduction"
        rows={4}
        value={form.hearingPackIntro}
        onChange={(e) => setForm((f) => ({ ...f, hearingPackIntro: e.target.value }))}
        error={errors.hearingPackIntro}
      />
      <TextAreaField
        id="decisionLetter"
        label="Decision letter"
        rows={14}
        value={form.decisionLetter}
        onChange={(e) => setForm((f) => ({ ...f, decisionLetter: e.target.value }))}
        error={errors.decisionLetter}
      />
      <button className="button" type="submit" disabled={save.isPending}>
        Save the templates
      </button>
    </form>
  );
}

function ReferenceFiles({ settings, canEdit }: { settings: CaseSettings; canEdit: boolean }) {
  const replace = useApiMutation('cases.replaceReferenceFile');
  async function load(kind: 'bank_holidays' | 'complaint_code', file: File | undefined) {
    if (file) replace.mutate({ kind, content: await file.text() });
  }
  return (
    <section className="panel" aria-labelledby="reference-heading">
      <h2 id="reference-heading">Reference data</h2>
      <p>
        Bank holidays (England and Wales): {settings.bankHolidays.count} days,{' '}
        {settings.bankHolidays.firstYear} to {settings.bankHolidays.lastYear}. Load a newer copy of
        the government’s file (gov.uk/bank-holidays.json) when it runs out. Beyond the years it
        covers, deadlines use the bank holidays expected by the usual rules and say so.
      </p>
      {settings.bankHolidays.notice ? (
        <BankHolidayNotice notice={settings.bankHolidays.notice} />
      ) : null}
      <p>
        {settings.code.title} ({settings.code.version}): {settings.code.count} provisions.
      </p>
      <p>
        Panel members come from:{' '}
        {settings.panelGroupName ??
          'active customers on the register (no Designated Complaints Panel group found)'}
        .
      </p>
      {replace.error ? (
        <Notice tone="error">
          {errorMessage(replace.error)}
          <ul>
            {Object.values(fieldErrors(replace.error)).length
              ? (replace.error.fields ?? []).map((f, i) => <li key={i}>{f.message}</li>)
              : null}
          </ul>
        </Notice>
      ) : null}
      {replace.isSuccess ? <Notice tone="success">Loaded.</Notice> : null}
      {canEdit ? (
        <div className="form-grid">
          <div className="field">
            <label className="field__label" htmlFor="bank-holidays-file">
              Load a bank holiday file (JSON)
            </label>
            <input
              id="bank-holidays-file"
              type="file"
              accept=".json,application/json"
              onChange={(e) => void load('bank_holidays', e.target.files?.[0])}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="code-file">
              Load a revised Code file (JSON)
            </label>
            <input
              id="code-file"
              type="file"
              accept=".json,application/json"
              onChange={(e) => void load('complaint_code', e.target.files?.[0])}
            />
          </div>
        </div>
      ) : null}
    </section>
  );
}

export function CaseSettingsPage() {
  const settings = useApiQuery('cases.settings', {});
  const canEdit = useCan('settings.write');
  const canWrite = useCan('cases.write');
  return (
    <>
      <PageHeader
        title="Complaint panel settings"
        subtitle="The panel’s service standards, quorum, the Ombudsman’s contact details, who signs the letters, letter templates and reference data."
      />
      {settings.isPending ? <Loading /> : null}
      {settings.error ? <Notice tone="error">{errorMessage(settings.error)}</Notice> : null}
      {settings.data ? (
        <>
          <Standards settings={settings.data} canEdit={canEdit} />
          <OmbudsmanContactSettings settings={settings.data} canEdit={canEdit} />
          <LetterSignatorySettings settings={settings.data} canEdit={canWrite} />
          <Templates settings={settings.data} />
          <ReferenceFiles settings={settings.data} canEdit={canEdit} />
        </>
      ) : null}
    </>
  );
}
