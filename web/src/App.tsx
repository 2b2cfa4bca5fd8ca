import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { AppLayout, type MenuEntry } from './kernel/AppLayout';
import { AuthProvider, useAuth } from './kernel/auth';
import { DemoBanner } from './kernel/DemoBanner';
import { I18nProvider, useI18n } from './kernel/i18n';
import { MetaProvider } from './kernel/meta';
import { SignInPage } from './kernel/SignInPage';
import { useLoad } from './kernel/hooks';
import { MODULES, phoneTabs } from './modules';
import { badgesOf, homeApi } from './modules/home/api';
import { AlliancePublicPage } from './modules/alliance/AlliancePublicPage';
import { ActivatePage } from './modules/people/ActivatePage';
import { RegisterPage } from './modules/people/RegisterPage';
import { BigScreen } from './modules/statistics/BigScreen';
import { MessagesBell } from './modules/broadcast/MessagesBell';
import { OrgTreeProvider } from './modules/orgs/tree';

function SignedIn({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <Spin size="large" fullscreen />;
  if (state.status === 'signedOut') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // Keyed by user: whoever signs in next starts with a fresh tree and fresh data.
  return (
    <MetaProvider key={state.me.id}>
      <OrgTreeProvider>{children}</OrgTreeProvider>
    </MetaProvider>
  );
}

/** The menu, with what waits on the user counted beside the pages that act on it; read again on every page change. */
function Layout({ entries, tabs }: { entries: MenuEntry[]; tabs: MenuEntry[] }) {
  const { pathname } = useLocation();
  const todo = useLoad(() => homeApi.todo(), [pathname]);
  return <AppLayout entries={entries} badges={badgesOf(todo.data?.items ?? [])} headerExtra={<MessagesBell />} tabs={tabs} />;
}

function Shell() {
  const { state } = useAuth();
  const { t } = useI18n();
  const me = state.status === 'signedIn' ? state.me : null;
  const visible = MODULES.filter((m) => !me || !m.visible || m.visible(me));
  return (
    <Routes>
      <Route path="/login" element={<SignInPage />} />
      <Route path="/register" element={<RegisterPage />} />
      <Route path="/activate" element={<ActivatePage />} />
      <Route path="/alliance/:key" element={<AlliancePublicPage />} />
      {/* The wall screen has no menu: it fills the display it is shown on. */}
      <Route path="/big-screen" element={<SignedIn><BigScreen /></SignedIn>} />
      <Route
        element={
          <SignedIn>
            <Layout entries={visible} tabs={me ? phoneTabs(me) : []} />
          </SignedIn>
        }
      >
        {MODULES.map((m) => (
          <Route
            key={m.key}
            path={m.path}
            element={visible.includes(m) ? m.page : <Result status="403" title="403" subTitle={t('common.forbidden')} />}
          />
        ))}
        <Route path="*" element={<Result status="404" title="404" subTitle={t('common.notFound')} />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <BrowserRouter>
          <Shell />
          <DemoBanner />
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  );
}
