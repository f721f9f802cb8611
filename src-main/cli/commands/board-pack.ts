import { resolve } from 'node:path';
import { audiences } from '../../../src-shared/domain/board-packs';
import { parsePeriod } from '../../../src-shared/rules/report-period';
import { LOCAL_SESSION } from '../../services/session/session';
import { buildPackHeadless } from '../../services/board-packs/headless';
import { openSession, parse, UsageError, type Command } from '../io';

export const boardPackCommand: Command = {
  name: 'board-pack',
  usage:
    'board-pack --audience board|garc|council|tenants --period 2025-26 [--pdf FILE] [--xlsx FILE]',
  summary: 'Build a board pack (default sections) as a PDF and/or an Excel workbook.',
  async run(argv) {
    const { values } = parse(argv, {
      audience: { type: 'string' },
      period: { type: 'string' },
      pdf: { type: 'string' },
      xlsx: { type: 'string' },
    });
    if (!values.audience)
      throw new UsageError(`Say who the pack is for: --audience ${audiences.join('|')}.`);
    if (!(audiences as readonly string[]).includes(values.audience))
      throw new UsageError(
        `There is no audience called "${values.audience}". Choose one of: ${audiences.join(', ')}.`,
      );
    if (!values.period)
      throw new UsageError(
        'Say which period: --period 2025-26 (or 2025-26 Q1, 2025-26 H2, 2025-04-01..2025-09-30).',
      );
    const period = parsePeriod(values.period);
    if (!period.ok) throw new UsageError(period.message);
    if (!values.pdf && !values.xlsx)
      throw new UsageError('Say where to write it: --pdf FILE, --xlsx FILE or both.');
    const session = await openSession(values.db, values['key-file']);
    try {
      const ctx = { ...session.backend.context, actor: session.actor, session: LOCAL_SESSION };
      let lastStep = '';
      const { figures } = await buildPackHeadless(ctx, {
        audience: values.audience,
        period: values.period,
        outputs: {
          ...(values.pdf ? { pdf: resolve(values.pdf) } : {}),
          ...(values.xlsx ? { xlsx: resolve(values.xlsx) } : {}),
        },
        onProgress: (s) => {
          if (s.step !== lastStep) console.error(`${s.step}…`);
          lastStep = s.step;
        },
      });
      console.log(`${figures.title}`);
      if (values.pdf) console.log(`PDF:      ${resolve(values.pdf)}`);
      if (values.xlsx) console.log(`Workbook: ${resolve(values.xlsx)}`);
    } finally {
      await session.close();
    }
  },
};
