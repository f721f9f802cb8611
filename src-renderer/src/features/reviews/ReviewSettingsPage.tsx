import { useState } from 'react';
import {
  reviewKinds,
  type KindTemplate,
  type ReviewKind,
} from '../../../../src-shared/domain/reviews';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import '../../styles/reviews.css';
import { useFormChanges } from '../../components/UnsavedChanges';

const stageLines = (t: KindTemplate) => t.stages.map((s) => `${s.code}: ${s.label}`).join('\n');
function parseStages(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const at = l.indexOf(':');
      return at < 0
        ? { code: l, label: l }
        : { code: l.slice(0, at).trim(), label: l.slice(at + 1).trim() };
    });
}

function TemplateEditor({ kind, template }: { kind: ReviewKind; template: KindTemplate }) {
  const [label, setLabel] = useState(template.label);
  const [teamGroup, setTeamGroup] = useState(template.teamGroup);
  const [target, setTarget] = useState(
    template.targetPerYear === null ? '' : String(template.targetPerYear),
  );
  const [minWeeks, setMin] = useState(String(template.expected.minWeeks));
  const [maxWeeks, setMax] = useState(String(template.expected.maxWeeks));
  const [warnFromWeek, setWarn] = useState(String(template.expected.warnFromWeek));
  const [workingWeeks, setWorking] = useState(template.expected.workingWeeks);
  const [stages, setStages] = useState(stageLines(template));
  const [checklist, setChecklist] = useState(template.checklist.join('\n'));
  const [intro, setIntro] = useState(template.report.intro);
  const [closing, setClosing] = useState(template.report.closing);
  const values = {
    label,
    teamGroup,
    target,
    minWeeks,
    maxWeeks,
    warnFromWeek,
    workingWeeks,
    stages,
    checklist,
    intro,
    closing,
  };
  const guard = useFormChanges(values, `the ${template.label} template`);
  const save = useApiMutation('reviews.saveTemplate', { onSuccess: () => guard.savedAs(values) });
  const errors = fieldErrors(save.error);
  const e = (k: string) => errors[`template.${k}`];
  return (
    <form
      {...guard.formProps}
      className="subform"
      onSubmit={(ev) => {
        ev.preventDefault();
        save.mutate({
          kind,
          template: {
            label,
            prefix: template.prefix,
            teamGroup,
            targetPerYear: target === '' ? null : Number(target),
            expected: {
              minWeeks: Number(minWeeks),
              maxWeeks: Number(maxWeeks),
              warnFromWeek: Number(warnFromWeek),
              workingWeeks,
            },
            stages: parseStages(stages),
            checklist: checklist
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
            report: { intro, closing },
          },
        });
      }}
    >
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? (
        <Notice tone="success">
          Saved. New reviews of this kind use it; those under way keep their stages.
        </Notice>
      ) : null}
      <div className="form-grid">
        <TextField
          id={`tpl-${kind}-label`}
          label="Name"
          value={label}
          onChange={(x) => setLabel(x.target.value)}
          error={e('label')}
        />
        <TextField
          id={`tpl-${kind}-group`}
          label="Team comes from the group"
          value={teamGroup}
          onChange={(x) => setTeamGroup(x.target.value)}
          error={e('teamGroup')}
        />
        <TextField
          id={`tpl-${kind}-target`}
          label="Default target a year"
          type="number"
          value={target}
          onChange={(x) => setTarget(x.target.value)}
        />
        <TextField
          id={`tpl-${kind}-min`}
          label="Expected weeks, at least"
          type="number"
          value={minWeeks}
          onChange={(x) => setMin(x.target.value)}
        />
        <TextField
          id={`tpl-${kind}-max`}
          label="Expected weeks, at most"
          type="number"
          value={maxWeeks}
          onChange={(x) => setMax(x.target.value)}
          error={e('expected.maxWeeks')}
        />
        <TextField
          id={`tpl-${kind}-warn`}
          label="Warn from week"
          type="number"
          value={warnFromWeek}
          onChange={(x) => setWarn(x.target.value)}
          error={e('expected.warnFromWeek')}
        />
      </div>
      <CheckboxField
        id={`tpl-${kind}-working`}
        label="Count working weeks (leave out weekends and bank holidays)"
        checked={workingWeeks}
        onChange={(x) => setWorking(x.target.checked)}
      />
      <TextAreaField
        id={`tpl-${kind}-stages`}
        label="Stages, in order"
        hint="One a line, as code: name. The last is the finished stage."
        rows={6}
        value={stages}
        onChange={(x) => setStages(x.target.value)}
        error={e('stages')}
      />
      <TextAreaField
        id={`tpl-${kind}-checklist`}
        label="Checklist"
        hint="One item a line."
        rows={4}
        value={checklist}
        onChange={(x) => setChecklist(x.target.value)}
      />
      <TextAreaField
        id={`tpl-${kind}-intro`}
        label="Report introduction"
        rows={3}
        value={intro}
        onChange={(x) => setIntro(x.target.value)}
        error={e('report.intro')}
      />
      <TextAreaField
        id={`tpl-${kind}-closing`}
        label="Report closing"
        rows={2}
        value={closing}
        onChange={(x) => setClosing(x.target.value)}
      />
      <button className="button button--secondary" type="submit" disabled={save.isPending}>
        Save the template
      </button>
    </form>
  );
}

export function ReviewSettingsPage() {
  const settings = useApiQuery('reviews.settings', { year: Number(useToday().slice(0, 4)) });
  const canSet = useCan('reviews.settings');
  const [kind, setKind] = useState<ReviewKind>('csi_project');
  const [problem, setProblem] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  if (settings.isPending) return <Loading what="Loading the settings" />;
  if (settings.error && !settings.data)
    return <Notice tone="error">{errorMessage(settings.error)}</Notice>;
  const s = settings.data;
  return (
    <>
      <PageHeader
        title="Review settings"
        subtitle="Each kind of review’s stages, checklist, expected length and report wording, and the regulator’s requirements."
      />
      <section className="panel" aria-labelledby="frameworks-heading">
        <h2 id="frameworks-heading">Consumer standards and Tenant Satisfaction Measures</h2>
        <ul>
          {s.frameworks.map((f) => (
            <li key={f.version}>
              {f.title}, version {f.version}: {f.count} requirements, in force from{' '}
              {formatDate(f.effectiveFrom)}
              {f.bundled ? ' (shipped with the app)' : ''}
            </li>
          ))}
        </ul>
        {canSet ? (
          <div className="field">
            <label className="field__label" htmlFor="framework-file">
              Load a revised version
            </label>
            <div className="field__hint" id="framework-file-hint">
              A JSON file in the same shape, with its own version and effective date. Earlier
              versions stay, so evidence tagged against them still reads.
            </div>
            <input
              id="framework-file"
              type="file"
              accept=".json,application/json"
              aria-describedby="framework-file-hint"
              onChange={async (ev) => {
                const f = ev.target.files?.[0];
                if (!f) return;
                setProblem(null);
                try {
                  const v = await call('assurance.addFramework', { content: await f.text() });
                  setLoaded(`Loaded. ${v.length} versions are available.`);
                  void settings.refetch();
                } catch (err) {
                  setProblem(errorMessage(err));
                }
              }}
            />
          </div>
        ) : null}
        {problem ? <Notice tone="error">{problem}</Notice> : null}
        {loaded ? <Notice tone="success">{loaded}</Notice> : null}
      </section>
      <section className="panel" aria-labelledby="templates-heading">
        <h2 id="templates-heading">Kinds of review</h2>
        <SelectField
          id="templates-kind"
          label="Kind"
          value={kind}
          options={reviewKinds.map((k) => ({ value: k, label: s.templates[k].label }))}
          onChange={(ev) => setKind(ev.target.value as ReviewKind)}
        />
        {canSet ? (
          <TemplateEditor key={kind} kind={kind} template={s.templates[kind]} />
        ) : (
          <p className="muted">The team leader and administrators edit the templates.</p>
        )}
      </section>
    </>
  );
}
