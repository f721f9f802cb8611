import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarFrom } from '../../../src-shared/rules/bank-holidays';

export const bundledFile: unknown = JSON.parse(
  readFileSync(join(process.cwd(), 'resources/bank-holidays.json'), 'utf8'),
);
export const calendar = calendarFrom(bundledFile);
