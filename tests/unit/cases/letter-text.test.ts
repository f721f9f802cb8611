import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../../src-shared/domain/case-settings';
import { fillTemplate } from '../../../src-shared/rules/letter-text';

describe('filling a letter template sentence by sentence', () => {
  it('starts a service label or subject in lower case mid-sentence', () => {
    expect(
      fillTemplate('We reviewed your complaint about {{serviceArea}} and {{subject}}.', {
        serviceArea: 'Damp and mould',
        subject: 'The repair that was never finished',
      }),
    ).toBe(
      'We reviewed your complaint about damp and mould and the repair that was never finished.',
    );
  });

  it('gives a phrase a capital at the start of a sentence or a line', () => {
    expect(
      fillTemplate('The panel met. {{decisionOutcome}} was our decision.\n{{subject}}', {
        decisionOutcome: 'partly upheld',
        subject: 'damp in the bedroom',
      }),
    ).toBe('The panel met. Partly upheld was our decision.\nDamp in the bedroom');
  });

  it('keeps acronyms, "I" and the names it is told of', () => {
    const fill = (subject: string) =>
      fillTemplate(
        'Your complaint about {{subject}}.',
        { subject },
        { properNouns: ['Erimus Housing'] },
      );
    expect(fill('ASB reports not acted on')).toBe('Your complaint about ASB reports not acted on.');
    expect(fill('Erimus Housing not returning calls')).toBe(
      'Your complaint about Erimus Housing not returning calls.',
    );
    expect(fill('Erimusville')).toBe('Your complaint about erimusville.');
  });

  it('does not double a full stop, and lets a sentence run on past a value', () => {
    expect(
      fillTemplate('We asked the landlord to {{findings}}.', { findings: 'fix the cause.' }),
    ).toBe('We asked the landlord to fix the cause.');
    expect(
      fillTemplate('Your complaint about {{subject}}, which we heard.', {
        subject: 'Damp not fixed.',
      }),
    ).toBe('Your complaint about damp not fixed, which we heard.');
    expect(fillTemplate('You asked about {{subject}} in May.', { subject: 'repairs.' })).toBe(
      'You asked about repairs in May.',
    );
    expect(fillTemplate('You asked: {{subject}}.', { subject: 'Why was it late?' })).toBe(
      'You asked: why was it late?',
    );
  });

  it('leaves a value that ends a paragraph as written', () => {
    expect(
      fillTemplate('What we found:\n{{findings}}\n\nNext.', {
        findings: 'The landlord missed two appointments. It apologised.',
      }),
    ).toBe('What we found:\nThe landlord missed two appointments. It apologised.\n\nNext.');
  });

  it('leaves names as recorded and an unknown placeholder visible', () => {
    expect(
      fillTemplate('Dear {{complainantName}}, see {{refrence}}.', {
        complainantName: 'ann de Vries',
      }),
    ).toBe('Dear ann de Vries, see {{refrence}}.');
  });

  it('reads as a person wrote it with the default template', () => {
    const body = fillTemplate(defaultTemplates.decisionLetter, {
      complainantName: 'Ann Complainant',
      heardOn: '2 December 2026',
      subject: 'Damp and mould in the bedroom not fixed after three visits.',
      decisionOutcome: 'Partly upheld',
      findings: 'The landlord did not fix the cause.',
      recommendations: '1. Survey every open damp case.',
    });
    expect(body).toContain(
      'The Designated Complaints Panel met on 2 December 2026 to review your complaint about damp and mould in the bedroom not fixed after three visits.',
    );
    expect(body).toContain('Our decision: your complaint is partly upheld.');
    expect(body).not.toMatch(/\.\./);
  });
});
