import type { ReactNode } from 'react';
import type { Permission } from '../../src-shared/rules/permissions';
import { Home } from './features/start/Home';
import { CustomerList } from './features/customers/CustomerList';
import { CustomerRecord } from './features/customers/CustomerRecord';
import { EditCustomer, NewCustomer } from './features/customers/CustomerEditor';
import { DeletedCustomers } from './features/customers/DeletedCustomers';
import { CustomerImport } from './features/customer-import/CustomerImport';
import { OrganisationSettings } from './features/settings/OrganisationSettings';
import { StaffSettings } from './features/settings/StaffSettings';
import { GroupList } from './features/groups/GroupList';
import { GroupPage } from './features/groups/GroupPage';
import { GroupEditor } from './features/groups/GroupEditor';
import { ActivityPage } from './features/meetings/ActivityPage';
import { ActivityEditor } from './features/meetings/ActivityEditor';
import { SignInScreen } from './features/meetings/SignInScreen';
import { Calendar } from './features/meetings/Calendar';
import { CoursePage, TalentSchool } from './features/training/TalentSchool';
import { CaseDashboard } from './features/cases/CaseDashboard';
import { ReferralForm } from './features/cases/ReferralForm';
import { CasePage } from './features/cases/CasePage';
import { SelfAssessmentPage } from './features/cases/SelfAssessmentPage';
import { CaseSettingsPage } from './features/cases/CaseSettingsPage';
import { RecommendationsTracker } from './features/recommendations/RecommendationsTracker';
import { RecommendationPage } from './features/recommendations/RecommendationPage';
import { ReviewList } from './features/reviews/ReviewList';
import { CommissionForm } from './features/reviews/CommissionForm';
import { ReviewPage } from './features/reviews/ReviewPage';
import { ExceptionReportPage } from './features/reviews/ExceptionReportPage';
import { AssuranceMatrixPage } from './features/reviews/AssuranceMatrixPage';
import { ReviewFiguresPage } from './features/reviews/ReviewFiguresPage';
import { CommissioningPlanPage } from './features/reviews/CommissioningPlanPage';
import { YouSaidWeDidPage } from './features/reviews/YouSaidWeDidPage';
import { PoliciesPage } from './features/reviews/PoliciesPage';
import { ReviewSettingsPage } from './features/reviews/ReviewSettingsPage';
import { BoardPackList } from './features/board-packs/BoardPackList';
import { BoardPackPage } from './features/board-packs/BoardPackPage';
import { KpiTargetsPage } from './features/board-packs/KpiTargetsPage';
import { ClaimsList } from './features/expenses/ClaimsList';
import { ClaimPage } from './features/expenses/ClaimPage';
import { ClaimEditor } from './features/expenses/ClaimEditor';
import { ApprovalQueue } from './features/expenses/ApprovalQueue';
import { BatchesPage, BatchPage } from './features/expenses/BatchesPage';
import { BudgetsPage } from './features/expenses/BudgetsPage';
import { PolicySettings } from './features/expenses/PolicySettings';
import { AuditTrailPage } from './features/audit/AuditTrailPage';
import { PrivacyPage } from './features/privacy/PrivacyPage';
import { BackupSettings } from './features/settings/BackupSettings';
import { RoundsList } from './features/grants/RoundsList';
import { RoundEditor } from './features/grants/RoundEditor';
import { RoundPage } from './features/grants/RoundPage';
import { ScoringPage } from './features/grants/ScoringPage';
import { VotesPage } from './features/grants/VotesPage';
import { ApplicationEditor } from './features/grants/ApplicationEditor';
import { ApplicationPage } from './features/grants/ApplicationPage';
import { EvaluationsPage } from './features/grants/EvaluationsPage';
import { FiguresPage } from './features/grants/FiguresPage';
import { PrioritiesPage } from './features/grants/PrioritiesPage';
import { KeepingInTouchPage } from './features/community/KeepingInTouchPage';
import { MailingListPage } from './features/community/MailingListPage';
import { InvolvementMenuPage } from './features/community/InvolvementMenuPage';
import { TarasPage } from './features/community/TarasPage';
import { TaraPage } from './features/community/TaraPage';
import { ReachPage } from './features/community/ReachPage';
import { BuildingPage } from './features/community/BuildingPage';

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
  { path: '/customers/deleted', element: <DeletedCustomers />, permission: 'customers.restore' },
  { path: '/customers/:id', element: <CustomerRecord />, permission: 'customers.read' },
  { path: '/customers/:id/edit', element: <EditCustomer />, permission: 'customers.write' },
  {
    path: '/calendar',
    element: <Calendar />,
    nav: { label: 'Calendar', section: 'Work' },
    permission: 'meetings.read',
  },
  {
    path: '/groups',
    element: <GroupList />,
    nav: { label: 'Groups', section: 'Register' },
    permission: 'groups.read',
  },
  { path: '/groups/new', element: <GroupEditor />, permission: 'groups.write' },
  { path: '/groups/:id', element: <GroupPage />, permission: 'groups.read' },
  { path: '/groups/:id/edit', element: <GroupEditor />, permission: 'groups.write' },
  { path: '/activities/new', element: <ActivityEditor />, permission: 'meetings.write' },
  { path: '/activities/:id', element: <ActivityPage />, permission: 'meetings.read' },
  { path: '/activities/:id/edit', element: <ActivityEditor />, permission: 'meetings.write' },
  { path: '/activities/:id/sign-in', element: <SignInScreen />, permission: 'attendance.write' },
  {
    path: '/training',
    element: <TalentSchool />,
    nav: { label: 'Talent School', section: 'Register' },
    permission: 'training.read',
  },
  { path: '/training/:id', element: <CoursePage />, permission: 'training.read' },
  {
    path: '/settings/organisation',
    element: <OrganisationSettings />,
    nav: { label: 'Organisation', section: 'Settings' },
  },
  {
    path: '/settings/staff',
    element: <StaffSettings />,
    nav: { label: 'Staff profiles', section: 'Settings' },
  },
  {
    path: '/cases',
    element: <CaseDashboard />,
    nav: { label: 'Complaint panel', section: 'Cases' },
    permission: 'cases.list',
  },
  { path: '/cases/new', element: <ReferralForm />, permission: 'cases.write' },
  { path: '/cases/self-assessment', element: <SelfAssessmentPage />, permission: 'cases.read' },
  // Officers may see that a case exists: the page itself says what they can see.
  { path: '/cases/:id', element: <CasePage />, permission: 'cases.list' },
  {
    path: '/recommendations',
    element: <RecommendationsTracker />,
    nav: { label: 'Recommendations', section: 'Cases' },
    permission: 'recommendations.read',
  },
  {
    path: '/recommendations/:id',
    element: <RecommendationPage />,
    permission: 'recommendations.read',
  },
  {
    path: '/reviews',
    element: <ReviewList />,
    nav: { label: 'Scrutiny reviews', section: 'Cases' },
    permission: 'reviews.read',
  },
  { path: '/reviews/new', element: <CommissionForm />, permission: 'reviews.write' },
  { path: '/reviews/exceptions', element: <ExceptionReportPage />, permission: 'reviews.read' },
  { path: '/reviews/figures', element: <ReviewFiguresPage />, permission: 'reviews.read' },
  { path: '/policies', element: <PoliciesPage />, permission: 'reviews.read' },
  { path: '/reviews/plan', element: <CommissioningPlanPage />, permission: 'reviews.read' },
  { path: '/reviews/:id', element: <ReviewPage />, permission: 'reviews.read' },
  {
    path: '/you-said-we-did',
    element: <YouSaidWeDidPage />,
    nav: { label: 'You said, we did', section: 'Reports' },
    permission: 'reviews.read',
  },
  {
    path: '/settings/reviews',
    element: <ReviewSettingsPage />,
    nav: { label: 'Review settings', section: 'Settings' },
    permission: 'reviews.read',
  },
  {
    path: '/assurance',
    element: <AssuranceMatrixPage />,
    nav: { label: 'Assurance matrix', section: 'Reports' },
    permission: 'assurance.read',
  },
  {
    path: '/board-packs',
    element: <BoardPackList />,
    nav: { label: 'Board packs', section: 'Reports' },
    permission: 'boardPacks.read',
  },
  { path: '/board-packs/:id', element: <BoardPackPage />, permission: 'boardPacks.read' },
  {
    path: '/settings/kpi-targets',
    element: <KpiTargetsPage />,
    nav: { label: 'KPI targets', section: 'Settings' },
    permission: 'boardPacks.read',
  },
  {
    path: '/expenses',
    element: <ClaimsList />,
    nav: { label: 'Expenses', section: 'Work' },
    permission: 'expenses.read',
  },
  { path: '/expenses/new', element: <ClaimEditor />, permission: 'expenses.write' },
  {
    path: '/approvals/expenses',
    element: <ApprovalQueue />,
    nav: { label: 'Expenses approval', section: 'Work' },
    permission: 'expenses.approve',
  },
  { path: '/expenses/claims/:id', element: <ClaimPage />, permission: 'expenses.read' },
  { path: '/expenses/claims/:id/edit', element: <ClaimEditor />, permission: 'expenses.write' },
  { path: '/expenses/batches', element: <BatchesPage />, permission: 'expenses.batches' },
  { path: '/expenses/batches/:id', element: <BatchPage />, permission: 'expenses.batches' },
  { path: '/expenses/budgets', element: <BudgetsPage />, permission: 'expenses.read' },
  {
    path: '/settings/expenses',
    element: <PolicySettings />,
    nav: { label: 'Expenses policy', section: 'Settings' },
    permission: 'expenses.read',
  },
  {
    path: '/settings/cases',
    element: <CaseSettingsPage />,
    nav: { label: 'Complaint panel settings', section: 'Settings' },
    permission: 'cases.read',
  },
  {
    path: '/settings/audit',
    element: <AuditTrailPage />,
    nav: { label: 'Audit trail', section: 'Settings' },
    permission: 'audit.read',
  },
  {
    path: '/settings/privacy',
    element: <PrivacyPage />,
    nav: { label: 'Retention and requests', section: 'Settings' },
    permission: 'privacy.read',
  },
  {
    path: '/settings/backups',
    element: <BackupSettings />,
    nav: { label: 'Backups', section: 'Settings' },
    permission: 'backups.manage',
  },
  {
    path: '/grants',
    element: <RoundsList />,
    nav: { label: 'Community Fund', section: 'Work' },
    permission: 'grants.read',
  },
  { path: '/grants/rounds/new', element: <RoundEditor />, permission: 'grants.rounds' },
  { path: '/grants/rounds/:id', element: <RoundPage />, permission: 'grants.read' },
  { path: '/grants/rounds/:id/edit', element: <RoundEditor />, permission: 'grants.rounds' },
  { path: '/grants/rounds/:id/scoring', element: <ScoringPage />, permission: 'grants.read' },
  { path: '/grants/rounds/:id/votes', element: <VotesPage />, permission: 'grants.read' },
  { path: '/grants/applications/new', element: <ApplicationEditor />, permission: 'grants.write' },
  { path: '/grants/applications/:id', element: <ApplicationPage />, permission: 'grants.read' },
  {
    path: '/grants/applications/:id/edit',
    element: <ApplicationEditor />,
    permission: 'grants.write',
  },
  {
    path: '/grants/evaluations',
    element: <EvaluationsPage />,
    nav: { label: 'Fund evaluations due', section: 'Work' },
    permission: 'grants.read',
  },
  {
    path: '/grants/figures',
    element: <FiguresPage />,
    nav: { label: 'Fund figures', section: 'Reports' },
    permission: 'grants.read',
  },
  {
    path: '/grants/priorities',
    element: <PrioritiesPage />,
    nav: { label: 'Fund priorities', section: 'Settings' },
    permission: 'grants.read',
  },
  {
    path: '/keeping-in-touch',
    element: <KeepingInTouchPage />,
    nav: { label: 'Keeping in touch', section: 'Work' },
    permission: 'community.read',
  },
  { path: '/mailing-lists/new', element: <MailingListPage />, permission: 'community.write' },
  { path: '/mailing-lists/:id', element: <MailingListPage />, permission: 'community.read' },
  {
    path: '/involvement-menu',
    element: <InvolvementMenuPage />,
    nav: { label: 'Involvement menu', section: 'Register' },
    permission: 'community.read',
  },
  {
    path: '/taras',
    element: <TarasPage />,
    nav: { label: 'Resident associations', section: 'Register' },
    permission: 'community.read',
  },
  { path: '/taras/new', element: <TaraPage />, permission: 'community.write' },
  { path: '/taras/:id', element: <TaraPage />, permission: 'community.read' },
  {
    path: '/dispersed-and-buildings',
    element: <ReachPage />,
    nav: { label: 'Dispersed and buildings', section: 'Work' },
    permission: 'community.read',
  },
  { path: '/buildings/new', element: <BuildingPage />, permission: 'community.buildings' },
  { path: '/buildings/:id', element: <BuildingPage />, permission: 'community.read' },
];
