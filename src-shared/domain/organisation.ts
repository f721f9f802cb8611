import { z } from 'zod';
import { idSchema, requiredText, type Id } from './common';

/** A landlord in the group (a partner landlord or a care and support provider). */
export interface Landlord {
  id: Id;
  name: string;
  shortName: string | null;
  /** Partner landlords each need two tenants on every standing scrutiny group. */
  isPartner: boolean;
  homes: number | null;
}

export interface Area {
  id: Id;
  landlordId: Id | null;
  name: string;
  /** Tenants in the area, for representativeness figures. */
  population: number | null;
}

export interface Neighbourhood {
  id: Id;
  areaId: Id;
  name: string;
}

export interface Organisation {
  name: string;
  landlords: Landlord[];
  areas: Area[];
  neighbourhoods: Neighbourhood[];
}

const population = z
  .number()
  .int({ error: 'Use a whole number.' })
  .min(0, { error: 'Cannot be negative.' })
  .nullable()
  .optional()
  .transform((n) => n ?? null);

export const landlordInput = z.object({
  id: idSchema.optional(),
  name: requiredText('Landlord name', 120),
  shortName: z
    .string()
    .trim()
    .max(30)
    .nullable()
    .optional()
    .transform((s) => s || null),
  isPartner: z.boolean().default(true),
  homes: population,
});

export const areaInput = z.object({
  id: idSchema.optional(),
  landlordId: idSchema
    .nullable()
    .optional()
    .transform((s) => s ?? null),
  name: requiredText('Area name', 120),
  population,
});

export const neighbourhoodInput = z.object({
  id: idSchema.optional(),
  areaId: idSchema,
  name: requiredText('Neighbourhood name', 120),
});

export const organisationNameInput = z.object({ name: requiredText('Organisation name', 160) });
