import { z } from 'zod';
import { roles, type Role } from '../rules/permissions';
import { idSchema, requiredText, type Id } from './common';

export interface Staff {
  id: Id;
  name: string;
  role: Role;
  email: string | null;
  active: boolean;
}

export const roleSchema = z.enum(roles, { error: 'Choose a role.' });

export const staffCreateInput = z.object({
  name: requiredText('Name', 120),
  role: roleSchema,
  email: z
    .email({ error: 'Enter an email address like name@example.org.' })
    .nullable()
    .optional()
    .transform((e) => e ?? null)
    .or(z.literal('').transform(() => null)),
});

export const staffUpdateInput = z.object({
  id: idSchema,
  name: requiredText('Name', 120).optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
});
