import { createContext, useContext } from 'react';
import type { SessionState } from '../../src-shared/api/foundation';
import { can, type Permission } from '../../src-shared/rules/permissions';

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside the signed-in app.');
  return session;
}

/** For hiding what the main process would refuse anyway; never the only check. */
export function useCan(permission: Permission): boolean {
  const staff = useSession().staff;
  return staff !== null && can(staff.role, permission);
}
