import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { buildWorkbook, type CellValue, type Column } from '../../src-main/documents/xlsx';
import { report, type BenchModule, type Timing } from './harness';

const EXPORT_ROWS = 50_000;
const RUNS = 3;

interface ExportRow {
  ref: string;
  first: string;
  last: string;
  email: string;
  phone: string;
  address: string;
  town: string;
  postcode: string;
  landlord: string;
  area: string;
  tenure: string;
  status: string;
  dateOfBirth: string;
  interests: string;
  skills: string;
  lastActivity: string;
  hours: number;
  expensesPence: number;
  updatedAt: string;
}

const FIRST = ['Ada', 'Grace', 'Mary', 'Alan', 'Chidi', 'Priya', 'Tom', 'Zoë', 'Sean', 'Lena'];
const LAST = ['Hopper', 'Seacole', 'Turing', 'Okafor', 'Patel', 'Jones', 'Walsh', 'Nowak'];

function exportRows(): ExportRow[] {
  return Array.from({ length: EXPORT_ROWS }, (_, i) => ({
    ref: `T${100000 + i}`,
    first: FIRST[i % FIRST.length]!,
    last: LAST[(i * 7) % LAST.length]!,
    email: `customer${i}@example.org`,
    phone: `07700 9${String(i % 100000).padStart(5, '0')}`,
    address: `${(i % 200) + 1} Station Road`,
    town: 'Middlesbrough',
    postcode: `TS${(i % 25) + 1} ${i % 10}AB`,
    landlord: 'Erimus Housing',
    area: 'Central',
    tenure: 'Tenant',
    status: 'Active',
    dateOfBirth: `${1940 + (i % 60)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    interests: 'Repairs and maintenance; Complaints',
    skills: 'Listening; Reading documents',
    lastActivity: '2026-10-14T18:30:00.000Z',
    hours: i % 40,
    expensesPence: (i % 5000) * 7,
    updatedAt: '2026-11-20',
  }));
}

const columns: Column<ExportRow>[] = [
  { header: 'Customer reference', width: 14, value: (r) => r.ref },
  { header: 'First name', width: 14, value: (r) => r.first },
  { header: 'Last name', width: 16, value: (r) => r.last },
  { header: 'Email', width: 28, value: (r) => r.email },
  { header: 'Phone', width: 15, value: (r) => r.phone },
  { header: 'Address', width: 24, value: (r) => r.address },
  { header: 'Town', width: 16, value: (r) => r.town },
  { header: 'Postcode', width: 10, value: (r) => r.postcode },
  { header: 'Landlord', width: 22, value: (r) => r.landlord },
  { header: 'Area', width: 16, value: (r) => r.area },
  { header: 'Tenure', width: 14, value: (r) => r.tenure },
  { header: 'Status', width: 12, value: (r) => r.status },
  { header: 'Date of birth', width: 13, format: 'date', value: (r) => r.dateOfBirth },
  { header: 'Interests', width: 36, value: (r) => r.interests },
  { header: 'Skills', width: 30, value: (r) => r.skills },
  { header: 'Last took part', width: 17, format: 'datetime', value: (r) => r.lastActivity },
  { header: 'Hours given', width: 11, format: 'integer', value: (r) => r.hours },
  { header: 'Expenses paid', width: 13, format: 'pence', value: (r) => r.expensesPence },
  { header: 'Last updated', width: 13, format: 'date', value: (r) => r.updatedAt },
];

/** The same cells as buildWorkbook writes, converted as written: dates as Dates, pence as pounds. */
function rawCells(r: ExportRow): CellValue[] {
  return columns.map((c) => {
    const value = c.value(r);
    if (c.format === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
    if (c.format === 'datetime' && typeof value === 'string') return new Date(value);
    if (c.format === 'pence' && typeof value === 'number') return value / 100;
    return value;
  });
}

/** exceljs's streaming writer used directly: no column formats, widths, header styling or filter. */
async function rawWorkbook(rows: ExportRow[]): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(output, 'end');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output });
  const ws = workbook.addWorksheet('Customers');
  ws.addRow(columns.map((c) => c.header)).commit();
  for (const [i, row] of rows.entries()) {
    ws.addRow(rawCells(row)).commit();
    if ((i + 1) % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  ws.commit();
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

const mb = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} MB`;

/** Time of each run, and the highest resident memory seen while it ran (sampled every 5 ms). */
async function measure(
  runs: number,
  fn: () => Promise<Buffer>,
): Promise<{ timing: Timing; peakMb: number; bytes: number }> {
  const samples: number[] = [];
  let peak = 0;
  let bytes = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    for (let run = 0; run < runs; run++) {
      const at = performance.now();
      bytes = (await fn()).length;
      samples.push(performance.now() - at);
    }
  } finally {
    clearInterval(sampler);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return {
    timing: {
      p50: q(0.5),
      p95: q(0.95),
      mean: samples.reduce((a, b) => a + b, 0) / samples.length,
      runs,
    },
    peakMb: Math.max(peak, process.memoryUsage.rss()) / 2 ** 20,
    bytes,
  };
}

/**
 * A 50,000-row export through buildWorkbook (the house format: column
 * formats and widths, bold frozen header, filter) against exceljs's
 * streaming writer writing the same cells bare. Peak RSS is the process's,
 * sampled while each case runs; the raw case runs first, so the workbook's
 * figure includes whatever heap the baseline left and is if anything high.
 */
export const documentsBench: BenchModule = {
  name: 'documents',
  async run() {
    const rows = exportRows();
    console.log(
      `(${EXPORT_ROWS} rows of ${columns.length} columns in memory; RSS ${mb(process.memoryUsage.rss() / 2 ** 20)})`,
    );

    const raw = await measure(RUNS, () => rawWorkbook(rows));
    const app = await measure(RUNS, () =>
      buildWorkbook([{ name: 'Customers', columns, rows }] as never),
    );
    report(`export ${EXPORT_ROWS} rows to xlsx`, app.timing, raw.timing, {
      p95Ms: 5_000,
      ratio: 1.5,
    });
    console.log(
      `${''.padEnd(48)} peak RSS app ${mb(app.peakMb)} | raw ${mb(raw.peakMb)} | files ${mb(app.bytes / 2 ** 20)} and ${mb(raw.bytes / 2 ** 20)}`,
    );
  },
};
