import { expect, it } from 'vitest';
import { ftsQuery, searchPlan } from '../../../src-main/services/customers/search-query';

it('makes every word a prefix match', () => {
  expect(ftsQuery('jo bloggs')).toBe('"jo"* "bloggs"*');
});

it('keeps punctuation out of the query syntax', () => {
  expect(ftsQuery(`O'Neill`)).toBe('"o"* "neill"*');
  expect(ftsQuery('jo.bloggs@example.org')).toBe('"jo"* "bloggs"* "example"* "org"*');
  expect(ftsQuery('"smith OR -jones*')).toBe('"smith"* "or"* "jones"*');
});

it('searches a postcode typed without its space as the postcode', () => {
  expect(ftsQuery('ts176aa')).toBe('"ts17"* "6aa"*');
  expect(ftsQuery(' ts1 ')).toBe('postcode : "ts1"');
});

it('has nothing to search for in blanks or punctuation', () => {
  expect(ftsQuery('   ')).toBeNull();
  expect(ftsQuery('--')).toBeNull();
});

it('takes a first keystroke or two as the start of a name, not a full-text query', () => {
  expect(searchPlan('s')).toEqual({ kind: 'name', prefix: 's' });
  expect(searchPlan(' Jo ')).toEqual({ kind: 'name', prefix: 'jo' });
  expect(searchPlan("o'")).toEqual({ kind: 'name', prefix: 'o' });
  expect(searchPlan('jon')).toEqual({ kind: 'fts', match: '"jon"*' });
});

it('takes digits as a phone number or the start of one, without its spaces', () => {
  expect(searchPlan('07700')).toEqual({ kind: 'phone', digits: '07700' });
  expect(searchPlan('07700 900 123')).toEqual({ kind: 'phone', digits: '07700900123' });
  expect(searchPlan('(01632) 960-001')).toEqual({ kind: 'phone', digits: '01632960001' });
  expect(searchPlan('+44 7700 900123')).toEqual({ kind: 'phone', digits: '07700900123' });
});

it('still searches postcodes, and has nothing to search for in blanks', () => {
  expect(searchPlan('ts1')).toEqual({ kind: 'fts', match: 'postcode : "ts1"' });
  expect(searchPlan('TS17 6AA')?.kind).toBe('fts');
  expect(searchPlan('  ')).toBeNull();
  expect(searchPlan('12')).toEqual({ kind: 'name', prefix: '12' });
});
