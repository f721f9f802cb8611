import type { z } from 'zod';
import type { GrantApplication, paymentInput } from '../../../src-shared/domain/grants';
import { ApiError } from '../../../src-shared/errors';
import { paymentProblem } from '../../../src-shared/rules/grant-evaluation';
import { writing, type CallContext } from '../context';
import { applicationRow, getApplication } from './applications';

/** A payment against an award: never before the decision, never beyond what was awarded. */
export async function recordPayment(
  ctx: CallContext,
  input: z.output<typeof paymentInput>,
): Promise<GrantApplication> {
  await writing(ctx, async (w) => {
    // Read inside the write, so two payments saved at once cannot both take the last of the award.
    const a = await applicationRow(w.trx, input.applicationId);
    const paid = await w.trx
      .selectFrom('grant_payments')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_pence'), eb.lit(0)).as('paid'))
      .where('application_id', '=', a.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    const problem = paymentProblem(
      a.decision === 'awarded' ? a.award_pence : null,
      Number(paid.paid),
      input.amountPence,
    );
    if (problem) throw ApiError.invalid(problem, [{ path: 'amountPence', message: problem }]);
    if (a.decided_on && input.paidOn < a.decided_on)
      throw ApiError.invalid(`A payment cannot be made before the award on ${a.decided_on}.`, [
        { path: 'paidOn', message: 'Before the award.' },
      ]);
    await w.update('grant_applications', a.id, {
      paid_pence: Number(paid.paid) + input.amountPence,
    });
    await w.create('grant_payments', {
      application_id: a.id,
      paid_on: input.paidOn,
      amount_pence: input.amountPence,
      method: input.method,
      reference: input.reference,
      note: input.note,
    });
  });
  return getApplication(ctx, input.applicationId);
}
