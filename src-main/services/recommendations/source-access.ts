import type { Kysely } from 'kysely';
import type { Permission } from '../../../src-shared/rules/permissions';
import {
  recommendationReadPermission,
  type RecommendationSource,
} from '../../../src-shared/rules/recommendations';
import type { DB } from '../../db/schema';

/*
 * Which permission reading one recommendation (or one of its steps or
 * progress notes) needs, from the recommendation's source. Deleted records
 * count too: their history stays as closed as they were. A record that
 * cannot be traced to a source gets the strictest answer.
 */

const strictest: Permission = recommendationReadPermission.complaint_case;

function permissionFor(sourceType: string | undefined): Permission {
  return sourceType && sourceType in recommendationReadPermission
    ? recommendationReadPermission[sourceType as RecommendationSource]
    : strictest;
}

export async function recommendationPermission(db: Kysely<DB>, id: string): Promise<Permission> {
  const row = await db
    .selectFrom('recommendations')
    .select('source_type')
    .where('id', '=', id)
    .executeTakeFirst();
  return permissionFor(row?.source_type);
}

export async function recommendationChildPermission(
  db: Kysely<DB>,
  table: 'recommendation_steps' | 'recommendation_updates',
  id: string,
): Promise<Permission> {
  const child = await db
    .selectFrom(table)
    .select('recommendation_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return child ? recommendationPermission(db, child.recommendation_id) : strictest;
}
