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
const nobody: readonly Role[] = [];

/**
 * Data that needs more than the action's own permission: special category
 * data and secrets. Each is decided here per role and per action; the
 * permissions below that guard them are read from this table, never written
 * out again, so one edit here moves every screen, history view and export.
 */
export const dataClasses = [
  /** Equality monitoring answers, health and disability included (UK GDPR special category). */
  'equality',
  /** What a complaint to the Designated Complaints Panel is about, who made it and its papers. */
  'case_content',
  /** A customer's bank details for expenses. */
  'payment_details',
  /** Staff passphrase hashes, salts and their parameters. */
  'staff_credentials',
] as const;
export type DataClass = (typeof dataClasses)[number];

export const dataActions = ['read', 'write', 'export'] as const;
export type DataAction = (typeof dataActions)[number];

export const dataClassLabels: Record<DataClass, string> = {
  equality: 'Equality, health and disability data',
  case_content: 'Complaint case content',
  payment_details: 'Expense payment details',
  staff_credentials: 'Staff credentials',
};

export const dataAccess = {
  equality: { read: coordinatorsUp, write: coordinatorsUp, export: coordinatorsUp },
  // Officers see that a case exists (its reference, status and dates), not its content.
  case_content: { read: coordinatorsUp, write: coordinatorsUp, export: coordinatorsUp },
  payment_details: { read: leadersUp, write: leadersUp, export: leadersUp },
  // Nobody reads or exports a credential; only an administrator resets one.
  staff_credentials: { read: nobody, write: adminOnly, export: nobody },
} as const satisfies Record<DataClass, Record<DataAction, readonly Role[]>>;

export function mayHandle(role: Role, action: DataAction, dataClass: DataClass): boolean {
  return (dataAccess[dataClass][action] as readonly Role[]).includes(role);
}

export const permissions = {
  'customers.read': everyone,
  'customers.write': everyone,
  'customers.delete': coordinatorsUp,
  /** Bringing a deleted customer back onto the register, by hand or from an import. */
  'customers.restore': adminOnly,
  'customers.import': coordinatorsUp,
  'customers.export': coordinatorsUp,
  /** Equality data is special category data (UK GDPR): only roles that report on it. */
  'customers.equality.read': dataAccess.equality.read,
  'customers.equality.write': dataAccess.equality.write,
  /** The register's workbook with its equality columns. */
  'customers.equality.export': dataAccess.equality.export,
  'history.read': everyone,
  'organisation.read': everyone,
  'organisation.write': adminOnly,
  'staff.manage': adminOnly,
  /** Staff credentials: only an administrator resets one, and nobody can read one. */
  'staff.resetPassphrase': dataAccess.staff_credentials.write,
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
  'cases.read': dataAccess.case_content.read,
  'cases.write': dataAccess.case_content.write,
  /** Case letters and the self-assessment's case evidence, as files. */
  'cases.export': dataAccess.case_content.export,
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
  'expenses.paymentDetails': dataAccess.payment_details.read,
  'expenses.paymentDetails.write': dataAccess.payment_details.write,
  /** The payment batch for finance carries the bank details in full. */
  'expenses.paymentDetails.export': dataAccess.payment_details.export,
  'expenses.batches': leadersUp,
  'expenses.budgets': leadersUp,
  'expenses.policy': adminOnly,
  /** The audit screen: who read, exported or changed what. */
  'audit.read': adminOnly,
  /** The retention schedule, erasure and subject access: the data controller's duties. */
  'privacy.read': adminOnly,
  'privacy.manage': adminOnly,
  /** The backup folder, the list of backups and restoring one: the database as a whole. */
  'backups.manage': adminOnly,
  /** Sync between installs: everyone sees the status and syncs; conflicts and merges of people need a coordinator. */
  'sync.read': everyone,
  'sync.run': everyone,
  'sync.resolve': coordinatorsUp,
  'sync.duplicates': coordinatorsUp,
  'sync.configure': leadersUp,
  /** Making a team's folder creates its key: administrators only. */
  'sync.createTeam': adminOnly,
  /*
   * The Community Fund and participatory budgeting. Officers run the fund day
   * to day out in the neighbourhoods: they take applications, check them,
   * enter the panel's score sheets and the vote tallies, and record the
   * evaluations, so they record. Setting up a round commits the fund's
   * money, so coordinators and up. The award and every payment are money
   * leaving the landlord: the team leader decides and pays, as with expenses,
   * and the Board's priorities are the team leader's to keep up to date.
   */
  'grants.read': everyone,
  'grants.write': everyone,
  'grants.rounds': coordinatorsUp,
  'grants.priorities': leadersUp,
  'grants.decide': leadersUp,
  'grants.pay': leadersUp,
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

/**
 * The permissions that stand for a data class, so a test can prove each
 * reads its class's row of the table and nothing else.
 */
export const dataClassPermissions = {
  'customers.equality.read': ['equality', 'read'],
  'customers.equality.write': ['equality', 'write'],
  'customers.equality.export': ['equality', 'export'],
  'cases.read': ['case_content', 'read'],
  'cases.write': ['case_content', 'write'],
  'cases.export': ['case_content', 'export'],
  'expenses.paymentDetails': ['payment_details', 'read'],
  'expenses.paymentDetails.write': ['payment_details', 'write'],
  'expenses.paymentDetails.export': ['payment_details', 'export'],
  'staff.resetPassphrase': ['staff_credentials', 'write'],
} as const satisfies Partial<Record<Permission, readonly [DataClass, DataAction]>>;

/** The permission that decides `action` on `dataClass`, where the app has one. */
export function dataPermission(dataClass: DataClass, action: DataAction): Permission | null {
  for (const [permission, [c, a]] of Object.entries(dataClassPermissions))
    if (c === dataClass && a === action) return permission as Permission;
  return null;
}

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

export function permissionDeniedMessage(role: Role, permission: Permission): string {
  const allowed = (permissions[permission] as readonly Role[]).map((r) => roleLabels[r]);
  const who = roleLabels[role].toLowerCase();
  const article = /^[aeiou]/.test(who) ? 'An' : 'A';
  return `${article} ${who} cannot do this. Allowed: ${allowed.join(', ')}.`;
}
