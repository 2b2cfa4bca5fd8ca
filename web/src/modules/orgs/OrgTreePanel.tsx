import { ApartmentOutlined } from '@ant-design/icons';
import { Card, Collapse, Empty, Input, Spin, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useState, type ReactNode } from 'react';
import type { Page } from '../../kernel/api';
import { useApiError, useIsPhone } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { orgsApi, type Org } from './api';
import { useOrgTree, type OrgTreeStore } from './tree';

function buildTreeData(store: Pick<OrgTreeStore, 'roots' | 'childrenOf'>, tx: (s: string) => string): DataNode[] {
  const build = (orgs: Org[]): DataNode[] =>
    orgs.map((org) => {
      const kids = store.childrenOf.get(org.id);
      return {
        key: String(org.id),
        title: tx(org.name),
        isLeaf: org.childCount === 0,
        ...(kids ? { children: build(kids) } : {}),
      };
    });
  return build(store.roots ?? []);
}

const noop = () => undefined;

function OrgSearchResults({ result, onPick }: { result: Page<Org>; onPick: (org: Org) => void }) {
  const { t, tx, enumLabel } = useI18n();
  if (result.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noResults')} data-testid="org-search-empty" />;
  }
  return (
    <div className="gj-search-results" data-testid="org-search-results">
      {result.total > result.items.length && (
        <Typography.Text type="secondary">{t('org.moreResults', { shown: result.items.length, total: result.total })}</Typography.Text>
      )}
      {result.items.map((org) => (
        <button type="button" key={org.id} className="gj-search-result" data-testid="org-search-result" onClick={() => onPick(org)}>
          <span>{tx(org.name)}</span>
          <Typography.Text type="secondary">{enumLabel('OrgKind', org.kind, org.kindLabel)}</Typography.Text>
        </button>
      ))}
    </div>
  );
}

/**
 * The user's part of the organization tree: lazily opened, searchable, one
 * selection shared by all pages. On a phone it folds away; openOnPhone says
 * whether it starts open there (when the page is useless without a choice).
 */
export function OrgTreePanel({ openOnPhone }: { openOnPhone: boolean }) {
  const store = useOrgTree();
  const { t, tx } = useI18n();
  const onError = useApiError();
  const isPhone = useIsPhone();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<Page<Org> | null>(null);
  const [searching, setSearching] = useState(false);
  const [phoneOpen, setPhoneOpen] = useState(openOnPhone);

  const search = (value: string) => {
    const q = value.trim();
    setQuery(value);
    if (!q) {
      setResult(null);
      return;
    }
    setSearching(true);
    orgsApi
      .search(q)
      .then(setResult, onError)
      .finally(() => setSearching(false));
  };

  const pick = (orgId: number) => {
    store.select(orgId);
    if (isPhone) setPhoneOpen(false);
  };

  const pickFound = (org: Org) => {
    setQuery('');
    setResult(null);
    pick(org.id);
    orgsApi
      .detail(org.id)
      .then((detail) => store.reveal(detail.ancestors.map((a) => a.id)), onError);
  };

  let body: ReactNode;
  if (result) body = <OrgSearchResults result={result} onPick={pickFound} />;
  else if (store.rootsLoading) body = <Spin className="gj-block-spin" />;
  else if (!store.roots?.length) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noRoots')} />;
  else
    body = (
      <div data-testid="org-tree">
        <Tree
          blockNode
          showLine
          treeData={buildTreeData(store, tx)}
          // A failed level is reported by the store; the node then simply stays empty.
          loadData={(node) => store.loadChildren(Number(node.key)).then(noop, noop)}
          loadedKeys={[...store.childrenOf.keys()].map(String)}
          expandedKeys={store.expandedKeys}
          onExpand={(keys) => store.setExpandedKeys(keys)}
          selectedKeys={store.selectedId === null ? [] : [String(store.selectedId)]}
          onSelect={(keys) => {
            const key = keys[0];
            if (key !== undefined) pick(Number(key));
          }}
        />
      </div>
    );

  const content = (
    <>
      <Input.Search
        allowClear
        placeholder={t('org.searchPlaceholder')}
        value={query}
        loading={searching}
        onChange={(e) => {
          setQuery(e.target.value);
          if (!e.target.value) setResult(null);
        }}
        onSearch={search}
        data-testid="org-search"
        style={{ marginBottom: 12 }}
      />
      {body}
    </>
  );

  if (isPhone) {
    return (
      <Collapse
        className="gj-tree-collapse"
        activeKey={phoneOpen ? ['tree'] : []}
        onChange={(keys) => setPhoneOpen(keys.includes('tree'))}
        items={[
          {
            key: 'tree',
            label: (
              <span data-testid="org-tree-toggle">
                <ApartmentOutlined /> {t('org.tree')}
              </span>
            ),
            children: content,
          },
        ]}
      />
    );
  }
  return (
    <Card
      size="small"
      className="gj-tree-card"
      title={
        <span>
          <ApartmentOutlined /> {t('org.tree')}
        </span>
      }
    >
      {content}
    </Card>
  );
}

/** Tree panel beside the page on desktop, above it on a phone. */
export function WithOrgTree({ children, openOnPhone = false }: { children: ReactNode; openOnPhone?: boolean }) {
  return (
    <div className="gj-with-tree">
      <aside className="gj-with-tree-panel">
        <OrgTreePanel openOnPhone={openOnPhone} />
      </aside>
      <section className="gj-with-tree-main">{children}</section>
    </div>
  );
}
