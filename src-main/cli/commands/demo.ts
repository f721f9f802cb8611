import { describeDemoCounts } from '../../../src-shared/domain/demo';
import { openSession, parse, positiveInt, type Command } from '../io';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo [--customers N] [--years Y] [--seed S] [--db FILE]',
  summary:
    'Load the demo organisation (default template plus generated customers, and with --years that many years of activities, attendance and cases) into an empty database.',
  async run(argv) {
    const { values } = parse(argv, {
      customers: { type: 'string' },
      seed: { type: 'string' },
      years: { type: 'string' },
    });
    const customers = positiveInt(values.customers, 'customers', 300, 500_000);
    const seed = positiveInt(values.seed, 'seed', 13);
    const years = positiveInt(values.years, 'years', 0);
    const session = await openSession(values.db, values['key-file']);
    try {
      const started = performance.now();
      const counts = await session.call('demo.load', { customers, seed, years });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `Demo data loaded into ${session.dbPath} in ${seconds} s: ${describeDemoCounts(counts)}.`,
      );
    } finally {
      await session.close();
    }
  },
};
