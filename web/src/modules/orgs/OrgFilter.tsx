import { ApartmentOutlined } from '@ant-design/icons';
import { Flex, Input, Tag } from 'antd';
import type { ReactNode } from 'react';
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

/** The toolbar of a list narrowed by the tree: a name search, the filter tag, and the page's own controls after them. */
export function OrgListToolbar({ placeholder, onSearch, testId, children }: { placeholder: string; onSearch: (q: string) => void; testId: string; children?: ReactNode }) {
  return (
    <Flex className="gj-toolbar" gap={8} wrap align="center">
      <Input.Search allowClear placeholder={placeholder} onSearch={(value) => onSearch(value.trim())} className="gj-toolbar-search" data-testid={testId} />
      <OrgFilter />
      {children}
    </Flex>
  );
}
