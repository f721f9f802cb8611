import type { customersApi } from '../../../src-shared/api/customers';
import type { HandlersFor } from '../context';
import { findDuplicates } from './duplicates';
import { listCustomers } from './list';
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  listDeletedCustomers,
  restoreCustomer,
  updateCustomer,
} from './register';

export const customersHandlers: HandlersFor<typeof customersApi> = {
  'customers.list': (ctx, input) => listCustomers(ctx, input),
  'customers.get': (ctx, input) => getCustomer(ctx, input.id),
  'customers.create': (ctx, input) => createCustomer(ctx, input),
  'customers.update': (ctx, input) => updateCustomer(ctx, input),
  'customers.delete': (ctx, input) => deleteCustomer(ctx, input.id, input.reason ?? null),
  'customers.listDeleted': (ctx) => listDeletedCustomers(ctx),
  'customers.restore': (ctx, input) => restoreCustomer(ctx, input.id, input.reason ?? null),
  'customers.findDuplicates': (ctx, input) => findDuplicates(ctx, input),
};
