import { Card, Empty, Spin } from 'antd';
import { useI18n } from '../../kernel/i18n';
import { CoveragePanel } from './CoverageTab';
import { OrgFilter } from './OrgFilter';
import { WithOrgTree } from './OrgTreePanel';
import { findLoaded, useOrgTree } from './tree';

/** 覆盖情况 from the menu: the selected organization's subtree, or the user's own top organization. */
export function CoveragePage() {
  const store = useOrgTree();
  const { t, tx } = useI18n();
  const orgId = store.selectedId ?? store.roots?.[0]?.id ?? null;
  const org = findLoaded(store, orgId);
  let body;
  if (orgId !== null) body = <CoveragePanel orgId={orgId} canFix={org?.actions.includes('addChild') ?? false} />;
  else if (store.rootsLoading) body = <Spin className="gj-block-spin" />;
  else body = <Empty description={t('org.noRoots')} />;
  return (
    <WithOrgTree>
      <Card className="gj-page-card" title={org ? t('coverage.title', { name: tx(org.name) }) : t('menu.coverage')} extra={<OrgFilter />}>
        {body}
      </Card>
    </WithOrgTree>
  );
}
