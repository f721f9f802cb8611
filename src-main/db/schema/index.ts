import type { CaseTables } from './cases';
import type { CustomerTables } from './customers';
import type { FoundationTables } from './foundation';
import type { GroupsTables } from './groups';
import type { BoardPackTables } from './board-packs';

/** The whole database as Kysely sees it: each area adds its tables here. */
export interface DB
  extends FoundationTables, CustomerTables, GroupsTables, CaseTables, BoardPackTables {}

export type TableName = keyof DB;
