/**
 * The one place that decides who may do what. The main process checks these
 * before any service runs; the renderer only uses them to hide what would be
 * refused anyway.
 */
export const roles = ['officer', 'coordinator', 'team_leader', 'administrator'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  officer: 'Involvement officer',
  coordinator: 'Involvement coordinator',
  team_leader: 'Team leader',
  administrator: 'Administrator',
};

const everyone: readonly Role[] = roles;
const coordinatorsUp: readonly Role[] = ['coordinator', 'team_leader', 'administrator'];
const leadersUp: readonly Role[] = ['team_leader', 'administrator'];
const adminOnly: readonly Role[] = ['administrator'];

export const permissions = {
  'customers.read': everyone,
  'customers.write': everyone,
  'customers.delete': coordinatorsUp,
  /** Bringing a deleted customer back onto the register, by hand or from an import. */
  'customers.restore': adminOnly,
  'customers.import': coordinatorsUp,
  'customers.export': coordinatorsUp,
  /** Equality data is special category data (UK GDPR): only roles that report on it. */
  'customers.equality.read': coordinatorsUp,
  'customers.equality.write': coordinatorsUp,
  'history.read': everyone,
  'organisation.read': everyone,
  'organisation.write': adminOnly,
  'staff.manage': adminOnly,
  /** Staff credentials: only an administrator resets one, and nobody can read one. */
  'staff.resetPassphrase': adminOnly,
  'groups.read': everyone,
  'groups.write': coordinatorsUp,
  'groups.override_rules': leadersUp,
  'meetings.read': everyone,
  'meetings.write': everyone,
  /** A held meeting is evidence for the cadence and attendance figures the Boards see. */
  'meetings.delete_held': coordinatorsUp,
  'attendance.write': everyone,
  'training.read': everyone,
  'training.write': coordinatorsUp,
  /** Officers see that a case exists, not its content. */
  'cases.list': everyone,
  'cases.read': coordinatorsUp,
  'cases.write': coordinatorsUp,
  'recommendations.read': everyone,
  'recommendations.write': coordinatorsUp,
  'reviews.read': everyone,
  'reviews.write': coordinatorsUp,
  /** Officers on a review's team of staff; the service checks which review. */
  'reviews.evidence': everyone,
  'reviews.settings': leadersUp,
  'assurance.read': everyone,
  'assurance.tag': coordinatorsUp,
  'settings.write': leadersUp,
  'backup.run': leadersUp,
  'demo.load': everyone,
  /** Each person sees only the jobs they started; the job's own start call holds the real permission. */
  'jobs.read': everyone,
  /** The packs that go to the Boards, the Group Audit and Risk Committee and the Council. */
  'boardPacks.read': leadersUp,
  'boardPacks.write': leadersUp,
  /** Officers capture claims at community centres; only leaders decide them (rules/expense-workflow.ts). */
  'expenses.read': everyone,
  'expenses.write': everyone,
  'expenses.approve': leadersUp,
  /** Customers' bank details are their own data class: seen and changed by leaders only. */
  'expenses.paymentDetails': leadersUp,
  'expenses.batches': leadersUp,
  'expenses.budgets': leadersUp,
  'expenses.policy': adminOnly,
  /** Keeping in touch and the neighbourhood work: officers record visits and engagement out in the patch. */
  'community.read': everyone,
  'community.write': everyone,
  /** Mail-merge files and labels carry names and addresses, as the register's export does. */
  'community.export': coordinatorsUp,
  'community.send': coordinatorsUp,
  /** Higher-risk buildings are organisation data. */
  'community.buildings': coordinatorsUp,
  /** The rhythm of the Framework and the TARA recognition criteria. */
  'community.settings': leadersUp,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

export function permissionDeniedMessage(role: Role, permission: Permission): string {
  const allowed = (permissions[permission] as readonly Role[]).map((r) => roleLabels[r]);
  const who = roleLabels[role].toLowerCase();
  const article = /^[aeiou]/.test(who) ? 'An' : 'A';
  return `${article} ${who} cannot do this. Allowed: ${allowed.join(', ')}.`;
}
