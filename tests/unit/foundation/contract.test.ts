import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, methodNames } from '../../../src-shared/api';
import { combineContracts, method } from '../../../src-shared/contract';
import { permissions } from '../../../src-shared/rules/permissions';

describe('the contract', () => {
  it('refuses a method name used twice', () => {
    const a = { 'x.get': method(z.object({}), null).returns<number>() };
    const b = { 'x.get': method(z.object({}), null).returns<string>() };
    expect(() => combineContracts(a, b)).toThrow('The contract names "x.get" twice.');
  });

  it('gives every method an input schema and a known permission', () => {
    expect(methodNames.length).toBeGreaterThan(10);
    for (const name of methodNames) {
      const spec = api[name];
      expect(typeof spec.input.safeParse, name).toBe('function');
      if (spec.permission !== null)
        expect(Object.keys(permissions), name).toContain(spec.permission);
    }
  });

  it('lets only the calls made before sign-in go without a permission', () => {
    const open = methodNames.filter((n) => api[n].permission === null).sort();
    expect(open).toEqual([
      'clock.now',
      'session.activity',
      'session.profiles',
      'session.setPassphrase',
      'session.signIn',
      'session.signOut',
      'session.state',
      'session.unlock',
      'staff.create',
      'staff.list',
      'system.health',
    ]);
  });
});
