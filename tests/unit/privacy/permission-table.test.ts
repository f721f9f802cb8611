import { describe, expect, it } from 'vitest';
import {
  can,
  dataAccess,
  dataActions,
  dataClasses,
  dataClassPermissions,
  dataPermission,
  mayHandle,
  permissions,
  roles,
  type DataAction,
  type DataClass,
  type Permission,
  type Role,
} from '../../../src-shared/rules/permissions';

/**
 * The policy as agreed, written out cell by cell: who may read, change and
 * export each data class. The table in the app must say exactly this.
 */
const agreed: Record<DataClass, Record<DataAction, Role[]>> = {
  equality: {
    read: ['coordinator', 'team_leader', 'administrator'],
    write: ['coordinator', 'team_leader', 'administrator'],
    export: ['coordinator', 'team_leader', 'administrator'],
  },
  case_content: {
    read: ['coordinator', 'team_leader', 'administrator'],
    write: ['coordinator', 'team_leader', 'administrator'],
    export: ['coordinator', 'team_leader', 'administrator'],
  },
  payment_details: {
    read: ['team_leader', 'administrator'],
    write: ['team_leader', 'administrator'],
    export: ['team_leader', 'administrator'],
  },
  staff_credentials: { read: [], write: ['administrator'], export: [] },
};

describe('the permission table, role × action × data class', () => {
  const cells = roles.flatMap((role) =>
    dataActions.flatMap((action) => dataClasses.map((cls) => ({ role, action, cls }))),
  );

  it('has every cell: 4 roles × 3 actions × 4 classes', () => {
    expect(cells).toHaveLength(48);
    expect(Object.keys(dataAccess).sort()).toEqual([...dataClasses].sort());
  });

  it.each(cells)('$role may $action $cls as agreed', ({ role, action, cls }) => {
    expect(mayHandle(role, action, cls)).toBe(agreed[cls][action].includes(role));
  });

  it('reads each class permission from its cell of the table, for every role', () => {
    for (const [permission, [cls, action]] of Object.entries(dataClassPermissions)) {
      for (const role of roles)
        expect(can(role, permission as Permission), `${role} ${permission}`).toBe(
          mayHandle(role, action, cls),
        );
      expect(dataPermission(cls, action)).toBe(permission);
    }
  });

  it('names one permission for every class and action the app acts on', () => {
    for (const cls of dataClasses)
      for (const action of dataActions) {
        const permission = dataPermission(cls, action);
        // Credentials are never read or exported, so nothing asks.
        if (cls === 'staff_credentials' && action !== 'write') expect(permission).toBeNull();
        else expect(permission, `${cls} ${action}`).not.toBeNull();
      }
  });

  it('never lets a role export what it may not read, nor read a credential', () => {
    for (const role of roles) {
      for (const cls of dataClasses)
        if (mayHandle(role, 'export', cls)) expect(mayHandle(role, 'read', cls)).toBe(true);
      expect(mayHandle(role, 'read', 'staff_credentials')).toBe(false);
    }
  });

  it('keeps the audit screen, retention and subject access to the administrator', () => {
    for (const p of ['audit.read', 'privacy.read', 'privacy.manage'] as const)
      expect(permissions[p]).toEqual(['administrator']);
  });

  it('names only known roles in every permission', () => {
    for (const [name, allowed] of Object.entries(permissions))
      for (const role of allowed) expect(roles, name).toContain(role);
  });
});
