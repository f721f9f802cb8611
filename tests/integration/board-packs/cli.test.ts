import { execFileSync, spawnSync } from 'node:child_process';
import { KEY_ENV } from '../../../src-main/db/database-key';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, TEST_KEY_HEX } from '../../support/temp-db';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, INVOLVEMENT_DESK_DB: '', [KEY_ENV]: TEST_KEY_HEX },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

let cleanup = () => {};
afterEach(() => cleanup());

describe('board-pack on the command line', { timeout: 240_000 }, () => {
  it('names a bad audience or period and exits non-zero; builds both files headlessly', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const db = join(t.dir, 'desk.sqlite');
    expect(cli('demo', '--customers', '40', '--db', db).code).toBe(0);
    const badAudience = cli(
      'board-pack',
      '--audience',
      'boards',
      '--period',
      '2025-26',
      '--pdf',
      join(t.dir, 'x.pdf'),
      '--db',
      db,
    );
    expect(badAudience.code).toBe(2);
    expect(badAudience.err).toContain('There is no audience called "boards"');
    const badPeriod = cli(
      'board-pack',
      '--audience',
      'board',
      '--period',
      '2025-2026',
      '--pdf',
      join(t.dir, 'x.pdf'),
      '--db',
      db,
    );
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.err).toContain('The period "2025-2026" is not one the app knows');
    expect(existsSync(join(t.dir, 'x.pdf'))).toBe(false);

    const pdf = join(t.dir, 'out.pdf');
    const xlsx = join(t.dir, 'out.xlsx');
    const run = cli(
      'board-pack',
      '--audience',
      'garc',
      '--period',
      '2026-27 H1',
      '--pdf',
      pdf,
      '--xlsx',
      xlsx,
      '--db',
      db,
    );
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('Group Audit and Risk Committee: First half of 2026-27');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Recommendations and the exception report');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets[0]!.name).toBe('Cover');
    // No temporary or job files are left beside the database.
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(existsSync(join(t.dir, 'jobs')) ? readdirSync(join(t.dir, 'jobs')) : []).toEqual([]);
  });
});
