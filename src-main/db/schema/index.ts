import type { CaseTables } from './cases';
import type { CustomerTables } from './customers';
import type { FoundationTables } from './foundation';
import type { GroupsTables } from './groups';
import type { ReviewTables } from './reviews';
import type { BoardPackTables } from './board-packs';
import type { ExpenseTables } from './expenses';
import type { CredentialTables } from './credentials';
import type { PrivacyTables } from './privacy';
import type { SyncTables } from './sync';
import type { GrantTables } from './grants';
import type { CommunityTables } from './community';

/** The whole database as Kysely sees it: each area adds its tables here. */
export interface DB
  extends
    FoundationTables,
    CustomerTables,
    GroupsTables,
    CaseTables,
    ReviewTables,
    BoardPackTables,
    ExpenseTables,
    CredentialTables,
    PrivacyTables,
    SyncTables,
    GrantTables,
    CommunityTables {}

export type TableName = keyof DB;
