import type { CustomerTables } from './customers';
import type { FoundationTables } from './foundation';

/** The whole database as Kysely sees it: each area adds its tables here. */
export interface DB extends FoundationTables, CustomerTables {}

export type TableName = keyof DB;
