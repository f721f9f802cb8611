import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { foundation } from './0001-foundation';
import { customers } from './0002-customers';
import { groups } from './0003-groups';
import { cases } from './0004-cases';
import { selfAssessmentEvidence } from './0005-self-assessment-evidence';
import { caseCorrections } from './0006-case-corrections';
import { reviews } from './0007-reviews';
import { tenYearIndexes } from './0008-ten-year-indexes';
import { boardPacks } from './0009-board-packs';
import { consultationOutcomes } from './0010-consultation-outcomes';
import { appendOnlyChangeLog } from './0011-append-only-change-log';
import { expenses } from './0012-expenses';
import { staffPassphrases } from './0013-staff-passphrases';
import { policyRegister } from './0014-policy-register';
import { privacy } from './0015-privacy';
import { sync } from './0016-sync';
import { communityFund } from './0017-community-fund';
import { communityLocal } from './0018-community-local';
import { boardPackFigureIndexes } from './0019-board-pack-figure-indexes';
import { searchIndex } from './0020-search-index';

export interface Migration {
  name: string;
  /** Runs inside the one transaction that takes the database to the latest version. */
  up(db: BetterSqlite3.Database): void;
}

/**
 * Every migration, in order: version n is `migrations[n - 1]`. A static list,
 * so the bundle never reads migration files from disk. Append only: a
 * released migration is never edited.
 */
export const migrations: readonly Migration[] = [
  foundation,
  customers,
  groups,
  cases,
  selfAssessmentEvidence,
  caseCorrections,
  reviews,
  tenYearIndexes,
  boardPacks,
  consultationOutcomes,
  appendOnlyChangeLog,
  expenses,
  staffPassphrases,
  policyRegister,
  privacy,
  sync,
  communityFund,
  communityLocal,
  boardPackFigureIndexes,
  searchIndex,
];

export const latestVersion = migrations.length;
