import { Alert } from 'antd';
import { api, type Meta } from './api';
import { useLoad } from './hooks';
import { useI18n } from './i18n';

/** On every page, signed in or not, while the database holds the demo region (its accounts' password is public). */
export function DemoBanner() {
  const { t } = useI18n();
  const { data } = useLoad(() => api.get<Meta>('/api/meta'), []);
  if (!data?.demo) return null;
  return (
    <>
      <div className="gj-demo-spacer" />
      <Alert banner type="warning" title={t('demo.banner')} className="gj-demo-banner" data-testid="demo-banner" />
    </>
  );
}
