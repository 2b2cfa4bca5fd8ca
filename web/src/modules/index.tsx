import { AimOutlined, AuditOutlined, HomeOutlined, ApartmentOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me } from '../kernel/api';
import type { MessageKey } from '../kernel/messages/zh-CN';
import { AuditPage } from './audit/AuditPage';
import { HomePage } from './home/HomePage';
import { CoveragePage } from './orgs/CoveragePage';
import { OrgsPage } from './orgs/OrgsPage';
import { PeoplePage } from './people/PeoplePage';
import { UsersPage } from './users/UsersPage';

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
  { key: 'orgs', path: '/orgs', label: 'menu.orgs', icon: <ApartmentOutlined />, page: <OrgsPage /> },
  { key: 'coverage', path: '/coverage', label: 'menu.coverage', icon: <AimOutlined />, page: <CoveragePage />, visible: (me) => me.can.manageOrgs },
  { key: 'people', path: '/people', label: 'menu.people', icon: <TeamOutlined />, page: <PeoplePage /> },
  { key: 'users', path: '/users', label: 'menu.users', icon: <UserSwitchOutlined />, page: <UsersPage />, visible: (me) => me.can.manageUsers },
  { key: 'audit', path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, page: <AuditPage />, visible: (me) => me.can.viewAudit },
];
