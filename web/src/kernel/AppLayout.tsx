import { ApiOutlined, DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Badge, Button, Drawer, Dropdown, Layout, Menu, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from './auth';
import { ChangePasswordModal } from './ChangePasswordModal';
import { useIsPhone } from './hooks';
import { useI18n } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import type { MessageKey } from '../messages';

export interface MenuEntry {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
}

const API_DOCS = 'api-docs';

function activeKey(entries: MenuEntry[], pathname: string): string | undefined {
  // The longest matching path wins, so '/' does not swallow '/orgs'.
  return [...entries]
    .sort((a, b) => b.path.length - a.path.length)
    .find((e) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(e.path + '/')))?.key;
}

/** Records waiting on the user, by the path of the page that acts on them (the home page's to-do, counted). */
export type MenuBadges = Readonly<Record<string, number>>;

function SideMenu({ entries, badges, onNavigate }: { entries: MenuEntry[]; badges: MenuBadges; onNavigate?: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = activeKey(entries, pathname);
  const items: MenuProps['items'] = [
    ...entries.map((e) => ({
      key: e.key,
      icon: e.icon,
      label: (
        <>
          <span data-testid={`menu-${e.key}`}>{t(e.label)}</span>
          {e.path !== '/' && badges[e.path] ? <Badge count={badges[e.path]} size="small" offset={[6, -2]} data-testid={`menu-badge-${e.key}`} /> : null}
        </>
      ),
    })),
    {
      key: API_DOCS,
      icon: <ApiOutlined />,
      label: (
        <a href="/api/docs" target="_blank" rel="noreferrer" data-testid="menu-api-docs">
          {t('menu.apiDocs')}
        </a>
      ),
    },
  ];
  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={items}
      onClick={({ key }) => {
        if (key === API_DOCS) return;
        const entry = entries.find((e) => e.key === key);
        if (entry) navigate(entry.path);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

/** The phone's bottom tabs: each a 56 px target, the current one marked for the eye and for screen readers. */
function PhoneTabBar({ tabs }: { tabs: MenuEntry[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = activeKey(tabs, pathname);
  return (
    <nav className="gj-tabbar" aria-label={t('menu.tabs')} data-testid="phone-tabs">
      {tabs.map((tab) => (
        <button key={tab.key} type="button" className={tab.key === current ? 'gj-tab gj-tab-current' : 'gj-tab'} aria-current={tab.key === current ? 'page' : undefined}
          onClick={() => navigate(tab.path)} data-testid={`tab-${tab.key}`}>
          <span className="gj-tab-icon" aria-hidden>{tab.icon}</span>
          <span className="gj-tab-label">{t(tab.label)}</span>
        </button>
      ))}
    </nav>
  );
}

function UserMenu() {
  const me = useMe();
  const { signOut } = useAuth();
  const { t, tx, enumLabel } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [changing, setChanging] = useState(false);
  const first = me.grants[0];

  const items: MenuProps['items'] = [
    ...me.grants.map((g) => ({
      key: `grant-${g.id}`,
      disabled: true,
      label: (
        <div className="gj-grant-line">
          <strong>{enumLabel('role', g.role, g.roleLabel)}</strong>
          <span>{tx(g.unitName ?? g.orgName)}</span>
        </div>
      ),
    })),
    ...(me.grants.length ? [{ type: 'divider' as const }] : []),
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t('user.changePassword')}</span> },
    { key: 'signOut', icon: <LogoutOutlined />, label: <span data-testid="menu-sign-out">{t('user.signOut')}</span> },
  ];

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            if (key === 'signOut') void signOut().then(() => message.success(t('user.signedOut')));
          },
        }}
      >
        <Button type="text" className="gj-header-button gj-user-button" data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} className="gj-avatar" />
          <span className="gj-user-name" data-testid="user-name">
            {tx(me.displayName)}
          </span>
          {!isPhone && first && <span className="gj-user-role">{enumLabel('role', first.role, first.roleLabel)}</span>}
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}

/** Header, module menu (side bar on desktop, drawer on a phone) and the page. */
export function AppLayout({ entries, badges = {}, headerExtra, tabs = [] }: { entries: MenuEntry[]; badges?: MenuBadges; headerExtra?: ReactNode; tabs?: MenuEntry[] }) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout className="gj-shell">
      <Layout.Header className="gj-header">
        {isPhone && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            onClick={() => setDrawerOpen(true)}
            aria-label={t('menu.open')}
            data-testid="menu-toggle"
            className="gj-header-button"
          />
        )}
        <div className="gj-brand" data-testid="brand">
          <span className="gj-logo">共</span>
          <Typography.Text className="gj-brand-name">{t('app.name')}</Typography.Text>
          {!isPhone && <span className="gj-brand-tagline">{t('app.tagline')}</span>}
        </div>
        <div className="gj-header-right">
          {headerExtra}
          <LanguageSwitch compact={isPhone} />
          <UserMenu />
        </div>
      </Layout.Header>
      <Layout>
        {isPhone ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={260}
            title={t('app.name')}
            styles={{ body: { padding: 0 } }}
            data-testid="menu-drawer"
          >
            <div data-testid="side-menu">
              <SideMenu entries={entries} badges={badges} onNavigate={() => setDrawerOpen(false)} />
            </div>
          </Drawer>
        ) : (
          <Layout.Sider width={208} theme="light" breakpoint="lg" collapsedWidth={64} className="gj-sider">
            <div data-testid="side-menu">
              <SideMenu entries={entries} badges={badges} />
            </div>
          </Layout.Sider>
        )}
        <Layout.Content className={isPhone && tabs.length ? 'gj-content gj-content-tabbed' : 'gj-content'}>
          <Outlet />
        </Layout.Content>
        {isPhone && tabs.length > 0 && <PhoneTabBar tabs={tabs} />}
      </Layout>
    </Layout>
  );
}
