import type { z } from 'zod';
import type {
  PaymentDetails,
  PaymentMethod,
  paymentDetailsInput,
} from '../../../src-shared/domain/expenses';
import { allowed, demand, writing, type CallContext } from '../context';

export const MASKED_SORT_CODE = '••-••-••';
export const MASKED_ACCOUNT = '••••••••';

export interface PaymentDetailsRowLike {
  method: string;
  account_name: string | null;
  sort_code: string | null;
  account_number: string | null;
}

/**
 * Bank details as the caller may see them: in full for a team leader or an
 * administrator, masked for everyone else (who still sees how the customer
 * is paid, and that details are held).
 */
export function shownDetails(
  customerId: string,
  row: PaymentDetailsRowLike,
  visible: boolean,
): PaymentDetails {
  const bank = row.method === 'bank_transfer';
  return {
    customerId,
    method: row.method as PaymentMethod,
    accountName: visible ? row.account_name : null,
    sortCode: bank ? (visible ? row.sort_code : MASKED_SORT_CODE) : null,
    accountNumber: bank ? (visible ? row.account_number : MASKED_ACCOUNT) : null,
    visible,
  };
}

export async function paymentDetailsFor(
  ctx: CallContext,
  customerId: string,
): Promise<PaymentDetails | null> {
  const row = await ctx.db
    .selectFrom('customer_payment_details')
    .select(['method', 'account_name', 'sort_code', 'account_number'])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? shownDetails(customerId, row, allowed(ctx, 'expenses.paymentDetails')) : null;
}

function normaliseSortCode(s: string | null): string | null {
  if (!s) return null;
  const d = s.replace(/\D/g, '');
  return `${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}`;
}

export async function savePaymentDetails(
  ctx: CallContext,
  input: z.output<typeof paymentDetailsInput>,
): Promise<PaymentDetails | null> {
  demand(ctx, 'expenses.paymentDetails.write');
  const bank = input.method === 'bank_transfer';
  const values = {
    method: input.method,
    account_name: bank ? input.accountName : null,
    sort_code: bank ? normaliseSortCode(input.sortCode) : null,
    account_number: bank ? input.accountNumber : null,
  };
  await writing(ctx, async (w) => {
    const row = await w.trx
      .selectFrom('customer_payment_details')
      .select('id')
      .where('customer_id', '=', input.customerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (row) await w.update('customer_payment_details', row.id, values);
    else await w.create('customer_payment_details', { customer_id: input.customerId, ...values });
  });
  return paymentDetailsFor(ctx, input.customerId);
}
