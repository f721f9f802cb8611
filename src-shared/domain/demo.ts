/** What the demo data creates, by kind, with the words the screens use for each. */
const demoKinds = {
  landlords: ['landlord', 'landlords'],
  areas: ['area', 'areas'],
  customers: ['customer', 'customers'],
  groups: ['group', 'groups'],
  memberships: ['group membership', 'group memberships'],
  activities: ['activity', 'activities'],
  attendance: ['attendance record', 'attendance records'],
  courses: ['Talent School course', 'Talent School courses'],
  complaintCases: ['complaint panel case', 'complaint panel cases'],
  recommendations: ['recommendation', 'recommendations'],
  reviews: ['scrutiny review', 'scrutiny reviews'],
  policies: ['policy', 'policies'],
  grantApplications: ['fund application', 'fund applications'],
} as const satisfies Record<string, readonly [string, string]>;

export type DemoKind = keyof typeof demoKinds;

/** How many records of each kind the demo created, e.g. `{ customers: 300 }`. */
export type DemoCounts = Partial<Record<DemoKind, number>>;

/** "300 customers, 1 landlord, 8 complaint panel cases", in the order the kinds are listed. */
export function describeDemoCounts(counts: DemoCounts): string {
  return (Object.keys(demoKinds) as DemoKind[])
    .filter((kind) => counts[kind] !== undefined)
    .map((kind) => {
      const n = counts[kind]!;
      const [one, many] = demoKinds[kind];
      return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
    })
    .join(', ');
}
