import { TreeSelect } from 'antd';
import { useI18n } from '../../kernel/i18n';
import type { Org } from './api';
import { useOrgTree } from './tree';

const noop = () => undefined;

interface TreeSelectNode {
  value: number;
  title: string;
  isLeaf: boolean;
  children?: TreeSelectNode[];
}

interface OrgTreeSelectProps {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  'data-testid'?: string;
}

/** Picks an organization from the user's tree, opening levels on demand (shares the tree panel's cache). */
export function OrgTreeSelect({ value, onChange, placeholder, allowClear, 'data-testid': testId }: OrgTreeSelectProps) {
  const store = useOrgTree();
  const { t, tx } = useI18n();
  const build = (orgs: Org[]): TreeSelectNode[] =>
    orgs.map((org) => {
      const kids = store.childrenOf.get(org.id);
      return { value: org.id, title: tx(org.name), isLeaf: org.childCount === 0, ...(kids ? { children: build(kids) } : {}) };
    });

  return (
    <TreeSelect<number | undefined, TreeSelectNode>
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder ?? t('org.select')}
      allowClear={allowClear}
      loading={store.rootsLoading}
      treeData={build(store.roots ?? [])}
      // A failed level is reported by the store; the node then simply stays empty.
      loadData={(node) => store.loadChildren(Number(node.value)).then(noop, noop)}
      treeLoadedKeys={[...store.childrenOf.keys()]}
      // Opens where the tree panel is open: the organization wanted is usually near the one being worked on.
      treeDefaultExpandedKeys={store.expandedKeys.map(Number)}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
