/** The groups list's address for a filter, as GroupList reads it back. */
export const RULE_PROBLEMS_PARAM = 'rules';

export function groupListLink(filter: { ruleProblems?: boolean }): string {
  return filter.ruleProblems ? `/groups?${RULE_PROBLEMS_PARAM}=broken` : '/groups';
}
