import { z } from 'zod';
import { method } from '../contract';
import { idSchema, type Page } from '../domain/common';
import {
  customerInput,
  customerListInput,
  customerPatch,
  duplicateCheckInput,
  type CreateCustomerResult,
  type Customer,
  type CustomerSummary,
  type DeletedCustomer,
  type DuplicateMatch,
} from '../domain/customer';

export const customersApi = {
  /** A page of the register: search, filters and sort, with the total that match. */
  'customers.list': method(customerListInput, 'customers.read').returns<Page<CustomerSummary>>(),
  'customers.get': method(z.object({ id: idSchema }), 'customers.read').returns<Customer>(),
  /** Refuses likely duplicates (and returns them) unless `confirmDuplicate` is set. */
  'customers.create': method(customerInput, 'customers.write').returns<CreateCustomerResult>(),
  'customers.update': method(customerPatch, 'customers.write').returns<Customer>(),
  'customers.delete': method(
    z.object({
      id: idSchema,
      reason: z
        .string()
        .trim()
        .max(500, { error: 'Keep the reason under 500 characters.' })
        .optional(),
    }),
    'customers.delete',
  ).returns<{ id: string }>(),
  /** Customers deleted from the register, newest first, for an administrator to restore. */
  'customers.listDeleted': method(z.object({}), 'customers.restore').returns<DeletedCustomer[]>(),
  /** Brings a deleted customer back onto the register, on the record. */
  'customers.restore': method(
    z.object({
      id: idSchema,
      reason: z
        .string()
        .trim()
        .max(500, { error: 'Keep the reason under 500 characters.' })
        .optional(),
    }),
    'customers.restore',
  ).returns<Customer>(),
  'customers.findDuplicates': method(duplicateCheckInput, 'customers.read').returns<
    DuplicateMatch[]
  >(),
} as const;
