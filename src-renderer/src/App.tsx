import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Route, Routes, useLocation } from 'react-router';
import {
  can,
  permissionDeniedMessage,
  roleLabels,
  type Permission,
  type Role,
} from '../../src-shared/rules/permissions';
import { useApiMutation, useApiQuery } from './api/hooks';
import { Loading, Notice, PageHeader } from './components/PageHeader';
import { useConfirmDiscard } from './components/UnsavedChanges';
import { FirstRun } from './features/start/FirstRun';
import { LockScreen } from './features/start/LockScreen';
import { useIdleActivity } from './features/start/idle-activity';
import { ProfilePicker } from './features/start/ProfilePicker';
import { SessionContext } from './session';
import { routes, type AppRoute } from './routes';

const sections: NonNullable<AppRoute['nav']>['section'][] = [
  'Work',
  'Register',
  'Cases',
  'Reports',
  'Settings',
];

/** How often the window asks whether the backend has locked it for idleness. */
const LOCK_CHECK_MS = 30_000;

export function App() {
  const session = useApiQuery('session.state', {}, { refetchInterval: LOCK_CHECK_MS });
  if (session.isPending) return <Loading what="Opening Involvement Desk" />;
  if (session.error && !session.data) {
    return (
      <main className="centred">
        <Notice tone="error">{session.error.message}</Notice>
      </main>
    );
  }
  const state = session.data;
  if (state.firstRun) return <FirstRun />;
  if (!state.staff) return <ProfilePicker />;
  return (
    <SessionContext.Provider value={state}>
      {/* Hidden, not removed, while locked: what was half-typed is there after unlocking. */}
      <Shell locked={state.locked} />
      {state.locked ? <LockScreen staff={state.staff} idleMinutes={state.idleMinutes} /> : null}
    </SessionContext.Provider>
  );
}

const MENU_KEY = 'involvement-desk.menu';

/** Whether the side menu is open, remembered on this computer between sessions. */
function useMenuOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => {
    try {
      return localStorage.getItem(MENU_KEY) !== 'closed';
    } catch {
      return true;
    }
  });
  const set = (next: boolean) => {
    setOpen(next);
    try {
      localStorage.setItem(MENU_KEY, next ? 'open' : 'closed');
    } catch {
      // Storage refused (a locked-down profile): the choice lasts for this window only.
    }
  };
  return [open, set];
}

function Shell({ locked }: { locked: boolean }) {
  const session = useApiQuery('session.state', {});
  useIdleActivity(locked);
  const signOut = useApiMutation('session.signOut');
  const confirmDiscard = useConfirmDiscard();
  const main = useRef<HTMLElement>(null);
  const location = useLocation();
  const staff = session.data!.staff!;
  const [menuOpen, setMenuOpen] = useMenuOpen();

  // Moving to a new screen puts focus on its content, as a page load would.
  useEffect(() => {
    main.current?.focus();
  }, [location.pathname]);

  const visible = routes.filter((r) => r.nav && (!r.permission || can(staff.role, r.permission)));
  return (
    <div className={menuOpen ? 'shell' : 'shell shell--menu-closed'} hidden={locked}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => (e.preventDefault(), main.current?.focus())}
      >
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        {/* A narrow window gives the screen more room with the menu folded away. */}
        <button
          type="button"
          className="sidebar__toggle"
          aria-expanded={menuOpen}
          aria-controls="sidebar-menu"
          aria-label={menuOpen ? 'Hide the menu' : 'Show the menu'}
          title={menuOpen ? 'Hide the menu' : 'Show the menu'}
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <span aria-hidden="true">{menuOpen ? '«' : '☰'}</span>
        </button>
        <div id="sidebar-menu" className="sidebar__menu" hidden={!menuOpen}>
          <p className="sidebar__brand">Involvement Desk</p>
          <p className="sidebar__org">
            {session.data!.organisationName ?? 'No organisation set up'}
          </p>
          {sections.map((section) => {
            const items = visible.filter((r) => r.nav!.section === section);
            if (items.length === 0) return null;
            return (
              <div key={section} className="sidebar__section">
                <h2 className="sidebar__heading">{section}</h2>
                <ul>
                  {items.map((r) => (
                    <li key={r.path}>
                      <NavLink to={r.path} end={r.path === '/'} className="sidebar__link">
                        {r.nav!.label}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          <div className="sidebar__profile">
            <p>
              <strong>{staff.name}</strong>
              <br />
              {roleLabels[staff.role]}
            </p>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => void confirmDiscard().then((ok) => ok && signOut.mutate({}))}
            >
              Switch profile
            </button>
          </div>
        </div>
      </nav>
      <main id="main" ref={main} tabIndex={-1} className="content">
        <DatabaseHealthNotice />
        <Routes>
          {routes.map((r) => (
            <Route
              key={r.path}
              path={r.path}
              element={
                !r.permission || can(staff.role, r.permission) ? (
                  r.element
                ) : (
                  <NoAccess role={staff.role} permission={r.permission} />
                )
              }
            />
          ))}
          <Route path="*" element={<Notice tone="warning">That page does not exist.</Notice>} />
        </Routes>
      </main>
    </div>
  );
}

/** Shown on every screen once the background integrity check finds the file damaged. */
function DatabaseHealthNotice() {
  const health = useApiQuery('system.health', {}, { refetchInterval: 60_000 });
  if (health.data?.state !== 'damaged') return null;
  return <Notice tone="error">{health.data.message}</Notice>;
}

/**
 * A screen the role may not use, reached by its address rather than the menu.
 * The main process refuses its data anyway; this says why, in words.
 */
function NoAccess({ role, permission }: { role: Role; permission: Permission }) {
  return (
    <>
      <PageHeader title="Not available to your role" />
      <Notice tone="warning">{permissionDeniedMessage(role, permission)}</Notice>
      <p>
        <Link to="/">Back to Home</Link>
      </p>
    </>
  );
}
