import type { ReactNode } from 'react';
import type { Permission } from '../../src-shared/rules/permissions';
import { Home } from './features/start/Home';
import { CustomerList } from './features/customers/CustomerList';
import { CustomerRecord } from './features/customers/CustomerRecord';
import { EditCustomer, NewCustomer } from './features/customers/CustomerEditor';
import { CustomerImport } from './features/customer-import/CustomerImport';
import { OrganisationSettings } from './features/settings/OrganisationSettings';
import { StaffSettings } from './features/settings/StaffSettings';

export interface AppRoute {
  path: string;
  element: ReactNode;
  /** Shown in the side navigation when set, in this order. */
  nav?: { label: string; section: 'Work' | 'Register' | 'Cases' | 'Reports' | 'Settings' };
  /** Hides the nav entry from roles that would be refused anyway. */
  permission?: Permission;
}

/** Every screen of the app: add a screen here. */
export const routes: AppRoute[] = [
  { path: '/', element: <Home />, nav: { label: 'Home', section: 'Work' } },
  {
    path: '/customers',
    element: <CustomerList />,
    nav: { label: 'Customers', section: 'Register' },
    permission: 'customers.read',
  },
  { path: '/customers/new', element: <NewCustomer />, permission: 'customers.write' },
  { path: '/customers/import', element: <CustomerImport />, permission: 'customers.import' },
  { path: '/customers/:id', element: <CustomerRecord />, permission: 'customers.read' },
  { path: '/customers/:id/edit', element: <EditCustomer />, permission: 'customers.write' },
  { path: '/settings/organisation', element: <OrganisationSettings />, nav: { label: 'Organisation', section: 'Settings' } },
  { path: '/settings/staff', element: <StaffSettings />, nav: { label: 'Staff profiles', section: 'Settings' } },
];
