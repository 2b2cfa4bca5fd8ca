import {
  AccountBookOutlined,
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  ScanOutlined,
  BellOutlined,
  BorderOuterOutlined,
  BulbOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  FileSyncOutlined,
  FlagOutlined,
  GlobalOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  MessageOutlined,
  OrderedListOutlined,
  ProjectOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SendOutlined,
  ShopOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me } from '../kernel/api';
import type { MessageKey } from '../messages';
import { ActivitiesPage } from './activities/ActivitiesPage';
import { AllianceSettingsPage } from './alliance/AllianceSettingsPage';
import { FeedbackPage } from './activities/FeedbackPage';
import { ScanPage } from './activities/ScanPage';
import { MyServicePage } from './activities/MyServicePage';
import { AuditPage } from './audit/AuditPage';
import { CensusPage } from './census/CensusPage';
import { CommitmentsPage, MyCommitmentsPage, PublicReportsPage } from './commitments/CommitmentsPage';
import { EvaluationPage } from './evaluation/EvaluationPage';
import { HomePage } from './home/HomePage';
import { HomeboundPage } from './homestudy/HomeboundPage';
import { MyDeliveriesPage } from './homestudy/MyDeliveriesPage';
import { GridsPage } from './grids/GridsPage';
import { VisitPage } from './grids/VisitPage';
import { MeetingsPage } from './meetings/MeetingsPage';
import { MyTasksPage } from './meetings/MyTasksPage';
import { MyNeedsPage } from './needs/MyNeedsPage';
import { PushedTasksPage } from './pushedtasks/PushedTasksPage';
import { ReceptionPage } from './reception/ReceptionPage';
import { CampaignsPage, MyAreaPage } from './campaigns/CampaignsPage';
import { BroadcastPage } from './broadcast/BroadcastPage';
import { JobsPage } from './broadcast/JobsPage';
import { MessagesPage } from './broadcast/MessagesPage';
import { NeedsPage } from './needs/NeedsPage';
import { WishPoolPage } from './needs/WishPoolPage';
import { ListsPage } from './projects/ListsPage';
import { ProjectsPage } from './projects/ProjectsPage';
import { CoveragePage } from './orgs/CoveragePage';
import { OrgsPage } from './orgs/OrgsPage';
import { MyFilePage } from './people/MyFilePage';
import { FundsPage } from './funds/FundsPage';
import { OwnersFundsPage } from './funds/OwnersFundsPage';
import { MyPostsPage } from './posts/MyPostsPage';
import { PostsPage } from './posts/PostsPage';
import { PeoplePage } from './people/PeoplePage';
import { ADMIN_ROLES, holds, isLiaison, isPersonal, isStaff } from '../kernel/roles';
import { TalentsPage } from './people/TalentsPage';
import { MyApplicationPage } from './recruitment/MyApplicationPage';
import { RecruitmentPage } from './recruitment/RecruitmentPage';
import { ReportInsPage } from './reportins/ReportInsPage';
import { TransfersPage } from './transfers/TransfersPage';
import { ResourcesPage } from './resources/ResourcesPage';
import { VenuesPage } from './resources/VenuesPage';
import { StatisticsPage } from './statistics/StatisticsPage';
import { UsersPage } from './users/UsersPage';
import { WorkReportsPage } from './workreports/WorkReportsPage';

export interface ModuleEntry {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  page: ReactNode;
  /** Whether the user sees the module at all; the server still checks every request. */
  visible?: (me: Me) => boolean;
}

/** The modules of the shell, in menu order; the router and the side menu both read this. */
export const MODULES: ModuleEntry[] = [
  { key: 'home', path: '/', label: 'menu.home', icon: <HomeOutlined />, page: <HomePage /> },
  { key: 'messages', path: '/messages', label: 'broadcast.messagesMenu', icon: <BellOutlined />, page: <MessagesPage /> },
  { key: 'orgs', path: '/orgs', label: 'menu.orgs', icon: <ApartmentOutlined />, page: <OrgsPage /> },
  { key: 'statistics', path: '/statistics', label: 'statistics.menu', icon: <BarChartOutlined />, page: <StatisticsPage />, visible: isStaff },
  { key: 'coverage', path: '/coverage', label: 'menu.coverage', icon: <AimOutlined />, page: <CoveragePage />, visible: (me) => me.can.manageOrgs },
  { key: 'grids', path: '/grids', label: 'grids.menu', icon: <BorderOuterOutlined />, page: <GridsPage />, visible: isStaff },
  { key: 'visits', path: '/visits', label: 'grids.visitMenu', icon: <SolutionOutlined />, page: <VisitPage />, visible: isStaff },
  { key: 'people', path: '/people', label: 'menu.people', icon: <TeamOutlined />, page: <PeoplePage />, visible: (me) => !isPersonal(me) },
  { key: 'myfile', path: '/me', label: 'people.myFile', icon: <IdcardOutlined />, page: <MyFilePage />, visible: isPersonal },
  { key: 'myapplication', path: '/me/application', label: 'recruitment.mine', icon: <FlagOutlined />, page: <MyApplicationPage />, visible: isPersonal },
  { key: 'reportins', path: '/report-ins', label: 'reportins.menu', icon: <SendOutlined />, page: <ReportInsPage />, visible: (me) => isLiaison(me) || holds(me, [...ADMIN_ROLES, 'member']) },
  { key: 'transfers', path: '/transfers', label: 'transfers.menu', icon: <SwapOutlined />, page: <TransfersPage />, visible: (me) => isStaff(me) || holds(me, ['member']) },
  { key: 'recruitment', path: '/recruitment', label: 'recruitment.menu', icon: <FlagOutlined />, page: <RecruitmentPage />, visible: isStaff },
  { key: 'talents', path: '/talents', label: 'people.talents', icon: <BulbOutlined />, page: <TalentsPage />, visible: isStaff },
  { key: 'needs', path: '/needs', label: 'needs.menu', icon: <SolutionOutlined />, page: <NeedsPage />, visible: (me) => me.grants.some((g) => g.role !== 'member' && g.role !== 'resident') },
  { key: 'posts', path: '/posts', label: 'posts.menu', icon: <CarryOutOutlined />, page: <PostsPage />, visible: isStaff },
  { key: 'meetings', path: '/meetings', label: 'meetings.menu', icon: <ScheduleOutlined />, page: <MeetingsPage />, visible: (me) => holds(me, ADMIN_ROLES) },
  { key: 'my-tasks', path: '/my-tasks', label: 'meetings.myMenu', icon: <ScheduleOutlined />, page: <MyTasksPage />, visible: (me) => isLiaison(me) || isStaff(me) || holds(me, ['member']) },
  { key: 'broadcast', path: '/broadcast', label: 'broadcast.menu', icon: <MessageOutlined />, page: <BroadcastPage />, visible: isStaff },
  { key: 'jobs', path: '/jobs', label: 'broadcast.jobsMenu', icon: <ScheduleOutlined />, page: <JobsPage />, visible: (me) => holds(me, ['district_admin']) },
  { key: 'reception', path: '/reception', label: 'reception.menu', icon: <MessageOutlined />, page: <ReceptionPage />, visible: isStaff },
  { key: 'homestudy', path: '/homestudy', label: 'homestudy.staffMenu', icon: <ReadOutlined />, page: <HomeboundPage />, visible: isStaff },
  { key: 'my-deliveries', path: '/my-deliveries', label: 'homestudy.menu', icon: <ReadOutlined />, page: <MyDeliveriesPage />, visible: (me) => holds(me, ['member']) },
  { key: 'campaigns', path: '/campaigns', label: 'campaigns.menu', icon: <AimOutlined />, page: <CampaignsPage />, visible: (me) => holds(me, ADMIN_ROLES) },
  { key: 'my-area', path: '/my-area', label: 'campaigns.mine', icon: <AimOutlined />, page: <MyAreaPage />, visible: (me) => isStaff(me) || holds(me, ['member']) },
  { key: 'pushed-tasks', path: '/pushed-tasks', label: 'pushedtasks.menu', icon: <OrderedListOutlined />, page: <PushedTasksPage />, visible: (me) => holds(me, ADMIN_ROLES) || isLiaison(me) },
  { key: 'work-reports', path: '/work-reports', label: 'workreports.menu', icon: <AuditOutlined />, page: <WorkReportsPage />, visible: (me) => holds(me, ADMIN_ROLES) },
  { key: 'my-posts', path: '/my-posts', label: 'posts.myMenu', icon: <CarryOutOutlined />, page: <MyPostsPage />, visible: (me) => holds(me, ['member']) },
  { key: 'lists', path: '/lists', label: 'projects.listsMenu', icon: <OrderedListOutlined />, page: <ListsPage />, visible: isStaff },
  { key: 'projects', path: '/projects', label: 'projects.menu', icon: <ProjectOutlined />, page: <ProjectsPage />, visible: isStaff },
  { key: 'wishes', path: '/wishes', label: 'needs.poolMenu', icon: <HeartOutlined />, page: <WishPoolPage />, visible: (me) => me.grants.some((g) => g.role === 'member' || g.role === 'unit_liaison') },
  { key: 'my-needs', path: '/my-needs', label: 'needs.mineMenu', icon: <MessageOutlined />, page: <MyNeedsPage />, visible: (me) => me.grants.some((g) => g.role === 'member' || g.role === 'resident') },
  { key: 'commitments', path: '/commitments', label: 'commitments.menu', icon: <AuditOutlined />, page: <CommitmentsPage />, visible: (me) => isStaff(me) || isLiaison(me) },
  { key: 'my-commitments', path: '/me/commitments', label: 'commitments.mineMenu', icon: <AuditOutlined />, page: <MyCommitmentsPage />, visible: (me) => holds(me, ['member']) },
  { key: 'commitment-reports', path: '/commitment-reports', label: 'commitments.publicMenu', icon: <MessageOutlined />, page: <PublicReportsPage />, visible: (me) => holds(me, ['resident', 'member']) },
  { key: 'evaluation', path: '/evaluation', label: 'evaluation.menu', icon: <TrophyOutlined />, page: <EvaluationPage />, visible: isStaff },
  { key: 'resources', path: '/resources', label: 'menu.resources', icon: <ShopOutlined />, page: <ResourcesPage />, visible: (me) => isStaff(me) || me.grants.some((g) => g.role === 'unit_liaison') },
  { key: 'venues', path: '/venues', label: 'menu.venues', icon: <CalendarOutlined />, page: <VenuesPage />, visible: (me) => isStaff(me) || me.grants.some((g) => g.role === 'unit_liaison') },
  { key: 'alliance', path: '/alliance-page', label: 'alliance.menu', icon: <GlobalOutlined />, page: <AllianceSettingsPage />, visible: (me) => holds(me, ADMIN_ROLES) },
  { key: 'census', path: '/census', label: 'census.menu', icon: <FileSyncOutlined />, page: <CensusPage />, visible: isStaff },
  { key: 'my-service', path: '/my-service', label: 'activities.menu.myService', icon: <HeartOutlined />, page: <MyServicePage /> },
  { key: 'scan', path: '/scan', label: 'activities.scanMenu', icon: <ScanOutlined />, page: <ScanPage />, visible: (me) => holds(me, ['member', 'resident']) },
  { key: 'activities', path: '/activities', label: 'activities.menu.activities', icon: <ScheduleOutlined />, page: <ActivitiesPage />, visible: isStaff },
  { key: 'feedback', path: '/feedback', label: 'activities.menu.feedback', icon: <SolutionOutlined />, page: <FeedbackPage />, visible: (me) => isStaff(me) || me.grants.some((g) => g.role === 'unit_liaison') },
  { key: 'funds', path: '/funds', label: 'funds.menu', icon: <AccountBookOutlined />, page: <FundsPage />, visible: (me) => holds(me, ADMIN_ROLES) },
  // Owners supervise: residents and members read the notice, the committee's liaison decides, staff run it.
  { key: 'owners-funds', path: '/owners-funds', label: 'funds.ownersMenu', icon: <AccountBookOutlined />, page: <OwnersFundsPage /> },
  { key: 'users', path: '/users', label: 'menu.users', icon: <UserSwitchOutlined />, page: <UsersPage />, visible: (me) => me.can.manageUsers },
  { key: 'audit', path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, page: <AuditPage />, visible: (me) => me.can.viewAudit },
];

const byKey = (key: string): ModuleEntry => MODULES.find((m) => m.key === key)!;

/**
 * The phone's bottom tabs for those who act on a phone (members, residents,
 * unit liaisons, grid workers): home, scan to check in, their own work,
 * messages and their file. Administrators, who work at a desk, keep the menu
 * alone; the menu stays for everyone as the way to every other page.
 */
export function phoneTabs(me: Me): ModuleEntry[] {
  if (holds(me, ADMIN_ROLES)) return [];
  const work = holds(me, ['grid_worker']) ? 'visits' : isLiaison(me) ? 'reportins' : holds(me, ['member']) ? 'my-service' : holds(me, ['resident']) ? 'my-needs' : null;
  if (!work) return [];
  const keys = ['home', 'scan', work, 'messages', ...(isPersonal(me) ? ['myfile'] : [])];
  return keys.map(byKey).filter((m) => !m.visible || m.visible(me));
}
