import { expect, it } from 'vitest';
import { ftsQuery } from '../../../src-main/services/customers/search-query';

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
