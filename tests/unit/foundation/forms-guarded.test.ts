import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The house rule: every editing form registers with useUnsavedChanges or
 * useFormChanges, so leaving it with changes asks first. A form that edits
 * nothing worth keeping (a passphrase, a choice acted on at once) is named
 * here with the reason, so a new form is guarded unless someone decides
 * otherwise on purpose.
 */
const notEditing: Record<string, { forms: number; why: string }> = {
  'components/UnsavedChanges.tsx': { forms: 1, why: 'the leave-or-stay dialog itself' },
  'features/audit/AuditTrailPage.tsx': { forms: 1, why: 'filters, kept in the address' },
  'features/board-packs/BoardPackList.tsx': {
    forms: 1,
    why: 'chooses an audience and period, then starts the pack',
  },
  'features/cases/PanelSection.tsx': { forms: 1, why: 'choosing a panel member adds them at once' },
  'features/cases/LifecycleActions.tsx': {
    forms: 1,
    why: 'records the Ombudsman’s result from one choice',
  },
  'features/meetings/DeleteWithReasonDialog.tsx': {
    forms: 1,
    why: 'a modal reason for a delete, which leaves the page once confirmed',
  },
  'features/reviews/CommissioningPlanPage.tsx': {
    forms: 1,
    why: 'a check-in is one date and a button',
  },
  'features/reviews/TeamSection.tsx': {
    forms: 2,
    why: 'choosing a member or officer adds them at once',
  },
  'features/reviews/TagPicker.tsx': { forms: 1, why: 'each tag is saved as it is chosen' },
  'features/reviews/EvidenceLog.tsx': {
    forms: 1,
    why: 'marking a request answered is one date and a button',
  },
  'features/start/FirstRun.tsx': { forms: 1, why: 'a passphrase is never kept to come back to' },
  'features/start/PassphraseForms.tsx': {
    forms: 2,
    why: 'a passphrase is never kept to come back to',
  },
  'features/settings/PassphraseReset.tsx': {
    forms: 1,
    why: 'a passphrase is never kept to come back to',
  },
  'features/expenses/BatchesPage.tsx': {
    forms: 1,
    why: 'marking a batch paid is one date and a button',
  },
  'features/customer-import/ExportCustomersButton.tsx': { forms: 1, why: 'starts an export' },
};

const root = join(import.meta.dirname, '../../../src-renderer/src');

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tsxFiles(join(dir, e.name))
      : e.name.endsWith('.tsx')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('editing forms', () => {
  it('ask before their changes are left behind', () => {
    const unguarded: string[] = [];
    for (const file of tsxFiles(root)) {
      const text = readFileSync(file, 'utf8');
      const forms = text.match(/<form\b/g)?.length ?? 0;
      if (forms === 0) continue;
      const guarded = text.match(/\{\.\.\.(\w+\.)?formProps\}/g)?.length ?? 0;
      const name = relative(root, file);
      const allowed = notEditing[name]?.forms ?? 0;
      if (forms - guarded > allowed)
        unguarded.push(
          `${name}: ${forms - guarded} form(s) without useUnsavedChanges or useFormChanges`,
        );
    }
    expect(unguarded).toEqual([]);
  });
});
