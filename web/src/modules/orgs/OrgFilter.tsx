import { ApartmentOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useI18n } from '../../kernel/i18n';
import { findLoaded, useOrgTree } from './tree';

/** Shows which organization the list is narrowed to (the tree selection), with a way back to all. */
export function OrgFilter() {
  const store = useOrgTree();
  const { t, tx } = useI18n();
  const org = findLoaded(store, store.selectedId);
  if (store.selectedId === null) {
    return (
      <Tag icon={<ApartmentOutlined />} data-testid="org-filter">
        {t('org.all')}
      </Tag>
    );
  }
  return (
    <Tag icon={<ApartmentOutlined />} color="red" closable onClose={() => store.select(null)} data-testid="org-filter">
      {t('org.filter', { name: org ? tx(org.name) : `#${store.selectedId}` })}
    </Tag>
  );
}
