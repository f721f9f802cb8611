import { describe, expect, test } from 'vitest';
import { ApiError } from '../../../src-shared/errors';
import { compareAppVersions } from '../../../src-main/sync/hub/app-version';
import { effectiveTls, parseHubSettings, parseHubUrl } from '../../../src-main/sync/hub/settings';

function refusal(work: () => unknown): ApiError {
  try {
    work();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('Expected the settings to be refused.');
}

describe('hub addresses for sync --hub', () => {
  test('a full address, with escaped characters in the password', () => {
    expect(
      parseHubUrl(
        'postgres://desk_laptop_3:p%40ss%2Fw0rd@hub.example.org:6432/involvement?sslmode=require',
      ),
    ).toEqual({
      host: 'hub.example.org',
      port: 6432,
      database: 'involvement',
      user: 'desk_laptop_3',
      password: 'p@ss/w0rd',
      tls: 'require',
    });
  });

  test('the port defaults to 5432 and TLS to the host’s default', () => {
    const remote = parseHubUrl('postgresql://desk@hub.example.org/involvement');
    expect(remote).toEqual({
      host: 'hub.example.org',
      port: 5432,
      database: 'involvement',
      user: 'desk',
    });
    expect(effectiveTls(remote)).toBe('verify-full');
    expect(effectiveTls(parseHubUrl('postgres://desk@localhost/involvement'))).toBe('off');
    expect(effectiveTls(parseHubUrl('postgres://desk@127.0.0.1:5433/involvement'))).toBe('off');
    expect(effectiveTls(parseHubUrl('postgres://desk@[::1]:5433/involvement'))).toBe('off');
    expect(parseHubUrl('postgres://desk@[::1]:5433/involvement').host).toBe('::1');
    expect(parseHubUrl('postgres://d@h/db?sslmode=disable').tls).toBe('off');
    expect(parseHubUrl('postgres://d@h/db?sslmode=verify-full').tls).toBe('verify-full');
  });

  test('what cannot be used is named', () => {
    expect(refusal(() => parseHubUrl('hub.example.org')).message).toContain('not a valid URL');
    expect(refusal(() => parseHubUrl('mysql://u@h/db')).message).toContain(
      'must start with postgres://',
    );
    const prefer = refusal(() => parseHubUrl('postgres://u@h/db?sslmode=prefer'));
    expect(prefer.fields).toEqual([
      { path: 'tls', message: expect.stringContaining('sslmode=prefer is not supported') },
    ]);
    expect(refusal(() => parseHubUrl('postgres://u@h/db?application_name=x')).fields[0]?.path).toBe(
      'application_name',
    );
    const noUser = refusal(() => parseHubUrl('postgres://h:5432/db'));
    expect(noUser.fields.map((f) => f.path)).toEqual(['user']);
    const noDb = refusal(() => parseHubUrl('postgres://u@h:5432/'));
    expect(noDb.fields.map((f) => f.path)).toEqual(['database']);
  });

  test('settings from the form are checked field by field', () => {
    const error = refusal(() =>
      parseHubSettings({ host: ' ', port: 70000, database: 'hub', user: 'u', tls: 'on' }),
    );
    expect(error.fields.map((f) => f.path)).toEqual(['host', 'port', 'tls']);
    expect(error.message).toContain('The port must be between 1 and 65535.');
  });
});

test('app versions order by number, a pre-release before its release', () => {
  const sorted = [
    '0.10.0',
    '0.2.0',
    '1.0.0',
    '1.0.0-rc.2',
    '1.0.0-rc.10',
    '1.0.0-beta',
    '0.2.1',
  ].sort(compareAppVersions);
  expect(sorted).toEqual([
    '0.2.0',
    '0.2.1',
    '0.10.0',
    '1.0.0-beta',
    '1.0.0-rc.2',
    '1.0.0-rc.10',
    '1.0.0',
  ]);
  expect(compareAppVersions('1.2.3+build.5', '1.2.3')).toBe(0);
});
