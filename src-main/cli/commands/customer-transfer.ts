import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import {
  importField,
  type ImportIssue,
  type ImportPreview,
} from '../../../src-shared/domain/customer-import';
import { customerStatuses } from '../../../src-shared/domain/customer';
import { oneOf, openSession, parse, UsageError, type Command } from '../io';

/** Errors beyond this many are counted rather than listed, so the real ones stay on screen. */
const LISTED_ERRORS = 100;

function subject(positionals: string[], verb: string): string {
  const [what, ...rest] = positionals;
  if (what !== 'customers') {
    throw new UsageError(
      what ? `Only customers can be ${verb}ed, not "${what}".` : `Say what to ${verb}: customers.`,
    );
  }
  const file = rest[0];
  if (!file)
    throw new UsageError(`Give the file to ${verb === 'import' ? 'import from' : 'write'}.`);
  if (rest.length > 1)
    throw new UsageError(`One file at a time: "${rest.slice(1).join(' ')}" is extra.`);
  return file;
}

function printPreview(preview: ImportPreview): void {
  console.log(
    `Columns in ${preview.fileName}${preview.sheetName ? ` (sheet "${preview.sheetName}")` : ''}:`,
  );
  preview.headers.forEach((header, i) => {
    const field = preview.mapping[i];
    console.log(`  ${header.padEnd(28)} → ${field ? importField(field).label : '(not imported)'}`);
  });
  const c = preview.counts;
  console.log(
    `\n${c.rows} rows: ${c.create} new, ${c.update} to update, ${c.unchanged} unchanged, ${c.invalid} with problems.`,
  );
  if (c.deleted > 0)
    console.log(
      `${c.deleted} ${c.deleted === 1 ? 'row is a customer' : 'rows are customers'} deleted from the register: left out.`,
    );
}

function printErrors(errors: ImportIssue[]): void {
  if (errors.length === 0) return;
  console.error(`\n${errors.length === 1 ? '1 problem' : `${errors.length} problems`}:`);
  for (const error of errors.slice(0, LISTED_ERRORS)) console.error(`  ${error.message}`);
  if (errors.length > LISTED_ERRORS) console.error(`  …and ${errors.length - LISTED_ERRORS} more.`);
}

export const importCommand: Command = {
  name: 'import',
  usage: 'import customers <file.csv|file.xlsx> [--dry-run] [--db FILE]',
  summary:
    'Import customers from a spreadsheet, all rows or none; --dry-run shows what would happen.',
  async run(argv) {
    const { values, positionals } = parse(argv, { 'dry-run': { type: 'boolean' } });
    const path = resolve(subject(positionals, 'import'));
    if (!/^\.(csv|xlsx)$/i.test(extname(path))) {
      throw new UsageError(`"${basename(path)}" is not a .csv or .xlsx file.`);
    }
    const bytes = await readFile(path).catch(() => {
      throw new Error(`Cannot read ${path}: check the name and that the file exists.`);
    });
    const file = { fileName: basename(path), contentBase64: bytes.toString('base64') };

    const session = await openSession(values.db, values['key-file']);
    try {
      const preview = await session.call('customerTransfer.previewImport', file);
      printPreview(preview);
      printErrors(preview.errors);
      if (preview.errors.length > 0) {
        throw new Error(
          `\nNothing was imported. Correct ${file.fileName} and run the import again.`,
        );
      }
      if (values['dry-run']) {
        console.log('\nDry run: nothing was written.');
        return;
      }
      const started = performance.now();
      const outcome = await session.call('customerTransfer.commitImport', {
        ...file,
        mapping: preview.mapping,
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const c = outcome.counts;
      console.log(
        `\nImported ${file.fileName} into ${session.dbPath} in ${seconds} s: ${c.create} added, ${c.update} updated, ${c.unchanged} unchanged.`,
      );
    } finally {
      await session.close();
    }
  },
};

export const exportCommand: Command = {
  name: 'export',
  usage:
    'export customers <file.xlsx> [--search TEXT] [--status STATUS] [--with-equality] [--db FILE]',
  summary:
    'Write the register (or the customers matching a search) to an Excel workbook; equality data only with --with-equality.',
  async run(argv) {
    const { values, positionals } = parse(argv, {
      search: { type: 'string' },
      status: { type: 'string', multiple: true },
      'with-equality': { type: 'boolean' },
    });
    const path = resolve(subject(positionals, 'export'));
    if (extname(path).toLowerCase() !== '.xlsx') {
      throw new UsageError(
        `Name the file to write with .xlsx at the end, not "${basename(path)}".`,
      );
    }
    const status = values.status?.map((v) => oneOf(v, 'status', customerStatuses.codes));
    const session = await openSession(values.db, values['key-file']);
    try {
      const file = await session.call('customerTransfer.exportXlsx', {
        ...(values.search ? { search: values.search } : {}),
        ...(status ? { status } : {}),
        ...(values['with-equality'] ? { includeEquality: true } : {}),
      });
      await writeFile(path, Buffer.from(file.contentBase64, 'base64'));
      console.log(`Exported ${file.rows} customers to ${path}.`);
    } finally {
      await session.close();
    }
  },
};
