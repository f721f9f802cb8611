import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, methodNames, type MethodName } from '../../../src-shared/api';
import type { ApiErrorCode, ApiResult } from '../../../src-shared/errors';
import type { Staff } from '../../../src-shared/domain/staff';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { testSeed } from '../../support/seeded-random';
import type { z } from 'zod';

/*
 * Every method of the contract is called through the real dispatcher, on a
 * real database, with hostile input: wrong types, huge and strange strings,
 * nulls, prototype-polluting keys and deep nesting, both as the whole input
 * and in the method's own fields. Every answer must be the typed envelope:
 * a result, or an error with its code, a message and the fields at fault;
 * never a crash or an "internal" error. A refused call must have written
 * nothing (SQLite's count of changed rows and the change log are compared).
 */

const SEED = testSeed(424242);
const RUNS_PER_METHOD = 40;

const codes: readonly ApiErrorCode[] = [
  'invalid',
  'forbidden',
  'unauthenticated',
  'not_found',
  'conflict',
  'unavailable',
];

/** Refused calls that write by design: a wrong passphrase counts towards the wait. */
const writesWhenRefused = new Set<MethodName>(['session.signIn', 'session.unlock']);

// ——— hostile values ———

const strangeStrings = [
  "'; DROP TABLE customers; --",
  '" OR 1=1 --',
  '"',
  '*',
  'NEAR(a b',
  'a AND OR NOT',
  '^',
  '%_%',
  '\\',
  '\u0000',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '\ud800',
  'Zalgo: Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334',
  '👩🏽‍⚕️👨‍👩‍👧‍👦🏳️‍🌈',
  '=HYPERLINK("http://evil.example")',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '2026-02-30',
  '2026-11-23T25:61:00.000Z',
  '019a0000-0000-7000-8000-000000000000',
  '',
  '   ',
];

const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...strangeStrings),
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => 'ä'.repeat(n)),
);

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53 + 2, 1e308, -1),
);

const leaf = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
);

/** Own `__proto__`, `constructor` and `prototype` keys, as JSON.parse and structured clone make them. */
const polluting = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": "yes", "role": "administrator"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"__proto__": {"__proto__": {"polluted": "yes"}}, "id": "x"}'),
  JSON.parse('{"prototype": {"polluted": "yes"}, "toString": "x", "hasOwnProperty": 1}'),
);

const deep = fc.tuple(fc.integer({ min: 50, max: 5_000 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
});

const key = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'toString'),
);

const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    polluting,
    deep,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((e) => Object.fromEntries(e)),
  ),
}));

/** A field's value: most often a string or number, the types fields take, but hostile ones. */
const fieldValue = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined) },
  { weight: 2, arbitrary: hostileValue },
);

/** The field names a method's input schema knows, through pipes, unions and defaults. */
function fieldNames(schema: z.ZodType): string[] {
  const s = schema as unknown as {
    shape?: Record<string, unknown>;
    def?: {
      in?: z.ZodType;
      options?: z.ZodType[];
      innerType?: z.ZodType;
      left?: z.ZodType;
      right?: z.ZodType;
    };
  };
  if (s.shape) return Object.keys(s.shape);
  const def = s.def ?? {};
  const parts = [def.in, def.innerType, def.left, def.right, ...(def.options ?? [])].filter(
    (p): p is z.ZodType => !!p,
  );
  return [...new Set(parts.flatMap(fieldNames))];
}

/** Hostile input for one method: garbage as the whole input, or in its own fields. */
function hostileInputFor(method: MethodName): fc.Arbitrary<unknown> {
  const fields = fieldNames(api[method].input as z.ZodType);
  const inFields =
    fields.length === 0
      ? fc.constant({ unexpected: 'field' })
      : fc
          .tuple(
            fc.subarray(fields, { minLength: 1 }),
            fc.array(fieldValue, { minLength: fields.length, maxLength: fields.length }),
          )
          .map(([chosen, values]) => Object.fromEntries(chosen.map((f, i) => [f, values[i]])));
  return fc.oneof(hostileValue, inFields, inFields);
}

// ——— the run ———

let app: TestApp;
let actor: Staff;

beforeAll(async () => {
  app = await openTestApp();
  await app.call('organisation.applyTemplate', {});
  for (const lastName of ['Okafor', 'Nowak', 'Smith'])
    await app.call('customers.create', { firstName: 'Sam', lastName, confirmDuplicate: true });
  actor = (await app.ctx()).actor!;
}, 30_000);

afterAll(() => app.close());

function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_k, v: unknown) =>
      typeof v === 'bigint'
        ? `${v}n`
        : typeof v === 'string' && v.length > 60
          ? `${v.slice(0, 20)}…(${v.length})`
          : v,
    );
    return (text ?? String(input)).slice(0, 300);
  } catch {
    return String(input).slice(0, 300);
  }
}

function wellTyped(result: ApiResult<unknown>): string | null {
  if (result.ok) return null;
  const e = result.error as { code?: unknown; message?: unknown; fields?: unknown };
  if (!codes.includes(e.code as ApiErrorCode))
    return `code ${String(e.code)}: ${String(e.message)}`;
  if (typeof e.message !== 'string' || e.message.trim() === '') return 'no message';
  if (
    !Array.isArray(e.fields) ||
    !e.fields.every(
      (f: { path?: unknown; message?: unknown }) =>
        typeof f.path === 'string' && typeof f.message === 'string',
    )
  )
    return 'fields are not a list of {path, message}';
  return null;
}

describe('every API method, fed hostile input', () => {
  it(`answers with a typed error and writes nothing when it refuses (${methodNames.length} methods × ${RUNS_PER_METHOD} runs)`, async () => {
    const raw = app.backend.database.raw;
    const changes = () => raw.prepare(`SELECT total_changes()`).pluck().get() as number;
    const logged = () => raw.prepare(`SELECT count(*) FROM change_log`).pluck().get() as number;
    const failures: string[] = [];
    let runs = 0;
    let refused = 0;
    let accepted = 0;
    const started = performance.now();

    for (const [index, method] of methodNames.entries()) {
      await fc.assert(
        fc.asyncProperty(hostileInputFor(method), async (input) => {
          runs++;
          const before = { changes: changes(), logged: logged() };
          let result: ApiResult<unknown>;
          try {
            result = await app.backend.call(method, input, { actor });
          } catch (error) {
            failures.push(`${method} threw ${String(error)} for ${describeInput(input)}`);
            return true;
          }
          const fault = wellTyped(result);
          if (fault) failures.push(`${method}: ${fault} for ${describeInput(input)}`);
          if (result.ok) {
            accepted++;
          } else {
            refused++;
            const after = { changes: changes(), logged: logged() };
            if (
              !writesWhenRefused.has(method) &&
              (after.changes !== before.changes || after.logged !== before.logged)
            )
              failures.push(
                `${method} refused (${result.error.code}) but wrote, for ${describeInput(input)}`,
              );
          }
          return true;
        }),
        { seed: SEED + index, numRuns: RUNS_PER_METHOD },
      );
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `API fuzz (seed ${SEED}, method i uses seed ${SEED} + i): ${methodNames.length} methods, ${runs} runs ` +
        `(${refused} refused, ${accepted} accepted as valid) in ${seconds} s; ${failures.length} faults`,
    );
    expect(failures).toEqual([]);
    // Nothing reached Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(runs).toBe(methodNames.length * RUNS_PER_METHOD);
  }, 120_000);
});
