import { describe, expect, it } from 'vitest';
import {
  describeIssue,
  headerKey,
  readImportChoice,
  readImportChoices,
  readImportDate,
  readImportFlag,
  suggestMapping,
} from '../../../src-shared/domain/customer-import';
import { serviceAreas, tenures } from '../../../src-shared/domain/customer';

describe('suggestMapping', () => {
  it('maps the headers the team uses to customer fields', () => {
    expect(
      suggestMapping([
        'Tenant Ref',
        'Forename',
        'Surname',
        'Post Code',
        'Tel',
        'Mobile',
        'E-mail',
        'D.O.B.',
        'Landlord',
        'Favourite colour',
      ]),
    ).toEqual([
      'externalRef',
      'firstName',
      'lastName',
      'postcode',
      'phone',
      'mobile',
      'email',
      'dateOfBirth',
      'landlord',
      null,
    ]);
  });

  it('accepts "Last name", "LAST_NAME" and "Postcode:" alike', () => {
    expect(suggestMapping(['LAST_NAME', 'first-name', 'Postcode:'])).toEqual([
      'lastName',
      'firstName',
      'postcode',
    ]);
  });

  it('suggests a field for a header that contains its name as words', () => {
    expect(suggestMapping(['Tenant surname', 'Main contact number'])).toEqual([
      'lastName',
      'phone',
    ]);
  });

  it('gives each field to one column only, the leftmost', () => {
    expect(suggestMapping(['Surname', 'Last name', ''])).toEqual(['lastName', null, null]);
  });

  it('prefers an exact header over a partial one elsewhere', () => {
    expect(suggestMapping(['Previous surname', 'Surname'])).toEqual([null, 'lastName']);
  });

  it('normalises headers for comparison', () => {
    expect(headerKey('  Post-Code (home) ')).toBe('post code home');
  });
});

describe('readImportDate', () => {
  it('reads UK day-first dates', () => {
    expect(readImportDate('03/04/1980')).toEqual({ ok: true, value: '1980-04-03' });
    expect(readImportDate('3/4/1980')).toEqual({ ok: true, value: '1980-04-03' });
    expect(readImportDate('31.12.1999')).toEqual({ ok: true, value: '1999-12-31' });
    expect(readImportDate('29-02-2024')).toEqual({ ok: true, value: '2024-02-29' });
  });

  it('reads ISO dates and date-times (how spreadsheet date cells arrive)', () => {
    expect(readImportDate('1980-04-03')).toEqual({ ok: true, value: '1980-04-03' });
    expect(readImportDate('1980-04-03T00:00:00.000Z')).toEqual({ ok: true, value: '1980-04-03' });
  });

  it('reads dates written in words', () => {
    expect(readImportDate('14 March 1980')).toEqual({ ok: true, value: '1980-03-14' });
    expect(readImportDate('1st Sep 2001')).toEqual({ ok: true, value: '2001-09-01' });
  });

  it('treats a blank cell as no date', () => {
    expect(readImportDate('  ')).toEqual({ ok: true, value: null });
  });

  it('refuses dates that do not exist, with a reason', () => {
    expect(readImportDate('29/02/2023')).toMatchObject({ ok: false });
    expect(readImportDate('12/31/1999')).toEqual({
      ok: false,
      problem: 'is not a real date (dates are read as dd/mm/yyyy)',
    });
    expect(readImportDate('2023-02-30')).toMatchObject({ ok: false });
  });

  it('refuses two-digit years rather than guess the century', () => {
    expect(readImportDate('03/04/80')).toEqual({
      ok: false,
      problem: 'has a two-digit year: write the year in full, as dd/mm/yyyy',
    });
  });

  it('refuses text that is not a date', () => {
    expect(readImportDate('soon')).toEqual({ ok: false, problem: 'is not a date: use dd/mm/yyyy' });
  });
});

describe('choices and flags', () => {
  it('reads a choice by label, code, "and" for "&", or a unique start', () => {
    expect(readImportChoice('Shared Owner', tenures.options)).toEqual({
      ok: true,
      value: 'shared_owner',
    });
    expect(readImportChoice('shared_owner', tenures.options)).toEqual({
      ok: true,
      value: 'shared_owner',
    });
    expect(readImportChoice('Care and support client', tenures.options)).toEqual({
      ok: true,
      value: 'care_support_client',
    });
    expect(readImportChoice('Care & support', tenures.options)).toEqual({
      ok: true,
      value: 'care_support_client',
    });
    expect(readImportChoice('Lodger', tenures.options)).toEqual({ ok: false });
  });

  it('reads a list in one cell and names the parts it does not know', () => {
    expect(readImportChoices('Repairs and maintenance; Complaints', serviceAreas.options)).toEqual({
      ok: true,
      value: ['repairs', 'complaints'],
    });
    expect(readImportChoices('Complaints, Gardening', serviceAreas.options)).toEqual({
      ok: false,
      unknown: ['Gardening'],
    });
  });

  it('reads yes/no cells', () => {
    expect(readImportFlag('Y')).toEqual({ ok: true, value: true });
    expect(readImportFlag('no')).toEqual({ ok: true, value: false });
    expect(readImportFlag('maybe')).toEqual({ ok: false });
  });
});

describe('describeIssue', () => {
  it('names the row and the column as the user sees them', () => {
    expect(describeIssue(14, 'Post code', "'TS1' is not a full UK postcode")).toBe(
      "Row 14, column 'Post code': 'TS1' is not a full UK postcode.",
    );
    expect(describeIssue(null, null, 'the file has no rows')).toBe('The file has no rows.');
  });
});
